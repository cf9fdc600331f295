"""Evaluation protocols: how long summaries are, how texts are cut, which numbers count, and
the published results to set ours beside.

- `duc` matches `ROUGE-1.5.5.pl -n 2 -m -l 100 -x -f A` (its intervals are 95% from 1000
  resamples by default, `-c 95 -r 1000`): 100-word cut of summaries and references, ROUGE-1/2 recall, Porter stemming,
  stopwords kept, references pooled. Perl prints the mean of its bootstrap resamples; we
  report the plain mean over clusters and a seeded bootstrap interval around it.
- `multinews` matches `ROUGE-1.5.5.pl -n 2 -m -f A` on one-sentence-per-line files for
  ROUGE-1/2 and rougeLsum (Perl's ROUGE-L), and the same with each text on one line for
  rougeL; F1 (`-p 0.5`, the default), 250-word summaries, nothing cut.
"""

from __future__ import annotations

from typing import Literal

import msgspec

from eval.text import split_sentences, truncate_words


class Anchor(msgspec.Struct, frozen=True):
    """A published result, in ROUGE points (0-100)."""

    system: str
    source: str
    scores: dict[str, float]


class Protocol(msgspec.Struct, frozen=True):
    name: str
    description: str
    budget: int  # words each system is asked for
    truncate: int | None  # words kept of every summary and reference before scoring
    statistic: Literal["recall", "f"]  # the field of `Score` the headline numbers use
    measures: tuple[str, ...]  # the headline measures, in table order
    rouge_flags: str  # the ROUGE-1.5.5 command line the numbers correspond to
    anchors: tuple[Anchor, ...]

    def prepare_summary(self, text: str) -> str:
        return truncate_words(text, self.truncate) if self.truncate else text

    def prepare_reference(self, text: str) -> str:
        # rougeLsum reads one sentence per line; references given as one paragraph (as in
        # Multi-News) are split with the suite's own splitter, rouge-score's
        # split_summaries=True would need NLTK's Punkt data.
        if "\n" not in text.strip():
            text = "\n".join(split_sentences(text))
        return self.prepare_summary(text)


DUC = Protocol(
    name="duc",
    description=(
        "DUC 2004 task 2 convention: summaries and references cut to their first 100 words; "
        "ROUGE-1/2 recall, Porter stemming, stopwords kept; the references of a cluster pooled "
        "(matches and reference n-grams summed, then divided); plain mean over clusters."
    ),
    budget=100,
    truncate=100,
    statistic="recall",
    measures=("rouge1", "rouge2"),
    # -x: no ROUGE-L; -f A: pool the references. Perl's printed average is the mean of its
    # bootstrap resamples (-c 95 -r 1000); ours is the plain mean.
    rouge_flags="ROUGE-1.5.5.pl -n 2 -m -l 100 -x -f A -c 95 -r 1000 -a",
    anchors=(
        Anchor("lead", "Hong et al. 2014 (SumRepo)", {"rouge1": 31.46, "rouge2": 6.13}),
        Anchor("lexrank", "Hong et al. 2014 (SumRepo)", {"rouge1": 36.00, "rouge2": 7.51}),
        Anchor("Centroid", "Hong et al. 2014 (SumRepo)", {"rouge1": 36.42, "rouge2": 7.98}),
        Anchor("ICSISumm", "Hong et al. 2014 (SumRepo)", {"rouge1": 38.44, "rouge2": 9.81}),
        Anchor("DPP", "Hong et al. 2014 (SumRepo)", {"rouge1": 39.84, "rouge2": 9.62}),
    ),
)

MULTINEWS = Protocol(
    name="multinews",
    description=(
        "Multi-News convention: summaries of about the reference length (250 words), not cut; "
        "ROUGE-1/2/L F1 with Porter stemming as rouge-score computes them (rougeL over the "
        "whole text as one sequence), plus rougeLsum (summary-level LCS over sentences, one "
        "per line; references split into sentences first), reported apart."
    ),
    budget=250,
    truncate=None,
    statistic="f",
    measures=("rouge1", "rouge2", "rougeL", "rougeLsum"),
    # rougeLsum is what ROUGE-1.5.5 calls ROUGE-L on one-sentence-per-line input; rougeL is
    # that with each summary on one line. One reference per cluster, so -f A equals -f B.
    rouge_flags="ROUGE-1.5.5.pl -n 2 -m -f A -c 95 -r 1000 -a",
    anchors=(
        Anchor("lexrank", "Fabbri et al. 2019", {"rouge1": 38.27, "rouge2": 12.70}),
        Anchor("textrank", "Fabbri et al. 2019", {"rouge1": 38.44, "rouge2": 13.10}),
        Anchor("PRIMERA zero-shot", "Xiao et al. 2022", {"rouge1": 42.0, "rouge2": 13.6, "rougeL": 20.8}),
        Anchor("PEGASUS fine-tuned", "Zhang et al. 2020", {"rouge1": 47.52, "rouge2": 18.72, "rougeL": 24.91}),
        Anchor("PRIMERA fine-tuned", "Xiao et al. 2022", {"rouge1": 49.9, "rouge2": 21.1, "rougeL": 25.9}),
    ),
)

PROTOCOLS = {p.name: p for p in (DUC, MULTINEWS)}
