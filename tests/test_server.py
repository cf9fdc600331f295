"""The real server process (`chorus serve`) over a real loopback socket, alone and with Redis."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import is_cut_from
from server_process import ChorusServer, RedisServer

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
