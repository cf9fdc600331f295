"""Structured logs: one JSON object per line, each carrying the request id of its request."""

from __future__ import annotations

import logging
import re
import time
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

import msgspec
from litestar.enums import ScopeType
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Message, Receive, ReceiveMessage, Scope, Send

REQUEST_ID: ContextVar[str | None] = ContextVar("chorus_request_id", default=None)
# A caller's X-Request-ID is kept only if it is short and plain, so it cannot forge log lines.
_SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if (request_id := REQUEST_ID.get()) is not None:
            entry["request_id"] = request_id
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return msgspec.json.encode(entry, enc_hook=str).decode()


# For uvicorn's `log_config` (dictConfig), so every worker process writes JSON lines: uvicorn's
# own loggers and the package's. Not applied by create_app: an app embedded elsewhere, or
# under test, keeps its host's logging.
LOG_CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "service.api.logs.JsonFormatter"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}},
    "loggers": {name: {"handlers": ["stderr"], "level": "INFO", "propagate": False} for name in ("uvicorn", "service")},
}


CLIENT_CLOSED_REQUEST = 499


class RequestLogMiddleware(ASGIMiddleware):
    """Gives each request an id (X-Request-ID, echoed back), reports its time (Server-Timing),
    and logs one line when it ends."""

    scopes = (ScopeType.HTTP,)

    def __init__(self) -> None:
        self.log = logging.getLogger("service.api.access")

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        given = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = given if _SAFE_REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        token = REQUEST_ID.set(request_id)
        started = time.perf_counter()
        status: int | None = None
        disconnected = False

        async def receive_watching() -> ReceiveMessage:
            nonlocal disconnected
            message = await receive()
            disconnected = disconnected or message["type"] == "http.disconnect"
            return message

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                # Server-Timing: the server's own share of the latency a client sees.
                server_ms = f"app;dur={(time.perf_counter() - started) * 1000:.2f}"
                headers = [(b"x-request-id", request_id.encode()), (b"server-timing", server_ms.encode())]
                message["headers"] = [*message.get("headers", []), *headers]
            await send(message)

        try:
            await next_app(scope, receive_watching, send_with_id)
        finally:
            if status is None:
                # No response started: the client went away first (nginx's 499), else a failure.
                status = CLIENT_CLOSED_REQUEST if disconnected else 500
            fields = {
                "method": scope.get("method"),
                "path": scope["path"],
                "status": status,
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
            }
            self.log.info("request", extra={"fields": fields})
            REQUEST_ID.reset(token)
