"""Sumy's Lsa over the cluster's facts (see sumy_rank for the multi-document part)."""

from sumy.summarizers.lsa import LsaSummarizer

from service.extractors.sumy_rank import SumyRankExtractor


def lsa() -> SumyRankExtractor:
    return SumyRankExtractor(LsaSummarizer)
