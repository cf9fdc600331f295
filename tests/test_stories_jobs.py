"""Story jobs: the SQLite store, the runner, the HTTP routes, and a server killed mid-job."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import msgspec
import pytest
from litestar import Litestar
from litestar.testing import TestClient

from conftest import EXTRACTIVE
from server_process import EXTRACTIVE_ENV, _Process, free_port
from service import Pipeline, Settings
from service.api.app import create_app
from service.api.settings import ApiSettings
from service.cluster import Cluster
from service.generators import GeneratorSlot
from service.settings import SettingsError
from service.stages.render import Render, render
from service.stories import summarize_feed
from service.stories.jobs import JobRequest, JobRunner, JobSettings, JobStore, LeaseLost
from service.stories.routes import StoriesPlugin
from test_stories import load_feed

FEED = load_feed()


def request() -> JobRequest:
    return JobRequest(articles=FEED, options=EXTRACTIVE)


def test_a_submitted_job_is_queued_claimed_checkpointed_and_finished(tmp_path, pipeline):
    store = JobStore(str(tmp_path / "jobs.sqlite3"))
    job_id = store.submit(request())
    assert store.get(job_id).status == "queued"
    lease, claimed = store.claim(lease_seconds=30)
    assert lease.job_id == job_id and claimed == request()
    assert store.claim(lease_seconds=30) is None  # leased: nobody else takes it
    result = summarize_feed(claimed.articles, claimed.options, pipeline)
    store.progress(lease, 1, 2, result.stories[0])
    job = store.get(job_id)
    assert (job.status, job.progress.done, job.progress.total) == ("running", 1, 2)
    assert store.checkpoints(job_id) == {result.stories[0].id: result.stories[0]}
    store.finish(lease, result)
    job = store.get(job_id)
    assert job.status == "done" and job.result == result and store.checkpoints(job_id) == {}


def test_a_job_whose_lease_lapsed_is_claimed_again_then_failed_after_repeated_deaths(tmp_path):
    store = JobStore(str(tmp_path / "jobs.sqlite3"))
    job_id = store.submit(request())
    for _ in range(3):
        assert store.claim(lease_seconds=-1)[0].job_id == job_id  # a runner that died at once
    assert store.claim(lease_seconds=30) is None
    job = store.get(job_id)
    assert job.status == "failed" and "3 times" in job.error


def test_a_stored_request_this_version_cannot_read_fails_its_job_and_the_next_is_claimed(tmp_path):
    store = JobStore(str(tmp_path / "jobs.sqlite3"))
    unreadable = store.submit(request())
    readable = store.submit(request())
    old = msgspec.json.encode({"articles": [{"id": "a", "text": "x", "published_at": "4 March"}]})
    with sqlite3.connect(tmp_path / "jobs.sqlite3") as db:
        db.execute("UPDATE jobs SET request = ?, created_at = created_at - 1 WHERE id = ?", (old, unreadable))
    lease, claimed = store.claim(lease_seconds=30)
    assert lease.job_id == readable and claimed == request()
    job = store.get(unreadable)
    assert job.status == "failed" and job.error.startswith("the stored request can no longer be read: published_at")


def test_a_stored_result_or_checkpoint_this_version_cannot_read_is_reported_or_redone_not_a_crash(tmp_path, pipeline):
    store = JobStore(str(tmp_path / "jobs.sqlite3"))
    job_id = store.submit(request())
    lease, claimed = store.claim(lease_seconds=30)
    result = summarize_feed(claimed.articles, claimed.options, pipeline)
    store.progress(lease, 1, 2, result.stories[0])
    with sqlite3.connect(tmp_path / "jobs.sqlite3") as db:
        db.execute("UPDATE job_stories SET story = ?", (b'{"id": "old"}',))
    assert store.checkpoints(job_id) == {}  # briefed again, not a failed job
    store.finish(lease, result)
    with sqlite3.connect(tmp_path / "jobs.sqlite3") as db:
        db.execute("UPDATE jobs SET result = ?", (b'{"stories": "old"}',))
    job = store.get(job_id)
    assert job.status == "failed" and job.result is None
    assert job.error.startswith("the stored result can no longer be read: Expected `array`")


def test_finished_jobs_expire_after_the_ttl(tmp_path):
    store = JobStore(str(tmp_path / "jobs.sqlite3"), result_ttl_seconds=60)
    job_id = store.submit(request())
    lease, _ = store.claim(lease_seconds=30)
    store.fail(lease, "boom")
    assert store.expire(now=time.time() + 30) == 0 and store.get(job_id) is not None
    assert store.expire(now=time.time() + 120) == 1 and store.get(job_id) is None


def test_a_stopped_runner_requeues_its_job_and_a_new_one_resumes_from_the_checkpoints(tmp_path, pipeline):
    store = JobStore(str(tmp_path / "jobs.sqlite3"))
    job_id = store.submit(request())
    runner = JobRunner(store, pipeline)
    runner.stop()  # asked to stop before it began: the first progress call hands the job back
    runner.run_job(*store.claim(lease_seconds=30))
    assert store.get(job_id).status == "queued"
    fresh = JobRunner(store, pipeline, poll_seconds=0.05)
    fresh.start()
    try:
        deadline = time.monotonic() + 20
        while store.get(job_id).status != "done" and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        fresh.stop()
    assert store.get(job_id).result == summarize_feed(FEED, EXTRACTIVE, pipeline)


def attempts(db: Path, job_id: str) -> int:
    with sqlite3.connect(db) as jobs:
        return jobs.execute("SELECT attempts FROM jobs WHERE id = ?", (job_id,)).fetchone()[0]


class BlockingRender(Render):
    """A render stage that holds each story until let go: a runner stopped meanwhile is busy."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.go = threading.Event()

    def __call__(self, cluster: Cluster) -> Cluster:
        self.started.set()
        assert self.go.wait(30), "never let go"
        return super().__call__(cluster)


