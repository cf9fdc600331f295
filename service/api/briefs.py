"""From a request to briefs: the story seam, a bounded pool for the CPU work, and the cache.

The event loop only routes and waits; the pipeline runs on `pipeline_threads` threads.
Requests beyond the threads queue up to `queue_size`; past that, or past the per-request
time limit, callers get 503 + Retry-After instead of a hang. Identical requests in flight
share one job, and a job whose caller timed out still finishes and fills the cache.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import msgspec

from service import Article, InputError, Pipeline
from service.api.cache import ResponseCache, cache_key
from service.api.errors import JobFailed, ServiceBusy
from service.api.schemas import SummarizeRequest, SummarizeResponse
from service.api.settings import ApiSettings
from service.stages.render import rendered
from service.stories import group_stories

log = logging.getLogger(__name__)

# Until the first job finishes, Retry-After assumes this many seconds per queued job.
_FIRST_GUESS_SECONDS = 1.0


def split_into_stories(articles: Sequence[Article], group: bool) -> tuple[list[Sequence[Article]], list[str] | None]:
    """The request's articles as one list per story, in request order, and (when grouping)
    the ids of lone articles that belong to no story."""
    if not group:
        return [articles], None
    grouping = group_stories(articles)
    if not grouping.stories:
        raise InputError("no story in the batch: no two reports from different outlets cover the same events")
    members = [set(ids) for ids in grouping.stories]
    return [[article for article in articles if article.id in ids] for ids in members], grouping.singletons


def summarize_request(pipeline: Pipeline, request: SummarizeRequest) -> tuple[bytes, list[dict[str, float]]]:
    """The CPU work of one request (runs on a pipeline thread): the encoded response and
    each story's per-stage timings."""
    stories, singletons = split_into_stories(request.articles, request.group)
    clusters = [pipeline.run(story, request.options) for story in stories]
    briefs = [cluster.brief for cluster in clusters if cluster.brief is not None]
    each = rendered(briefs, request.options.format)
    body = msgspec.json.encode(SummarizeResponse(briefs=briefs, rendered=each, singletons=singletons))
    return body, [cluster.timings for cluster in clusters]


class BriefService:
    """One per app (made in the lifespan): readiness, the cache, the queue and the threads."""

    def __init__(self, pipeline: Pipeline, cache: ResponseCache, settings: ApiSettings):
        self.pipeline = pipeline
        self.cache = cache
        self.threads = settings.pipeline_threads
        self.capacity = self.threads + settings.queue_size
        self.timeout = settings.request_timeout
        self.preload_model = settings.preload_model
        self.executor = ThreadPoolExecutor(self.threads, thread_name_prefix="chorus-pipeline")
        self.ready = False
        self._jobs: dict[str, asyncio.Task[bytes]] = {}
        self._seconds_per_job = _FIRST_GUESS_SECONDS

    @property
    def model_version(self) -> str:
        generator = self.pipeline.generator
        if generator is None:
            return "none"
        return f"{generator.version}:{'available' if generator.available else 'unavailable'}"

    @property
    def model_available(self) -> bool:
        return self.pipeline.generator is not None and self.pipeline.generator.available

    async def load(self) -> None:
        """Load the model once, off the event loop, so /health answers meanwhile."""
        generator = self.pipeline.generator
        if generator is not None and self.preload_model:
            started = time.perf_counter()
            await asyncio.to_thread(generator.load)
            fields = {"model": self.model_version, "seconds": round(time.perf_counter() - started, 3)}
            log.info("model loaded", extra={"fields": fields})
        self.ready = True

    async def summarize(self, request: SummarizeRequest) -> tuple[bytes, bool]:
        """The encoded response, and whether it came from the cache."""
        # A brief that needs no model is made while the model loads.
        if not self.ready and self.pipeline.uses_model(request.options):
            raise ServiceBusy("the model is still loading; see /ready", retry_after=5)
        key = cache_key(request, self.model_version)
        if (cached := await self.cache.get(key)) is not None:
            return cached, True
        job = self._jobs.get(key)
        if job is None:
            if len(self._jobs) >= self.capacity:
                raise ServiceBusy(f"all {self.capacity} places in the queue are taken", self._retry_after())
            job = asyncio.create_task(self._run(key, request))
            self._jobs[key] = job
            job.add_done_callback(lambda done: self._forget(key, done))
        try:
            # shield: a caller that times out or disconnects leaves the job running.
            return await asyncio.wait_for(asyncio.shield(job), self.timeout), False
        except TimeoutError:
            detail = f"no brief within {self.timeout:g} s; it is still being made and will be cached for a retry"
            raise ServiceBusy(detail, self._retry_after()) from None
        except InputError:
            raise
        except Exception as error:
            raise JobFailed() from error

    async def _run(self, key: str, request: SummarizeRequest) -> bytes:
        loop = asyncio.get_running_loop()
        submitted = time.perf_counter()
        # copy_context: the pipeline thread's log lines carry this request's id.
        body, timings, seconds = await loop.run_in_executor(
            self.executor, contextvars.copy_context().run, self._timed_work, request
        )
        queued = time.perf_counter() - submitted - seconds
        self._seconds_per_job = 0.8 * self._seconds_per_job + 0.2 * seconds
        await self.cache.set(key, body)
        fields = {
            "articles": len(request.articles),
            "format": request.options.format,
            "method": request.options.method,
            "seconds": round(seconds, 4),
            "queued_seconds": round(queued, 4),
            "stage_ms": [{stage: round(s * 1000, 2) for stage, s in story.items()} for story in timings],
        }
        log.info("summarized", extra={"fields": fields})
        return body

    def _timed_work(self, request: SummarizeRequest) -> tuple[bytes, list[dict[str, float]], float]:
        started = time.perf_counter()
        body, timings = summarize_request(self.pipeline, request)
        return body, timings, time.perf_counter() - started

    def _forget(self, key: str, job: asyncio.Task[bytes]) -> None:
        self._jobs.pop(key, None)
        # The job's own record of a failure: its callers may all have timed out, and then
        # no request's error handler sees it.
        error = None if job.cancelled() else job.exception()
        if error is not None and not isinstance(error, InputError):
            log.error("summarize job failed", exc_info=error)

    def _retry_after(self) -> float:
        """Seconds until the queue ahead has likely drained."""
        return self._seconds_per_job * (len(self._jobs) + 1) / self.threads

    async def close(self) -> None:
        """Finish what was accepted, then stop the threads."""
        if self._jobs:
            await asyncio.gather(*self._jobs.values(), return_exceptions=True)
        self.executor.shutdown(wait=True)
        await self.cache.close()
