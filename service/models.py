"""Public data types: what goes in (Article, Options) and what comes out (Brief).

These are msgspec Structs so that the CLI, the HTTP API and the Python API share one
schema and one JSON encoding. Limits that protect the service live on the HTTP layer;
the types here only say what is valid.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta, timezone
from typing import Annotated, Literal

import msgspec

from service.errors import InputError

Method = Literal["auto", "extractive", "abstractive"]
Format = Literal["json", "markdown", "md", "text", "html"]


class Article(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """One report. Give `text` (plain or Markdown, offsets as given) or `html` (run through
    trafilatura), not both.
    `published_at` is an ISO 8601 date or time ("2025-03-04", "2025-03-04T06:10:00Z"); one
    without a zone is read as UTC."""

    id: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    text: str | None = None
    html: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published_at: str | None = None

    def __post_init__(self) -> None:
        # Checked here, so that a bad date is the caller's error at once (msgspec reports it
        # with its place in the request), not a wrong original when reprints are told apart.
        self.published_time()

    def published_time(self) -> datetime | None:
        """`published_at` as a time in UTC, to compare across zones and spellings. An InputError
        (a ValueError, which msgspec reports with its place in a request) where it is none."""
        if self.published_at is None:
            return None
        try:
            published = _iso_datetime(self.published_at)
            return published.replace(tzinfo=published.tzinfo or timezone.utc).astimezone(timezone.utc)
        except ValueError:
            raise InputError(f"published_at: expected an ISO 8601 date or time, got {self.published_at!r}") from None
        except OverflowError:
            # A time at the calendar's ends whose zone moves it past year 1 or 9999 has no UTC time.
            raise InputError(f"published_at: {self.published_at!r} is out of range once converted to UTC") from None


# The two ISO 8601 forms datetime.fromisoformat does not read: an ordinal date ("2025-063", the
# year's 63rd day) and the end of a day ("2025-03-04T24:00", which is the next day's 00:00).
_ORDINAL_DATE = re.compile(r"(\d{4})-?(\d{3})(?=T|$)")
_END_OF_DAY = re.compile(r"T24(?::?00(?::?00(?:[.,]0+)?)?)?(?=[Z+-]|$)")


def _iso_datetime(text: str) -> datetime:
    ordinal = _ORDINAL_DATE.match(text)
    if ordinal:
        year, day = int(ordinal[1]), int(ordinal[2])
        if not 1 <= day <= date(year, 12, 31).timetuple().tm_yday:
            raise ValueError(f"day {day} of {year}")
        text = (date(year, 1, 1) + timedelta(days=day - 1)).isoformat() + text[ordinal.end():]
    end_of_day = _END_OF_DAY.search(text)
    if end_of_day:
        midnight = datetime.fromisoformat(text[: end_of_day.start()] + "T00:00" + text[end_of_day.end():])
        return midnight + timedelta(days=1)
    return datetime.fromisoformat(text)


def check_unique_ids(articles: Sequence[Article]) -> None:
    """Raise InputError naming the ids that more than one article carries."""
    counts = Counter(a.id for a in articles)
    repeated = sorted(i for i, n in counts.items() if n > 1)
    if repeated:
        raise InputError(f"article ids must be unique; repeated: {', '.join(repeated[:10])}")


class Options(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """How long the brief is and how it is written.

    Length: `sentences`, `words` or `ratio` (a fraction of the cluster's unique
    sentences, 0 < ratio <= 1). With none given the brief has up to 6 sentences and
    150 words, which is the product's "short brief".
    """

    method: Method = "auto"
    sentences: Annotated[int, msgspec.Meta(ge=1, le=50)] | None = None
    words: Annotated[int, msgspec.Meta(ge=10, le=2000)] | None = None
    ratio: Annotated[float, msgspec.Meta(gt=0, le=1)] | None = None
    format: Format = "json"
    extractor: str | None = None

    def __post_init__(self) -> None:
        # Checked here, so that every caller (HTTP, CLI, stories jobs, Python) is refused at once:
        # the stories path would otherwise take the extract stage's refusal for "not a story".
        # InputError is a ValueError, which msgspec reports as a ValidationError.
        if self.extractor is not None:
            from service.extractors import check_extractor  # imports service.cluster, which imports this module

            try:
                check_extractor(self.extractor)
            except ValueError as exc:
                raise InputError(str(exc)) from None
        # A ratio sets the number of sentences: a `sentences` beside it would be dropped unsaid.
        if self.ratio is not None and self.sentences is not None:
            raise InputError("give `sentences` or `ratio`, not both (`words` may cap either)")


# What the Python API takes: the Structs, or dicts with their fields. msgspec checks a Struct's
# types and limits when it decodes one, not when Python code builds one, so the API checks
# what it is given (`checked_articles`, `checked_options`): its callers get the errors the
# HTTP API and the CLI give, as InputError.
ArticleLike = Article | Mapping[str, object]
OptionsLike = Options | Mapping[str, object]


def checked_articles(articles: Sequence[ArticleLike]) -> list[Article]:
    """The articles as valid `Article`s with unique ids, else InputError saying what is wrong."""
    # One article where a list of them belongs would be read as its fields or characters: "got `str` at `$[0]`".
    if isinstance(articles, (Article, Mapping, str, bytes)):
        raise InputError(f"articles: expected a list of articles, got one {type(articles).__name__}")
    try:
        valid = msgspec.convert(msgspec.to_builtins(list(articles)), list[Article])
    except (msgspec.ValidationError, TypeError) as exc:
        raise InputError(f"articles: {exc}") from None
    check_unique_ids(valid)
    return valid


def checked_options(options: OptionsLike | None) -> Options:
    """The options as valid `Options` (the defaults for None), else InputError."""
    try:
        return msgspec.convert(msgspec.to_builtins(options or {}), Options)
    except (msgspec.ValidationError, TypeError) as exc:
        raise InputError(f"options: {exc}") from None


class Citation(msgspec.Struct, kw_only=True, frozen=True):
    """A source sentence backing a brief sentence.

    `start`/`end` are character offsets into the article's text as given (for HTML input,
    into the text extracted from it), so `text[start:end]` is the cited sentence.
    """

    article_id: str
    sentence: int
    start: int
    end: int
    score: float


class BriefSentence(msgspec.Struct, kw_only=True, frozen=True):
    text: str
    citations: list[Citation]
    # How the sentence was made: "extracted" from its first citation (trimmed, see
    # service.trim, or a piece of a longer quotation with the marks it lacks), "fused" by
    # the model, or "replaced" when the model's sentence failed the attribution check.
    origin: Literal["extracted", "fused", "replaced"] = "extracted"
    # Who speaks a sentence that is only someone's words, when its report names them around
    # the quotation (service.stories.quotes.speaker_of_quote); the sentence itself does not.
    speaker: str | None = None


class Source(msgspec.Struct, kw_only=True, frozen=True):
    id: str
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    reprint_of: str | None = None  # near-verbatim copy of that source
    rewrite_of: str | None = None  # that source's copy retold sentence by sentence
    # For an article sent as `html`, the text read from the page, which its citations' offsets
    # point into; None for one sent as `text`, whose offsets point into what was sent.
    text: str | None = None


class ConflictValue(msgspec.Struct, kw_only=True, frozen=True):
    value: str
    article_ids: list[str]


class Conflict(msgspec.Struct, kw_only=True, frozen=True):
    about: str
    values: list[ConflictValue]


class Quote(msgspec.Struct, kw_only=True, frozen=True):
    text: str
    speaker: str | None
    article_ids: list[str]


class Brief(msgspec.Struct, kw_only=True):
    headline: str
    method: Literal["extractive", "abstractive"]
    sentences: list[BriefSentence]
    sources: list[Source]
    warnings: list[str] = []
    conflicts: list[Conflict] = []
    quote: Quote | None = None
