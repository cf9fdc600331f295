"""Render: the Brief as JSON (its schema), Markdown, plain text and safe HTML."""

from __future__ import annotations

import json
import re

import msgspec
import pytest

from service import Brief, BriefSentence, Citation, Conflict, ConflictValue, Options, Quote, Source, render


def cite(article_id: str, score: float = 1.0) -> Citation:
    return Citation(article_id=article_id, sentence=0, start=0, end=10, score=score)


def hand_brief(**changes) -> Brief:
    brief = Brief(
        headline="Tram derails in Velmora",
        method="extractive",
        sentences=[
            BriefSentence(text="A tram derailed in central Velmora.", citations=[cite("wire"), cite("courier", 0.6)]),
            BriefSentence(text="Two passengers were in intensive care.", citations=[cite("courier")]),
        ],
        sources=[
            Source(id="wire", outlet="Wire Agency", url="https://wire.example/tram", title="Tram derails"),
            Source(id="courier", outlet="Velmora Courier"),
            Source(id="reprint", title="Tram derails (reprint)", reprint_of="wire"),
        ],
    )
    for name, value in changes.items():
        setattr(brief, name, value)
    return brief


# The wire counts 14 injured; the courier and its reprint count 12.
INJURED_DIFFER = [Conflict(about="injured", values=[ConflictValue(value="14", article_ids=["wire"]),
                                                    ConflictValue(value="12", article_ids=["courier", "reprint"])])]


@pytest.fixture(scope="module")
def tram_brief(pipeline, tram) -> Brief:
    return pipeline.summarize(tram, Options(method="extractive"))


def test_json_decodes_back_into_the_brief_schema(tram_brief):
    out = render(tram_brief, "json")
    assert msgspec.json.decode(out, type=Brief) == tram_brief
    data = json.loads(out)
    assert set(data) == set(Brief.__struct_fields__)
    assert data["method"] == "extractive" and data["headline"]
    for sentence in data["sentences"]:
        assert set(sentence) == {"text", "citations", "origin", "speaker"}
        for citation in sentence["citations"]:
            assert set(citation) == {"article_id", "sentence", "start", "end", "score"}
    assert [s["id"] for s in data["sources"]] == ["courier", "reprint", "wire"]


def test_markdown_numbers_citations_by_source_and_lists_the_sources():
    out = render(hand_brief(), "md")
    assert out == render(hand_brief(), "markdown")
    lines = out.splitlines()
    assert lines[0] == "## Tram derails in Velmora"
    assert "- A tram derailed in central Velmora. [1][2]" in lines
    assert "- Two passengers were in intensive care. [2]" in lines
    sources = lines[lines.index("**Sources**") + 2 :]
    assert sources == [
        "1. [Wire Agency — Tram derails](https://wire.example/tram) `wire`",
        "2. Velmora Courier `courier`",
        "3. Tram derails (reprint) `reprint` (reprint of wire)",
    ]


def test_markdown_and_html_say_which_source_a_rewrite_retells():
    sources = [Source(id="wire", outlet="Wire Agency"), Source(id="desk", outlet="Desk", rewrite_of="wire")]
    brief = hand_brief(sources=sources, sentences=[BriefSentence(text="A tram derailed.", citations=[cite("desk")])])
    assert "2. Desk `desk` (rewrite of wire)" in render(brief, "md").splitlines()
    assert "<li>Desk (rewrite of wire)</li>" in render(brief, "html")


def test_a_source_with_neither_outlet_nor_title_is_named_by_its_id_once():
    sources = [Source(id="wire", outlet="Wire Agency"), Source(id="desk-7", rewrite_of="wire"),
               Source(id="linked", url="https://linked.example/a")]
    brief = hand_brief(sources=sources, sentences=[
        BriefSentence(text="A tram derailed.", citations=[cite("wire"), cite("desk-7"), cite("linked")])])
    assert render(brief, "md").splitlines()[-3:] == [
        "1. Wire Agency `wire`", "2. `desk-7` (rewrite of wire)", "3. [linked](https://linked.example/a) `linked`"]
    assert render(brief, "text").splitlines()[-3:] == [
        "1. Wire Agency (wire)", "2. desk-7 (rewrite of wire)", "3. linked"]
    assert "<li>desk-7 (rewrite of wire)</li>" in render(brief, "html")


def test_markdown_shows_conflicts_and_warnings():
    brief = hand_brief(conflicts=INJURED_DIFFER, warnings=["article 'x' has no usable sentences and was skipped"])
    out = render(brief, "md")
    assert "- injured: 14 ([1]); 12 ([2], [3])" in out
    assert "> Note: article 'x' has no usable sentences and was skipped" in out


