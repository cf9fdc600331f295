"""Benchmark the extractive pipeline: per-stage time, the speed-up over sumy's LexRank, peak memory.

    .venv/bin/python bench/pipeline.py [--seeds DIR] [--duc FILE] [--limit N] [--repeat N]

Two workloads, both with `Options(method="extractive", words=100)`:

* the seed cluster (../shared/seeds, five scraped reports) through `Pipeline.run`, warm, median
  of --repeat runs; target: under 0.3 s;
* the 50 DUC 2004 task 2 clusters (../shared/data/duc2004_task2.jsonl), each through the whole
  pipeline (per-stage times) and then, in the same process, each in turn through the
  pipeline and through sumy's LexRank over the concatenated cluster (sentences split by our
  splitter, words by our tokenizer and stemmer: no NLTK data needed) picking sentences up to
  100 words; target: the pipeline at least 5x faster in total.

Per-stage times come from `cluster.timings`. Data that is absent is skipped with a note. Exits 1
when a target is missed, 0 otherwise.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from memory import peak_rss_mb  # noqa: E402
from service import Article, Options, Pipeline, Settings  # noqa: E402
from service.inputs import read_inputs  # noqa: E402
from service.pipeline import STAGE_ORDER  # noqa: E402
from service.settings import NO_MODEL  # noqa: E402
from service.stages.segment import split_sentences  # noqa: E402
from service.text import STOPWORDS, stem, words  # noqa: E402

SHARED = REPO.parent / "shared"
OPTIONS = Options(method="extractive", words=100)
SEED_TARGET_S = 0.3
SPEEDUP_TARGET = 5.0
BRIEF_WORDS = 100


def stage_table(timings: list[dict[str, float]], title: str) -> None:
    totals: defaultdict[str, float] = defaultdict(float)
    for t in timings:
        for stage, seconds in t.items():
            totals[stage] += seconds
    whole = sum(totals.values())
    print(f"  {title}: per stage, total over {len(timings)} run(s) (mean per run)")
    for stage in STAGE_ORDER:
        seconds = totals.get(stage, 0.0)
        share = seconds / whole if whole else 0.0
        print(f"    {stage:<10} {seconds * 1000:9.1f} ms  ({seconds / len(timings) * 1000:7.1f} ms)  {share:6.1%}")
    print(f"    {'all':<10} {whole * 1000:9.1f} ms  ({whole / len(timings) * 1000:7.1f} ms)")


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


class _Tokenizer:
    """What sumy calls on a tokenizer: our sentence splitter and word tokenizer."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(paragraph[a:b] for a, b in split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))


def lexrank_baseline():
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.summarizers.lex_rank import LexRankSummarizer

    summarizer = LexRankSummarizer(stem)
    summarizer.stop_words = STOPWORDS
    tokenizer = _Tokenizer()

    def up_to_budget(infos):  # sumy hands the rated sentences best first; keep 100 words' worth
        kept, used = [], 0
        for info in infos:
            length = len(info.sentence.words)
            if used + length > BRIEF_WORDS:
                continue
            kept.append(info)
            used += length
        return kept

    def summarize(texts: list[str]) -> tuple:
        text = "\n".join(texts)
        sentences = [Sentence(s, tokenizer) for s in tokenizer.to_sentences(text)]
        return summarizer(ObjectDocumentModel([Paragraph(sentences)]), up_to_budget)

    return summarize


