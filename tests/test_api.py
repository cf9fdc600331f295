"""The HTTP API in-process (Litestar's test clients): every route and every error class."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from litestar.plugins.problem_details import ProblemDetailsException
from litestar.testing import TestClient

from conftest import is_cut_from, no_model_pipeline
from service import Options, Pipeline, Settings
from service.api.app import create_app
from service.api.cache import MemoryCache, cache_key
from service.api.deadline import BodyDeadlineMiddleware
from service.api.logs import JsonFormatter, RequestLogMiddleware
from service.api.schemas import MAX_ARTICLE_CHARS, MAX_ARTICLES, SummarizeRequest
from service.api.settings import ApiSettings
from service.cluster import Cluster
from service.generators import GeneratorSlot
from service.settings import SettingsError
from service.stories.routes import MAX_FEED_BYTES

FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "api_rockfall.json").read_text())
ARTICLES: list[dict[str, Any]] = FIXTURE["articles"]
TEXTS = {article["id"]: article["text"] for article in ARTICLES}


def summarize_body(articles: list[dict[str, Any]] = ARTICLES, **options: Any) -> dict[str, Any]:
    return {"articles": articles, "options": {"method": "extractive", **options}}


class Gate:
    """A pipeline stage that holds every cluster until `opened`, counting who arrived."""

    def __init__(self, inner: Any):
        self.inner = inner
        self.name = inner.name
        self.opened = threading.Event()
        self.arrived = 0

    def __call__(self, cluster: Cluster) -> Cluster:
        self.arrived += 1
        self.opened.wait(timeout=20)
        return self.inner(cluster)


def gated_pipeline() -> tuple[Pipeline, Gate]:
    pipeline = no_model_pipeline()
    gate = Gate(pipeline.stages[0])
    return Pipeline([gate, *pipeline.stages[1:]], pipeline.generator), gate


def wait_ready(client: TestClient[Any]) -> None:
    for _ in range(200):
        if client.get("/ready").status_code == 200:
            return
        time.sleep(0.02)
    raise AssertionError("the app never became ready")


@contextmanager
def serving(pipeline: Pipeline, **api: Any) -> Iterator[TestClient[Any]]:
    with TestClient(create_app(pipeline=pipeline, api=ApiSettings(**api))) as client:
        wait_ready(client)
        yield client


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return no_model_pipeline()


@pytest.fixture()
def client(pipeline: Pipeline) -> Iterator[TestClient[Any]]:
    with serving(pipeline) as client:
        yield client


def assert_problem(response: httpx.Response, status: int, title: str, *mentions: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["status"] == status
    assert problem["title"] == title
    for text in mentions:
        assert text in problem["detail"], problem
    return problem


def assert_brief_cites_sources(brief: dict[str, Any], texts: dict[str, str]) -> None:
    assert brief["method"] == "extractive"
    assert brief["headline"]
    assert brief["sentences"]
    assert {source["id"] for source in brief["sources"]} == set(texts)
    for sentence in brief["sentences"]:
        assert sentence["citations"], sentence
        for citation in sentence["citations"]:
            text = texts[citation["article_id"]]
            cited = text[citation["start"] : citation["end"]]
            assert 0 <= citation["start"] < citation["end"] <= len(text)
            assert cited.strip() and cited == cited.strip(), citation
        # Extracted sentences are the first report they cite, trimmed: only words are cut.
        first = sentence["citations"][0]
        assert is_cut_from(sentence["text"], texts[first["article_id"]][first["start"] : first["end"]])


# --- routes -----------------------------------------------------------------------------------


def test_summarize_returns_one_attributed_brief(client: TestClient[Any]) -> None:
    response = client.post("/summarize", json=summarize_body(sentences=4))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-cache"] == "miss"
    payload = response.json()
    assert set(payload) == {"briefs"}
    assert len(payload["briefs"]) == 1
    brief = payload["briefs"][0]
    assert 1 <= len(brief["sentences"]) <= 4
    assert_brief_cites_sources(brief, TEXTS)


def test_markdown_and_html_come_rendered_beside_the_brief(client: TestClient[Any]) -> None:
    markdown = client.post("/summarize", json=summarize_body(sentences=3, format="markdown")).json()
    assert markdown["briefs"][0]["headline"] in markdown["rendered"][0]
    assert "Valley Herald" in markdown["rendered"][0]
    html = client.post("/summarize", json=summarize_body(sentences=3, format="html")).json()
    assert html["rendered"][0].startswith("<article")
    assert 'href="https://herald.example/2031/rockfall-dunmere-line"' in html["rendered"][0]


def test_html_rendering_escapes_everything_a_report_says(client: TestClient[Any]) -> None:
    hostile = [
        {**ARTICLES[0], "outlet": "<script>alert(1)</script>", "url": "javascript:alert(2)"},
        {**ARTICLES[1], "title": '"><img src=x onerror=alert(3)>'},
    ]
    rendered = client.post("/summarize", json=summarize_body(hostile, format="html")).json()["rendered"][0]
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered
    assert "javascript:" not in rendered
    assert "<img" not in rendered


def test_health_ready_and_the_openapi_schema(client: TestClient[Any]) -> None:
    assert client.get("/health").json() == {"status": "ok"}
    probe = client.head("/health")
    assert probe.status_code == 200 and probe.content == b""
    ready = client.get("/ready")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready", "model": "none (none):unavailable", "model_available": False}
    schema = client.get("/schema/openapi.json").json()
    operation = schema["paths"]["/summarize"]["post"]
    request_examples = operation["requestBody"]["content"]["application/json"]["schema"]["examples"]
    assert request_examples[0]["options"]["method"] == "extractive"
    assert operation["responses"]["200"]["content"]["application/json"]["examples"]
    for status in ("400", "413", "422", "503"):
        assert "application/problem+json" in operation["responses"][status]["content"]
    assert schema["components"]["schemas"]["ArticleInput"]["properties"]["text"]["maxLength"] == MAX_ARTICLE_CHARS
    assert client.get("/schema").status_code == 200


def test_editor_page_and_its_assets_are_served(client: TestClient[Any]) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "script-src" not in page.headers["content-security-policy"]  # only 'self' via default-src
    assert '<form id="brief-form">' in page.text
    script = client.get("/static/app.js")
    assert script.status_code == 200 and 'fetch("/summarize"' in script.text
    assert ".innerHTML" not in script.text
    assert client.get("/static/app.css").status_code == 200


@pytest.mark.parametrize(("messages", "status"), [
    ([{"type": "http.request", "body": b"{", "more_body": True}, {"type": "http.disconnect"}], 499),
    ([{"type": "http.request", "body": b"{}", "more_body": False}], 500),
])
def test_a_request_that_ends_with_no_response_is_logged_as_the_clients_leaving_or_a_failure(
    caplog: pytest.LogCaptureFixture, messages: list[dict[str, Any]], status: int
) -> None:
    async def app(scope: Any, receive: Any, send: Any) -> None:
        message = await receive()
        while message["type"] == "http.request" and message.get("more_body"):
            message = await receive()
        raise RuntimeError("no response")

    async def run() -> None:
        pending = iter(messages)

        async def receive() -> dict[str, Any]:
            return next(pending, {"type": "http.disconnect"})

        async def send(message: Any) -> None:
            raise AssertionError("nothing is sent")

        scope = {"type": "http", "method": "POST", "path": "/summarize", "headers": []}
        with pytest.raises(RuntimeError):
            await RequestLogMiddleware().handle(scope, receive, send, app)

    with caplog.at_level(logging.INFO, logger="service.api.access"):
        asyncio.run(run())
    assert [r.fields["status"] for r in caplog.records if r.name == "service.api.access"] == [status]


def test_request_id_is_echoed_and_logged_with_stage_timings(client: TestClient[Any]) -> None:
    lines = io.StringIO()
    handler = logging.StreamHandler(lines)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("service")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        response = client.post("/summarize", json=summarize_body(sentences=2), headers={"X-Request-ID": "req-42"})
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    assert response.headers["x-request-id"] == "req-42"
    records = [json.loads(line) for line in lines.getvalue().splitlines()]
    summarized = next(r for r in records if r["message"] == "summarized")
    assert summarized["request_id"] == "req-42"
    assert {"clean", "segment", "extract", "attribute", "render"} <= set(summarized["stage_ms"][0])
    access = next(r for r in records if r["message"] == "request")
    assert access["request_id"] == "req-42" and access["status"] == 200 and access["path"] == "/summarize"
    # A caller's id that could forge log fields is replaced by a fresh one.
    forged = client.get("/health", headers={"X-Request-ID": 'x", "level": "error'}).headers["x-request-id"]
    assert len(forged) == 32 and '"' not in forged


# --- cache ------------------------------------------------------------------------------------


def test_repeats_are_served_from_the_cache_whatever_the_json_layout(client: TestClient[Any]) -> None:
    body = summarize_body(sentences=3)
    first = client.post("/summarize", json=body)
    # Same request with keys reordered and whitespace added: the key hashes the decoded request.
    reordered = json.dumps({"options": body["options"], "articles": body["articles"]}, indent=2)
    second = client.post("/summarize", content=reordered, headers={"content-type": "application/json"})
    assert (first.headers["x-cache"], second.headers["x-cache"]) == ("miss", "hit")
    assert second.content == first.content
    other = client.post("/summarize", json=summarize_body(sentences=2))
    assert other.headers["x-cache"] == "miss"


def test_cache_key_covers_model_version_and_options() -> None:
    request = SummarizeRequest(articles=[], options=Options(method="extractive"))
    assert cache_key(request, "model-a") == cache_key(request, "model-a")
    assert cache_key(request, "model-a") != cache_key(request, "model-b")
    longer = SummarizeRequest(articles=[], options=Options(method="extractive", sentences=9))
    assert cache_key(longer, "model-a") != cache_key(request, "model-a")


def test_memory_cache_is_a_bounded_lru() -> None:
    async def scenario() -> None:
        cache = MemoryCache(max_entries=2)
        await cache.set("a", b"1")
        await cache.set("b", b"2")
        assert await cache.get("a") == b"1"  # "a" is now the most recent
        await cache.set("c", b"3")
        assert await cache.get("b") is None
        assert (await cache.get("a"), await cache.get("c")) == (b"1", b"3")

    asyncio.run(scenario())


# --- errors -----------------------------------------------------------------------------------


def post_raw(client: TestClient[Any], content: bytes) -> httpx.Response:
    return client.post("/summarize", content=content, headers={"content-type": "application/json"})


def test_malformed_json_is_400(client: TestClient[Any]) -> None:
    assert_problem(post_raw(client, b'{"articles": [}'), 400, "Malformed JSON", "JSON is malformed")
    nested = b'{"articles": ' + b"[" * 5000 + b"]" * 5000 + b"}"
    assert_problem(post_raw(client, nested), 400, "Malformed JSON", "nested too deeply")


def test_a_body_that_is_not_utf8_is_400(client: TestClient[Any]) -> None:
    latin1 = b'{"articles": [{"id": "a", "text": "caf\xe9 fire"}]}'
    assert_problem(post_raw(client, latin1), 400, "Malformed JSON", "not valid UTF-8")


def test_empty_body_is_400(client: TestClient[Any]) -> None:
    assert_problem(post_raw(client, b""), 400, "Empty body", "articles")


@pytest.mark.parametrize(
    ("body", "mentions"),
    [
        ({"articles": [{"id": 7, "text": "x"}]}, ["articles[0].id", "Expected `str`, got `int`"]),
        ({"articles": "one report"}, ["articles", "Expected `array`"]),
        ({"articles": []}, ["articles", "length >= 1"]),
        ({"articles": [{"id": f"a{i}", "text": "x"} for i in range(MAX_ARTICLES + 1)]}, [f"length <= {MAX_ARTICLES}"]),
        ({"articles": [{"id": "a", "text": "x" * (MAX_ARTICLE_CHARS + 1)}]}, ["articles[0].text", "length <="]),
        ({"articles": [{"id": "", "text": "x"}]}, ["articles[0].id", "length >= 1"]),
        ({"articles": [{"id": "a", "text": "x", "body": "y"}]}, ["articles[0]", "unknown field `body`"]),
        ({"articles": [{"id": "a", "text": "x", "published_at": "4 March"}]}, ["articles[0]", "ISO 8601", "'4 March'"]),
        (
            {"articles": [{"id": "a", "text": "x", "published_at": "9999-12-31T23:59:59-01:00"}]},
            ["articles[0]", "'9999-12-31T23:59:59-01:00' is out of range once converted to UTC"],
        ),
        (
            {"articles": [{"id": "a", "text": "x", "published_at": "0001-01-01T00:00:00+01:00"}]},
            ["articles[0]", "'0001-01-01T00:00:00+01:00' is out of range once converted to UTC"],
        ),
        ({"articles": ARTICLES, "options": {"colour": "red"}}, ["options", "unknown field `colour`"]),
        ({"articles": ARTICLES, "options": {"sentences": 0}}, ["options.sentences", ">= 1"]),
        ({"articles": ARTICLES, "options": {"format": "pdf"}}, ["options.format", "Invalid enum value 'pdf'"]),
        ({"articles": ARTICLES, "options": {"extractor": "foo"}}, ["options", "unknown extractor 'foo'"]),
        (
            {"articles": ARTICLES, "options": {"extractor": "foo"}, "group": True},
            ["options", "unknown extractor 'foo'"],
        ),
        ({"articles": ARTICLES, "stories": True}, ["body", "unknown field `stories`"]),
        ({}, ["body", "missing required field `articles`"]),
    ],
    ids=[
        "wrong-type",
        "not-a-list",
        "no-articles",
        "too-many",
        "article-too-long",
        "empty-id",
        "unknown-article-field",
        "publication-time-no-iso-date",
        "publication-time-past-9999-in-utc",
        "publication-time-before-year-1-in-utc",
        "unknown-option",
        "option-out-of-range",
        "unknown-format",
        "unknown-extractor",
        "unknown-extractor-with-group",
        "unknown-top-level-field",
        "missing-articles",
    ],
)
def test_schema_violations_are_422_naming_the_field(
    client: TestClient[Any], body: dict[str, Any], mentions: list[str]
) -> None:
    problem = assert_problem(client.post("/summarize", json=body), 422, "Invalid request", *mentions)
    assert problem["errors"] and all(error["message"] for error in problem["errors"])


@pytest.mark.parametrize(
    ("articles", "mention"),
    [
        ([{"id": "a"}], "neither text nor html"),
        ([{"id": "a", "text": "The ferry sank.", "html": "<p>The ferry sank.</p>"}], "has both text and html"),
        ([{"id": "a", "text": "   "}], "no article has any readable prose"),
        ([{"id": "a", "text": "One. Two."}, {"id": "a", "text": "Three."}], "article ids must be unique"),
    ],
    ids=["no-text", "text-and-html", "blank-text", "duplicate-ids"],
)
def test_unusable_input_is_422_with_the_pipelines_reason(
    client: TestClient[Any], articles: list[dict[str, Any]], mention: str
) -> None:
    assert_problem(client.post("/summarize", json=summarize_body(articles)), 422, "Unusable input", mention)


def test_group_splits_a_mixed_batch_into_stories(client: TestClient[Any]) -> None:
    other, lone = FIXTURE["other_story"], FIXTURE["lone_report"]
    mixed = [other[0], ARTICLES[0], lone, ARTICLES[1], other[1], ARTICLES[2]]
    payload = client.post("/summarize", json={**summarize_body(mixed, sentences=3), "group": True}).json()
    assert payload["singletons"] == [lone["id"]]
    rail, library = payload["briefs"]  # biggest story first
    assert_brief_cites_sources(rail, TEXTS)
    assert_brief_cites_sources(library, {article["id"]: article["text"] for article in other})
    # Without `group` the same batch is one story, and there is no `singletons`.
    assert "singletons" not in client.post("/summarize", json=summarize_body(mixed)).json()


def test_group_with_no_story_in_the_batch_is_422(client: TestClient[Any]) -> None:
    body = {**summarize_body([ARTICLES[0], FIXTURE["lone_report"]]), "group": True}
    assert_problem(client.post("/summarize", json=body), 422, "Unusable input", "no story in the batch")


def test_body_over_the_limit_is_413(pipeline: Pipeline) -> None:
    with serving(pipeline, max_body_bytes=2_000) as client:
        response = client.post("/summarize", json=summarize_body())
        assert_problem(response, 413, "Request Entity Too Large", "/summarize takes up to 2000 bytes")
        # The handler is not told which route refused the body, so it names each route's limit.
        assert f"/stories/jobs takes up to {MAX_FEED_BYTES} bytes" in response.json()["detail"]
        small = summarize_body([{"id": "a", "text": ARTICLES[0]["text"][:800]}])
        assert client.post("/summarize", json=small).status_code == 200


def test_unknown_routes_and_methods_are_problem_details(client: TestClient[Any]) -> None:
    assert_problem(client.get("/summarise"), 404, "Not Found")
    assert_problem(client.get("/summarize"), 405, "Method Not Allowed")


class BrokenSegmenter:
    name = "segment"

    def __call__(self, cluster: Cluster) -> Cluster:
        raise RuntimeError("secret internals")


def test_a_bug_is_a_500_that_leaks_nothing() -> None:
    pipeline = Pipeline.from_settings(
        Settings(), generator=GeneratorSlot(None, "none"), overrides={"segment": BrokenSegmenter()}
    )
    with serving(pipeline) as client, error_records() as records:
        problem = assert_problem(client.post("/summarize", json=summarize_body()), 500, "Internal error")
        assert "secret" not in json.dumps(problem)
        assert client.get("/health").status_code == 200  # the server carries on
    # Once, by the job: not again by the error handler of the caller that waited on it.
    assert [(r.getMessage(), str(r.exc_info[1]) if r.exc_info else "") for r in records] == [
        ("summarize job failed", "secret internals")
    ]


@contextmanager
def error_records() -> Iterator[list[logging.LogRecord]]:
    """The error records the API's loggers write meanwhile."""
    records: list[logging.LogRecord] = []
    recorder = logging.Handler(logging.ERROR)
    recorder.emit = records.append  # type: ignore[method-assign]
    api_log = logging.getLogger("service.api")
    api_log.addHandler(recorder)
    try:
        yield records
    finally:
        api_log.removeHandler(recorder)


