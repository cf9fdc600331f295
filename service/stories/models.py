"""What the stories capability returns: msgspec Structs shared by the CLI, the jobs API and Python callers."""

from __future__ import annotations

import msgspec

from service.models import Brief


class StoryGrouping(msgspec.Struct, kw_only=True, frozen=True):
    """A feed split into stories (lists of article ids, biggest first) and lone articles."""

    stories: list[list[str]]
    singletons: list[str]


class Story(msgspec.Struct, kw_only=True):
    id: str  # stable: derived from the story's article ids, not from its rank
    article_ids: list[str]
    # article id -> id of the report it copies (near-duplicate wire copy)
    reprints: dict[str, str]
    # article id -> id of the report whose copy it retells sentence by sentence (desk rewrite)
    rewrites: dict[str, str]
    reports: int  # independent reports: reprints folded into the report they copy
    outlets: int  # distinct outlets named (0 when the feed gives none)
    brief: Brief


class StoriesResult(msgspec.Struct, kw_only=True, omit_defaults=True):
    stories: list[Story]
    singletons: list[str]
    # The jobs API, as /summarize does: each story's brief rendered when `options.format` is not "json".
    rendered: list[str] | None = None
