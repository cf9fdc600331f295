"""Offline text helpers: a regex sentence splitter and ROUGE-1.5.5-style word truncation.

The splitter is the eval suite's own, not the product's segmenter, so baseline numbers do
not move when the product changes, and it needs no NLTK data (Punkt is not installed here).
"""

from __future__ import annotations

import re

# Words whose trailing period is not a sentence end in news copy (titles, months, firms,
# US state abbreviations seen in DUC and Multi-News bylines).
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen sens rep reps gov gen col lt sgt cpl capt maj adm brig cmdr
    st mt ft rev hon pres jr sr vs co corp inc ltd bros dept est approx
    jan feb mar apr jun jul aug sep sept oct nov dec
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo
    mont neb nev okla ore pa tenn tex va vt wash wis wyo""".split()
)

# A candidate end: terminal punctuation, optional closing quotes/brackets, then whitespace
# and something that can open a sentence (capital, digit, opening quote or bracket).
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[`]*[A-Z0-9])")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def split_sentences(text: str) -> list[str]:
    """Sentences of `text`, whitespace-normalised; newlines are always boundaries."""
    sentences: list[str] = []
    for line in text.splitlines():
        start = 0
        for match in _BOUNDARY.finditer(line):
            if _is_abbreviation(line[start : match.start() + 1]):
                continue
            sentences.append(line[start : match.end()])
            start = match.end()
        sentences.append(line[start:])
    return [" ".join(s.split()) for s in sentences if s.strip()]


def _is_abbreviation(chunk: str) -> bool:
    """Whether the period ending `chunk` belongs to an abbreviation or initial ("U.S.", "J.")."""
    match = _LAST_WORD.search(chunk)
    if match is None:
        return False
    word = match.group(1)
    if "." in word or len(word) == 1:  # initialisms and initials
        return True
    return word.lower() in _ABBREVIATIONS


def word_count(text: str) -> int:
    """Whitespace-separated words, the unit of ROUGE-1.5.5's `-l` and of word budgets."""
    return len(text.split())


def truncate_words(text: str, limit: int) -> str:
    """The first `limit` whitespace words, keeping line breaks (ROUGE-1.5.5 `-l limit`)."""
    kept: list[str] = []
    remaining = limit
    for line in text.splitlines():
        if remaining <= 0:
            break
        words = line.split()[:remaining]
        if words:
            kept.append(" ".join(words))
            remaining -= len(words)
    return "\n".join(kept)
