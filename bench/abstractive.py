"""What the abstractive rewrite costs, and what it adds or loses against the extractive brief.

    .venv/bin/python bench/abstractive.py [--briefs 2]
    .venv/bin/python bench/abstractive.py --duc ../shared/data/duc2004_task2.jsonl [--clusters 10] [--show]

Cost (default): the configured model (CHORUS_MODEL), else the packaged SmolLM2, else a tiny
random model, always saying which ran; load time, the one-time GGUF dequantization (in a
child process, so its memory is not counted as serving memory), generation time per brief
and per output sentence, tokens/s, and peak RSS, on the tests' invented ferry cluster.

Quality (--duc): the first N clusters through `service.summarize` with method "extractive"
and "abstractive" at words=100: ROUGE-2 recall as the eval suite's `duc` protocol scores it
(first 100 words of brief and references, Porter stemming, references pooled), and how many
fused sentences the attribution guard replaced. Timings depend on the machine's load
and on torch's threads (OMP_NUM_THREADS); both are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import msgspec

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from memory import peak_rss_mb  # noqa: E402
from service import Article, Brief, Options, Pipeline, Settings, summarize  # noqa: E402
from service.generators import GeneratorSlot  # noqa: E402
from service.settings import PACKAGED_SMOLLM2  # noqa: E402

FERRY = ROOT / "tests" / "fixtures" / "abstract_ferry.json"
WORDS = 100


def gpu_peak(device: str) -> str:
    """Peak GPU memory torch allocated, where the model runs on a GPU."""
    if not device.startswith("cuda"):
        return ""
    import torch

    return f", GPU peak {torch.cuda.max_memory_allocated() / 2**20:.0f} MB"


def machine() -> str:
    import torch

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"{os.cpu_count()} CPUs, load average {load}, torch threads {torch.get_num_threads()}"


def ferry() -> list[Article]:
    return [Article(**a) for a in json.loads(FERRY.read_text(encoding="utf-8"))["articles"]]


def dequantize_cost(settings: Settings) -> None:
    """Time the GGUF conversion in a child process: into the cache when it is missing (so
    this run pays it once), else into a scratch directory."""
    from service.generators.transformers import dequantized_path
    from service.generators.weights import locate

    weights = locate(settings)
    if not weights.gguf_file:
        return
    with tempfile.TemporaryDirectory() as scratch:
        cache = Path(settings.cache_dir)
        target = Path(scratch) if (dequantized_path(weights, cache) / "config.json").is_file() else cache
        code = (
            "import sys, time, msgspec; from pathlib import Path\n"
            "from bench.memory import peak_rss_mb\n"
            "from service.generators.transformers import dequantized\n"
            "from service.generators.weights import locate\n"
            "from service.settings import Settings\n"
            "started = time.perf_counter()\n"
            "dequantized(locate(msgspec.json.decode(sys.argv[1], type=Settings)), Path(sys.argv[2]))\n"
            "print(time.perf_counter() - started, peak_rss_mb())\n"
        )
        argv = [sys.executable, "-c", code, msgspec.json.encode(settings).decode(), str(target)]
        done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=True)
        seconds, rss = map(float, done.stdout.split())
        print(f"dequantize {weights.gguf_file} once: {seconds:.1f} s, peak RSS {rss:.0f} MB (then cached)")


def load_first(candidates: Sequence[Settings], tiny_dir: Path) -> tuple[GeneratorSlot, Settings, float]:
    """The first candidate that loads; a tiny random model when none does."""
    from service.generators.tiny import build_tiny_model
    from service.stages.abstract import load_prompt

    for candidate in [*candidates, None]:
        if candidate is None:
            print("no real weights load: running the tiny RANDOM model (timings say nothing about quality)")
            texts = [a.text or "" for a in ferry()] + [load_prompt("fuse")]
            settings = Settings(model=str(build_tiny_model(tiny_dir, texts)))
        else:
            settings = candidate
            try:
                dequantize_cost(settings)
            except Exception:  # unavailable or unconvertible: the slot's load below says why
                pass
        slot = GeneratorSlot.from_settings(settings)
        started = time.perf_counter()
        slot.load()
        if slot.available:
            return slot, settings, time.perf_counter() - started
        print(f"{settings.model}: unavailable ({slot.error})")
    raise RuntimeError("not even the tiny random model loads")


def cost(briefs: int) -> None:
    configured = Settings.from_env()
    packaged = msgspec.structs.replace(configured, model=PACKAGED_SMOLLM2, gguf_file=None)
    candidates = [configured] + ([packaged] if configured.model != PACKAGED_SMOLLM2 else [])
    base_rss = peak_rss_mb()
    with tempfile.TemporaryDirectory() as tiny_dir:
        slot, settings, load_s = load_first(candidates, Path(tiny_dir))
        from service.generators.transformers import TransformersGenerator

        generator = slot.generator
        assert isinstance(generator, TransformersGenerator)
        print(f"ran: {generator.version}  ({machine()})")
        print(f"load: {load_s:.1f} s, peak RSS {peak_rss_mb():.0f} MB (before load {base_rss:.0f} MB){gpu_peak(settings.device)}")
        pipeline = Pipeline.from_settings(settings, generator=slot)
        timed: list[float] = []
        new_tokens: list[int] = []
        generate = generator.generate

        def timed_generate(prompts: Sequence[str]) -> list[str]:
            started = time.perf_counter()
            outputs = generate(prompts)
            timed.append(time.perf_counter() - started)
            new_tokens.extend(len(generator.tokenizer(o, add_special_tokens=False)["input_ids"]) for o in outputs)
            return outputs

        generator.generate = timed_generate  # type: ignore[method-assign]
        for run in range(1, briefs + 1):
            timed.clear()
            new_tokens.clear()
            started, cpu = time.perf_counter(), time.process_time()
            brief = pipeline.summarize(ferry(), Options(method="abstractive", sentences=6))
            total, cpu = time.perf_counter() - started, time.process_time() - cpu
            gen_s, count = sum(timed), len(new_tokens)
            origins = Counter(s.origin for s in brief.sentences)
            print(
                f"brief {run}: {total:.1f} s ({gen_s:.1f} s generating, {cpu:.1f} CPU s); {count} sentences, "
                f"{gen_s / max(count, 1):.1f} s per sentence, {sum(new_tokens) / max(gen_s, 1e-9):.1f} new tokens/s; "
                f"origins {dict(origins)}; peak RSS {peak_rss_mb():.0f} MB{gpu_peak(settings.device)}"
            )


def rouge2_recall(summary: str, references: Sequence[str]) -> float:
    """ROUGE-2 recall under the eval suite's DUC protocol: first 100 words, references pooled."""
    from eval.protocols import PROTOCOLS
    from eval.scoring import RougeScorer

    duc = PROTOCOLS["duc"]
    prepared = [duc.prepare_reference(r) for r in references]
    return RougeScorer(["rouge2"]).score(prepared, duc.prepare_summary(summary))["rouge2"].recall


