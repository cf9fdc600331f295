"""Attribute: citations with spans, and the guard that replaces unsupported model sentences."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable

import pytest

from conftest import assert_citations_slice
from service import Article, Options, Pipeline, Settings, summarize
from service.cluster import Cluster
from service.generators import GeneratorSlot
from service.generators.fake import FakeGenerator
from service.stages.abstract import first_sentence

ABSTRACTIVE = Options(method="abstractive", sentences=4)
REPLACED = "rewritten sentence(s) were not supported by the reports"


def first_wording(prompt: str) -> str:
    """The first source sentence listed in the fusion prompt."""
    return re.search(r"^- (.+)$", prompt, re.MULTILINE).group(1)


def fuse(articles, respond: Callable[[str], str], **generator) -> tuple[Cluster, FakeGenerator]:
    fake = FakeGenerator(respond, **generator)
    pipeline = Pipeline.from_settings(Settings(), generator=GeneratorSlot.holding(fake))
    return pipeline.run(articles, ABSTRACTIVE), fake


def test_an_extracted_sentence_cites_every_wording_of_its_fact(pipeline, tram):
    cluster = pipeline.run(tram, Options(method="extractive", sentences=4))
    brief = cluster.brief
    assert len(brief.sentences) == 4
    for sentence, fact in zip(brief.sentences, cluster.selected):
        assert sentence.origin == "extracted"
        cited = [c.article_id for c in sentence.citations]
        # Each report that words the fact, then a paraphrase from a report the fact lacks: once each.
        assert len(set(cited)) == len(cited)
        assert {s.article_id for s in fact.sentences} <= set(cited)
        assert sentence.citations[0].score == 1.0
        assert all(0 < c.score <= 1 for c in sentence.citations)
        assert [c.score for c in sentence.citations] == sorted((c.score for c in sentence.citations), reverse=True)
        # Whatever the reprint backs, the wire story it copies backs too.
        ids = {c.article_id for c in sentence.citations}
        assert "reprint" not in ids or "wire" in ids
    assert_citations_slice(brief, tram, cluster)


def test_a_report_that_states_the_fact_twice_is_cited_once_where_closest():
    lead = "A tram derailed on a bend in central Velmora on Thursday morning, injuring 14 passengers."
    subhead = "A tram derailed on a bend in central Velmora, injuring 14 passengers."
    report = f"{lead}\n{subhead} The Line 3 tram struck a lamp post at the Kessler Street junction.\n"
    other = "Fourteen passengers were hurt when a tram derailed on a bend in central Velmora on Thursday morning.\n"
    brief = summarize([Article(id="a", text=report), Article(id="b", text=other)], Options(method="extractive"))
    citations = brief.sentences[0].citations
    assert [c.article_id for c in citations].count("a") == 1
    assert citations[0].article_id == "a" and citations[0].score == 1.0


def test_a_faithful_fused_sentence_is_kept_and_aligned_to_its_sources(tram):
    def shorten(prompt: str) -> str:
        words = first_wording(prompt).rstrip(".").split()
        return " ".join(words[:12]).rstrip(",") + "."

    cluster, fake = fuse(tram, shorten)
    brief = cluster.brief
    assert brief.method == "abstractive" and not brief.warnings
    assert [s.origin for s in brief.sentences] == ["fused"] * 4
    for sentence in brief.sentences:
        assert sentence.citations and all(c.score >= 0.3 for c in sentence.citations)
    assert_citations_slice(brief, tram, cluster)
    # One prompt a fact, listing that fact's distinct wordings as a brief shows them.
    assert len(fake.prompts) == 4
    for prompt, fact in zip(fake.prompts, cluster.selected):
        assert first_wording(prompt) in {s.brief_text for s in fact.sentences}


def invent_number(prompt: str) -> str:
    wording = first_wording(prompt)
    return re.sub(r"\d+", "97", wording) if re.search(r"\d", wording) else wording.rstrip(".") + " at 97 sites."


def attribute_to(source: str) -> Callable[[str], str]:
    def respond(prompt: str) -> str:
        wording = first_wording(prompt)
        return f"According to {source}, {wording[0].lower()}{wording[1:]}"

    return respond


invent_name = attribute_to("Inspector Bruno Quast")


def unrelated(prompt: str) -> str:
    return "The regional orchestra announced a new season of concerts featuring young composers."


@pytest.mark.parametrize("respond", [invent_number, invent_name, unrelated])
def test_an_unsupported_fused_sentence_is_replaced_by_the_reports_wording_and_warned(tram, respond):
    cluster, _ = fuse(tram, respond)
    brief = cluster.brief
    assert [s.origin for s in brief.sentences] == ["replaced"] * 4
    for sentence, fact in zip(brief.sentences, cluster.selected):
        assert sentence.text == fact.representative.brief_text
        assert "97" not in sentence.text and "Quast" not in sentence.text and "orchestra" not in sentence.text
    # Nothing the model wrote is left: the brief is the reports' own wording, and says so.
    assert brief.method == "extractive"
    assert brief.warnings == [f"4 {REPLACED} and were replaced by the reports' own wording; the brief is extractive"]
    assert_citations_slice(brief, tram, cluster)


def test_only_the_unsupported_sentences_are_replaced(tram):
    seen: list[str] = []

    def first_one_invents(prompt: str) -> str:
        seen.append(prompt)
        return invent_name(prompt) if len(seen) == 1 else first_wording(prompt)

    cluster, _ = fuse(tram, first_one_invents)
    assert [s.origin for s in cluster.brief.sentences] == ["replaced", "fused", "fused", "fused"]
    assert cluster.brief.method == "abstractive"
    assert cluster.brief.sentences[0].text == cluster.selected[0].representative.brief_text
    assert cluster.brief.warnings == [f"1 {REPLACED} and were replaced by the reports' own wording"]


def test_an_invented_name_at_the_start_of_a_fused_sentence_is_replaced(tram):
    cluster, _ = fuse(tram, lambda p: "Dunmore " + first_wording(p)[0].lower() + first_wording(p)[1:])
    assert [s.origin for s in cluster.brief.sentences] == ["replaced"] * 4


def test_numbers_and_names_that_are_in_some_report_pass_the_guard(tram):
    # The same rewrite as `invent_name`, with a name and a number found elsewhere in the cluster.
    cluster, _ = fuse(tram, attribute_to("Varga of the Line 3 service"))
    assert {s.origin for s in cluster.brief.sentences} == {"fused"}
    assert not cluster.brief.warnings


@pytest.mark.parametrize("sentence", ["The tram left at 8 a.m. and struck a lamp post.",
                                      "Gen. Ortiz said the U.S. Navy sent a tug on Monday."])
def test_the_models_first_sentence_is_not_cut_at_an_abbreviation(sentence):
    assert first_sentence(f"{sentence} A second sentence follows.") == sentence


def test_the_models_unfinished_sentence_is_dropped():
    assert first_sentence("One sentence: Crews fought the fire. And then") == "Crews fought the fire."
    assert first_sentence("Crews fought the fire and") == ""


def test_a_fact_whose_wording_does_not_fit_the_model_stays_extracted(tram):
    cluster, fake = fuse(tram, first_wording, max_input_tokens=10)
    assert fake.prompts == []
    assert {s.origin for s in cluster.brief.sentences} == {"extracted"}
    assert any("10-token input" in w for w in cluster.brief.warnings)


def test_a_model_that_finishes_no_sentence_leaves_an_extractive_brief_that_says_so(tram):
    cluster, fake = fuse(tram, lambda prompt: "The ferry Marlow Star struck")
    brief = cluster.brief
    assert len(fake.prompts) == 4
    assert brief.method == "extractive" and {s.origin for s in brief.sentences} == {"extracted"}
    assert brief.warnings == ["the rewrite model finished no sentence; the brief is extractive"]


def test_abstractive_without_a_model_answers_extractively_and_says_why(tram):
    pipeline = Pipeline.from_settings(Settings(model="none"))  # CHORUS_MODEL=none
    brief = pipeline.summarize(tram, ABSTRACTIVE)
    assert brief.method == "extractive"
    assert {s.origin for s in brief.sentences} == {"extracted"}
    assert brief.warnings == ["abstractive rewrite unavailable (no rewrite model is configured); the brief is extractive"]


def test_a_fused_sentence_with_its_words_turned_around_is_replaced(tram):
    # Every content word is in the sources, but no pair of them stands as the reports put it.
    def reverse(prompt: str) -> str:
        words = re.findall(r"[\w'-]+", first_wording(prompt).lower())
        return " ".join(reversed(words)).capitalize() + "."

    cluster, _ = fuse(tram, reverse)
    assert [s.origin for s in cluster.brief.sentences] == ["replaced"] * 4


def test_a_fused_sentence_that_lost_its_verb_is_replaced(tram):
    # Every word and most pairs are the reports', but "A tram on a bend in central Velmora." states nothing.
    def drop_verb(prompt: str) -> str:
        wording = first_wording(prompt).split(",")[0].rstrip(".")
        return re.sub(r"\s+(?:derailed|took)\b", "", wording, count=1) + "."

    cluster, _ = fuse(tram, drop_verb)
    shown = {s.text: s.origin for s in cluster.brief.sentences}
    assert shown["A tram derailed on a bend in central Velmora, injuring 14 passengers, two of them seriously, city "
                 "officials said."] == "replaced"
    assert shown["Emergency services took the injured to Velmora General Hospital, where two patients were being "
                 "treated in intensive care, a hospital spokesman said."] == "replaced"
    # A sentence that kept a verb is the model's, as before.
    assert "fused" in shown.values()


def test_a_name_stitched_from_real_words_is_replaced(tram):
    # "Velmora", "Kessler" and "Hospital" each occur in the reports; this name does not.
    cluster, _ = fuse(tram, attribute_to("Velmora Kessler Hospital"))
    assert [s.origin for s in cluster.brief.sentences] == ["replaced"] * 4
    assert "Velmora Kessler Hospital" not in " ".join(s.text for s in cluster.brief.sentences)


def test_a_fused_sentence_that_loops_is_replaced(tram):
    # A small model can repeat itself ("The inquiry found that an inquiry found an inquiry"):
    # every word and every pair of words is the reports', yet the sentence says nothing.
    def loop(prompt: str) -> str:
        opening = " ".join(first_wording(prompt).split()[:4]).rstrip(",")
        return f"{opening} and {opening[0].lower()}{opening[1:]}."

    cluster, _ = fuse(tram, loop)
    assert [s.origin for s in cluster.brief.sentences] == ["replaced"] * 4


def test_a_common_word_capitalised_as_a_name_is_replaced(tram):
    # "offered a glimmer of hope" rewritten "offered a Hope": the word is the reports', the name is not.
    capitalised: list[str] = []

    def capitalise_last_word(prompt: str) -> str:
        words = first_wording(prompt).rstrip(".").split()
        index = max(i for i, w in enumerate(words) if re.fullmatch(r"[a-z]{4,}", w))
        capitalised.append(words[index].capitalize())
        words[index] = capitalised[-1]
        return " ".join(words) + "."

    cluster, _ = fuse(tram, capitalise_last_word)
    texts = " ".join(a.text for a in tram)
    assert capitalised and not any(re.search(rf"\b{word}\b", texts) for word in capitalised)
    assert [s.origin for s in cluster.brief.sentences] == ["replaced"] * 4


def test_a_word_capitalised_because_it_opens_the_sentence_passes_the_guard(tram):
    # The reports write "city officials said"; opening the rewrite, the word takes a capital.
    assert not any("Officials" in a.text for a in tram)
    cluster, _ = fuse(tram, lambda p: "Officials said " + first_wording(p)[0].lower() + first_wording(p)[1:])
    assert cluster.brief.sentences[0].origin == "fused"
    assert cluster.brief.sentences[0].text.startswith("Officials said")


def test_a_quotation_rewritten_without_its_marks_is_replaced():
    # The mayor's words stated as if the reports said them; the marks keep them hers.
    quote = '"We have waited forty years for this crossing, and it was worth every day,"'
    bridge = [
        Article(id="a", text=f"Dunmore opened its new river bridge on Monday, forty years after it was first planned. "
                             f"{quote} Mayor Ada Lind told the crowd."),
        Article(id="b", text=f"The new bridge over the river in Dunmore opened on Monday after forty years of planning. "
                             f"{quote} Mayor Ada Lind said at the ribbon cutting."),
    ]

    def unquote(prompt: str) -> str:
        return first_wording(prompt).replace('"', "").replace(" Mayor Ada Lind told the crowd", "")

    for respond, origins in [(unquote, ["fused", "replaced"]), (first_wording, ["fused", "fused"])]:
        cluster, _ = fuse(bridge, respond)
        assert [s.origin for s in cluster.brief.sentences] == origins
        assert cluster.brief.sentences[1].text.startswith('"We have waited')


def test_a_name_a_wrapped_report_breaks_over_two_lines_is_still_the_reports(tram):
    # Wrapped at 30 columns, "Ilse Varga", "Kessler Street" and "Old Market Square" break over lines.
    wrapped = [Article(id=a.id, text="\n\n".join(textwrap.fill(p, 30) for p in a.text.split("\n"))) for a in tram]
    assert any("Ilse\nVarga" in a.text or "Kessler\nStreet" in a.text for a in wrapped)
    cluster, _ = fuse(wrapped, first_wording)
    assert {s.origin for s in cluster.brief.sentences} == {"fused"}


def test_a_shown_sentence_is_cited_first_though_a_shorter_one_of_its_report_holds_its_words():
    # Both sentences hold every content word of the other, so both cover the shown one fully.
    report = "Fire fire fire fire fire fire fire. Fire."
    cluster = Pipeline.from_settings(Settings()).run([Article(id="a", text=report)], Options(method="extractive"))
    sentence = cluster.brief.sentences[0]
    first = sentence.citations[0]
    assert report[first.start : first.end] == sentence.text
    assert_citations_slice(cluster.brief, [Article(id="a", text=report)], cluster)
