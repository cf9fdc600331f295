"""The extractor seam: one callable picks facts for the brief under a length budget."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from service.cluster import Cluster, Fact
from service.text import content

# A sentence whose content words are mostly in one chosen sentence tells the reader nothing
# new, though grouping kept it a fact of its own for its different wording ("In Honduras, at
# least 231 deaths have been blamed on Mitch" after "At least 231 people have been confirmed
# dead in Honduras from Mitch, …").
REPEAT_SHARE = 0.7


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


def repeats(fact: Fact, chosen: Iterable[Fact]) -> bool:
    """Whether `fact` and one of the `chosen` facts say mostly the same: most content words of
    either are in the other."""
    words = set(content(fact.representative.tokens))
    for other in chosen:
        others = set(content(other.representative.tokens))
        shared = len(words & others)
        if words and others and shared >= REPEAT_SHARE * min(len(words), len(others)):
            return True
    return False
