"""The real server process (`chorus serve`) over a real loopback socket, alone and with Redis."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import is_cut_from
from server_process import EXTRACTIVE_ENV, ROOT, ChorusServer, RedisServer, free_port

FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "api_rockfall.json").read_text())
REQUEST = {"articles": FIXTURE["articles"], "options": {"method": "extractive", "sentences": 4}}
TEXTS = {article["id"]: article["text"] for article in FIXTURE["articles"]}


def json_lines(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_chorus_serve_answers_a_cluster_over_a_socket() -> None:
    with ChorusServer() as server:
        response = httpx.post(f"{server.url}/summarize", json=REQUEST, timeout=60)
        assert response.status_code == 200, response.text
        brief = response.json()["briefs"][0]
        assert 1 <= len(brief["sentences"]) <= 4
        for sentence in brief["sentences"]:
            first = sentence["citations"][0]
            assert is_cut_from(sentence["text"], TEXTS[first["article_id"]][first["start"] : first["end"]])
        assert {source["outlet"] for source in brief["sources"]} == {
            "Valley Herald",
            "Northern Courier",
            "Kessel Post",
        }
        assert httpx.get(f"{server.url}/health").json() == {"status": "ok"}
        request_id = response.headers["x-request-id"]
    # Every line the server wrote is JSON; the request's lines carry its id and stage timings.
    lines = json_lines(server.output)
    assert len(lines) == len([line for line in server.output.splitlines() if line.strip()])
    summarized = [line for line in lines if line.get("request_id") == request_id and line["message"] == "summarized"]
    assert summarized and summarized[0]["stage_ms"][0]["extract"] >= 0


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server is not installed")
def test_two_servers_share_briefs_through_redis() -> None:
    with RedisServer() as redis, ChorusServer({"CHORUS_REDIS_URL": redis.url}) as first:
        with ChorusServer({"CHORUS_REDIS_URL": redis.url}) as second:
            made = httpx.post(f"{first.url}/summarize", json=REQUEST, timeout=60)
            served = httpx.post(f"{second.url}/summarize", json=REQUEST, timeout=60)
            assert (made.status_code, served.status_code) == (200, 200)
            assert (made.headers["x-cache"], served.headers["x-cache"]) == ("miss", "hit")
            assert served.content == made.content
            # And back the other way, for a request the second server made.
            other = {**REQUEST, "options": {"method": "extractive", "sentences": 2}}
            assert httpx.post(f"{second.url}/summarize", json=other, timeout=60).headers["x-cache"] == "miss"
            assert httpx.post(f"{first.url}/summarize", json=other, timeout=60).headers["x-cache"] == "hit"
        # A Redis outage costs cache hits, not answers.
        redis.stop()
        fresh = {**REQUEST, "options": {"method": "extractive", "sentences": 3}}
        response = httpx.post(f"{first.url}/summarize", json=fresh, timeout=60)
        assert response.status_code == 200 and response.headers["x-cache"] == "miss"


def _post_in_pieces(url: str, body: bytes, pieces: list[bytes], pause: float, until_closed: bool) -> bytes:
    """POST whose declared body is `body`, sent as `pieces` with a pause before each; the raw
    response: all of it up to the server closing the connection, or its head."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=15) as connection:
        head = f"POST /summarize HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        connection.sendall(f"{head}Content-Length: {len(body)}\r\n\r\n".encode())
        for piece in pieces:
            time.sleep(pause)
            with contextlib.suppress(OSError):  # the server may have answered and closed already
                connection.sendall(piece)
        response = b""
        while (chunk := connection.recv(65536)) and (until_closed or b"\r\n\r\n" not in response + chunk):
            response += chunk
        return response + chunk


def test_a_body_trickled_past_the_deadline_gets_408_and_a_closed_connection() -> None:
    body = json.dumps(REQUEST).encode()
    with ChorusServer({"CHORUS_BODY_TIMEOUT": "2"}) as server:
        # One byte a second: each read is quick, the body never is; the deadline is the body's.
        started = time.monotonic()
        trickled = _post_in_pieces(server.url, body, [body[i : i + 1] for i in range(6)], pause=1, until_closed=True)
        assert trickled.startswith(b"HTTP/1.1 408"), trickled[:200]
        assert b"did not arrive within 2 seconds and a second for each 16 KiB sent" in trickled
        assert time.monotonic() - started < 10
        # A body sent in pieces within the deadline is answered as usual.
        half = len(body) // 2
        whole = _post_in_pieces(server.url, body, [body[:half], body[half:]], pause=0.3, until_closed=False)
        assert whole.startswith(b"HTTP/1.1 200"), whole[:300]
        # The server still answers others.
        assert httpx.post(f"{server.url}/summarize", json=REQUEST, timeout=60).status_code == 200


# Each of these once started a server that failed every request (or a traceback at startup).
BAD_SETTINGS = {
    "CHORUS_EXTRACTOR": ("foo", "unknown extractor 'foo'"),
    "CHORUS_MAX_ARTICLE_CHARS": ("-1", "Expected `int` >= 1"),
    "CHORUS_REQUEST_TIMEOUT": ("-1", "Expected `float` > 0.0"),
    "CHORUS_BODY_TIMEOUT": ("0", "Expected `float` > 0.0"),
    "CHORUS_AUTO_METHOD": ("foo", "Invalid enum value 'foo'"),
    "CHORUS_STORIES_POLL_SECONDS": ("abc", "Expected `float`, got `str`"),
    "CHORUS_STORIES_DB": ("/proc/nope/x.sqlite3", "cannot open the story jobs database"),
}


@pytest.fixture(scope="module")
def refused_servers(tmp_path_factory) -> Iterator[dict[str, subprocess.Popen[str]]]:
    """`chorus serve` with each bad setting, started at once (each pays the imports)."""
    jobs = str(tmp_path_factory.mktemp("jobs") / "jobs.sqlite3")
    servers = {}
    for variable, (value, _) in BAD_SETTINGS.items():
        env = {**os.environ, **EXTRACTIVE_ENV, "CHORUS_STORIES_DB": jobs, variable: value}
        # Two workers: the settings are checked before uvicorn starts any.
        command = [sys.executable, "-m", "service.cli", "serve", "--port", str(free_port()), "--workers", "2"]
        # A session of its own: one that did start is stopped with its workers, which hold its pipes.
        servers[variable] = subprocess.Popen(command, cwd=ROOT, env=env, text=True, start_new_session=True,
                                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    yield servers
    for server in servers.values():
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        server.communicate()


@pytest.mark.parametrize("variable", BAD_SETTINGS)
def test_chorus_serve_refuses_bad_settings_in_one_line(refused_servers, variable) -> None:
    value, reason = BAD_SETTINGS[variable]
    try:
        out, err = refused_servers[variable].communicate(timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail(f"chorus serve started with {variable}={value!r}")
    assert (refused_servers[variable].returncode, out) == (2, "")
    assert err.startswith(f"chorus: error: {variable}={value!r}: {reason}") and err.count("\n") == 1, err
