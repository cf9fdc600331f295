"""One attributed brief per story of a mixed feed."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

import msgspec

from service.errors import InputError
from service.models import Article, ArticleLike, Options, OptionsLike, checked_articles, checked_options
from service.stages.extract import NO_BRIEF_SENTENCES
from service.stories.grouping import clean_articles, group_documents, story_id
from service.stories.models import StoriesResult, Story, StoryGrouping

if TYPE_CHECKING:
    from service.pipeline import Pipeline

# Called once after grouping (story None) and after each story: (story, done, total).
Progress = Callable[[Story | None, int, int], None]


def _story(articles: list[Article], options: Options, pipeline: Pipeline) -> Story | None:
    """The story's brief, or None when no sentence of its reports reads as news: articles
    grouped by the page text they share ("Tweet with a location You can add …") are no story."""
    cluster = pipeline.run(articles, options)
    assert cluster.brief is not None, "the render stage sets the brief"
    if NO_BRIEF_SENTENCES in cluster.warnings:  # extract found no fact that reads as news
        return None
    ids = [a.id for a in articles]
    return Story(
        id=story_id(ids),
        article_ids=ids,
        reprints={d.article.id: d.reprint_of for d in cluster.documents if d.reprint_of},
        rewrites={d.article.id: d.rewrite_of for d in cluster.documents if d.rewrite_of},
        reports=len(cluster.independent_ids(ids)),
        outlets=len({a.outlet.strip().casefold() for a in articles if a.outlet and a.outlet.strip()}),
        brief=cluster.brief,
    )


def summarize_feed(
    articles: Sequence[ArticleLike],
    options: OptionsLike | None = None,
    pipeline: Pipeline | None = None,
    *,
    finished: Mapping[str, Story] | None = None,
    on_progress: Progress | None = None,
) -> StoriesResult:
    """Group the feed and brief every story, biggest first; lone articles come back as ids.

    `finished` maps story ids to stories already briefed (a resumed job): those are reused,
    which is sound because grouping is deterministic and story ids come from member ids.
    """
    if pipeline is None:
        from service.pipeline import default_pipeline  # the pipeline imports this package

        pipeline = default_pipeline()
    articles = checked_articles(articles)
    options = checked_options(options)
    finished = finished or {}
    documents = clean_articles(articles)
    grouping: StoryGrouping = group_documents(documents)
    # HTML is extracted once, here: the pipeline gets the extracted text, so its offsets
    # are the same ones a direct summary of the HTML would give.
    by_id = {
        d.article.id: msgspec.structs.replace(d.article, text=d.text, html=None) if d.article.html is not None else d.article
        for d in documents
    }
    feed_order = {a.id: n for n, a in enumerate(articles)}
    total = len(grouping.stories)
    if on_progress:
        on_progress(None, 0, total)
    stories: list[Story] = []
    singletons = list(grouping.singletons)
    for ids in grouping.stories:
        members = sorted((by_id[i] for i in ids), key=lambda a: feed_order[a.id])
        story = finished.get(story_id(ids))
        if story is None:
            try:
                story = _story(members, options, pipeline)
            except InputError:
                story = None  # nothing in these reports survives cleaning
            if story is None:
                # They are not a story after all.
                singletons.extend(ids)
                total -= 1
                continue
        stories.append(story)
        if on_progress:
            on_progress(story, len(stories), total)
    return StoriesResult(stories=stories, singletons=sorted(singletons))


def summarize_stories(
    articles: Sequence[ArticleLike], options: OptionsLike | None = None, pipeline: Pipeline | None = None
) -> list[Story]:
    """The briefs of the feed's stories, biggest first (see `summarize_feed` for the singletons)."""
    return summarize_feed(articles, options, pipeline).stories
