"""Story jobs that outlive the server: a SQLite job store and a background runner.

A day's feed takes minutes to brief, longer than an HTTP request should wait, so it is a
job. Every accepted job is written to SQLite (WAL: readers never block the runner) before
the client hears 202, and each finished story is checkpointed as it completes. A runner
holds a job through a lease it keeps renewing; when a server dies mid-job the lease runs
out and the next runner to start (or any other worker sharing the file) claims the job
and resumes it, reusing the stories already checkpointed; every write names the attempt
its runner claimed, so a runner that stalled past its lease cannot overwrite the one that
took over. Grouping is deterministic and story ids derive from member ids, so the resumed
job ends with the result an uninterrupted one would have given. Finished jobs are kept for `result_ttl_seconds`, then deleted.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Annotated, Literal

import msgspec

from service.models import Article, Options
from service.settings import NonEmpty, SettingsError, from_environment
from service.stages.render import rendered
from service.stories.models import StoriesResult, Story
from service.stories.summarize import summarize_feed

if TYPE_CHECKING:
    from service.pipeline import Pipeline

log = logging.getLogger(__name__)

Status = Literal["queued", "running", "done", "failed"]
# A job whose runner died this many times is failed, not retried forever.
MAX_ATTEMPTS = 3
RESULT_TTL_SECONDS = 24 * 3600.0
# A runner renews its lease every third of this; a job whose lease lapsed is resumed.
LEASE_SECONDS = 30.0
POLL_SECONDS = 1.0
# How long stop() lets the runner finish the story in progress (and checkpoint it) before it
# hands the job back itself: well inside the 30 s a process manager usually allows a shutdown.
STOP_GRACE_SECONDS = 5.0
# A runner that cannot use its store retries after the poll interval, doubling up to this.
MAX_STORE_BACKOFF_SECONDS = 60.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    request BLOB NOT NULL,
    done INTEGER NOT NULL DEFAULT 0,
    total INTEGER,
    result BLOB,
    error TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    lease_until REAL,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    finished_at REAL
);
CREATE INDEX IF NOT EXISTS jobs_by_status ON jobs (status, created_at);
CREATE TABLE IF NOT EXISTS job_stories (
    job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    story_id TEXT NOT NULL,
    story BLOB NOT NULL,
    PRIMARY KEY (job_id, story_id)
);
"""


class JobSettings(msgspec.Struct, frozen=True, kw_only=True):
    """CHORUS_STORIES_DB, CHORUS_STORIES_RESULT_TTL_SECONDS, ... from the environment."""

    db: NonEmpty = os.path.join(os.path.expanduser("~"), ".cache", "chorus", "stories.sqlite3")
    result_ttl_seconds: Annotated[float, msgspec.Meta(gt=0)] = RESULT_TTL_SECONDS
    # Bounded: threads wait these out, and a wait of days overflows the platform's timer.
    lease_seconds: Annotated[float, msgspec.Meta(gt=0, le=24 * 3600)] = LEASE_SECONDS
    poll_seconds: Annotated[float, msgspec.Meta(gt=0, le=3600)] = POLL_SECONDS

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> JobSettings:
        return from_environment(cls, "CHORUS_STORIES_", environ)

    def open_store(self) -> JobStore:
        """The store these settings name, created where it is missing; SettingsError where it cannot be."""
        try:
            return JobStore(self.db, self.result_ttl_seconds)
        except (OSError, sqlite3.Error) as exc:
            raise SettingsError(f"CHORUS_STORIES_DB={self.db!r}: cannot open the story jobs database: {exc}") from None


