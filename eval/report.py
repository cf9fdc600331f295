"""Turning outcomes into `results.json`, `report.md` and `scores.png`."""

from __future__ import annotations

import statistics
import subprocess
from pathlib import Path

import msgspec

from eval.aggregate import Aggregator, Comparison, Interval
from eval.protocols import Protocol
from eval.runner import Outcome
from eval.scoring import Score

_NAMES = {"rouge1": "R-1", "rouge2": "R-2", "rougeL": "R-L", "rougeLsum": "R-Lsum"}
_STATISTICS = {"recall": "recall", "f": "F1"}


class Timing(msgspec.Struct, frozen=True):
    """Seconds a system spent summarizing one cluster (scoring not included)."""

    mean: float
    median: float
    total: float
    empty: int  # clusters the system gave an empty summary for


class SystemResult(msgspec.Struct, frozen=True):
    system: str
    clusters: int
    means: dict[str, Score]  # every measure, precision/recall/F averaged over clusters
    intervals: dict[str, Interval]  # the protocol's statistic, headline measures
    comparisons: dict[str, Comparison]  # against the baseline, same measures; empty for it
    timing: Timing | None
    error: str | None = None  # the first failure; a system that failed anywhere gets no scores


class Settings(msgspec.Struct, frozen=True):
    dataset: str
    clusters: int
    protocol: str
    systems: tuple[str, ...]
    baseline: str
    seed: int
    samples: int
    confidence: float
    executor: str
    workers: int
    date: str
    revision: str
    wall_seconds: float


