"""Run the app under uvicorn; `chorus serve` calls `serve`."""

from __future__ import annotations

import uvicorn

from service.api.logs import LOG_CONFIG


def serve(host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """Serve until stopped. Each worker process loads its own pipeline and model."""
    uvicorn.run(
        "service.api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        # Access lines come from RequestLogMiddleware, with the request id.
        access_log=False,
        log_config=LOG_CONFIG,
        # Finish accepted requests on SIGTERM, but not forever.
        timeout_graceful_shutdown=30,
    )
