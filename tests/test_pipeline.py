"""The whole pipeline on the demo cluster and the fixtures: a good brief, timings, stage overrides."""

from __future__ import annotations

import re
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

import pytest

from conftest import DEMO, assert_citations_slice, assert_no_repeats, read_cluster
from service import Article, InputError, Options, Pipeline, Settings, default_pipeline, summarize
from service.cluster import Cluster
from service.generators import GeneratorSlot
from service.pipeline import STAGE_ORDER
from service.settings import SettingsError
from service.stages.abstract import Abstract
from service.stages.clean import Clean

# Site furniture and the appended stories of examples/harbour-fire: none of it may reach the brief.
DEMO_JUNK = ["cycle lane", "Rovers", "Rail strike", "Storm warning", "Pensioner", "Northgate", "Comments", "newsletter",
             "Subscribe", "app", "Share", ".jpg", ".png", ".jpeg", "AFP", "jrm/", "BREAKING", "|", "Advertisement",
             "sprinkler", "grandad", "Listen live", "Follow us", "Niamh Dorsey"]


@pytest.fixture(scope="module")
def demo() -> tuple[list, Cluster]:
    articles = read_cluster(DEMO)
    pipeline = Pipeline.from_settings(Settings(), generator=GeneratorSlot(None, "none"))
    return articles, pipeline.run(articles, Options(method="extractive"))


def test_the_demo_brief_is_a_clean_attributed_summary(demo):
    articles, cluster = demo
    brief = cluster.brief
    assert 4 <= len(brief.sentences) <= 6
    assert sum(len(s.text.split()) for s in brief.sentences) <= 150
    assert brief.headline and brief.method == "extractive" and not brief.warnings
    text = " ".join([brief.headline] + [s.text for s in brief.sentences])
    assert [junk for junk in DEMO_JUNK if junk in text] == []
    assert all(s.citations for s in brief.sentences)
    assert len({c.article_id for s in brief.sentences for c in s.citations}) >= 3
    assert_no_repeats(brief)
    assert_citations_slice(brief, articles, cluster)
    # Whatever the reprint backs, the wire story it copies backs too.
    for sentence in brief.sentences:
        ids = {c.article_id for c in sentence.citations}
        assert "metro-wire" not in ids or "coastline-news" in ids


def test_the_demo_brief_opens_with_what_happened(demo):
    _, cluster = demo
    event = re.compile(r"\b(fire|blaze)\b.*\b(destroyed|tore through|broke out|gutted)\b|\b(destroyed|gutted)\b")
    assert event.search(cluster.brief.sentences[0].text), cluster.brief.sentences[0].text


def test_sources_follow_the_input_order_and_take_titles_from_headlines(demo):
    articles, cluster = demo
    sources = cluster.brief.sources
    assert [s.id for s in sources] == [a.id for a in articles]
    titles = {s.id: s.title for s in sources}
    assert titles["halloran-gazette"] == "Huge blaze guts Quay 4 warehouse as smoke blankets Halloran"
    assert titles["northern-post"] == "Firefighters save fuel depot as Halloran warehouse burns"


def test_every_stage_is_timed(demo):
    _, cluster = demo
    assert list(cluster.timings) == list(STAGE_ORDER)
    assert all(t >= 0 for t in cluster.timings.values())


def test_the_same_input_gives_the_same_brief(pipeline, tram):
    first = pipeline.summarize(tram, Options(method="extractive"))
    assert pipeline.summarize(list(tram), Options(method="extractive")) == first


