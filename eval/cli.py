"""`chorus eval` / `python -m eval`: run systems over a dataset and write a ROUGE report."""

from __future__ import annotations

import argparse
import datetime
import sys
import time
from pathlib import Path

from eval.aggregate import Aggregator
from eval.datasets import read_jsonl
from eval.protocols import PROTOCOLS
from eval.report import Settings, git_revision, summarise, table, write
from eval.runner import run
from eval.systems import SYSTEMS


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
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
        help=f"comma-separated, from: {', '.join(SYSTEMS)}",
    )
    p.add_argument("--out", required=True, type=Path, help="output folder; rerunning into it resumes")
    p.add_argument("--limit", type=int, help="only the first N clusters")
    p.add_argument("--workers", type=int, default=1, help="local processes running clusters in parallel")
    p.add_argument("--baseline", default="lexrank", help="system the others are compared with")
    p.add_argument("--seed", type=int, default=0, help="seed of the bootstrap and permutation draws")
    p.add_argument("--samples", type=int, default=1000, help="bootstrap resamples and permutations")
    p.add_argument("--confidence", type=float, default=0.95)
    p.add_argument("--executor", choices=("local", "ray"), default="local")
    p.add_argument(
        "--ray-address", help="Ray cluster to join (auto, or ray://head:10001); default: start a local one"
    )
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    if not systems or args.workers < 1 or (args.limit is not None and args.limit < 1) or args.samples < 1:
        print("give at least one system; --workers, --limit and --samples are at least 1", file=sys.stderr)
        return 2
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
    write(args.out, results, protocol, settings)
    print(table(results, protocol))
    print(f"\nwrote {args.out / 'report.md'}, results.json and scores.png in {settings.wall_seconds:.1f} s")
    failed = [r.system for r in results if r.error]
    if failed:
        print(f"failed: {', '.join(failed)} (see report.md); finished summaries are kept", file=sys.stderr)
    return 1 if failed else 0
