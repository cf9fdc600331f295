"""Sumy's TextRank over the cluster's facts (see sumy_rank for the multi-document part)."""

from sumy.summarizers.text_rank import TextRankSummarizer

from service.extractors.sumy_rank import SumyRankExtractor


def textrank() -> SumyRankExtractor:
    return SumyRankExtractor(TextRankSummarizer)
