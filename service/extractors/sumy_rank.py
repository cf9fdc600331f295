"""Sumy's graph and LSA summarizers, made multi-document aware.

Sumy rates the sentences of one document. We hand it one sentence per *fact* (so wire
copies printed by three outlets are rated once, not picked three times), inject our own
tokenizer and stemmer (no NLTK data needed), then combine its rating with cross-report
support and lead position, and pick greedily with MMR so no two picks say the same.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.summarizers._summarizer import AbstractSummarizer

from service.cluster import Cluster, Fact
from service.extractors.base import Budget, RepeatGuard, fits
from service.text import STOPWORDS, stem, tfidf_rows, words

REDUNDANCY_PENALTY = 0.7  # MMR trade-off: 1 = relevance only


class _Tokenizer:
    """The two methods sumy calls on a tokenizer; sentences are already split upstream."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return (paragraph,)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))


class SumyRankExtractor:
    def __init__(self, make_summarizer: Callable[[Callable[[str], str]], AbstractSummarizer]):
        self.summarizer = make_summarizer(stem)
        self.summarizer.stop_words = STOPWORDS

    def rate(self, candidates: list[Fact]) -> np.ndarray:
        tokenizer = _Tokenizer()
        sentences = [SumySentence(f.representative.text, tokenizer) for f in candidates]
        captured: list = []

        def keep_all(infos):  # sumy's `count` may be a callable over the rated sentences
            captured.extend(infos)
            return infos

        # Where no two sentences are alike, sumy's LexRank power method divides zero by zero and
        # rates every one NaN: sentences that nothing links are equally central.
        with np.errstate(invalid="ignore", divide="ignore"):
            self.summarizer(ObjectDocumentModel([Paragraph(sentences)]), keep_all)
        rating = {str(info.sentence): info.rating for info in captured}
        scores = np.nan_to_num([float(rating.get(f.representative.text, 0.0)) for f in candidates], nan=1.0)
        top = scores.max() if len(scores) else 0.0
        return scores / top if top > 0 else scores

    def __call__(self, cluster: Cluster, candidates: list[Fact], budget: Budget) -> list[Fact]:
        if not candidates:
            return []
        reports = max(len(cluster.documents), 1)
        support = np.array([len(cluster.independent_ids(f.article_ids)) / reports for f in candidates])
        lead = np.array([1.0 - f.first_position for f in candidates])
        relevance = self.rate(candidates) * (1.0 + support) * (0.5 + 0.5 * lead)
        vectors = tfidf_rows([f.representative.tokens for f in candidates])
        similarity = (vectors @ vectors.T).toarray()
        lengths = [len(f.representative.tokens) for f in candidates]
        chosen: list[int] = []
        repeats = RepeatGuard(candidates)
        used_words = 0
        remaining = set(range(len(candidates)))
        while remaining:
            redundancy = similarity[:, chosen].max(axis=1) if chosen else np.zeros(len(candidates))
            mmr = REDUNDANCY_PENALTY * relevance - (1 - REDUNDANCY_PENALTY) * redundancy
            allowed = (i for i in remaining if fits(used_words, len(chosen), lengths[i], budget) and not repeats.blocked[i])
            best = max(allowed, key=lambda i: mmr[i], default=None)
            if best is None:
                break
            chosen.append(best)
            repeats.choose(best)
            used_words += lengths[best]
            remaining.discard(best)
        return [candidates[i] for i in chosen]
