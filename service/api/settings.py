"""Settings of the HTTP layer, read from the same CHORUS_* environment as the pipeline's."""

from __future__ import annotations

from collections.abc import Mapping

import msgspec

from service.settings import from_environment


class ApiSettings(msgspec.Struct, frozen=True, kw_only=True):
    # Clusters summarized at once. The pipeline is CPU-bound and the machine small, so one
    # at a time by default; more only helps where the model releases the GIL.
    pipeline_threads: int = 1
    # Requests allowed to wait for a pipeline thread; past it clients get 503 + Retry-After.
    queue_size: int = 32
    # Seconds a request may wait for its brief before it gets 503 + Retry-After. The work
    # goes on and its brief lands in the cache, so the retry is answered at once.
    request_timeout: float = 60.0
    max_body_bytes: int = 4 * 1024 * 1024
    # In-memory LRU size (responses); ignored when a Redis URL is set.
    cache_size: int = 512
    cache_ttl_seconds: int = 7 * 24 * 3600
    redis_url: str | None = None
    # Load the rewrite model at startup (/ready waits for it). Off: it loads on the first
    # abstractive request instead, which suits extractive-only deployments and tests.
    preload_model: bool = True

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ApiSettings:
        return from_environment(cls, environ=environ)