class FailingGate(Gate):
    """Holds the cluster until `opened`, then fails."""

    def __call__(self, cluster: Cluster) -> Cluster:
        self.arrived += 1
        self.opened.wait(timeout=20)
        raise RuntimeError("the disk is full")


def test_a_job_that_fails_after_its_caller_timed_out_is_logged() -> None:
    pipeline = no_model_pipeline()
    gate = FailingGate(pipeline.stages[0])
    gated = Pipeline([gate, *pipeline.stages[1:]], pipeline.generator)
    with serving(gated, request_timeout=0.3) as client, error_records() as records:
        assert_problem(client.post("/summarize", json=summarize_body()), 503, "Service busy")
        gate.opened.set()  # no caller waits any more when the job fails
        for _ in range(100):
            if records:
                break
            time.sleep(0.05)
    assert [(r.getMessage(), str(r.exc_info[1]) if r.exc_info else "") for r in records] == [
        ("summarize job failed", "the disk is full")
    ]


# --- capacity, time limit, readiness ------------------------------------------------------------


def test_past_the_time_limit_the_client_gets_503_and_the_retry_is_cached() -> None:
    pipeline, gate = gated_pipeline()
    with serving(pipeline, request_timeout=0.3) as client:
        response = client.post("/summarize", json=summarize_body())
        assert_problem(response, 503, "Service busy", "no brief within 0.3 s")
        assert int(response.headers["retry-after"]) >= 1
        gate.opened.set()
        for _ in range(100):  # the job goes on after the timeout and lands in the cache
            retry = client.post("/summarize", json=summarize_body())
            if retry.status_code == 200:
                break
            time.sleep(0.05)
        assert gate.arrived == 1  # the retry joined or read the first job; nothing ran twice