def test_the_module_level_summarize_uses_the_default_pipeline(tram, monkeypatch):
    for name in ("CHORUS_AUTO_METHOD", "CHORUS_EXTRACTOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("service.pipeline._default", None)
    brief = summarize(tram, Options(sentences=2))
    assert brief.method == "extractive" and len(brief.sentences) == 2


def test_a_stage_can_be_swapped_by_name(tram):
    class Shouting(Clean):
        def __call__(self, cluster: Cluster) -> Cluster:
            cluster = super().__call__(cluster)
            for document in cluster.documents:
                for block in document.blocks:
                    block.text = block.text.upper()
            return cluster

    pipeline = Pipeline.from_settings(Settings(), generator=GeneratorSlot(None, "none"), overrides={"clean": Shouting()})
    brief = pipeline.summarize(tram, Options(method="extractive"))
    assert brief.sentences and all(s.text == s.text.upper() for s in brief.sentences)
    with pytest.raises(ValueError, match="unknown stage"):
        Pipeline.from_settings(Settings(), generator=GeneratorSlot(None, "none"), overrides={"polish": Shouting()})


@pytest.mark.parametrize("stage", [3, None, "clean", Clean], ids=["int", "none", "str", "class"])
def test_an_override_that_is_no_stage_is_refused_when_the_pipeline_is_built(stage):
    # Not on the first run, as "'int' object is not callable"; a class is callable but no stage.
    with pytest.raises(TypeError, match=r"^overrides\['clean'\] is no stage: a stage is a callable"):
        Pipeline.from_settings(Settings(), generator=GeneratorSlot(None, "none"), overrides={"clean": stage})


@pytest.mark.parametrize("articles", [[], (a for a in [])], ids=["list", "generator"])
def test_an_empty_cluster_is_refused_alike_however_it_comes(pipeline, articles):
    with pytest.raises(InputError, match="^the cluster has no articles$"):
        pipeline.summarize(articles)


def test_good_settings_are_read_as_given():
    given = {"CHORUS_EXTRACTOR": "lexrank", "CHORUS_AUTO_METHOD": "abstractive", "CHORUS_DEVICE": "cuda:1",
             "CHORUS_MAX_ARTICLE_CHARS": "5000"}
    settings = Settings.from_env(given)
    assert (settings.extractor, settings.auto_method, settings.device, settings.max_article_chars) == (
        "lexrank", "abstractive", "cuda:1", 5000)


def test_settings_built_in_python_are_checked_when_a_pipeline_is_built_from_them():
    # msgspec checks limits when it converts, not when code builds a Struct.
    with pytest.raises(SettingsError, match=r"^max_article_chars=-1: Expected `int` >= 1$"):
        Pipeline.from_settings(Settings(max_article_chars=-1), generator=GeneratorSlot(None, "none"))
    with pytest.raises(ValueError, match="unknown extractor 'foo'"):
        Settings(extractor="foo")


def test_an_extractive_pipeline_never_reads_the_prompt_files(tram):
    # An installation without prompts/ (a trimmed image, a Ray worker) still briefs extractively.
    slot = GeneratorSlot(None, "none")
    pipeline = Pipeline.from_settings(Settings(), generator=slot, overrides={"abstract": Abstract(slot, prompt="absent")})
    assert pipeline.summarize(tram, Options(method="extractive")).sentences


@pytest.mark.parametrize(
    ("auto_method", "method", "uses_model"),
    [("extractive", "extractive", False), ("extractive", "auto", False), ("extractive", "abstractive", True),
     ("abstractive", "auto", True), ("abstractive", "extractive", False)],
)
def test_a_pipeline_says_which_briefs_need_its_model(auto_method, method, uses_model):
    slot = GeneratorSlot(None, "none")
    pipeline = Pipeline.from_settings(Settings(auto_method=auto_method), generator=slot)
    assert pipeline.uses_model(Options(method=method)) is uses_model


def test_a_swapped_in_abstract_stage_is_taken_to_need_the_model():
    class Rewrite:
        name = "abstract"

        def __call__(self, cluster: Cluster) -> Cluster:
            return cluster

    slot = GeneratorSlot(None, "none")
    pipeline = Pipeline.from_settings(Settings(), generator=slot, overrides={"abstract": Rewrite()})
    assert pipeline.uses_model(Options(method="extractive"))


def test_reports_in_chinese_that_tell_one_story_are_briefed_as_one():
    # A CJK character is a word here: two copies of one report share every fact, told once.
    report = "港口仓库发生大火，两名工人受伤。消防员花了六个小时才控制住火势。官员说，港口部分区域已经关闭。"
    brief = summarize([{"id": "a", "text": report}, {"id": "b", "text": report}], Options(sentences=3))
    assert not brief.warnings
    assert len({s.text for s in brief.sentences}) == len(brief.sentences) >= 2
    assert all({c.article_id for c in s.citations} == {"a", "b"} for s in brief.sentences)


def test_sentences_beside_a_ratio_are_refused_not_dropped(pipeline, tram):
    # The ratio sets the sentence count: `sentences` beside it was dropped unsaid (ratio=1, sentences=1 gave 3).
    with pytest.raises(InputError, match=r"^options: give `sentences` or `ratio`, not both"):
        pipeline.summarize(tram, {"ratio": 1.0, "sentences": 1})
    with pytest.raises(InputError, match=r"^give `sentences` or `ratio`, not both"):
        Options(ratio=0.5, sentences=2)
    assert len(pipeline.summarize(tram, Options(ratio=1.0, words=30)).sentences) >= 1  # a word cap stays allowed


def test_a_bad_value_given_to_a_constructor_is_an_input_error():
    # `except InputError` around building and summarizing catches these too, not a bare ValueError.
    with pytest.raises(InputError, match=r"^published_at: expected an ISO 8601 date or time, got 'yesterday'$"):
        Article(id="a", text="A fire.", published_at="yesterday")
    with pytest.raises(InputError, match=r"^unknown extractor 'best'"):
        Options(extractor="best")


@pytest.mark.parametrize(
    "given", [{"id": "a", "text": "A fire."}, "A fire broke out.", Article(id="a", text="A fire.")],
    ids=["dict", "str", "article"],
)
def test_one_article_where_a_list_belongs_is_refused_plainly(pipeline, given):
    # Not "Expected `object`, got `str` - at `$[0]`", which a dict's keys or a text's characters gave.
    with pytest.raises(InputError, match=rf"^articles: expected a list of articles, got one {type(given).__name__}$"):
        pipeline.summarize(given)


@pytest.mark.parametrize(
    ("published_at", "utc"),
    [("2025-063", "2025-03-04T00:00:00"), ("2024366T06:10Z", "2024-12-31T06:10:00"),
     ("2025-03-04T24:00", "2025-03-05T00:00:00"), ("2025-12-31T24:00:00+02:00", "2025-12-31T22:00:00")],
)
def test_iso_ordinal_dates_and_the_end_of_a_day_are_read(published_at, utc):
    # Valid ISO 8601 that datetime.fromisoformat does not read; a day past the year's end is still refused.
    assert Article(id="a", text="A fire.", published_at=published_at).published_time() == datetime.fromisoformat(
        utc + "+00:00")
    with pytest.raises(InputError, match="expected an ISO 8601 date"):
        Article(id="a", text="A fire.", published_at="2025-366")


def test_threads_that_summarize_at_once_share_one_default_pipeline(monkeypatch):
    built = []

    def slow_build(cls, *args, **kwargs):
        built.append(1)
        time.sleep(0.05)  # long enough for every thread to find no pipeline yet, were there no lock
        return object()

    monkeypatch.setattr("service.pipeline._default", None)
    monkeypatch.setattr(Pipeline, "from_settings", classmethod(slow_build))
    with ThreadPoolExecutor(4) as pool:
        pipelines = list(pool.map(lambda _: default_pipeline(), range(4)))
    assert len(built) == 1 and all(p is pipelines[0] for p in pipelines)
