"""The extractor seam: one callable picks facts for the brief under a length budget."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from service.cluster import Cluster, Fact
from service.numbers import figures, may_state_a_figure
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
# Reworded more freely, a repeat still gives the same figures ("Each of the 52 cheerleaders
# will receive $2,500 for each season…" and "The deal will give each of the 52 pompom pushers
# $2,500 per season…": 0.44), so fewer shared words suffice: FIGURES_REPEAT_SHARE with two
# figures of the same value, FIGURE_REPEAT_SHARE with one of DISTINCT_FIGURE or more. One
# figure alone says less: a story's own counts recur in its distinct facts ("A ferry carrying
# 40 passengers capsized" and "The coast guard rescued all 40 passengers": 0.43; "two
# suspects" were questioned, and will appear in court). This changed 7 of the 310 evaluation
# briefs, each keeping out a fact it had told twice; Multi-News R-2 −0.07 (README, "Evaluation").
# Two same figures at 0.4 still let a charge sheet be told twice ("charged with six counts of
# first-degree murder and five counts of attempted murder" and "charged him with six murder
# counts and five counts of attempted murder": 0.375); at 0.35 that one brief of 310 changed.
FIGURE_REPEAT_SHARE = 0.5
FIGURES_REPEAT_SHARE = 0.35
DISTINCT_FIGURE = 10


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
    either in the other, or fewer where the two give the same figures. Choosing costs one
    sparse product, so a long brief stays fast; figures are read only for the few facts
    close enough for them to matter."""

    def __init__(self, facts: Sequence[Fact]):
        self.facts = facts
        self.words = content_counts([f.representative.tokens for f in facts]).sign()  # each word once
        self.sizes = np.asarray(self.words.sum(axis=1)).ravel()
        self.blocked = np.zeros(len(facts), dtype=bool)
        self._figures: dict[int, set[float]] = {}

    def choose(self, index: int) -> None:
        """Fact `index` is in the brief: every fact that repeats it (itself too) is now blocked."""
        shared = (self.words @ self.words[index].T).toarray().ravel()
        smaller = np.minimum(self.sizes, self.sizes[index])
        self.blocked |= (smaller > 0) & (shared >= REPEAT_SHARE * smaller)
        for k in np.flatnonzero(~self.blocked & (smaller > 0) & (shared >= FIGURES_REPEAT_SHARE * smaller)).tolist():
            same = self._stated_figures(index) & self._stated_figures(k)
            one_distinct = bool(same) and max(same) >= DISTINCT_FIGURE and shared[k] >= FIGURE_REPEAT_SHARE * smaller[k]
            self.blocked[k] = len(same) >= 2 or one_distinct

    def _stated_figures(self, index: int) -> set[float]:
        """The values of the figures fact `index` gives ("$2,500" is 2500), whatever they count:
        a retelling names the counted differently ("52 cheerleaders", "52 pompom pushers")."""
        if index not in self._figures:
            text = self.facts[index].representative.text
            self._figures[index] = {f.value for f in figures(text)} if may_state_a_figure(text) else set()
        return self._figures[index]
