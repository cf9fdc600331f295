"""Response cache for /summarize, keyed by what determines the brief.

Litestar's built-in response cache keys on the URL, which is the same for every POST, so
the key here hashes the decoded request (articles, options, group), the model version and
the package version. Values are the encoded response bytes, so a hit costs one lookup.
"""

from __future__ import annotations

import hashlib
import logging
from collections import OrderedDict
from importlib import metadata
from typing import Protocol

import msgspec
import redis.asyncio as aioredis
from redis.exceptions import RedisError

from service.api.schemas import SummarizeRequest

log = logging.getLogger(__name__)

try:
    PACKAGE_VERSION = metadata.version("chorus")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    PACKAGE_VERSION = "source"


def cache_key(request: SummarizeRequest, model_version: str) -> str:
    """A hash of the request as decoded: key order and whitespace in the JSON don't matter."""
    payload = msgspec.json.encode([PACKAGE_VERSION, model_version, request])
    return hashlib.sha256(payload).hexdigest()


class ResponseCache(Protocol):
    async def get(self, key: str) -> bytes | None: ...

    async def set(self, key: str, value: bytes) -> None: ...

    async def close(self) -> None: ...


class MemoryCache:
    """A bounded LRU, one per server process."""

    def __init__(self, max_entries: int):
        self.max_entries = max_entries
        self._entries: OrderedDict[str, bytes] = OrderedDict()

    async def get(self, key: str) -> bytes | None:
        value = self._entries.get(key)
        if value is not None:
            self._entries.move_to_end(key)
        return value

    async def set(self, key: str, value: bytes) -> None:
        self._entries[key] = value
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    async def close(self) -> None:
        self._entries.clear()


class RedisCache:
    """Shared by every server process that points at the same Redis.

    A Redis outage costs cache hits, never requests: errors are logged and read as misses.
    """

    PREFIX = "chorus:response:"

    def __init__(self, url: str, ttl_seconds: int):
        self.ttl_seconds = ttl_seconds
        self._client = aioredis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)

    async def get(self, key: str) -> bytes | None:
        try:
            value = await self._client.get(self.PREFIX + key)
        except (RedisError, OSError) as error:
            log.warning("cache read failed", extra={"fields": {"error": repr(error)}})
            return None
        return value if isinstance(value, bytes) else None  # bytes: no decode_responses

    async def set(self, key: str, value: bytes) -> None:
        try:
            await self._client.set(self.PREFIX + key, value, ex=self.ttl_seconds)
        except (RedisError, OSError) as error:
            log.warning("cache write failed", extra={"fields": {"error": repr(error)}})

    async def close(self) -> None:
        await self._client.aclose()
