"""Collapse wire copies: mark a report that reprints, or rewrites, another report's text.

Outlets run the same agency copy with a new headline, a trimmed ending, a changed word or
two and their own page furniture. After cleaning (furniture gone) such copies share most
of their word 5-grams ("shingles"), while two reporters writing up the same event share
few: even a close rewrite changes some word in most five-word windows. Containment (the
shared share of the *smaller* copy's shingles) rather than Jaccard keeps a shortened copy a
reprint of the full one.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import datetime, timezone

import numpy as np
from scipy import sparse

from service.cluster import Document
from service.components import connected

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
    return set(zip(*(tokens[k:] for k in range(SHINGLE))))  # each run of SHINGLE tokens, built in C


def containment(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 0.0


_UNDATED = datetime.max.replace(tzinfo=timezone.utc)


def _original_first(document: Document, size: int, reprinted: int = 0) -> tuple[int, datetime, int, int]:
    # The earliest published copy is the original; without dates, the copy that others
    # reprint verbatim (agency copy is what gets reprinted), then the fullest.
    published = document.article.published_time()
    return (0, published, -reprinted, -size) if published else (1, _UNDATED, -reprinted, -size)


def mark_reprints(documents: Sequence[Document]) -> None:
    """Set `reprint_of` on every copy to the original of its group of near-duplicates."""
    sets = [shingles(d) for d in documents]

    def copies(i: int, j: int) -> bool:
        return min(len(sets[i]), len(sets[j])) >= MIN_SHINGLES and containment(sets[i], sets[j]) >= REPRINT_CONTAINMENT

    for members in connected(len(documents), copies):
        original = min(members, key=lambda i: (*_original_first(documents[i], len(sets[i])), i))
        for i in members:
            documents[i].reprint_of = None if i == original else documents[original].article.id


# TF-IDF cosine at which two sentences count as one sentence reworded.
REWORDED = 0.4
# Share of the shorter report's sentences that retell the other's, reworded and in the
# same order, and the fewest such sentences. Measured at REWORDED: pairs of reports from
# different agencies in DUC 2004 reach 0.17 at the 99th percentile (1 of 465 pairs is
# marked, a close retelling); the seeds' desk rewrites of one AFP story reach 0.42-0.76.
# Short reports of one event told in news order can pass too, which is why a rewrite
# is shown, not folded into the support counts the way a reprint is.
REWRITE_SHARE = 0.35
MIN_RETOLD = 4


def _longest_chain(pairs: list[tuple[int, int]]) -> int:
    """Most pairs (i, j) that can be kept with both i and j strictly increasing."""
    tails: list[int] = []
    # i ascending, j descending within one i, so that one sentence is matched once.
    for _, j in sorted(pairs, key=lambda p: (p[0], -p[1])):
        k = bisect_left(tails, j)
        tails[k : k + 1] = [j]
    return len(tails)


def mark_rewrites(documents: Sequence[Document], similarity: sparse.spmatrix) -> None:
    """Set `rewrite_of` on a report that retells another's copy sentence by sentence.

    A desk rewrite of agency copy rewords every sentence, so it shares few shingles and is
    no reprint, but it keeps the copy's facts in the copy's order. Two reporters covering
    one event share facts too, in their own order and far fewer of them. `similarity` is
    the sentence-by-sentence cosine over all documents' sentences in document order.
    Reprints are left as they are: they already point at the copy they reprint.
    """
    owner = np.repeat(np.arange(len(documents)), [len(d.sentences) for d in documents])
    index = np.concatenate([np.arange(len(d.sentences)) for d in documents])
    matches = sparse.triu(similarity, k=1).tocoo()
    reworded = (matches.data >= REWORDED) & (owner[matches.row] != owner[matches.col])
    rows, cols = matches.row[reworded], matches.col[reworded]
    pairs: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for a, b, i, j in zip(owner[rows].tolist(), owner[cols].tolist(), index[rows].tolist(), index[cols].tolist()):
        pairs[(a, b)].append((i, j))

    def retells(a: int, b: int) -> bool:
        if documents[a].reprint_of or documents[b].reprint_of:
            return False
        retold = _longest_chain(pairs.get((a, b), []))
        shorter = min(len(documents[a].sentences), len(documents[b].sentences))
        return retold >= MIN_RETOLD and retold >= REWRITE_SHARE * shorter

    reprinted = Counter(d.reprint_of for d in documents if d.reprint_of)

    def original_first(i: int) -> tuple[int, datetime, int, int, int]:
        document = documents[i]
        size = sum(len(s.tokens) for s in document.sentences)
        return (*_original_first(document, size, reprinted[document.article.id]), i)

    for members in connected(len(documents), retells):
        if len(members) > 1:
            original = min(members, key=original_first)
            for i in members:
                if i != original:
                    documents[i].rewrite_of = documents[original].article.id