def test_a_runner_stopped_mid_story_requeues_its_job_at_once_and_then_writes_nothing(tmp_path):
    # A feed still being grouped or a story still being briefed when the server is told to stop:
    # the job is queued again, not counted as a runner death, and within the shutdown grace period.
    db = tmp_path / "jobs.sqlite3"
    store = JobStore(str(db))
    job_id = store.submit(request())
    slow = BlockingRender()
    runner = JobRunner(store, Pipeline.from_settings(Settings(), generator=GeneratorSlot(None, "none"),
                                                     overrides={"render": slow}), poll_seconds=0.05)
    runner.start()
    assert slow.started.wait(20)
    began = time.monotonic()
    runner.stop(grace=0.5)
    assert time.monotonic() - began < 3
    assert store.get(job_id).status == "queued" and attempts(db, job_id) == 0
    # Another server takes the job under the same attempt number; the stopped runner's story
    # then ends, and neither its checkpoint nor its hand-back may touch the job.
    lease, _ = store.claim(lease_seconds=30)
    slow.go.set()
    runner.stop(grace=20)  # waits for the stopped runner's thread to end
    job = store.get(job_id)
    assert (job.status, job.progress.done, attempts(db, job_id)) == ("running", 0, 1)
    assert store.checkpoints(job_id) == {}
    store.renew(lease, 30)  # still the new runner's


def test_the_routes_accept_a_feed_and_report_progress_then_the_result(tmp_path, pipeline):
    settings = JobSettings(db=str(tmp_path / "jobs.sqlite3"), poll_seconds=0.05)
    with TestClient(Litestar(plugins=[StoriesPlugin(pipeline, settings)])) as client:
        response = client.post("/stories/jobs", content=msgspec.json.encode(request()),
                               headers={"content-type": "application/json"})
        assert response.status_code == 202
        location = response.headers["location"]
        assert location.endswith(f"/stories/jobs/{response.json()['id']}")
        deadline = time.monotonic() + 20
        while (job := client.get(location).json())["status"] not in ("done", "failed") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert job["status"] == "done" and job["progress"] == {"done": 2, "total": 2}
        assert [s["article_ids"][0] for s in job["result"]["stories"]] == ["wire-ferry", "courier-tram"]
        assert client.get("/stories/jobs/unknown").status_code == 404
        twice = {"articles": [{"id": "a", "text": "One."}, {"id": "a", "text": "Two."}]}
        assert client.post("/stories/jobs", json=twice).status_code == 400


@pytest.mark.parametrize(
    ("content", "status", "mention"),
    [
        (msgspec.json.encode({"articles": FEED, "options": {"extractor": "foo"}}), 422, "unknown extractor 'foo'"),
        (msgspec.json.encode({"articles": [{"id": "a", "text": "One.", "published_at": "9999-12-31T23:59:59-01:00"}]}),
         422, "out of range once converted to UTC"),
        (b'{"articles": [{"id": "a", "text": "caf\xe9 fire"}]}', 400, "not valid UTF-8"),
    ],
    ids=["unknown-extractor", "publication-time-past-9999-in-utc", "body-not-utf8"],
)
def test_the_service_refuses_a_feed_it_cannot_run_before_queueing_it(
    tmp_path, pipeline, monkeypatch, content, status, mention
):
    db = tmp_path / "jobs.sqlite3"
    monkeypatch.setenv("CHORUS_STORIES_DB", str(db))
    with TestClient(create_app(pipeline=pipeline, api=ApiSettings())) as client:
        response = client.post("/stories/jobs", content=content, headers={"content-type": "application/json"})
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert mention in response.json()["detail"]
    with sqlite3.connect(db) as jobs:
        assert jobs.execute("SELECT count(*) FROM jobs").fetchone() == (0,)