def bench_seeds(pipeline: Pipeline, seeds: Path, repeat: int) -> bool | None:
    print(f"\n== seed cluster: {seeds}")
    if not seeds.is_dir():
        print("  skipped: not found")
        return None
    (cluster_input,), _ = read_inputs([str(seeds)])
    articles = cluster_input.articles
    started = time.perf_counter()
    pipeline.run(articles, OPTIONS)
    cold = time.perf_counter() - started
    runs, walls = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        cluster = pipeline.run(articles, OPTIONS)
        walls.append(time.perf_counter() - started)
        runs.append(cluster.timings)
    chars = sum(len(a.text or "") for a in articles)
    assert cluster.brief is not None
    print(f"  {len(articles)} reports, {chars:,} characters; brief of {len(cluster.brief.sentences)} sentences")
    stage_table(runs, "warm")
    warm = statistics.median(walls)
    print(f"  first run (lazy imports included): {cold * 1000:.1f} ms")
    print(f"  warm median of {repeat}: {warm * 1000:.1f} ms")
    ok = warm < SEED_TARGET_S
    print(f"  target: seed cluster under {SEED_TARGET_S} s ... {verdict(ok)}")
    return ok


def bench_duc(pipeline: Pipeline, path: Path, limit: int | None) -> bool | None:
    print(f"\n== DUC 2004 task 2: {path}")
    if not path.is_file():
        print("  skipped: not found")
        return None
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = rows[:limit] if limit else rows
    clusters = [(r["id"], [Article(id=str(d["id"]), text=d["text"]) for d in r["docs"]]) for r in rows]
    docs = sum(len(a) for _, a in clusters)
    chars = sum(len(a.text or "") for _, arts in clusters for a in arts)
    print(f"  {len(clusters)} clusters, {docs} documents, {chars:,} characters")

    pipeline.run(clusters[0][1], OPTIONS)  # warm-up: lazy imports, stemmer cache
    timings, ours = [], 0.0
    for _, articles in clusters:
        started = time.perf_counter()
        cluster = pipeline.run(articles, OPTIONS)
        ours += time.perf_counter() - started
        timings.append(cluster.timings)
    stage_table(timings, "chorus extractive")
    print(f"  peak RSS after the pipeline: {peak_rss_mb():.0f} MiB")

    print(f"  chorus extractive, whole pipeline: {ours:8.2f} s  ({ours / len(clusters) * 1000:7.1f} ms a cluster)")

    # The ratio is taken with each cluster through both in turn, so that a change in the shared
    # machine's load over the minute LexRank takes falls on both alike.
    summarize = lexrank_baseline()
    summarize([a.text for a in clusters[0][1]])  # warm-up
    ours, theirs = 0.0, 0.0
    for _, articles in clusters:
        started = time.perf_counter()
        pipeline.run(articles, OPTIONS)
        ours += time.perf_counter() - started
        started = time.perf_counter()
        summarize([a.text for a in articles])
        theirs += time.perf_counter() - started
    print(f"  in turn with sumy LexRank on the concatenated clusters: chorus {ours:.2f} s, LexRank {theirs:.2f} s "
          f"({theirs / len(clusters) * 1000:.1f} ms a cluster)")
    speedup = theirs / ours if ours else float("inf")
    ok = speedup >= SPEEDUP_TARGET
    print(f"  target: pipeline >= {SPEEDUP_TARGET:.0f}x faster than LexRank ... {speedup:.1f}x {verdict(ok)}")

    largest = max(clusters, key=lambda c: sum(len(a.text or "") for a in c[1]))
    tracemalloc.start()
    pipeline.run(largest[1], OPTIONS)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  traced peak of one pipeline run on the largest cluster ({largest[0]}): {peak / 2**20:.1f} MiB")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    parser.add_argument("--duc", type=Path, default=SHARED / "data" / "duc2004_task2.jsonl")
    parser.add_argument("--limit", type=int, help="only the first N DUC clusters")
    parser.add_argument("--repeat", type=int, default=7, help="warm runs of the seed cluster")
    args = parser.parse_args(argv)

    pipeline = Pipeline.from_settings(Settings(model=NO_MODEL))
    print(f"options: {OPTIONS}")
    results = [bench_seeds(pipeline, args.seeds, args.repeat), bench_duc(pipeline, args.duc, args.limit)]
    print(f"\npeak RSS of the process: {peak_rss_mb():.0f} MiB")
    if all(r is None for r in results):
        print("no benchmark data found; nothing measured")
    return 1 if any(r is False for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
