"""The extractor seam: one callable picks facts for the brief under a length budget."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from service.cluster import Cluster, Fact


@dataclass(frozen=True, slots=True)
class Budget:
    """At most `sentences` sentences and `words` words; None leaves that side open."""

    sentences: int | None
    words: int | None

    def without(self, words: int) -> Budget:
        """What is left after one sentence of `words` words."""
        return Budget(
            sentences=None if self.sentences is None else self.sentences - 1,
            words=None if self.words is None else self.words - words,
        )


class Extractor(Protocol):
    def __call__(self, cluster: Cluster, candidates: list[Fact], budget: Budget) -> list[Fact]:
        """Return the chosen facts (any order; the extract stage orders them)."""
        ...


def fits(chosen_words: int, chosen_count: int, length: int, budget: Budget) -> bool:
    return (budget.words is None or chosen_words + length <= budget.words) and (
        budget.sentences is None or chosen_count < budget.sentences
    )
