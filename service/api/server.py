"""Run the app under uvicorn; `chorus serve` calls `serve`."""

from __future__ import annotations

import uvicorn

from service.api.app import create_app
from service.api.logs import LOG_CONFIG


def serve(host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """Serve until stopped. Each worker process loads its own pipeline and model."""
    # Made here first, so that bad settings stop the server in one line (SettingsError) before
    # uvicorn starts: a worker process would end in a traceback, and be started again.
    app = create_app()
    uvicorn.run(
        app if workers == 1 else "service.api.app:create_app",
        factory=workers > 1,
        host=host,
        port=port,
        workers=workers,
        # Access lines come from RequestLogMiddleware, with the request id.
        access_log=False,
        log_config=LOG_CONFIG,
        # Finish accepted requests on SIGTERM, but not forever.
        timeout_graceful_shutdown=30,
    )
