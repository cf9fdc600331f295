"""Load test of the HTTP service on loopback, beside the pipeline's own in-process throughput.

    .venv/bin/python bench/load.py [--seconds 20] [--clients 16] [--cluster FILE]

The cluster is DUC 2004's first (10 reports) where ../shared/data has it, else the tests'
fixture (3 short reports); --cluster names another: a JSON file with "articles" or a JSONL
file whose first line has "docs".

Phases, each bounded in time:
1. in-process: the pipeline alone, one cluster after another, on this machine's cores;
2. load: `chorus serve` driven by N concurrent clients with distinct clusters (no cache hits);
   requests/s, latency percentiles, errors, 5xx and the server's RSS before and after;
3. cache: one new cluster, then the same request repeated;
4. overload: a server with a 1 s time limit and a 2-place queue under the same clients:
   every answer must be 200 or 503 with Retry-After, and none may hang.
Prints each target with PASS or FAIL and exits non-zero if one fails.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the server launcher the tests use
from server_process import ChorusServer, rss_bytes  # noqa: E402

from service import Article, Options, Pipeline, Settings  # noqa: E402
from service.settings import NO_MODEL  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "api_rockfall.json"
# A news cluster of realistic size (10 reports) where the checkout has the shared data.
DUC_2004 = ROOT.parent / "shared" / "data" / "duc2004_task2.jsonl"
SENTENCES = 4
OPTIONS = {"method": "extractive", "sentences": SENTENCES}
CLIENT_TIMEOUT = 30.0  # a request still open after this counts as a hang
WINDOW_SECONDS = 5.0


ARTICLES: list[dict[str, Any]] = []


def load_cluster(path: Path) -> list[dict[str, Any]]:
    if path.suffix == ".jsonl":
        first = json.loads(path.read_text().splitlines()[0])
        return [{"id": doc["id"], "text": doc["text"]} for doc in first["docs"]]
    return list(json.loads(path.read_text())["articles"])


def cluster(n: int) -> list[dict[str, Any]]:
    """The cluster's reports under ids unique to `n`: the same work, a different cache key."""
    return [{**article, "id": f"{article['id']}-{n}"} for article in ARTICLES]


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    busy_without_retry_after: int = 0
    seconds: float = 0.0

    def count(self, status: int) -> None:
        self.statuses[status] = self.statuses.get(status, 0) + 1

    @property
    def ok(self) -> int:
        return self.statuses.get(200, 0)

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500 and status != 503)

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


async def drive(url: str, clients: int, seconds: float, first_id: int, tally: Tally) -> None:
    """`clients` loops, each posting distinct clusters until `seconds` have passed."""
    deadline = time.perf_counter() + seconds
    next_id = iter(range(first_id, first_id + 10**7))
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client_loop(client: httpx.AsyncClient) -> None:
        while time.perf_counter() < deadline:
            body = {"articles": cluster(next(next_id)), "options": OPTIONS}
            started = time.perf_counter()
            try:
                response = await client.post(f"{url}/summarize", json=body)
            except httpx.HTTPError as error:
                tally.errors.append(repr(error))
                continue
            tally.count(response.status_code)
            if response.status_code == 200:
                tally.latencies.append(time.perf_counter() - started)
            elif response.status_code == 503:
                tally.busy_without_retry_after += "retry-after" not in response.headers
                await asyncio.sleep(0.05)  # a polite client backs off; Retry-After is checked above
            else:
                tally.errors.append(f"{response.status_code}: {response.text[:200]}")

    started = time.perf_counter()
    async with httpx.AsyncClient(timeout=CLIENT_TIMEOUT, limits=limits) as client:
        await asyncio.gather(*(client_loop(client) for _ in range(clients)))
    tally.seconds += time.perf_counter() - started


class InProcess:
    """The pipeline alone, one cluster after another, as the server runs it."""

    def __init__(self) -> None:
        self.pipeline = Pipeline.from_settings(Settings(model=NO_MODEL))
        self.options = Options(method="extractive", sentences=SENTENCES)
        self.done, self.seconds = 0, 0.0
        self.run(-1)  # warm-up

    def run(self, n: int) -> None:
        self.pipeline.run([Article(**a) for a in cluster(n)], self.options)

    def drive(self, seconds: float) -> None:
        started = time.perf_counter()
        while time.perf_counter() - started < seconds:
            self.run(self.done)
            self.done += 1
        self.seconds += time.perf_counter() - started