def test_markdown_and_html_show_the_key_quote_with_its_sources():
    brief = hand_brief(quote=Quote(text="We will not speculate on the cause", speaker="Varga",
                                   article_ids=["wire", "reprint"]))
    assert "> “We will not speculate on the cause” — Varga [1][3]" in render(brief, "md").splitlines()
    assert ('<blockquote class="chorus-quote">“We will not speculate on the cause” — Varga '
            '<a href="https://wire.example/tram" rel="noopener">[1]</a><sup>[3]</sup></blockquote>') in render(brief, "html")
    anonymous = hand_brief(quote=Quote(text="It was chaos", speaker=None, article_ids=["courier"]))
    assert "> “It was chaos” — unattributed [2]" in render(anonymous, "md")


def test_markdown_refuses_javascript_urls():
    brief = hand_brief(sources=[Source(id="wire", outlet="Wire", url="javascript:alert(1)")])
    out = render(brief, "md")
    assert "javascript:" not in out
    assert "1. Wire `wire`" in out.splitlines()


def test_text_format_has_headline_marked_sentences_and_sources():
    out = render(hand_brief(), "text")
    assert out.splitlines() == [
        "Tram derails in Velmora",
        "",
        "A tram derailed in central Velmora. [1,2]",
        "Two passengers were in intensive care. [2]",
        "",
        "Sources:",
        "1. Wire Agency — Tram derails (wire)",
        "2. Velmora Courier (courier)",
        "3. Tram derails (reprint) (reprint) (reprint of wire)",
    ]


def test_text_format_shows_the_key_quote_the_disagreements_and_the_notes():
    brief = hand_brief(
        quote=Quote(text="We will not speculate on the cause", speaker="Varga", article_ids=["wire", "reprint"]),
        conflicts=INJURED_DIFFER,
        warnings=["article 'x' has no usable sentences and was skipped"],
    )
    lines = render(brief, "text").splitlines()
    assert lines[5:9] == [
        "“We will not speculate on the cause” — Varga [1,3]",
        "",
        "Sources differ:",
        "- injured: 14 [1]; 12 [2,3]",
    ]
    assert lines[-2:] == ["", "Note: article 'x' has no usable sentences and was skipped"]


def test_html_shows_the_disagreements_with_their_sources_and_the_notes():
    brief = hand_brief(conflicts=INJURED_DIFFER,
                       warnings=["the abstractive model could not be loaded & the brief is extractive"])
    out = render(brief, "html")
    assert ('<div class="chorus-conflicts"><strong>Sources differ:</strong><ul><li>injured: 14 '
            '<a href="https://wire.example/tram" rel="noopener">[1]</a>; 12 <sup>[2]</sup><sup>[3]</sup></li></ul></div>') in out
    assert out.endswith('<p class="chorus-note">Note: the abstractive model could not be loaded &amp; the brief is '
                        'extractive</p></article>')


def test_html_escapes_report_text_everywhere():
    evil = '<script>alert("x")</script>'
    brief = hand_brief(
        headline=f"Fire {evil}",
        sentences=[BriefSentence(text=f"Crews said {evil} & left.", citations=[cite("wire")])],
        sources=[Source(id="wire", outlet=f"Wire {evil}", title='"><img src=x onerror=alert(1)>',
                        url='https://wire.example/a?b=1&c="2"')],
        conflicts=[Conflict(about=evil, values=[ConflictValue(value=evil, article_ids=["wire"])])],
        quote=Quote(text=evil, speaker=evil, article_ids=["wire"]),
    )
    out = render(brief, "html")
    assert "<script" not in out.lower() and "<img" not in out
    assert "&lt;script&gt;" in out and "&amp; left." in out
    assert 'href="https://wire.example/a?b=1&amp;c=&quot;2&quot;"' in out
    assert out.startswith('<article class="chorus-brief">') and out.endswith("</article>")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>x</b>",
                                 "vbscript:msgbox", "//evil.example/x", "ftp://files.example/x"])
def test_html_links_only_http_urls(url):
    brief = hand_brief(sources=[Source(id="wire", outlet="Wire Agency", url=url), Source(id="courier")])
    out = render(brief, "html")
    assert "href" not in out
    assert "<sup>[1]</sup>" in out and "<li>Wire Agency</li>" in out


def test_html_links_http_sources_from_citations_and_the_source_list():
    out = render(hand_brief(), "html")
    assert out.count('<a href="https://wire.example/tram" rel="noopener">') == 2
    assert re.search(r"<li>Two passengers were in intensive care\. <sup>\[2\]</sup></li>", out)


def test_an_unknown_format_is_a_value_error():
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        render(hand_brief(), "pdf")
