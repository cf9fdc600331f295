"""Group: sentences that state the same thing across reports become one Fact.

Syndicated wire copy and light rewrites are near-identical in content words, so TF-IDF
cosine over stemmed content tokens finds them. Leader clustering (a sentence joins the
first group whose leader it matches) rather than single-link avoids chaining distinct
facts together through intermediate paraphrases. The fact's representative is its
medoid: the wording closest to all the others.
"""

from __future__ import annotations

import numpy as np

from service.cluster import Cluster, Fact, Sentence
from service.stories.reprints import mark_reprints, mark_rewrites
from service.text import tfidf_rows

SAME_FACT_SIMILARITY = 0.6


class Group:
    name = "group"

    def __init__(self, threshold: float = SAME_FACT_SIMILARITY):
        self.threshold = threshold

    def __call__(self, cluster: Cluster) -> Cluster:
        # Wire copies first, on cleaned text, so every stage after this counts them once.
        mark_reprints(cluster.documents)
        sentences = cluster.sentences
        if not sentences:
            cluster.facts = []
            return cluster
        vectors = tfidf_rows([s.tokens for s in sentences])
        similarity = (vectors @ vectors.T).tocsr()
        mark_rewrites(cluster.documents, similarity)
        candidates = similarity.copy()
        candidates.data[candidates.data < self.threshold] = 0
        candidates.eliminate_zeros()  # the loop below then visits only real matches
        leaders: list[int] = []
        members: list[list[int]] = []
        group_of = np.full(len(sentences), -1)
        # Lead sentences first: the earliest wording of a fact leads its group.
        order = sorted(range(len(sentences)), key=lambda i: (sentences[i].position, i))
        for i in order:
            lo, hi = candidates.indptr[i], candidates.indptr[i + 1]
            best, best_score = -1, self.threshold
            for j, score in zip(candidates.indices[lo:hi], candidates.data[lo:hi]):
                if group_of[j] >= 0 and leaders[group_of[j]] == j and score >= best_score and j != i:
                    best, best_score = group_of[j], score
            if best < 0:
                best = len(leaders)
                leaders.append(i)
                members.append([])
            group_of[i] = best
            members[best].append(i)
        cluster.facts = [
            Fact(id=fact_id, sentences=_medoid_first([sentences[i] for i in group], similarity, group))
            for fact_id, group in enumerate(members)
        ]
        for fact in cluster.facts:
            for sentence in fact.sentences:
                sentence.fact = fact.id
        return cluster


def _medoid_first(sentences: list[Sentence], similarity, indices: list[int]) -> list[Sentence]:
    if len(indices) < 3:
        return sentences
    block = similarity[indices][:, indices].toarray()
    medoid = int(block.sum(axis=1).argmax())
    return [sentences[medoid]] + [s for k, s in enumerate(sentences) if k != medoid]