def cache_speedup(port: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """(first, median of 50 repeats) of one new cluster: as the client saw it, and as the
    server's Server-Timing says. The client is http.client on one keep-alive connection,
    the leanest there is, so the repeats measure the server, not a client library."""
    body = json.dumps({"articles": cluster(-2), "options": OPTIONS}).encode()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=CLIENT_TIMEOUT)

    def post() -> tuple[float, float, bytes, str]:
        started = time.perf_counter()
        connection.request("POST", "/summarize", body=body, headers={"content-type": "application/json"})
        response = connection.getresponse()
        content = response.read()
        seconds = time.perf_counter() - started
        assert response.status == 200, content
        server_seconds = float(response.getheader("server-timing", "").split("dur=")[1]) / 1000
        return seconds, server_seconds, content, response.getheader("x-cache", "")

    first_client, first_server, first_content, first_cache = post()
    assert first_cache == "miss"
    repeats = [post() for _ in range(50)]
    assert all(content == first_content and cache == "hit" for _, _, content, cache in repeats)
    connection.close()
    return (
        (first_client, statistics.median(r[0] for r in repeats)),
        (first_server, statistics.median(r[1] for r in repeats)),
    )


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=20, help="length of the load phase (and as long in-process)")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--cluster", type=Path, default=DUC_2004 if DUC_2004.exists() else FIXTURE)
    args = parser.parse_args()
    ARTICLES.extend(load_cluster(args.cluster))

    # In-process and HTTP windows alternate: on a shared machine the cores' speed drifts,
    # and alternating exposes both to the same drift.
    windows = max(2, round(args.seconds / WINDOW_SECONDS))
    in_process, load, overload = InProcess(), Tally(), Tally()
    with ChorusServer() as server:
        asyncio.run(drive(server.url, 1, 1.0, 10**8, Tally()))  # warm-up, then measure memory
        rss_before = rss_bytes(server.process.pid)
        for window in range(windows):
            in_process.drive(WINDOW_SECONDS)
            asyncio.run(drive(server.url, args.clients, WINDOW_SECONDS, window * 10**6, load))
        rss_after = rss_bytes(server.process.pid)
        summarized = [json.loads(line) for line in server.output.splitlines() if '"summarized"' in line]
        (first_seconds, repeat_seconds), (first_server, repeat_server) = cache_speedup(server.port)
    with ChorusServer({"CHORUS_REQUEST_TIMEOUT": "1", "CHORUS_QUEUE_SIZE": "2"}) as server:
        asyncio.run(drive(server.url, args.clients, min(8.0, args.seconds), 10**8, overload))

    http_rate = load.ok / load.seconds
    rate = in_process.done / in_process.seconds
    in_server = statistics.mean(line["seconds"] for line in summarized)
    growth = (rss_after - rss_before) / rss_before
    words = sum(len(a["text"].split()) for a in ARTICLES)
    print(f"cluster: {args.cluster.name}, {len(ARTICLES)} reports, {words} words")
    print(f"load: {args.clients} clients for {load.seconds:.1f} s on loopback, distinct clusters (no cache hits)")
    print(
        f"  requests/s       {http_rate:8.2f}   (in-process pipeline: {rate:.2f} clusters/s on the same cores,"
        f" in {windows} alternating windows of {WINDOW_SECONDS:g} s)"
    )
    print(f"  pipeline time per cluster: {ms(in_server)} in the server, {ms(1 / rate)} in-process")
    print(f"  HTTP/in-process  {http_rate / rate:8.1%}")
    print(f"  latency p50 {ms(load.percentile(0.5))}  p95 {ms(load.percentile(0.95))}  p99 {ms(load.percentile(0.99))}")
    print(f"  statuses {load.statuses}  errors {len(load.errors)}  5xx {load.server_errors}")
    print(f"  server RSS {rss_before / 2**20:.1f} MiB -> {rss_after / 2**20:.1f} MiB ({growth:+.1%})")
    print(
        f"cache, as the client sees it: first {ms(first_seconds)}, repeat median {ms(repeat_seconds)}: "
        f"{first_seconds / repeat_seconds:.0f}x"
    )
    print(
        f"cache, server time (Server-Timing): first {ms(first_server)}, repeat median {ms(repeat_server)}: "
        f"{first_server / repeat_server:.0f}x"
    )
    print(f"overload (1 s limit, 2-place queue): statuses {overload.statuses}, errors {len(overload.errors)}")
    longest = max(overload.latencies, default=0.0)
    print(f"  longest 200 {ms(longest)}; 503 without Retry-After: {overload.busy_without_retry_after}")
    for error in (load.errors + overload.errors)[:5]:
        print(f"  error: {error}")

    results = [
        ("0 errors, 0 5xx under load", not load.errors and load.ok == sum(load.statuses.values())),
        ("memory growth < 10%", growth < 0.10),
        ("HTTP throughput >= 80% of in-process", http_rate >= 0.8 * rate),
        ("cached repeats >= 50x faster than the first request", first_seconds >= 50 * repeat_seconds),
        (
            "overload: only 200 or 503 + Retry-After, no hang",
            not overload.errors
            and set(overload.statuses) <= {200, 503}
            and overload.statuses.get(503, 0) > 0
            and overload.busy_without_retry_after == 0,
        ),
    ]
    print("targets:")
    for name, passed in results:
        print(f"  {'PASS' if passed else 'FAIL'}  {name}")
    return 0 if all(passed for _, passed in results) else 1


if __name__ == "__main__":
    sys.exit(main())
