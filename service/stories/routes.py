"""HTTP: `POST /stories/jobs` takes a day's feed, `GET /stories/jobs/{id}` reports on it.

One line wires it into an app, routes and the job runner's start/stop included:

    Litestar(..., plugins=[StoriesPlugin(pipeline)])

The runner starts in the app's lifespan (resuming jobs a previous process left unfinished)
and stops with it, requeueing the job in progress.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from litestar import Litestar, Request, Response, Router, get, post
from litestar.config.app import AppConfig
from litestar.datastructures import State
from litestar.exceptions import NotFoundException, ValidationException
from litestar.params import FromPath, JSONBody
from litestar.plugins import InitPluginProtocol

from service.api.errors import ServiceBusy, problem_spec
from service.errors import InputError
from service.models import check_unique_ids
from service.settings import checked
from service.stories.jobs import Job, JobRequest, JobRunner, JobSettings

if TYPE_CHECKING:
    from service.pipeline import Pipeline

log = logging.getLogger(__name__)
P = ParamSpec("P")
T = TypeVar("T")

# A day's feed of a few thousand articles; larger than the app's default /summarize limit.
MAX_FEED_BYTES = 64 * 1024 * 1024
# When the jobs database fails (read-only, disk full), clients are told to come back after this.
STORE_RETRY_AFTER_SECONDS = 30.0
STORE_PROBLEM = "The story jobs database cannot be used just now; retry after `Retry-After` seconds"


def _runner(state: State) -> JobRunner:
    return state.story_jobs  # type: ignore[no-any-return]  # set by StoriesPlugin's lifespan


async def _stored(call: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """`call` on a worker thread; a database failure is a 503 with a one-line log, not a 500 with a traceback."""
    try:
        return await asyncio.to_thread(call, *args, **kwargs)
    except sqlite3.Error as exc:
        log.error("story jobs database failed: %s", exc)
        raise ServiceBusy("the story jobs database cannot be used just now (logged); try again later",
                          STORE_RETRY_AFTER_SECONDS) from None


@post(
    "/jobs",
    status_code=202,
    request_max_body_size=MAX_FEED_BYTES,
    summary="Group a day's feed into stories and brief each one, as a job",
    description="Answers 202 with the job and its `Location`; poll that URL for progress and the result.",
    tags=["stories"],
    responses={
        400: problem_spec("Malformed JSON or an empty body"),
        413: problem_spec("The feed is over the size limit"),
        422: problem_spec("The request breaks the schema (article ids must be unique)"),
        503: problem_spec(STORE_PROBLEM),
    },
)
async def submit_job(data: JSONBody[JobRequest], state: State, request: Request) -> Response[Job]:
    try:
        check_unique_ids(data.articles)
    except InputError as exc:
        raise ValidationException(detail=str(exc)) from None
    runner = _runner(state)
    job_id = await _stored(runner.store.submit, data)
    runner.wake()
    job = await _stored(runner.store.get, job_id)
    assert job is not None, "just submitted"
    return Response(job, status_code=202, headers={"Location": request.url_for("stories-job", job_id=job_id)})


@get(
    "/jobs/{job_id:str}",
    name="stories-job",
    summary="A story job's progress, then its result",
    tags=["stories"],
    responses={404: problem_spec("No such job (unknown, or finished and expired)"), 503: problem_spec(STORE_PROBLEM)},
)
async def get_job(job_id: FromPath[str], state: State) -> Job:
    job = await _stored(_runner(state).store.get, job_id)
    if job is None:
        raise NotFoundException(detail=f"no story job {job_id!r} (unknown, or finished and expired)")
    return job


stories_router = Router(path="/stories", route_handlers=[submit_job, get_job])


class StoriesPlugin(InitPluginProtocol):
    """Adds `stories_router` and runs the job runner for the app's lifetime."""

    def __init__(self, pipeline: Pipeline | None = None, settings: JobSettings | None = None):
        self.pipeline = pipeline
        # Read and opened here, with the app, so that bad settings or an unusable database stop
        # the app factory with a SettingsError rather than the lifespan with a traceback.
        self.settings = checked(settings) if settings else JobSettings.from_env()
        self.store = self.settings.open_store()

    def on_app_init(self, app_config: AppConfig) -> AppConfig:
        app_config.route_handlers.append(stories_router)
        app_config.lifespan.append(self.lifespan)
        return app_config

    @asynccontextmanager
    async def lifespan(self, app: Litestar) -> AsyncIterator[None]:
        runner = JobRunner(self.store, self.pipeline, lease_seconds=self.settings.lease_seconds,
                           poll_seconds=self.settings.poll_seconds)
        app.state.story_jobs = runner
        runner.start()
        try:
            yield
        finally:
            await asyncio.to_thread(runner.stop)