def test_a_job_renders_each_story_in_the_format_asked_as_summarize_does(tmp_path, pipeline):
    store = JobStore(str(tmp_path / "jobs.sqlite3"))
    markdown = store.submit(JobRequest(articles=FEED, options=msgspec.structs.replace(EXTRACTIVE, format="markdown")))
    plain = store.submit(request())
    runner = JobRunner(store, pipeline)
    for _ in range(2):
        runner.run_job(*store.claim(lease_seconds=30))
    result = store.get(markdown).result
    assert result.rendered == [render(story.brief, "markdown") for story in result.stories]
    assert result.rendered[0].startswith("## ")
    # JSON asks for nothing more: the result is as before, with no `rendered` key.
    assert "rendered" not in msgspec.to_builtins(store.get(plain).result)


@pytest.mark.parametrize("db", ["/proc/nope/x.sqlite3", "{tmp}"], ids=["parent-cannot-be-made", "a-directory"])
def test_an_unusable_jobs_database_stops_the_app_factory_in_one_line(tmp_path, pipeline, monkeypatch, db):
    # Not the lifespan, whose failure is a traceback after the server has started.
    monkeypatch.setenv("CHORUS_STORIES_DB", db.format(tmp=tmp_path))
    with pytest.raises(SettingsError, match=r"^CHORUS_STORIES_DB='.+': cannot open the story jobs database: .+$"):
        create_app(pipeline=pipeline, api=ApiSettings())


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """`path` made unwritable: by its mode, or by chattr +i where the mode stops no write (root); else the test is
    skipped."""
    path.chmod(0o444)
    immutable = os.access(path, os.W_OK) and shutil.which("chattr") is not None
    if immutable:
        subprocess.run(["chattr", "+i", str(path)], capture_output=True)
    try:
        if os.access(path, os.W_OK):
            pytest.skip("cannot make a file read-only here (root, and no chattr +i on this filesystem)")
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], capture_output=True)
        path.chmod(0o644)


def test_a_jobs_database_that_cannot_be_written_stops_the_app_factory_in_one_line(tmp_path, pipeline, monkeypatch):
    # SQLite opens a file it may not write read-only without complaint; the first job would fail.
    db = tmp_path / "jobs.sqlite3"
    JobStore(str(db))
    monkeypatch.setenv("CHORUS_STORIES_DB", str(db))
    with read_only(db), pytest.raises(
        SettingsError, match=r"^CHORUS_STORIES_DB='.+': cannot open the story jobs database: .*readonly database$"
    ):
        create_app(pipeline=pipeline, api=ApiSettings())


def test_a_jobs_database_that_fails_later_is_a_503_and_one_log_line_a_retry(tmp_path, pipeline, monkeypatch, caplog):
    db = tmp_path / "jobs.sqlite3"
    monkeypatch.setenv("CHORUS_STORIES_DB", str(db))
    monkeypatch.setenv("CHORUS_STORIES_POLL_SECONDS", "0.05")
    with TestClient(create_app(pipeline=pipeline, api=ApiSettings())) as client, read_only(db):
        response = client.post("/stories/jobs", content=msgspec.json.encode(request()),
                               headers={"content-type": "application/json"})
        assert response.status_code == 503, response.text
        assert response.headers["content-type"].startswith("application/problem+json")
        assert int(response.headers["retry-after"]) > 0
    runner = JobRunner(JobStore(str(db)), pipeline, poll_seconds=0.05)
    caplog.clear()
    with read_only(db), caplog.at_level(logging.ERROR, logger="service.stories.jobs"):
        runner.start()
        time.sleep(1.5)
        runner.stop()
    failures = [r for r in caplog.records if r.name == "service.stories.jobs"]
    assert failures and all(r.exc_info is None and "readonly database" in r.getMessage() for r in failures)
    assert len(failures) <= 6  # backing off from the 0.05 s poll: without it, about 30


def test_the_plugin_checks_job_settings_built_in_python(tmp_path, pipeline):
    with pytest.raises(SettingsError, match=r"^poll_seconds=0: Expected `float` > 0.0$"):
        StoriesPlugin(pipeline, JobSettings(db=str(tmp_path / "jobs.sqlite3"), poll_seconds=0))