def test_past_the_queue_capacity_clients_get_503_and_nothing_accepted_is_lost() -> None:
    pipeline, gate = gated_pipeline()
    bodies = [summarize_body(sentences=n) for n in (2, 3, 4)]
    limits = {"pipeline_threads": 1, "queue_size": 1, "request_timeout": 20}
    with serving(pipeline, **limits) as client, ThreadPoolExecutor(3) as pool:
        accepted = [pool.submit(client.post, "/summarize", json=body) for body in bodies[:2]]
        # A duplicate of an accepted request shares its job instead of taking a place.
        duplicate = pool.submit(client.post, "/summarize", json=bodies[0])
        while gate.arrived < 1:
            time.sleep(0.01)
        time.sleep(0.2)  # the second request is queued behind the first
        refused = client.post("/summarize", json=bodies[2])
        assert_problem(refused, 503, "Service busy", "queue are taken")
        assert int(refused.headers["retry-after"]) >= 1
        assert client.get("/health").status_code == 200  # the event loop stays free
        gate.opened.set()
        responses = [future.result(timeout=30) for future in [*accepted, duplicate]]
        assert [r.status_code for r in responses] == [200, 200, 200]
        assert responses[2].content == responses[0].content
        assert gate.arrived == 2


def test_not_ready_until_the_model_has_loaded_though_briefs_that_need_none_are_made() -> None:
    loaded = threading.Event()

    def slow_loader() -> Any:
        loaded.wait(timeout=20)
        raise OSError("no weights here")  # a failed load still ends the loading

    pipeline = Pipeline(no_model_pipeline().stages, GeneratorSlot(slow_loader, "slow-model"))
    with TestClient(create_app(pipeline=pipeline, api=ApiSettings())) as client:
        assert client.get("/health").status_code == 200
        not_ready = client.get("/ready")
        assert not_ready.status_code == 503 and not_ready.json()["status"] == "loading"
        busy = client.post("/summarize", json=summarize_body(method="abstractive"))
        assert_problem(busy, 503, "Service busy", "loading")
        assert busy.headers["retry-after"] == "5"
        # Extractive, also as "auto" resolves by default, needs no model: made meanwhile.
        for method in ("extractive", "auto"):
            made = client.post("/summarize", json=summarize_body(method=method))
            assert made.status_code == 200 and made.json()["briefs"][0]["method"] == "extractive"
        assert client.get("/ready").json()["status"] == "loading"
        loaded.set()
        wait_ready(client)
        assert client.get("/ready").json()["model_available"] is False
        assert client.post("/summarize", json=summarize_body(method="abstractive")).status_code == 200


