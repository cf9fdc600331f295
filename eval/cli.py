"""`chorus eval` / `python -m eval`: run systems over a dataset and write a ROUGE report."""

from __future__ import annotations

import argparse
import datetime
import importlib
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn, TypeVar

from eval.aggregate import Aggregator
from eval.datasets import read_jsonl
from eval.protocols import PROTOCOLS
from eval.report import Settings, git_revision, summarise, table, write
from eval.runner import run
from eval.systems import SYSTEMS


T = TypeVar("T", int, float)


class _Parser(argparse.ArgumentParser):
    """Bad arguments get a one-line reason and exit code 2, like bad input, not a usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _number(convert: Callable[[str], T], valid: Callable[[T], bool], rule: str) -> Callable[[str], T]:
    """An argparse `type` that refuses, while parsing, numbers that would fail or mislead only later."""

    def parse(text: str) -> T:
        try:
            value = convert(text)
        except ValueError:
            value = None
        if value is None or not valid(value):  # NaN fails every comparison, so it is refused too
            raise argparse.ArgumentTypeError(f"{rule}, not {text!r}")
        return value

    return parse


_POSITIVE = _number(int, lambda n: n >= 1, "must be a whole number of at least 1")
_SEED = _number(int, lambda n: n >= 0, "must be a whole number of at least 0")
_LEVEL = _number(float, lambda x: 0 < x < 1, "must be strictly between 0 and 1")


def _names(text: str) -> list[str]:
    names = [s.strip() for s in text.split(",") if s.strip()]
    if not names:
        raise argparse.ArgumentTypeError("give at least one system")
    return names


def parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="chorus eval",
        description="Batch ROUGE evaluation of Chorus and extractive baselines on multi-document datasets.",
    )
    p.add_argument(
        "--dataset", required=True, type=Path, help='JSONL, one {"id", "docs", "refs"} cluster a line'
    )
    p.add_argument("--protocol", required=True, choices=sorted(PROTOCOLS))
    p.add_argument(
        "--systems",
        default="lead,lexrank,textrank,lsa,chorus-extractive",
        type=_names,
        help=f"comma-separated, from: {', '.join(SYSTEMS)}",
    )
    p.add_argument("--out", required=True, type=Path, help="output folder; rerunning into it resumes")
    p.add_argument("--limit", type=_POSITIVE, help="only the first N clusters")
    p.add_argument("--workers", type=_POSITIVE, default=1, help="local processes running clusters in parallel")
    p.add_argument("--baseline", default="lexrank", help="system the others are compared with")
    p.add_argument("--seed", type=_SEED, default=0, help="seed of the bootstrap and permutation draws")
    p.add_argument("--samples", type=_POSITIVE, default=1000, help="bootstrap resamples and permutations")
    p.add_argument("--confidence", type=_LEVEL, default=0.95, help="level of the intervals, between 0 and 1")
    p.add_argument("--executor", choices=("local", "ray"), default="local")
    p.add_argument(
        "--ray-address", help="Ray cluster to join (auto, or ray://head:10001); default: start a local one"
    )
    return p


def _check(p: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Refuse, before any summarizing, what argparse cannot check alone (exits 2)."""
    try:  # the folder, and a file in it, as the run will write them
        (args.out / "summaries").mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=args.out / "summaries"):
            pass
    except OSError as error:
        p.error(f"--out {args.out}: cannot create or write this folder ({error.strerror or error})")
    if args.executor == "ray":
        try:
            importlib.import_module("ray.data")
        except ImportError:
            p.error("--executor ray needs Ray: install the extra, pip install -e '.[ray]'")


def main(argv: list[str] | None = None) -> int:
    try:
        return _evaluate(argv)
    except KeyboardInterrupt:
        print("chorus eval: interrupted", file=sys.stderr)
        return 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C


def _evaluate(argv: list[str] | None) -> int:
    p = parser()
    args = p.parse_args(argv)
    _check(p, args)
    systems: list[str] = args.systems
    try:
        clusters = read_jsonl(args.dataset, args.limit)
    except (OSError, ValueError) as error:
        print(f"cannot read the dataset: {error}", file=sys.stderr)
        return 2
    protocol = PROTOCOLS[args.protocol]
    started = time.perf_counter()
    try:
        outcomes = run(
            clusters, systems, protocol.name, args.out,
            workers=args.workers, executor=args.executor, ray_address=args.ray_address,
        )
    except ValueError as error:  # unknown system names
        print(error, file=sys.stderr)
        return 2
    aggregator = Aggregator(seed=args.seed, samples=args.samples, confidence=args.confidence)
    results = summarise(outcomes, protocol, aggregator, args.baseline)
    settings = Settings(
        dataset=str(args.dataset),
        clusters=len(clusters),
        protocol=protocol.name,
        systems=tuple(systems),
        baseline=args.baseline,
        seed=args.seed,
        samples=args.samples,
        confidence=args.confidence,
        executor=args.executor,
        workers=args.workers,
        date=datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        revision=git_revision(Path(__file__).resolve().parent.parent),
        wall_seconds=time.perf_counter() - started,
    )
    try:
        write(args.out, results, protocol, settings)
        print(table(results, protocol))
    except OSError as error:  # a full disk: the scores are lost, and the reason is one line
        print(f"chorus eval: cannot write the results: {error}", file=sys.stderr)
        return 1
    print(f"\nwrote {args.out / 'report.md'}, results.json and scores.png in {settings.wall_seconds:.1f} s")
    failed = [r.system for r in results if r.error]
    if failed:
        print(f"failed: {', '.join(failed)} (see report.md); finished summaries are kept", file=sys.stderr)
    return 1 if failed else 0