class JobRequest(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """A day's feed: the articles and how long each story's brief is."""

    articles: Annotated[list[Article], msgspec.Meta(min_length=1, max_length=5000)]
    options: Options | None = None


class JobProgress(msgspec.Struct, kw_only=True):
    done: int  # stories briefed
    total: int | None  # stories in the feed; null until grouping has run


class Job(msgspec.Struct, kw_only=True):
    id: str
    status: Status
    progress: JobProgress
    created_at: float
    updated_at: float
    result: StoriesResult | None = None
    error: str | None = None


class Lease(msgspec.Struct, frozen=True):
    """A runner's hold on a job: the job and the attempt it claimed. A write under a lease
    that another runner has since taken over (this one stalled past its lease) changes
    nothing and raises LeaseLost, so two runners never both finish one job."""

    job_id: str
    attempt: int


class LeaseLost(Exception):
    """The job was claimed again by another runner after this runner's lease ran out."""


class JobStore:
    """Jobs in one SQLite file; safe to share between threads and worker processes."""

    def __init__(self, path: str, result_ttl_seconds: float = RESULT_TTL_SECONDS):
        self.path = path
        self.result_ttl_seconds = result_ttl_seconds
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(_SCHEMA)
            # A file this process may not write opens read-only without a word, and even BEGIN
            # IMMEDIATE succeeds on it: only writing a page fails, so try one and roll it back.
            db.execute("BEGIN IMMEDIATE")
            try:
                db.execute("CREATE TABLE write_probe (x)")
            finally:
                db.execute("ROLLBACK")

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # One short-lived connection per operation: no connection crosses threads.
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            db.execute("PRAGMA foreign_keys=ON")
            # WAL + NORMAL: a committed job survives the process being killed.
            db.execute("PRAGMA synchronous=NORMAL")
            yield db
        finally:
            db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def submit(self, request: JobRequest) -> str:
        job_id = uuid.uuid4().hex
        now = time.time()
        with self._connect() as db:
            db.execute(
                "INSERT INTO jobs (id, status, request, created_at, updated_at) VALUES (?, 'queued', ?, ?, ?)",
                (job_id, msgspec.json.encode(request), now, now),
            )
        return job_id

    def get(self, job_id: str) -> Job | None:
        with self._connect() as db:
            row = db.execute(
                "SELECT status, done, total, result, error, created_at, updated_at FROM jobs WHERE id = ?", (job_id,)
            ).fetchone()
        if row is None:
            return None
        status, done, total, stored_result, error, created_at, updated_at = row
        result = None
        if stored_result is not None:
            try:
                result = msgspec.json.decode(stored_result, type=StoriesResult)
            except msgspec.MsgspecError as exc:  # stored by an older version; answering it is not possible
                status, error = "failed", f"the stored result can no longer be read: {exc}; submit the feed again"
        return Job(
            id=job_id,
            status=status,
            progress=JobProgress(done=done, total=total),
            created_at=created_at,
            updated_at=updated_at,
            result=result,
            error=error,
        )

    def claim(self, lease_seconds: float) -> tuple[Lease, JobRequest] | None:
        """Take the oldest queued job, or a running one whose runner stopped renewing its lease.
        A job whose stored request this version cannot read (stored by an older one that
        accepted it) is failed, saying why, and the next is taken."""
        while (claimed := self._claim_next(lease_seconds)) is not None:
            lease, request = claimed
            try:
                return lease, msgspec.json.decode(request, type=JobRequest)
            except msgspec.MsgspecError as exc:
                self.fail(lease, f"the stored request can no longer be read: {exc}")
        return None

    def _claim_next(self, lease_seconds: float) -> tuple[Lease, bytes] | None:
        now = time.time()
        with self._transaction() as db:
            # Jobs whose runners died too often are failed rather than retried again.
            db.execute(
                "UPDATE jobs SET status = 'failed', error = 'the job stopped its runner ' || attempts || ' times', "
                "finished_at = ?, updated_at = ? WHERE status = 'running' AND lease_until < ? AND attempts >= ?",
                (now, now, now, MAX_ATTEMPTS),
            )
            row = db.execute(
                "SELECT id, request, attempts FROM jobs WHERE status = 'queued' OR (status = 'running' AND lease_until < ?) "
                "ORDER BY created_at LIMIT 1",
                (now,),
            ).fetchone()
            if row is None:
                return None
            job_id, request, attempts = row
            db.execute(
                "UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_until = ?, updated_at = ? WHERE id = ?",
                (now + lease_seconds, now, job_id),
            )
        return Lease(job_id, attempts + 1), request

    @staticmethod
    def _held(db: sqlite3.Connection, lease: Lease, update: str, parameters: tuple[object, ...]) -> None:
        """Run `update` ("UPDATE jobs SET …") on the leased job, only while the lease holds."""
        held = db.execute(f"{update} WHERE id = ? AND status = 'running' AND attempts = ?",
                          (*parameters, lease.job_id, lease.attempt)).rowcount
        if not held:
            raise LeaseLost(lease.job_id)

    def renew(self, lease: Lease, lease_seconds: float) -> None:
        with self._connect() as db:
            self._held(db, lease, "UPDATE jobs SET lease_until = ?", (time.time() + lease_seconds,))

    def release(self, lease: Lease) -> None:
        """Hand a running job back to the queue (a clean shutdown), keeping its checkpoints."""
        with self._connect() as db:
            self._held(db, lease, "UPDATE jobs SET status = 'queued', lease_until = NULL, attempts = attempts - 1, "
                       "updated_at = ?", (time.time(),))

    def progress(self, lease: Lease, done: int, total: int, story: Story | None = None) -> None:
        """Record progress and checkpoint the story just briefed, in one transaction."""
        with self._transaction() as db:
            self._held(db, lease, "UPDATE jobs SET done = ?, total = ?, updated_at = ?", (done, total, time.time()))
            if story is not None:
                db.execute("INSERT OR REPLACE INTO job_stories (job_id, story_id, story) VALUES (?, ?, ?)",
                           (lease.job_id, story.id, msgspec.json.encode(story)))

    def checkpoints(self, job_id: str) -> dict[str, Story]:
        """The stories already briefed for a job. One this version cannot read (checkpointed
        by an older one) is left out, so it is briefed again rather than failing the job."""
        with self._connect() as db:
            rows = db.execute("SELECT story_id, story FROM job_stories WHERE job_id = ?", (job_id,)).fetchall()
        finished = {}
        for story_id, blob in rows:
            try:
                finished[story_id] = msgspec.json.decode(blob, type=Story)
            except msgspec.MsgspecError:
                log.warning("story job %s: checkpoint of story %s is unreadable; briefing it again", job_id, story_id)
        return finished

    def finish(self, lease: Lease, result: StoriesResult) -> None:
        now = time.time()
        with self._transaction() as db:
            self._held(
                db, lease,
                "UPDATE jobs SET status = 'done', result = ?, done = ?, total = ?, lease_until = NULL, "
                "finished_at = ?, updated_at = ?",
                (msgspec.json.encode(result), len(result.stories), len(result.stories), now, now),
            )
            db.execute("DELETE FROM job_stories WHERE job_id = ?", (lease.job_id,))

    def fail(self, lease: Lease, error: str) -> None:
        now = time.time()
        with self._connect() as db:
            self._held(db, lease, "UPDATE jobs SET status = 'failed', error = ?, lease_until = NULL, finished_at = ?, "
                       "updated_at = ?", (error, now, now))

    def expire(self, now: float | None = None) -> int:
        """Delete finished jobs older than the result TTL; returns how many went."""
        cutoff = (time.time() if now is None else now) - self.result_ttl_seconds
        with self._connect() as db:
            return db.execute("DELETE FROM jobs WHERE finished_at IS NOT NULL AND finished_at < ?", (cutoff,)).rowcount


class _Stopping(Exception):
    """Raised inside a job when the runner is asked to stop; the job goes back to the queue."""


class _Claimed:
    """The job a runner is on. A release gives the attempt back, so the runner that claims the
    job next holds a lease equal to this one: once this runner has released the job, from its
    worker or from stop(), none of its writes may reach the store, and the lock makes that
    check and the write one step."""

    def __init__(self, lease: Lease):
        self.lease = lease
        self.lock = threading.Lock()
        self.released = False

    def write(self, write: Callable[[Lease], object]) -> None:
        with self.lock:
            if self.released:
                raise LeaseLost(self.lease.job_id)
            write(self.lease)

    def release(self, store: JobStore) -> None:
        """Requeue the job, once, whichever of the worker and stop() comes first."""
        with self.lock:
            if self.released:
                return
            self.released = True
            try:
                store.release(self.lease)
            except LeaseLost:
                pass  # finished, failed or taken over meanwhile: nothing to hand back


class JobRunner:
    """Runs queued jobs one at a time on a background thread (the pipeline is CPU-bound)."""

    def __init__(self, store: JobStore, pipeline: Pipeline | None = None, *,
                 lease_seconds: float = LEASE_SECONDS, poll_seconds: float = POLL_SECONDS):
        self.store = store
        self.pipeline = pipeline
        self.lease_seconds = lease_seconds
        self.poll_seconds = poll_seconds
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._claimed: _Claimed | None = None

    def start(self) -> None:
        """Start working; jobs left unfinished by a previous process are picked up first."""
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._loop, name="chorus-story-jobs", daemon=True)
            self._thread.start()

    def stop(self, grace: float = STOP_GRACE_SECONDS) -> None:
        """Stop, requeueing the unfinished job without counting it as an attempt. The worker
        gets `grace` seconds to finish the story in progress and hand the job back; one still
        grouping a large feed or briefing a slow story is left to stop at its next check, and
        the job is handed back from here (the story it was on is briefed again by the next runner)."""
        self._stop.set()
        self._wake.set()
        if self._thread is None:
            return
        self._thread.join(grace)
        if not self._thread.is_alive():
            self._thread = None
            return
        claimed = self._claimed
        if claimed is not None:
            log.info("story job %s handed back while its runner was busy", claimed.lease.job_id)
            try:
                claimed.release(self.store)
            except sqlite3.Error as exc:  # its lease lapses instead, and a runner resumes it
                log.error("could not hand story job %s back: %s", claimed.lease.job_id, exc)

    def wake(self) -> None:
        """A job was submitted: look now rather than at the next poll."""
        self._wake.set()

    def _loop(self) -> None:
        backoff = self.poll_seconds
        while not self._stop.is_set():
            claimed = None
            try:
                self.store.expire()
                claimed = self.store.claim(self.lease_seconds)
                if claimed is not None:
                    self.run_job(*claimed)
            except sqlite3.Error as exc:
                # A store it cannot write (read-only, disk full): a line a try, not a traceback a poll.
                what = f"story job {claimed[0].job_id}" if claimed else "story jobs"
                log.error("%s: the store %s failed: %s; retrying in %g s", what, self.store.path, exc, backoff)
                self._wake.wait(backoff)
                self._wake.clear()
                backoff = min(2 * backoff, MAX_STORE_BACKOFF_SECONDS)
                continue
            except Exception:  # the job could not be recorded: its lease runs out and it is resumed
                log.exception("story %s could not be recorded", f"job {claimed[0].job_id}" if claimed else "jobs")
            backoff = self.poll_seconds
            if claimed is None:
                self._wake.wait(self.poll_seconds)
                self._wake.clear()

    def run_job(self, lease: Lease, request: JobRequest) -> None:
        claimed = self._claimed = _Claimed(lease)
        renewing = threading.Event()

        def renew() -> None:
            while not renewing.wait(self.lease_seconds / 3):
                try:
                    claimed.write(lambda held: self.store.renew(held, self.lease_seconds))
                except LeaseLost:
                    return  # progress() notices too, and the work stops there
                except sqlite3.Error as exc:
                    log.error("could not renew the lease of story job %s: %s", lease.job_id, exc)

        renewer = threading.Thread(target=renew, name=f"lease-{lease.job_id[:8]}", daemon=True)
        renewer.start()

        def on_progress(story: Story | None, done: int, total: int) -> None:
            claimed.write(lambda held: self.store.progress(held, done, total, story))
            if self._stop.is_set():
                raise _Stopping

        try:
            if self._stop.is_set():  # claimed as stop() began: stop() may not have seen it
                raise _Stopping
            result = summarize_feed(request.articles, request.options, self.pipeline,
                                    finished=self.store.checkpoints(lease.job_id), on_progress=on_progress)
            if request.options:
                result.rendered = rendered([story.brief for story in result.stories], request.options.format)
            claimed.write(lambda held: self.store.finish(held, result))
        except _Stopping:
            claimed.release(self.store)
        except LeaseLost:
            if not claimed.released:
                log.warning("story job %s was taken over by another runner; this one stops", lease.job_id)
        except Exception as exc:  # a bad feed fails its job, never the runner
            log.exception("story job %s failed", lease.job_id)
            with suppress(LeaseLost):  # handed back or taken over meanwhile: not this runner's to fail
                claimed.write(lambda held: self.store.fail(held, f"{type(exc).__name__}: {exc}"))
        finally:
            self._claimed = None
            renewing.set()
            renewer.join()
