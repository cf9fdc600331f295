"""The pipeline: a `Cluster` goes through clean -> segment -> group -> extract -> abstract
-> attribute -> render. Stages are chosen by name so configuration can swap any of them."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence

from service.cluster import Cluster
from service.errors import InputError
from service.generators import GeneratorSlot
from service.models import ArticleLike, Brief, Options, OptionsLike, checked_articles, checked_options
from service.settings import Settings, checked
from service.stages import Stage
from service.stages.abstract import Abstract
from service.stages.attribute import Attribute
from service.stages.clean import Clean
from service.stages.extract import Extract
from service.stages.group import Group
from service.stages.render import Render
from service.stages.segment import Segment

STAGE_ORDER = ("clean", "segment", "group", "extract", "abstract", "attribute", "render")


class Pipeline:
    def __init__(self, stages: Sequence[Stage], generator: GeneratorSlot | None = None):
        self.stages = list(stages)
        self.generator = generator

    @classmethod
    def from_settings(
        cls,
        settings: Settings | None = None,
        *,
        generator: GeneratorSlot | None = None,
        overrides: dict[str, Stage] | None = None,
    ) -> Pipeline:
        """The default stages; `overrides` swaps any stage by name (e.g. a custom cleaner).
        Bad settings, or an override that is no stage, are refused here rather than on a run."""
        settings = checked(settings) if settings else Settings.from_env()
        generator = generator or GeneratorSlot.from_settings(settings)
        defaults: dict[str, Callable[[], Stage]] = {
            "clean": lambda: Clean(max_article_chars=settings.max_article_chars),
            "segment": Segment,
            "group": Group,
            "extract": lambda: Extract(default_extractor=settings.extractor),
            "abstract": lambda: Abstract(generator, auto_method=settings.auto_method),
            "attribute": Attribute,
            "render": Render,
        }
        overrides = overrides or {}
        unknown = set(overrides) - set(STAGE_ORDER)
        if unknown:
            raise ValueError(f"unknown stage(s): {', '.join(sorted(unknown))}")
        for name, stage in overrides.items():
            # A class is callable too, but calling it with a Cluster makes a stage, not a Cluster.
            if isinstance(stage, type) or not (callable(stage) and isinstance(getattr(stage, "name", None), str)):
                raise TypeError(f"overrides[{name!r}] is no stage: a stage is a callable taking and returning a "
                                f"Cluster, with a `name` (an instance, not a class); got {stage!r:.80}")
        stages = [overrides[name] if name in overrides else defaults[name]() for name in STAGE_ORDER]
        return cls(stages, generator)

    def run(self, articles: Sequence[ArticleLike], options: OptionsLike | None = None) -> Cluster:
        # Checked first: any iterable is read once, and an empty generator is truthy.
        valid = checked_articles(articles)
        if not valid:
            raise InputError("the cluster has no articles")
        cluster = Cluster(articles=valid, options=checked_options(options))
        for stage in self.stages:
            started = time.perf_counter()
            cluster = stage(cluster)
            cluster.timings[stage.name] = time.perf_counter() - started
        return cluster

    def uses_model(self, options: Options) -> bool:
        """Whether briefs with these options need the rewrite model; a swapped-in abstract
        stage is assumed to."""
        stage = next((s for s in self.stages if s.name == "abstract"), None)
        if stage is None:
            return False
        return stage.uses_model(options) if isinstance(stage, Abstract) else True

    def summarize(self, articles: Sequence[ArticleLike], options: OptionsLike | None = None) -> Brief:
        brief = self.run(articles, options).brief
        assert brief is not None, "the render stage sets the brief"
        return brief


_default: Pipeline | None = None
# Threads that summarize at once on first use would each build a pipeline, and each load the model.
_default_lock = threading.Lock()


def default_pipeline() -> Pipeline:
    """One pipeline per process; the model (if any) loads on first abstractive use."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Pipeline.from_settings()
        return _default


def summarize(articles: Sequence[ArticleLike], options: OptionsLike | None = None) -> Brief:
    """Summarize one cluster of reports about one story into an attributed brief."""
    return default_pipeline().summarize(articles, options)
