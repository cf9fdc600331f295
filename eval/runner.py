"""Running systems over a dataset: one function does a cluster's work (summarize, then
score), and an executor maps it over the clusters: in this process, a local process pool,
or Ray Data on a Ray cluster. Summaries are appended to `DIR/summaries/<system>.jsonl` as
they finish, so an interrupted run picks up where it stopped.
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from functools import lru_cache
from multiprocessing import get_context
from pathlib import Path
from typing import BinaryIO, Literal

import msgspec
from threadpoolctl import threadpool_limits
from tqdm import tqdm

from eval.datasets import Cluster
from eval.protocols import PROTOCOLS, Protocol
from eval.scoring import RougeScorer, Score
from eval.systems import SYSTEMS, build_of

Executor = Literal["local", "ray"]


class Record(msgspec.Struct, frozen=True):
    """One line of `summaries/<system>.jsonl`: sentences separated by newlines, the seconds
    the system took (kept so a resumed run still reports timing), and what the summary was
    made from and by, so a resumed run reuses it only for the same protocol, budget, docs and build.
    Lines written before those fields existed read them as None: stale, made again."""

    id: str
    summary: str
    seconds: float
    protocol: str | None = None
    budget: int | None = None  # words asked for: the protocol's budget when the summary was made
    docs: str | None = None  # sha256 of the cluster's docs (ids and texts)
    build: str | None = None  # the system's build (`systems.build_of`) that made it


def _made_from(protocol: Protocol, cluster: Cluster) -> tuple[str, int, str]:
    """What a system's summary depends on besides the system: the protocol's budget, and the docs."""
    return protocol.name, protocol.budget, hashlib.sha256(msgspec.json.encode(cluster.docs)).hexdigest()


class Task(msgspec.Struct, frozen=True):
    system: str
    protocol: str
    cluster: Cluster
    done: Record | None = None  # a summary from an earlier run: score it, do not redo it


class Outcome(msgspec.Struct, frozen=True):
    system: str
    cluster: str
    record: Record | None  # None when the system failed on the cluster
    scores: dict[str, Score]
    new: bool
    error: str | None = None


@lru_cache(maxsize=None)
def _scorer() -> RougeScorer:
    return RougeScorer()


@lru_cache(maxsize=None)
def _one_blas_thread() -> None:
    # Parallelism comes from clusters, not from BLAS: sumy's matrices are small, and idle
    # OpenBLAS threads spin, which made LSA 3 to 20 times slower on a busy 2-core machine.
    threadpool_limits(limits=1, user_api="blas")


def evaluate(task: Task) -> Outcome:
    """A cluster's whole work for one system: summarize (unless done before), then score."""
    _one_blas_thread()
    protocol = PROTOCOLS[task.protocol]
    record = task.done
    if record is None:
        started = time.perf_counter()
        try:
            sentences = SYSTEMS[task.system](task.cluster, protocol.budget)
        except Exception as error:  # one failing cluster must not lose the others' work
            message = f"{type(error).__name__}: {error}"
            return Outcome(task.system, task.cluster.id, None, {}, new=False, error=message)
        summary = "\n".join(" ".join(s.split()) for s in sentences if s.strip())
        seconds = time.perf_counter() - started
        record = Record(task.cluster.id, summary, seconds, *_made_from(protocol, task.cluster), build_of(task.system))
    references = [protocol.prepare_reference(r) for r in task.cluster.refs]
    scores = _scorer().score(references, protocol.prepare_summary(record.summary))
    return Outcome(task.system, task.cluster.id, record, scores, new=task.done is None)


def summaries_path(out: Path, system: str) -> Path:
    return out / "summaries" / f"{system}.jsonl"


def load_records(path: Path) -> dict[str, Record]:
    """Records already written, the last one of an id winning (a stale summary made again is
    appended after it); a line cut short by an interrupted run is ignored."""
    records: dict[str, Record] = {}
    if path.exists():
        for line in path.read_bytes().splitlines():
            try:
                record = msgspec.json.decode(line, type=Record)
            except msgspec.DecodeError:
                continue
            records[record.id] = record
    return records