def quality(dataset: Path, clusters: int, show: bool) -> None:
    os.environ.setdefault("CHORUS_MODEL", PACKAGED_SMOLLM2)
    rows = [json.loads(line) for line in dataset.read_text(encoding="utf-8").splitlines()[:clusters]]
    scores: dict[str, list[float]] = {"extractive": [], "abstractive": []}
    origins: Counter[str] = Counter()
    seconds = 0.0
    for row in rows:
        articles = [Article(id=d["id"], text=d["text"]) for d in row["docs"]]
        for method in ("extractive", "abstractive"):
            started = time.perf_counter()
            brief: Brief = summarize(articles, Options(method=method, words=WORDS))
            if method == "abstractive":
                seconds += time.perf_counter() - started
                # The model ran (its sentences were kept or replaced), not an extractive fallback.
                assert any(s.origin != "extracted" for s in brief.sentences), brief.warnings
                origins.update(s.origin for s in brief.sentences)
                if show:  # the sentences the guard let through, beside the report sentence it cites first
                    texts = {a.id: a.text or "" for a in articles}
                    for s in brief.sentences:
                        if s.origin == "fused":
                            cited = s.citations[0]
                            print(f"  fused: {s.text}\n   from: {texts[cited.article_id][cited.start : cited.end]}")
            scores[method].append(rouge2_recall(" ".join(s.text for s in brief.sentences), row["refs"]))
        print(f"{row['id']}: extractive {scores['extractive'][-1]:.4f}  abstractive {scores['abstractive'][-1]:.4f}")
    written = origins["fused"] + origins["replaced"]
    print(f"model {os.environ['CHORUS_MODEL']}; {len(rows)} clusters of {dataset.name}; {machine()}")
    for method, values in scores.items():
        print(f"ROUGE-2 recall (first {WORDS} words, pooled refs) {method}: {sum(values) / len(values):.4f}")
    wins = sum(a > e for a, e in zip(scores["abstractive"], scores["extractive"]))
    print(f"abstractive better on {wins}/{len(rows)} clusters; {seconds / len(rows):.1f} s per abstractive brief")
    print(
        f"sentences: {dict(origins)}; the guard replaced {origins['replaced']}/{written} fused "
        f"({origins['replaced'] / max(written, 1):.0%})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, default=2, help="abstractive briefs to time (the first is cold)")
    parser.add_argument("--duc", type=Path, help="a JSONL of clusters with refs: compare with extractive")
    parser.add_argument("--clusters", type=int, default=10)
    parser.add_argument("--show", action="store_true", help="print each fused sentence the guard kept")
    args = parser.parse_args(argv)
    if args.duc:
        quality(args.duc, args.clusters, args.show)
    else:
        cost(args.briefs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
