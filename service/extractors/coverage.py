"""Concept coverage: the bigram-concept ILP of the ICSI summarizer (Gillick & Favre 2009).

A concept is a stemmed bigram (not two stopwords). Its weight is the number of
independent reports that use it, so content repeated across outlets is worth more and a
wire copy reprinted three times counts once. The summary maximises the total weight of
the concepts it covers under the length budget; a concept counts once however many
chosen sentences repeat it, which makes redundancy worthless without any threshold.
Solved exactly with HiGHS (scipy.optimize.milp); a greedy ratio rule takes over if the
solver hits its time limit.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from service.cluster import Cluster, Fact
from service.extractors.base import Budget, fits
from service.text import concept_bigrams

# Candidates handed to the solver: enough for any realistic cluster, bounded for huge ones.
MAX_CANDIDATES = 400
SOLVER_SECONDS = 2.0
# A small bonus for concepts a report states in its opening sentences, where news puts
# what matters most; it breaks ties between equally frequent concepts.
LEAD_SENTENCES = 3
LEAD_BONUS = 0.5


class CoverageExtractor:
    def __call__(self, cluster: Cluster, candidates: list[Fact], budget: Budget) -> list[Fact]:
        if not candidates:
            return []
        weights = concept_weights(cluster)
        concepts = [{c for c in concept_bigrams(f.representative.tokens) if c in weights} for f in candidates]
        if len(candidates) > MAX_CANDIDATES:
            value = [sum(weights[c] for c in cs) / max(len(f.representative.tokens), 1) for f, cs in zip(candidates, concepts)]
            keep = sorted(np.argsort(value)[::-1][:MAX_CANDIDATES])
            candidates = [candidates[i] for i in keep]
            concepts = [concepts[i] for i in keep]
        lengths = np.array([len(f.representative.tokens) for f in candidates], dtype=float)
        chosen = _solve(concepts, weights, lengths, budget)
        if chosen is None:
            chosen = _greedy(concepts, weights, lengths, budget)
        return [candidates[i] for i in chosen]


def concept_weights(cluster: Cluster) -> dict[tuple[str, str], float]:
    """Concept -> weight: independent reports using it, plus a bonus for lead use."""
    reports: dict[tuple[str, str], set[str]] = defaultdict(set)
    in_lead: dict[tuple[str, str], set[str]] = defaultdict(set)
    for document in cluster.documents:
        source = document.reprint_of or document.article.id
        for sentence in document.sentences:
            for concept in concept_bigrams(sentence.tokens):
                reports[concept].add(source)
                if sentence.index < LEAD_SENTENCES:
                    in_lead[concept].add(source)
    independent = len({d.reprint_of or d.article.id for d in cluster.documents if d.sentences})
    # Keep concepts that several reports share; a lone report keeps all of its concepts.
    min_reports = 1 if independent == 1 else 2 if independent < 8 else 3
    return {
        concept: len(sources) + LEAD_BONUS * len(in_lead[concept]) / max(independent, 1)
        for concept, sources in reports.items()
        if len(sources) >= min_reports
    }


def _solve(concepts: list[set], weights: dict, lengths: np.ndarray, budget: Budget) -> list[int] | None:
    index = {c: k for k, c in enumerate(sorted({c for cs in concepts for c in cs}))}
    n, m = len(concepts), len(index)
    if m == 0:
        return None
    # Variables: [s_0..s_n-1 (sentence chosen), c_0..c_m-1 (concept covered)].
    cost = np.concatenate([np.zeros(n), -np.array([weights[c] for c in sorted(index, key=index.get)])])
    # Tiny per-word cost: among equal coverage prefer the shorter summary.
    cost[:n] += 1e-4 * lengths
    pairs = [(j, index[c]) for j, cs in enumerate(concepts) for c in cs]
    rows = np.arange(len(pairs))
    sentence_col = np.array([j for j, _ in pairs])
    concept_col = np.array([n + k for _, k in pairs])
    # c_k covered only if some chosen sentence has it: c_k - sum_j s_j <= 0 ...
    cover = sparse.csr_matrix(
        (np.concatenate([np.ones(m), -np.ones(len(pairs))]),
         (np.concatenate([np.arange(m), concept_col - n]), np.concatenate([np.arange(n, n + m), sentence_col]))),
        shape=(m, n + m),
    )
    # ... and a chosen sentence covers its concepts: s_j - c_k <= 0.
    implies = sparse.csr_matrix(
        (np.concatenate([np.ones(len(pairs)), -np.ones(len(pairs))]),
         (np.concatenate([rows, rows]), np.concatenate([sentence_col, concept_col]))),
        shape=(len(pairs), n + m),
    )
    constraints = [LinearConstraint(cover, -np.inf, 0), LinearConstraint(implies, -np.inf, 0)]
    if budget.words is not None:
        constraints.append(LinearConstraint(np.concatenate([lengths, np.zeros(m)])[None, :], -np.inf, budget.words))
    if budget.sentences is not None:
        constraints.append(LinearConstraint(np.concatenate([np.ones(n), np.zeros(m)])[None, :], -np.inf, budget.sentences))
    result = milp(
        cost,
        constraints=constraints,
        integrality=np.ones(n + m),
        bounds=Bounds(0, 1),
        options={"time_limit": SOLVER_SECONDS, "disp": False},
    )
    if result.x is None:
        return None
    return [j for j in range(n) if result.x[j] > 0.5]


def _greedy(concepts: list[set], weights: dict, lengths: np.ndarray, budget: Budget) -> list[int]:
    covered: set = set()
    chosen: list[int] = []
    used = 0
    while True:
        best, best_gain = None, 0.0
        for j, cs in enumerate(concepts):
            if j in chosen or not fits(used, len(chosen), int(lengths[j]), budget):
                continue
            gain = sum(weights[c] for c in cs - covered) / max(lengths[j], 1.0)
            if gain > best_gain:
                best, best_gain = j, gain
        if best is None:
            return chosen
        chosen.append(best)
        covered |= concepts[best]
        used += int(lengths[best])
