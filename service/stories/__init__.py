"""Stories: split a day's mixed feed into stories and brief each one.

    from service.stories import group_stories, summarize_stories
    grouping = group_stories(articles)        # StoryGrouping: stories (ids), singletons
    stories = summarize_stories(articles)     # list[Story], biggest first

Also here: wire-copy detection (`reprints`, run by the group stage), disagreement finding
(`conflicts`, run by the render stage), the key quote and story headline, and the jobs API
(`jobs`, `routes`). See README.md in this folder.
"""

from service.stories.grouping import group_stories
from service.stories.models import StoriesResult, Story, StoryGrouping
from service.stories.summarize import summarize_feed, summarize_stories

__all__ = ["StoriesResult", "Story", "StoryGrouping", "group_stories", "summarize_feed", "summarize_stories"]
