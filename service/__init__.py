"""Chorus: one attributed brief from a cluster of overlapping news reports.

    from service import Article, Options, summarize
    brief = summarize([Article(id="a", text=...), Article(id="b", text=...)])
"""

from service.cluster import Cluster
from service.errors import InputError
from service.models import (
    Article,
    ArticleLike,
    Brief,
    BriefSentence,
    Citation,
    Conflict,
    ConflictValue,
    Options,
    OptionsLike,
    Quote,
    Source,
)
from service.pipeline import Pipeline, default_pipeline, summarize
from service.settings import Settings
from service.stages.render import render

__all__ = [
    "Article",
    "ArticleLike",
    "Brief",
    "BriefSentence",
    "Citation",
    "Cluster",
    "Conflict",
    "ConflictValue",
    "InputError",
    "Options",
    "OptionsLike",
    "Pipeline",
    "Quote",
    "Settings",
    "Source",
    "default_pipeline",
    "render",
    "summarize",
]
