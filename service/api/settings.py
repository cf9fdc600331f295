"""Settings of the HTTP layer, read from the same CHORUS_* environment as the pipeline's."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated

import msgspec

from service.settings import Positive, from_environment


class ApiSettings(msgspec.Struct, frozen=True, kw_only=True):
    # Clusters summarized at once. The pipeline is CPU-bound and the machine small, so one
    # at a time by default; more only helps where the model releases the GIL.
    pipeline_threads: Positive = 1
    # Requests allowed to wait for a pipeline thread; past it clients get 503 + Retry-After.
    queue_size: Annotated[int, msgspec.Meta(ge=0)] = 32
    # Seconds a request may wait for its brief before it gets 503 + Retry-After. The work
    # goes on and its brief lands in the cache, so the retry is answered at once.
    request_timeout: Annotated[float, msgspec.Meta(gt=0)] = 60.0
    # Room for a page at MAX_HTML_CHARS (service.api.schemas) with JSON's escapes, and more reports.
    max_body_bytes: Positive = 8 * 1024 * 1024
    # Seconds a client may take to send its whole body; past it 408 and the connection closes.
    body_timeout: Annotated[float, msgspec.Meta(gt=0)] = 30.0
    # In-memory LRU size (responses); 0 caches nothing. Ignored when a Redis URL is set.
    cache_size: Annotated[int, msgspec.Meta(ge=0)] = 512
    cache_ttl_seconds: Positive = 7 * 24 * 3600
    # A URL of a scheme redis-py reads (empty: no Redis); checked here, as the client is made
    # only once the server runs.
    redis_url: Annotated[str, msgspec.Meta(pattern=r"^((redis|rediss|unix)://|$)")] | None = None
    # Load the rewrite model at startup (/ready waits for it). Off: it loads on the first
    # abstractive request instead, which suits extractive-only deployments and tests.
    preload_model: bool = True

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ApiSettings:
        return from_environment(cls, environ=environ)
