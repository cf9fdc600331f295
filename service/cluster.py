"""The one object that flows through the pipeline's stages.

Each stage reads what earlier stages filled in and adds its own part:
clean -> `documents`, segment -> `Document.sentences`, group -> `facts`,
extract -> `selected`, abstract -> `drafts`, attribute -> `drafts` checked,
render -> `brief`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from service.models import Article, Brief, Options


@dataclass(slots=True)
class Block:
    """A kept run of an article's text (a paragraph or line) and where it sits in the original."""

    text: str
    start: int  # offset of `text` in the article's text


@dataclass(slots=True)
class Sentence:
    article_id: str
    index: int  # position among the article's sentences
    start: int  # character offsets in the article's text
    end: int
    text: str
    position: float  # relative position in the article, 0 = lead
    # The sentence as a brief shows it: trimmed (service.trim), or, for a piece of a longer
    # quotation, with the quotation marks its own text lacks. What the brief would show is
    # what is compared, counted and scored, so `tokens` are this text's.
    brief_text: str
    tokens: tuple[str, ...] = ()  # stemmed, lower-cased word tokens (stopwords kept)
    fact: int = -1  # id of the Fact this sentence belongs to
    # A quotation that runs over several sentences is open where this one starts / ends:
    # the sentence is someone's words, though its own text may not show the marks.
    opens_quoted: bool = False
    ends_quoted: bool = False


@dataclass(slots=True)
class Document:
    article: Article
    text: str  # the article's full plain text, which offsets refer to
    blocks: list[Block] = field(default_factory=list)
    headlines: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    reprint_of: str | None = None  # near-verbatim copy of that report
    rewrite_of: str | None = None  # that report's copy retold sentence by sentence


@dataclass(slots=True)
class Fact:
    """Sentences from one or more reports that state the same thing."""

    id: int
    sentences: list[Sentence]

    @property
    def representative(self) -> Sentence:
        return self.sentences[0]

    @property
    def first_position(self) -> float:
        """The earliest relative position any report gives the fact (0: a report's lead)."""
        return min(s.position for s in self.sentences)

    @property
    def article_ids(self) -> list[str]:
        seen: dict[str, None] = {}
        for sentence in self.sentences:
            seen.setdefault(sentence.article_id)
        return list(seen)


@dataclass(slots=True)
class Draft:
    """A brief sentence before rendering: its text and the fact it was written from."""

    text: str
    fact: Fact
    origin: str = "extracted"
    support: list[tuple[Sentence, float]] = field(default_factory=list)


@dataclass(slots=True)
class Cluster:
    articles: list[Article]
    options: Options
    documents: list[Document] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    selected: list[Fact] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    headline: str = ""
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    brief: Brief | None = None

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    @property
    def sentences(self) -> list[Sentence]:
        return [s for doc in self.documents for s in doc.sentences]

    @property
    def method(self) -> Literal["extractive", "abstractive"]:
        """What the reader gets: "abstractive" while a sentence the model wrote is in the brief."""
        return "abstractive" if any(d.origin == "fused" for d in self.drafts) else "extractive"

    def independent_ids(self, article_ids: list[str]) -> list[str]:
        """Article ids with reprints folded into the report they copy."""
        reprint = {d.article.id: d.reprint_of for d in self.documents if d.reprint_of}
        seen: dict[str, None] = {}
        for article_id in article_ids:
            seen.setdefault(reprint.get(article_id, article_id))
        return list(seen)
