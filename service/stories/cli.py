"""`chorus stories PATH...` and `chorus summarize --group PATH...`: a feed in, one brief per story out."""

from __future__ import annotations

import argparse
import html
import sys

import msgspec

from service.cli import options_from
from service.inputs import read_inputs
from service.models import Article
from service.stages.render import md_code, render
from service.stories.models import StoriesResult
from service.stories.summarize import summarize_feed


def pooled_articles(paths: list[str]) -> list[Article]:
    """Every article of every input as one feed. JSONL clusters are pooled; ids that repeat
    across clusters get the cluster id as a prefix so that each stays addressable."""
    clusters, _ = read_inputs(paths)
    counts: dict[str, int] = {}
    for cluster in clusters:
        for article in cluster.articles:
            counts[article.id] = counts.get(article.id, 0) + 1
    return [
        msgspec.structs.replace(article, id=f"{cluster.id}/{article.id}") if counts[article.id] > 1 else article
        for cluster in clusters
        for article in cluster.articles
    ]


def _singletons(ids: list[str], format: str) -> str:
    """The line naming the lone reports; ids are report data, so escaped as the briefs' own are."""
    if format == "html":
        listed = html.escape(", ".join(ids))
        return f'<p class="chorus-singletons">Single reports, in no story: {listed}</p>\n'
    listed = ", ".join(map(md_code, ids)) if format in ("md", "markdown") else ", ".join(ids)
    return f"Single reports, in no story: {listed}\n"


def to_markdown(result: StoriesResult, format: str = "markdown") -> str:
    """Each story's brief in `format` (markdown, md, text or html), then the lone reports."""
    parts = []
    for story in result.stories:
        meta = (f"*{story.id} · {len(story.article_ids)} articles · {story.reports} independent reports"
                + (f" · {story.outlets} outlets" if story.outlets else "") + "*")
        parts.append(render(story.brief, format) + ("\n" + meta + "\n" if format in ("md", "markdown") else ""))
    if result.singletons:
        parts.append(_singletons(result.singletons, format))
    return "\n".join(parts)


def run(args: argparse.Namespace) -> int:
    result = summarize_feed(pooled_articles(args.paths), options_from(args))
    if args.format == "json":
        sys.stdout.write(msgspec.json.encode(result).decode() + "\n")
    else:
        text = to_markdown(result, args.format)
        sys.stdout.write(text if text.endswith("\n") else text + "\n")  # an HTML brief ends with none
    return 0
