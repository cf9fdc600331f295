"""Collapse wire copies: mark a report that reprints another report's text.

Outlets run the same agency copy with a new headline, a trimmed ending, a changed word or
two and their own page furniture. After cleaning (furniture gone) such copies share most
of their word 5-grams ("shingles"), while two reporters writing up the same event share
few: even a close rewrite changes some word in most five-word windows. Containment (the
shared share of the *smaller* copy's shingles) rather than Jaccard keeps a shortened copy a
reprint of the full one.
"""

from __future__ import annotations

from collections.abc import Sequence

from service.cluster import Document
from service.stories.components import connected

SHINGLE = 5
# Share of the smaller copy's shingles found in the other. Measured on DUC 2004, Multi-News
# and TAC 2011 clusters: independent reports of one event share under 0.25; copies and
# write-throughs of one agency story 0.4 and up, with few pairs between. A report built
# around whole paragraphs of wire copy (0.4+) is counted as that copy, not as new support.
REPRINT_CONTAINMENT = 0.4
# Below this many shingles (a couple of sentences) overlap says little.
MIN_SHINGLES = 20


def shingles(document: Document) -> set[tuple[str, ...]]:
    tokens = [t for s in document.sentences for t in s.tokens]
    return {tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}


def containment(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 0.0


def _original_first(document: Document, size: int) -> tuple[int, str, int]:
    # The earliest published copy is the original; without dates, the fullest copy.
    published = document.article.published_at
    return (0, published, -size) if published else (1, "", -size)


def mark_reprints(documents: Sequence[Document]) -> None:
    """Set `reprint_of` on every copy to the original of its group of near-duplicates."""
    sets = [shingles(d) for d in documents]

    def copies(i: int, j: int) -> bool:
        return min(len(sets[i]), len(sets[j])) >= MIN_SHINGLES and containment(sets[i], sets[j]) >= REPRINT_CONTAINMENT

    for members in connected(len(documents), copies):
        original = min(members, key=lambda i: (*_original_first(documents[i], len(sets[i])), i))
        for i in members:
            documents[i].reprint_of = None if i == original else documents[original].article.id