def run(
    clusters: Sequence[Cluster],
    systems: Sequence[str],
    protocol: str,
    out: Path,
    *,
    workers: int = 1,
    executor: Executor = "local",
    ray_address: str | None = None,
) -> dict[str, list[Outcome]]:
    """Every system on every cluster; outcomes per system in the clusters' order."""
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        raise ValueError(f"unknown system(s): {', '.join(unknown)}; known: {', '.join(SYSTEMS)}")
    (out / "summaries").mkdir(parents=True, exist_ok=True)
    sources = {c.id: _made_from(PROTOCOLS[protocol], c) for c in clusters}
    tasks = []
    stale: Counter[str] = Counter()
    for system in systems:
        done = load_records(summaries_path(out, system))
        build = build_of(system)
        for cluster in clusters:
            record = done.get(cluster.id)
            made = (record.protocol, record.budget, record.docs, record.build) if record else None
            if made is not None and made != (*sources[cluster.id], build):
                stale[system] += 1
                record = None
            tasks.append(Task(system, protocol, cluster, record))
    if stale:
        counts = ", ".join(f"{s}: {n}" for s, n in stale.items())
        print(
            f"making stale stored summaries again ({counts}): made under another protocol, from other docs, "
            "by another version of the system, or before the suite recorded which",
            file=sys.stderr,
        )
    if executor == "ray":
        outcomes = _ray_map(tasks, ray_address)
    elif workers > 1:
        outcomes = _pool_map(tasks, workers)
    else:
        outcomes = map(evaluate, tasks)
    collected: dict[tuple[str, str], Outcome] = {}
    files = {s: _open_for_append(summaries_path(out, s)) for s in systems}
    try:
        for outcome in tqdm(outcomes, total=len(tasks), desc="clusters", unit="cluster"):
            if outcome.new and outcome.record is not None:
                files[outcome.system].write(msgspec.json.encode(outcome.record) + b"\n")
                files[outcome.system].flush()
            collected[outcome.system, outcome.cluster] = outcome
    finally:
        for file in files.values():
            file.close()
    return {s: [collected[s, c.id] for c in clusters] for s in systems}


def _open_for_append(path: Path) -> BinaryIO:
    """Append mode, after cutting off a line an interrupted run left half-written."""
    file = path.open("ab+")
    file.seek(0)
    data = file.read()
    if data and not data.endswith(b"\n"):
        file.truncate(data.rfind(b"\n") + 1)
    return file


def _pool_map(tasks: Sequence[Task], workers: int) -> Iterator[Outcome]:
    # Not plain fork: the product loads torch, whose threads do not survive a fork. A fork
    # server is a fresh process that imports the systems once and forks workers from that.
    context = get_context("forkserver")
    context.set_forkserver_preload(["eval.runner"])
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        # Small chunks: stored summaries score in milliseconds, new ones take seconds.
        futures = [pool.submit(_evaluate_all, chunk) for chunk in _chunks(tasks, 4)]
        for future in as_completed(futures):
            yield from future.result()


def _evaluate_all(tasks: Sequence[Task]) -> list[Outcome]:
    return [evaluate(t) for t in tasks]


def _chunks(items: Sequence[Task], size: int) -> Iterable[Sequence[Task]]:
    return (items[i : i + size] for i in range(0, len(items), size))


def _ray_map(tasks: Sequence[Task], address: str | None) -> Iterator[Outcome]:
    """The same per-cluster function through Ray Data. With `address` it joins that cluster
    and ships this checkout's `eval` and `service` packages to its workers; without one it
    starts a local Ray instance."""
    import ray

    root = Path(__file__).resolve().parent.parent
    runtime_env = {"py_modules": [str(root / "eval"), str(root / "service")]} if address else None
    ray.init(address=address, runtime_env=runtime_env, ignore_reinit_error=True, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False  # tqdm shows progress
    rows = [{"task": msgspec.msgpack.encode(t)} for t in tasks]
    dataset = ray.data.from_items(rows).map(_ray_row)
    for row in dataset.iter_rows():
        yield msgspec.msgpack.decode(row["outcome"], type=Outcome)


def _ray_row(row: dict[str, bytes]) -> dict[str, bytes]:
    # Tasks travel as msgpack bytes so Arrow never has to infer a schema for nested structs.
    return {"outcome": msgspec.msgpack.encode(evaluate(msgspec.msgpack.decode(row["task"], type=Task)))}