@pytest.mark.parametrize(
    ("variable", "value", "reason"),
    [
        # Each was accepted and then failed every request: 422 blaming the caller, 503, or 500.
        ("CHORUS_EXTRACTOR", "foo", "unknown extractor 'foo'"),
        ("CHORUS_REQUEST_TIMEOUT", "-1", "Expected `float` > 0.0"),
        ("CHORUS_REQUEST_TIMEOUT", "nan", "Expected `float` > 0.0"),
        ("CHORUS_PIPELINE_THREADS", "0", "Expected `int` >= 1"),
        ("CHORUS_QUEUE_SIZE", "-1", "Expected `int` >= 0"),
        ("CHORUS_CACHE_SIZE", "-1", "Expected `int` >= 0"),
        ("CHORUS_MAX_BODY_BYTES", "0", "Expected `int` >= 1"),
        ("CHORUS_CACHE_TTL_SECONDS", "0", "Expected `int` >= 1"),
        ("CHORUS_REDIS_URL", "localhost:6379", "Expected `str` matching regex"),
        ("CHORUS_STORIES_POLL_SECONDS", "abc", "Expected `float`, got `str`"),
        ("CHORUS_MAX_ARTICLE_CHARS", "-1", "Expected `int` >= 1"),
        ("CHORUS_MAX_ARTICLE_CHARS", "0", "Expected `int` >= 1"),
        ("CHORUS_AUTO_METHOD", "foo", "Invalid enum value 'foo'"),
        ("CHORUS_AUTO_METHOD", "auto", "Invalid enum value 'auto'"),
        ("CHORUS_NUM_BEAMS", "0", "Expected `int` >= 1"),
        ("CHORUS_MAX_NEW_TOKENS", "-5", "Expected `int` >= 1"),
        ("CHORUS_MAX_INPUT_TOKENS", "abc", "Expected `int`, got `str`"),
        ("CHORUS_DEVICE", "gpu", "Expected `str` matching regex"),
        ("CHORUS_MODEL", "", "Expected `str` of length >= 1"),
        ("CHORUS_STORIES_POLL_SECONDS", "0", "Expected `float` > 0.0"),
        ("CHORUS_STORIES_POLL_SECONDS", "inf", "Expected `float` <= 3600.0"),
        ("CHORUS_STORIES_LEASE_SECONDS", "-1", "Expected `float` > 0.0"),
        ("CHORUS_STORIES_RESULT_TTL_SECONDS", "0", "Expected `float` > 0.0"),
        ("CHORUS_STORIES_DB", "", "Expected `str` of length >= 1"),
    ],
)
def test_the_app_factory_refuses_bad_settings_naming_the_variable(monkeypatch, tmp_path, variable, value, reason):
    monkeypatch.setenv("CHORUS_MODEL", "none")
    monkeypatch.setenv("CHORUS_STORIES_DB", str(tmp_path / "jobs.sqlite3"))
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError) as refused:
        create_app()
    assert str(refused.value).startswith(f"{variable}={value!r}: {reason}")
    assert "\n" not in str(refused.value)


