"""The extractor seam: one callable picks facts for the brief under a length budget."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from service.cluster import Cluster, Fact
from service.text import content_counts

# A sentence whose content words are mostly in one chosen sentence tells the reader nothing
# new, though grouping kept it a fact of its own for its different wording ("In Honduras, at
# least 231 deaths have been blamed on Mitch" after "At least 231 people have been confirmed
# dead in Honduras from Mitch, …"). At 0.7 two outlets' retellings of one lead still both
# stood in a brief ("Pete Sessions said he was dropping out of the race for House majority
# leader, leaving just one candidate …" after "Pete Sessions ended his bid to become the next
# House majority leader, leaving …": 0.69). At 0.6 a firing told twice still stood ("Anwar
# was fired by Prime Minister Mahathir Mohamad on Sept. 2 after …" and "Mahathir fired Anwar
# on Sept. 2 from his posts …": 0.58). 0.55 changed 34 of the 310 evaluation briefs, most of
# the sentences it kept out telling a fact the brief already told, ROUGE moving less than
# 0.2 either way (README, "Evaluation").
REPEAT_SHARE = 0.55


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


class RepeatGuard:
    """Tracks which of `facts` would repeat the facts chosen so far: most content words of
    either in the other. Choosing costs one sparse product, so a long brief stays fast."""

    def __init__(self, facts: Sequence[Fact]):
        self.words = content_counts([f.representative.tokens for f in facts]).sign()  # each word once
        self.sizes = np.asarray(self.words.sum(axis=1)).ravel()
        self.blocked = np.zeros(len(facts), dtype=bool)

    def choose(self, index: int) -> None:
        """Fact `index` is in the brief: every fact that repeats it (itself too) is now blocked."""
        shared = (self.words @ self.words[index].T).toarray().ravel()
        smaller = np.minimum(self.sizes, self.sizes[index])
        self.blocked |= (smaller > 0) & (shared >= REPEAT_SHARE * smaller)
