"""Sumy's LexRank over the cluster's facts (see sumy_rank for the multi-document part)."""

from sumy.summarizers.lex_rank import LexRankSummarizer

from service.extractors.sumy_rank import SumyRankExtractor


def lexrank() -> SumyRankExtractor:
    return SumyRankExtractor(LexRankSummarizer)
