"""ROUGE scoring: a Unicode-aware tokenizer and a multi-reference scorer with pooled counts.

Mirrors rouge-score's split between a scorer and an aggregator: `RougeScorer.score` turns one
summary and its references into frozen `Score`s; means and intervals live in `aggregate`.

Why not rouge-score as is: its tokenizer replaces every character outside [a-z0-9] with a
space, so "Zürich" scores as "z rich"; and `score_multi` keeps the best reference (-f B)
where DUC practice pools all references (-f A). The arithmetic below follows ROUGE-1.5.5
and is checked against rouge-score on single references in the tests.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import msgspec
from nltk.stem.porter import PorterStemmer

MEASURES = ("rouge1", "rouge2", "rougeL", "rougeLsum")

# Runs of letters or digits of any script: rouge-score's [a-z0-9]+ widened beyond ASCII.
_TOKEN = re.compile(r"[^\W_]+")
_porter = PorterStemmer()  # the class and mode rouge-score uses; needs no NLTK data


@lru_cache(maxsize=500_000)
def _stem(token: str) -> str:
    # Like rouge-score and ROUGE-1.5.5 `-m`: only words longer than 3 characters are stemmed.
    return _porter.stem(token) if len(token) > 3 else token


class Tokenizer:
    """rouge-score's tokenization (lower-case, alphanumeric runs, Porter stemming) without
    dropping non-ASCII letters. Has `tokenize`, so rouge-score's RougeScorer accepts it too."""

    def __init__(self, stem: bool = True):
        self.stem = stem

    def tokenize(self, text: str) -> list[str]:
        tokens = _TOKEN.findall(text.lower())
        return [_stem(t) for t in tokens] if self.stem else tokens


class Counts(msgspec.Struct, frozen=True):
    """One summary against one reference: matched units and the size of each side."""

    hits: int
    reference: int
    summary: int


class Score(msgspec.Struct, frozen=True):
    """Precision, recall and F1 as fractions of 1."""

    precision: float
    recall: float
    f: float

    @classmethod
    def pooled(cls, counts: Sequence[Counts]) -> Score:
        """ROUGE-1.5.5 `-f A`: hits and totals summed over references, then divided, so a
        reference with more n-grams weighs more (not the mean of per-reference recalls)."""
        hits = sum(c.hits for c in counts)
        reference = sum(c.reference for c in counts)
        summary = sum(c.summary for c in counts)
        recall = hits / reference if reference else 0.0
        precision = hits / summary if summary else 0.0
        f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision=precision, recall=recall, f=f)


class RougeScorer:
    """Scores a summary against one or more references.

    rougeN counts clipped n-gram matches; rougeL is the LCS of the whole texts taken as one
    sequence; rougeLsum is ROUGE-1.5.5's summary-level union LCS over sentences, which are the
    newline-separated lines of each text. Without newlines rougeLsum equals rougeL, so callers
    put one sentence per line (see `Protocol.prepare_reference`).
    """

    def __init__(self, measures: Sequence[str] = MEASURES, tokenizer: Tokenizer | None = None):
        unknown = set(measures) - set(MEASURES)
        if unknown:
            raise ValueError(f"unknown ROUGE measure(s): {', '.join(sorted(unknown))}")
        self.measures = tuple(measures)
        self.tokenizer = tokenizer or Tokenizer()

    def counts(self, references: Sequence[str], summary: str) -> dict[str, tuple[Counts, ...]]:
        """Per-measure counts, one entry per reference."""
        if not references:
            raise ValueError("at least one reference is needed")
        summary_lines = self._lines(summary)
        summary_tokens = [t for line in summary_lines for t in line]
        per_reference = []
        for reference in references:
            reference_lines = self._lines(reference)
            reference_tokens = [t for line in reference_lines for t in line]
            per_reference.append(
                {
                    measure: _count(measure, reference_tokens, summary_tokens, reference_lines, summary_lines)
                    for measure in self.measures
                }
            )
        return {m: tuple(r[m] for r in per_reference) for m in self.measures}

    def score(self, references: Sequence[str], summary: str) -> dict[str, Score]:
        return {m: Score.pooled(c) for m, c in self.counts(references, summary).items()}

    def _lines(self, text: str) -> list[list[str]]:
        return [tokens for line in text.split("\n") if (tokens := self.tokenizer.tokenize(line))]


def _count(
    measure: str,
    reference: list[str],
    summary: list[str],
    reference_lines: list[list[str]],
    summary_lines: list[list[str]],
) -> Counts:
    if measure == "rougeL":
        return Counts(_lcs_table(reference, summary)[-1][-1], len(reference), len(summary))
    if measure == "rougeLsum":
        return Counts(_union_lcs_hits(reference_lines, summary_lines), len(reference), len(summary))
    n = int(measure[len("rouge") :])
    reference_grams = _ngrams(reference, n)
    summary_grams = _ngrams(summary, n)
    hits = sum(min(count, summary_grams[gram]) for gram, count in reference_grams.items())
    return Counts(hits, sum(reference_grams.values()), sum(summary_grams.values()))


def _ngrams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _lcs_table(a: list[str], b: list[str]) -> list[list[int]]:
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a, 1):
        row, previous = table[i], table[i - 1]
        for j, y in enumerate(b, 1):
            row[j] = previous[j - 1] + 1 if x == y else max(previous[j], row[j - 1])
    return table


def _lcs_positions(reference: list[str], candidate: list[str]) -> set[int]:
    """Positions in `reference` of one LCS, backtracked with rouge-score's tie-breaking."""
    table = _lcs_table(reference, candidate)
    i, j, positions = len(reference), len(candidate), set()
    while i > 0 and j > 0:
        if reference[i - 1] == candidate[j - 1]:
            positions.add(i - 1)
            i, j = i - 1, j - 1
        elif table[i][j - 1] > table[i - 1][j]:
            j -= 1
        else:
            i -= 1
    return positions


def _union_lcs_hits(reference_lines: list[list[str]], summary_lines: list[list[str]]) -> int:
    """ROUGE-1.5.5's summary-level LCS: for each reference sentence the union of its LCS with
    every summary sentence, each token credited at most as often as it occurs on both sides."""
    reference_left = Counter(t for line in reference_lines for t in line)
    summary_left = Counter(t for line in summary_lines for t in line)
    hits = 0
    for line in reference_lines:
        union = set().union(*(_lcs_positions(line, s) for s in summary_lines))
        for token in (line[p] for p in sorted(union)):
            if reference_left[token] > 0 and summary_left[token] > 0:
                hits += 1
                reference_left[token] -= 1
                summary_left[token] -= 1
    return hits
