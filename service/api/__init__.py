"""The HTTP service: `create_app` (Litestar app factory) and `serve` (uvicorn)."""
