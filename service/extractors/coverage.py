"""Concept coverage: the bigram-concept objective of the ICSI summarizer (Gillick & Favre 2009).

A concept is a stemmed bigram (not two stopwords). Its weight is the number of
independent reports that use it, so content repeated across outlets is worth more and a
wire copy reprinted three times counts once. The summary maximises the total weight of
the concepts it covers under the length budget; a concept counts once however many
chosen sentences repeat it, which makes redundancy worthless. A sentence whose content
words are mostly those of a chosen one is kept out as well (`RepeatGuard`): reworded, it
may still bring a concept or two, but it tells the reader nothing new.

The objective is monotone submodular, so we maximise it with the lazy budgeted greedy
(gain per word, CELF re-evaluation) plus the best-single-sentence check that bounds its
worst case (Khuller et al. 1999; Lin & Bilmes 2010). The greedy leans toward sentences
from higher up their report, where news puts what matters: a sentence's gain per word
counts up to twice at the top of its report, falling linearly to its end. On DUC 2004 and
TAC 2011 the exact
ILP (HiGHS) scored within 0.05 ROUGE-2 of it at six times the cost, so the greedy stays.
"""

from __future__ import annotations

import heapq
from collections import defaultdict

import numpy as np

from service.cluster import Cluster, Fact
from service.extractors.base import Budget, RepeatGuard, fits
from service.text import concept_bigrams

# A bonus for concepts a report states in its opening sentences, where news puts what
# matters most (helped on both DUC 2004 and TAC 2011; see README, "Evaluation").
LEAD_SENTENCES = 3
LEAD_BONUS = 1.5
# How much more a sentence's gain per word counts at the top of its report than at its end
# (R-2 +0.43 on DUC 2004, +0.14 on Multi-News, −0.52 on TAC 2011 from one cluster of ten; see
# README, "Evaluation").
POSITION_WEIGHT = 1.0


class CoverageExtractor:
    def __call__(self, cluster: Cluster, candidates: list[Fact], budget: Budget) -> list[Fact]:
        if not candidates:
            return []
        weights, by_sentence = concept_weights(cluster)
        index = {c: k for k, c in enumerate(weights)}
        weight = np.array(list(weights.values()))
        concepts = [
            np.array(sorted({index[c] for c in by_sentence[id(f.representative)] if c in index}), dtype=int)
            for f in candidates
        ]
        lengths = [max(len(f.representative.tokens), 1) for f in candidates]
        # Words cost less the earlier the fact first stands in a report.
        costs = [n / (1 + POSITION_WEIGHT * (1 - f.first_position)) for n, f in zip(lengths, candidates)]
        chosen = _lazy_greedy(concepts, weight, lengths, costs, budget, RepeatGuard(candidates))
        return [candidates[i] for i in chosen]

Concept = tuple[str, str]


def concept_weights(cluster: Cluster) -> tuple[dict[Concept, float], dict[int, set[Concept]]]:
    """Concept -> weight (independent reports using it, plus a bonus for lead use), and
    each sentence's concepts keyed by id(sentence)."""
    by_sentence: dict[int, set[Concept]] = {}
    reports: dict[Concept, set[str]] = defaultdict(set)
    in_lead: dict[Concept, set[str]] = defaultdict(set)
    for document in cluster.documents:
        source = document.reprint_of or document.article.id
        for sentence in document.sentences:
            by_sentence[id(sentence)] = concepts = concept_bigrams(sentence.tokens)
            for concept in concepts:
                reports[concept].add(source)
                if sentence.index < LEAD_SENTENCES:
                    in_lead[concept].add(source)
    independent = len({d.reprint_of or d.article.id for d in cluster.documents if d.sentences})
    # Keep concepts that several reports share; a lone report keeps all of its concepts.
    min_reports = 1 if independent == 1 else 2 if independent < 8 else 3
    weights = {
        concept: len(sources) + LEAD_BONUS * len(in_lead[concept]) / max(independent, 1)
        for concept, sources in reports.items()
        if len(sources) >= min_reports
    }
    return weights, by_sentence


def _lazy_greedy(
    concepts: list[np.ndarray],
    weight: np.ndarray,
    lengths: list[int],
    costs: list[float],
    budget: Budget,
    repeats: RepeatGuard,
) -> list[int]:
    """Greedy by gain per cost; `lengths` (words) count against the budget."""
    covered = np.zeros(len(weight), dtype=bool)

    def gain(j: int) -> float:
        return float(weight[concepts[j][~covered[concepts[j]]]].sum())

    # Max-heap of (-gain per cost, j); a stale entry is re-scored before it can win.
    heap = [(-gain(j) / costs[j], j) for j in range(len(concepts))]
    heapq.heapify(heap)
    chosen: list[int] = []
    used = 0
    while heap:
        _, j = heapq.heappop(heap)
        if not fits(used, len(chosen), lengths[j], budget):
            continue
        fresh = gain(j) / costs[j]
        if heap and fresh < -heap[0][0]:
            heapq.heappush(heap, (-fresh, j))
            continue
        if fresh <= 0:
            break
        if repeats.blocked[j]:
            continue
        chosen.append(j)
        repeats.choose(j)
        covered[concepts[j]] = True
        used += lengths[j]
    # Greedy by ratio can lose to one long sentence; keep whichever covers more.
    covered[:] = False
    singles = [j for j in range(len(concepts)) if fits(0, 0, lengths[j], budget)]
    best_single = max(singles, key=gain, default=None)
    picked = float(weight[np.unique(np.concatenate([concepts[j] for j in chosen]))].sum()) if chosen else 0.0
    if best_single is not None and gain(best_single) > picked:
        return [best_single]
    return chosen
