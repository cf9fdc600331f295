"""The app factory: `uvicorn --factory service.api.app:create_app` or `chorus serve`."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from litestar import Litestar
from litestar.di import Provide
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import SwaggerRenderPlugin
from litestar.static_files import create_static_files_router

from service import Pipeline, Settings
from service.api.briefs import BriefService
from service.api.cache import PACKAGE_VERSION, MemoryCache, RedisCache, ResponseCache
from service.api.deadline import BodyDeadlineMiddleware
from service.api.errors import problem_details_plugin
from service.api.logs import RequestLogMiddleware
from service.api.routes import STATIC_DIR, health, health_head, index, provide_briefs, ready, summarize
from service.api.settings import ApiSettings
from service.settings import checked
from service.stories.jobs import JobSettings
from service.stories.routes import MAX_FEED_BYTES, StoriesPlugin


def make_cache(api: ApiSettings) -> ResponseCache:
    if api.redis_url:
        return RedisCache(api.redis_url, ttl_seconds=api.cache_ttl_seconds)
    return MemoryCache(api.cache_size)


def create_app(
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    api: ApiSettings | None = None,
    jobs: JobSettings | None = None,
) -> Litestar:
    """An app around one pipeline; the model loads once, in the lifespan, off the event loop.
    Every setting is read and checked here (SettingsError), none in a lifespan."""
    api = checked(api) if api else ApiSettings.from_env()
    pipeline = pipeline or Pipeline.from_settings(settings)
    stories = StoriesPlugin(pipeline, jobs)

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        briefs = BriefService(pipeline, make_cache(api), api)
        app.state.briefs = briefs
        # Loaded in the background: /health answers at once, /ready says 503 until done.
        loading = asyncio.create_task(briefs.load())
        try:
            yield
        finally:
            await loading
            await briefs.close()

    return Litestar(
        route_handlers=[
            index,
            health,
            health_head,
            ready,
            summarize,
            create_static_files_router(path="/static", directories=[str(STATIC_DIR)], include_in_schema=False),
        ],
        dependencies={"briefs": Provide(provide_briefs, sync_to_thread=False)},
        lifespan=[lifespan],
        # The stories jobs API (POST /stories/jobs) and its persisted job runner.
        plugins=[
            problem_details_plugin({"/summarize": api.max_body_bytes, "/stories/jobs": MAX_FEED_BYTES}),
            stories,
        ],
        middleware=[RequestLogMiddleware(), BodyDeadlineMiddleware(api.body_timeout)],
        request_max_body_size=api.max_body_bytes,
        openapi_config=OpenAPIConfig(
            title="Chorus",
            version=PACKAGE_VERSION,
            description="One attributed brief from many overlapping news reports.",
            path="/schema",
            render_plugins=[SwaggerRenderPlugin()],
        ),
        logging_config=None,
    )