def git_revision(path: Path) -> str:
    """The checkout's commit, with "+dirty" when files differ from it; "unknown (no commit)" outside git."""

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(path), *args], capture_output=True, text=True, check=True
        ).stdout.strip()

    try:
        return git("rev-parse", "--short", "HEAD") + ("+dirty" if git("status", "--porcelain") else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown (no commit)"


def summarise(
    outcomes: dict[str, list[Outcome]], protocol: Protocol, aggregator: Aggregator, baseline: str
) -> list[SystemResult]:
    def values(system: str, measure: str) -> list[float]:
        return [getattr(o.scores[measure], protocol.statistic) for o in outcomes[system]]

    failed = {s: next((o.error for o in runs if o.error), None) for s, runs in outcomes.items()}
    results = []
    for system, runs in outcomes.items():
        if failed[system]:
            results.append(SystemResult(system, len(runs), {}, {}, {}, None, failed[system]))
            continue
        records = [o.record for o in runs if o.record is not None]
        seconds = [r.seconds for r in records]
        comparable = system != baseline and baseline in outcomes and not failed[baseline]
        results.append(
            SystemResult(
                system=system,
                clusters=len(runs),
                means={m: _mean_score([o.scores[m] for o in runs]) for m in runs[0].scores},
                intervals={m: aggregator.interval(values(system, m)) for m in protocol.measures},
                comparisons={
                    m: aggregator.compare(values(system, m), values(baseline, m))
                    for m in protocol.measures
                    if comparable
                },
                timing=Timing(
                    statistics.fmean(seconds),
                    statistics.median(seconds),
                    sum(seconds),
                    sum(not r.summary for r in records),
                ),
            )
        )
    return results


def _mean_score(scores: list[Score]) -> Score:
    return Score(
        precision=statistics.fmean(s.precision for s in scores),
        recall=statistics.fmean(s.recall for s in scores),
        f=statistics.fmean(s.f for s in scores),
    )


def write(out: Path, results: list[SystemResult], protocol: Protocol, settings: Settings) -> None:
    scored = [r for r in results if r.error is None]
    (out / "results.json").write_bytes(
        msgspec.json.format(msgspec.json.encode({r.system: r.means for r in scored})) + b"\n"
    )
    (out / "report.md").write_text(markdown(results, protocol, settings))
    if scored:
        plot(scored, protocol, out / "scores.png")


def _points(value: float) -> str:
    return f"{100 * value:.2f}"


def _precision_recall_f(score: Score) -> str:
    return f"{_points(score.precision)} / {_points(score.recall)} / {_points(score.f)}"


def _interval(interval: Interval) -> str:
    return f"{_points(interval.mean)} [{_points(interval.low)}, {_points(interval.high)}]"


def _p_value(p: float, samples: int) -> str:
    # The smallest p a permutation test of `samples` draws can give is 1 / (samples + 1).
    return f"p≤{p:.4f}" if p <= 1 / (samples + 1) + 1e-12 else f"p={p:.3f}"


def table(results: list[SystemResult], protocol: Protocol) -> str:
    """Our numbers with their intervals, and the published ones beside them."""
    statistic = _STATISTICS[protocol.statistic]
    anchors = {a.system: a for a in protocol.anchors}
    head = [f"{_NAMES[m]} {statistic}" for m in protocol.measures]
    anchored = [m for m in protocol.measures if any(m in a.scores for a in protocol.anchors)]
    published = [f"published {_NAMES[m]}" for m in anchored]
    lines = [
        "| system | " + " | ".join(head + published) + " | s/cluster |",
        "|---" * (len(head) + len(published) + 2) + "|",
    ]
    for r in results:
        if r.error is not None:
            lines.append(f"| {r.system} | failed: {r.error} |")
            continue
        ours = [_interval(r.intervals[m]) for m in protocol.measures]
        anchor = anchors.get(r.system)
        theirs = [f"{anchor.scores[m]:.2f}" if anchor and m in anchor.scores else "" for m in anchored]
        timing = f"{r.timing.mean:.2f}" if r.timing else ""
        lines.append(f"| {r.system} | " + " | ".join(ours + theirs) + f" | {timing} |")
    for anchor in protocol.anchors:
        if anchor.system not in {r.system for r in results}:
            theirs = [f"{anchor.scores[m]:.2f}" if m in anchor.scores else "" for m in anchored]
            lines.append(
                f"| {anchor.system} ({anchor.source}) | " + " | ".join([""] * len(head) + theirs) + " | |"
            )
    return "\n".join(lines)


def _no_comparison(results: list[SystemResult], baseline: str) -> str:
    """Why no system was compared with the baseline."""
    ran = {r.system: r for r in results}
    if baseline not in ran:
        return f"{baseline} was not run with the other systems (`--baseline`, `--systems`)"
    if ran[baseline].error:
        return f"{baseline} failed"
    return f"no system other than {baseline} was scored"


def markdown(results: list[SystemResult], protocol: Protocol, settings: Settings) -> str:
    level = round(settings.confidence * 100)
    sources = sorted({f"{a.system}: {a.source}" for a in protocol.anchors})
    parts = [
        f"# ROUGE evaluation: `{protocol.name}` on `{Path(settings.dataset).name}`",
        "",
        f"- Dataset: `{settings.dataset}` ({settings.clusters} clusters)",
        f"- Protocol: {protocol.description}",
        f"- Equivalent ROUGE-1.5.5 flags: `{protocol.rouge_flags}`",
        f"- Word budget asked of each system: {protocol.budget}; cut before scoring: "
        + (f"first {protocol.truncate} words" if protocol.truncate else "none"),
        f"- Intervals: {level}% percentile bootstrap over clusters, {settings.samples} resamples, "
        f"seed {settings.seed}; numbers are ROUGE points (x100), plain means over clusters",
        f"- Systems: {', '.join(settings.systems)}; baseline for comparisons: {settings.baseline}",
        f"- Executor: {settings.executor}, workers: {settings.workers}; "
        f"wall time {settings.wall_seconds:.1f} s",
        f"- Date: {settings.date}; git revision: {settings.revision}",
        "",
        "## Scores",
        "",
        table(results, protocol),
        "",
        "Published numbers: " + "; ".join(sources) + ".",
        "",
        f"## Paired comparison against {settings.baseline}",
        "",
    ]
    compared = [r for r in results if r.comparisons]
    if compared:
        parts += [
            f"Difference of the per-cluster {_STATISTICS[protocol.statistic]} (system minus "
            f"{settings.baseline}) with its {level}% bootstrap interval, and the two-sided p-value of a "
            f"paired sign-flip permutation test ({settings.samples} permutations).",
            "",
            "| system | " + " | ".join(_NAMES[m] for m in protocol.measures) + " |",
            "|---" * (len(protocol.measures) + 1) + "|",
        ]
        for r in compared:
            cells = [
                f"{_interval(c.difference)}, {_p_value(c.p_value, settings.samples)}"
                for c in (r.comparisons[m] for m in protocol.measures)
            ]
            parts.append(f"| {r.system} | " + " | ".join(cells) + " |")
    else:
        parts.append(f"None: {_no_comparison(results, settings.baseline)}.")
    parts += [
        "",
        "## All measures (mean precision / recall / F1)",
        "",
        "| system | " + " | ".join(_NAMES[m] + " P / R / F" for m in _NAMES) + " |",
        "|---" * (len(_NAMES) + 1) + "|",
    ]
    for r in results:
        if r.error is None:
            cells = [_precision_recall_f(r.means[m]) for m in _NAMES]
            parts.append(f"| {r.system} | " + " | ".join(cells) + " |")
    parts += [
        "",
        "## Timing (seconds summarizing one cluster)",
        "",
        "Empty: clusters the system returned no summary for (the product declines clusters it finds "
        "no prose in); they score 0.",
        "",
        "| system | clusters | empty | mean | median | total |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        if r.timing is not None:
            t = r.timing
            parts.append(
                f"| {r.system} | {r.clusters} | {t.empty} | {t.mean:.3f} | {t.median:.3f} | {t.total:.1f} |"
            )
    return "\n".join(parts) + "\n"


def plot(results: list[SystemResult], protocol: Protocol, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")  # files only; no display on servers and CI
    import matplotlib.pyplot as plt
    import numpy as np

    measures = protocol.measures
    width = 0.8 / len(results)
    figure, axes = plt.subplots(figsize=(1.6 + 1.4 * len(measures) * max(1, len(results) / 3), 4))
    for i, r in enumerate(results):
        means = np.array([100 * r.intervals[m].mean for m in measures])
        errors = np.array(
            [[100 * (r.intervals[m].mean - r.intervals[m].low) for m in measures],
             [100 * (r.intervals[m].high - r.intervals[m].mean) for m in measures]]
        )
        axes.bar(np.arange(len(measures)) + i * width, means, width, yerr=errors, capsize=3, label=r.system)
    axes.set_xticks(np.arange(len(measures)) + width * (len(results) - 1) / 2)
    axes.set_xticklabels([_NAMES[m] for m in measures])
    axes.set_ylabel(f"ROUGE {_STATISTICS[protocol.statistic]} (points)")
    axes.set_title(f"{protocol.name}: mean over clusters, bootstrap interval")
    axes.legend(fontsize="small")
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)