# A server whose render stage takes a second per story, so that a kill lands mid-job.
APP = textwrap.dedent(
    """
    import sys, time
    import uvicorn
    from litestar import Litestar
    from service import Pipeline, Settings
    from service.generators import GeneratorSlot
    from service.stages.render import Render
    from service.stories.routes import StoriesPlugin

    class SlowRender(Render):
        def __call__(self, cluster):
            time.sleep(float(sys.argv[2]))
            return super().__call__(cluster)

    pipeline = Pipeline.from_settings(Settings(), generator=GeneratorSlot(None, "none"),
                                      overrides={"render": SlowRender()})
    uvicorn.run(Litestar(plugins=[StoriesPlugin(pipeline)]), host="127.0.0.1", port=int(sys.argv[1]),
                log_level="warning")
    """
)


class StoriesServer(_Process):
    name = "stories-server"

    def __init__(self, script: Path, db: Path, seconds_per_story: float):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**EXTRACTIVE_ENV, "CHORUS_STORIES_DB": str(db), "CHORUS_STORIES_LEASE_SECONDS": "1.5",
               "CHORUS_STORIES_POLL_SECONDS": "0.1"}
        super().__init__([sys.executable, str(script), str(self.port), str(seconds_per_story)], env)
        self._wait_until(self._is_up, 60)

    def _is_up(self) -> bool:
        try:
            return httpx.get(f"{self.url}/stories/jobs/probe", timeout=2).status_code == 404
        except httpx.TransportError:
            return False


def _poll(url: str, until, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = httpx.get(url, timeout=5).json()
        if until(job):
            return job
        time.sleep(0.1)
    raise TimeoutError(f"job never reached the state wanted; last: {job}")


def test_a_job_survives_the_server_being_killed_mid_job(tmp_path, pipeline):
    script, db = tmp_path / "app.py", tmp_path / "jobs.sqlite3"
    script.write_text(APP, encoding="utf-8")
    first = StoriesServer(script, db, seconds_per_story=1.5)
    try:
        response = httpx.post(f"{first.url}/stories/jobs", content=msgspec.json.encode(request()),
                              headers={"content-type": "application/json"}, timeout=10)
        assert response.status_code == 202
        location = response.headers["location"]
        job = _poll(location, lambda j: j["progress"]["done"] >= 1)
        assert job["status"] == "running" and job["progress"]["total"] == 2
        first.process.kill()  # SIGKILL: no shutdown hook runs
        first.process.wait()
    finally:
        first.stop()
    second = StoriesServer(script, db, seconds_per_story=0)
    try:
        job = _poll(location.replace(str(first.port), str(second.port)), lambda j: j["status"] != "running"
                    and j["status"] != "queued")
    finally:
        second.stop()
    assert job["status"] == "done", job
    expected = msgspec.to_builtins(summarize_feed(FEED, EXTRACTIVE, pipeline))
    assert job["result"] == expected


def test_a_runner_whose_lease_was_taken_over_changes_nothing(tmp_path, pipeline):
    store = JobStore(str(tmp_path / "jobs.sqlite3"))
    job_id = store.submit(request())
    stale, _ = store.claim(lease_seconds=-1)  # stalled past its lease
    current, claimed = store.claim(lease_seconds=30)
    result = summarize_feed(claimed.articles, claimed.options, pipeline)
    for write in (lambda: store.progress(stale, 1, 2, result.stories[0]), lambda: store.finish(stale, result),
                  lambda: store.fail(stale, "late"), lambda: store.release(stale),
                  lambda: store.renew(stale, 30)):
        with pytest.raises(LeaseLost):
            write()
    assert store.get(job_id).status == "running" and store.checkpoints(job_id) == {}
    store.finish(current, result)
    assert store.get(job_id).result == result


def test_the_runner_outlives_a_store_error_and_runs_the_next_job(tmp_path, pipeline, monkeypatch):
    store = JobStore(str(tmp_path / "jobs.sqlite3"))
    store.submit(request())
    recording_failed = threading.Event()

    def finish(*args: object) -> None:
        raise RuntimeError("the result does not encode")

    def fail(*args: object) -> None:
        recording_failed.set()
        raise sqlite3.OperationalError("disk I/O error")

    # The first job fails, and recording that fails too.
    monkeypatch.setattr(store, "finish", finish)
    monkeypatch.setattr(store, "fail", fail)
    runner = JobRunner(store, pipeline, poll_seconds=0.05)
    runner.start()
    try:
        assert recording_failed.wait(20)
        monkeypatch.undo()
        second = store.submit(request())
        runner.wake()
        deadline = time.monotonic() + 20
        while store.get(second).status != "done" and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        runner.stop()
    assert store.get(second).status == "done"
