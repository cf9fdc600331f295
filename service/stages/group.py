"""Group: sentences that state the same thing across reports become one Fact.

Syndicated wire copy and light rewrites are near-identical in content words, so TF-IDF
cosine over stemmed content tokens finds them. Leader clustering (a sentence joins the
first group whose leader it matches) rather than single-link avoids chaining distinct
facts together through intermediate paraphrases. The fact's representative is its
medoid: the wording closest to all the others, unless dated reports give the fact with
different figures: then the newest report's wording, as a running story's later count (a
toll, a tally) updates the earlier one.
"""

from __future__ import annotations

from datetime import datetime

import numpy as np

from service.cluster import Cluster, Fact, Sentence
from service.numbers import figures
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
        published = {d.article.id: t for d in cluster.documents if (t := d.article.published_time())}
        cluster.facts = [
            Fact(
                id=fact_id,
                sentences=_newest_figures_first(
                    _medoid_first([sentences[i] for i in group], similarity, group), published
                ),
            )
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


def _newest_figures_first(sentences: list[Sentence], published: dict[str, datetime]) -> list[Sentence]:
    if len({s.article_id for s in sentences if s.article_id in published}) < 2:
        return sentences
    counted = {
        id(s): counts
        for s in sentences
        if s.article_id in published and (counts := frozenset((f.unit, f.value) for f in figures(s.brief_text)))
    }
    if len(set(counted.values())) < 2:
        return sentences
    # max keeps the first of equals, so the medoid stays where reports were filed at once.
    newest = max((s for s in sentences if id(s) in counted), key=lambda s: published[s.article_id])
    return [newest, *(s for s in sentences if s is not newest)]
