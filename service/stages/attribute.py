"""Attribute: tie every brief sentence to the source sentences that support it, and guard.

An extracted sentence is supported by every wording of its fact. A fused sentence is
aligned by content-word coverage; it must be covered by its sources, and every number
and name in it must occur in some report. One that fails is replaced by the fact's best
supported extracted sentence, and the brief says so: a model's slip (a wrong country, an
invented figure) never reaches the reader as if the reports said it.
"""

from __future__ import annotations

import re

from service.cluster import Cluster, Draft, Sentence
from service.text import content, tokenize

# Share of a fused sentence's content words its sources must contain.
MIN_SUPPORT = 0.7
# A source sentence is cited when it covers this share of the brief sentence.
MIN_CITATION = 0.3
_NUMBER = re.compile(r"\d[\d,.]*")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zA-Z'’-]+")


def coverage(claim: set[str], source: Sentence) -> float:
    return len(claim & set(source.tokens)) / len(claim) if claim else 0.0


class Attribute:
    name = "attribute"

    def __call__(self, cluster: Cluster) -> Cluster:
        corpus = " ".join(d.text for d in cluster.documents)
        numbers = {n.rstrip(".,").replace(",", "") for n in _NUMBER.findall(corpus)}
        lowered = corpus.lower()
        replaced = 0
        for draft in cluster.drafts:
            if draft.origin == "fused" and not self._supported(draft, numbers, lowered):
                draft.text, draft.origin = draft.fact.representative.text, "replaced"
                replaced += 1
            draft.support = self._align(draft)
        if replaced:
            cluster.warn(
                f"{replaced} rewritten sentence(s) were not supported by the reports and were "
                "replaced by the reports' own wording"
            )
        return cluster

    @staticmethod
    def _align(draft: Draft) -> list[tuple[Sentence, float]]:
        if draft.origin != "fused":
            claim = set(content(tokenize(draft.text)))
            scored = [(s, 1.0 if s.text == draft.text else round(coverage(claim, s), 3)) for s in draft.fact.sentences]
            return sorted(scored, key=lambda pair: -pair[1])
        claim = set(content(tokenize(draft.text)))
        scored = [(s, round(coverage(claim, s), 3)) for s in draft.fact.sentences]
        return sorted([p for p in scored if p[1] >= MIN_CITATION], key=lambda pair: -pair[1])

    @staticmethod
    def _supported(draft: Draft, numbers: set[str], corpus_lower: str) -> bool:
        claim = set(content(tokenize(draft.text)))
        sources = set().union(*(set(s.tokens) for s in draft.fact.sentences))
        if not claim or len(claim & sources) / len(claim) < MIN_SUPPORT:
            return False
        for number in _NUMBER.findall(draft.text):
            if number.rstrip(".,").replace(",", "") not in numbers:
                return False
        return all(name.lower() in corpus_lower for name in _NAME.findall(draft.text))
