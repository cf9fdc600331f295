"""What goes over the wire: request and response Structs with the HTTP layer's limits.

The pipeline's own types (Article, Options, Brief) say what is valid; the limits here
protect a shared server from one caller (articles per request, characters per article).
The body-size limit (413) is set on the app from `ApiSettings.max_body_bytes`.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from litestar.openapi.spec import Example

from service.models import Article, Brief, Options

MAX_ARTICLES = 50
MAX_ARTICLE_CHARS = 100_000
# A page weighs far more than its story (a real one is 150 KB to 2 MB, mostly scripts); the text
# read from it is capped by the pipeline (Settings.max_article_chars), with a warning.
MAX_HTML_CHARS = 4_000_000

LimitedText = Annotated[str, msgspec.Meta(max_length=MAX_ARTICLE_CHARS)]
LimitedHtml = Annotated[str, msgspec.Meta(max_length=MAX_HTML_CHARS)]


class ArticleInput(Article, kw_only=True, forbid_unknown_fields=True):
    """An `Article` whose `text` is capped at MAX_ARTICLE_CHARS characters and `html` at MAX_HTML_CHARS.

    A subclass, so decoded inputs go to the pipeline as they are.
    """

    text: LimitedText | None = None
    html: LimitedHtml | None = None


class SummarizeRequest(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    articles: Annotated[
        list[ArticleInput],
        msgspec.Meta(
            min_length=1,
            max_length=MAX_ARTICLES,
            description="Reports about one story (or, with `group`, a mixed batch).",
        ),
    ]
    options: Options = msgspec.field(default_factory=Options)
    # Split a mixed batch into stories (service.stories), one brief each, biggest first.
    group: bool = False


class SummarizeResponse(msgspec.Struct, kw_only=True, omit_defaults=True):
    briefs: list[Brief]
    # One rendered string per brief when `options.format` is not "json".
    rendered: list[str] | None = None
    # With `group`: ids of the articles that belong to no story (and so have no brief).
    singletons: list[str] | None = None


class FieldError(msgspec.Struct, kw_only=True):
    message: str
    key: str | None = None
    source: str | None = None


class Problem(msgspec.Struct, kw_only=True, omit_defaults=True):
    """An RFC 9457 problem details body (`application/problem+json`)."""

    status: int
    title: str
    detail: str
    errors: list[FieldError] | None = None


class Health(msgspec.Struct, kw_only=True):
    status: Literal["ok"] = "ok"


class Readiness(msgspec.Struct, kw_only=True):
    status: Literal["ready", "loading"]
    model: str
    # False until the model is loaded, and for good if it could not load (briefs then
    # say so in `warnings`); with preload off it loads on the first abstractive request.
    model_available: bool


_HARBOUR = (
    "Fire crews in Port Alder fought a blaze at the harbour's fish market overnight. "
    "The fire started shortly after 2 a.m. in a storage shed, the fire service said. "
    "No one was hurt."
)
_HARBOUR_2 = (
    "A fire destroyed part of Port Alder's fish market early on Tuesday. "
    "Firefighters said the blaze began in a storage shed at about 2 a.m. "
    "Traders fear the market will stay closed for weeks."
)

REQUEST_EXAMPLES = [
    Example(
        summary="Two reports, a three-sentence brief as JSON",
        value={
            "articles": [
                {"id": "gazette", "outlet": "Alder Gazette", "url": "https://gazette.example/fire", "text": _HARBOUR},
                {"id": "radio", "outlet": "Coast Radio", "text": _HARBOUR_2},
            ],
            "options": {"method": "extractive", "sentences": 3},
        },
    ),
    Example(
        summary="The same, also rendered as Markdown",
        value={
            "articles": [{"id": "gazette", "text": _HARBOUR}, {"id": "radio", "text": _HARBOUR_2}],
            "options": {"method": "extractive", "words": 60, "format": "markdown"},
        },
    ),
]

RESPONSE_EXAMPLE = Example(
    summary="One brief",
    value={
        "briefs": [
            {
                "headline": "Fire crews in Port Alder fought a blaze at the harbour's fish market overnight.",
                "method": "extractive",
                "sentences": [
                    {
                        "text": "The fire started shortly after 2 a.m. in a storage shed, the fire service said.",
                        "citations": [
                            {"article_id": "gazette", "sentence": 1, "start": 80, "end": 159, "score": 1.0},
                            {"article_id": "radio", "sentence": 1, "start": 68, "end": 135, "score": 0.71},
                        ],
                        "origin": "extracted",
                        "speaker": None,
                    }
                ],
                "sources": [
                    {"id": "gazette", "outlet": "Alder Gazette", "url": "https://gazette.example/fire"},
                    {"id": "radio", "outlet": "Coast Radio"},
                ],
                "warnings": [],
                "conflicts": [],
                "quote": None,
            }
        ]
    },
)