def test_api_settings_built_in_python_are_checked_too(pipeline: Pipeline) -> None:
    with pytest.raises(SettingsError, match=r"^request_timeout=-1: Expected `float` > 0.0$"):
        create_app(pipeline=pipeline, api=ApiSettings(request_timeout=-1))


def _read_body_in_chunks(seconds: float, chunks: int, chunk_bytes: int, pause: float) -> int:
    """The bytes an app behind BodyDeadlineMiddleware(seconds) reads from a client that sends
    `chunks` chunks of `chunk_bytes`, pausing before each."""
    received = 0

    async def reads_whole_body(scope: Any, receive: Any, send: Any) -> None:
        nonlocal received
        while True:
            message = await receive()
            received += len(message["body"])
            if not message["more_body"]:
                return

    sent = 0

    async def client() -> dict[str, Any]:
        nonlocal sent
        await asyncio.sleep(pause)
        sent += 1
        return {"type": "http.request", "body": b"x" * chunk_bytes, "more_body": sent < chunks}

    async def discard(message: Any) -> None:
        pass

    app = BodyDeadlineMiddleware(seconds)(reads_whole_body)
    asyncio.run(app({"type": "http", "path": "/summarize", "headers": []}, client, discard))
    return received


def test_a_slow_body_is_read_while_it_keeps_coming_and_a_trickle_is_cut_off() -> None:
    # 240 KiB in 1.5 s against a 0.5 s deadline: each 16 KiB that arrives buys a second.
    assert _read_body_in_chunks(0.5, chunks=15, chunk_bytes=16 * 1024, pause=0.1) == 240 * 1024
    with pytest.raises(ProblemDetailsException) as trickle:
        _read_body_in_chunks(0.5, chunks=15, chunk_bytes=1, pause=0.1)
    assert trickle.value.status_code == 408
