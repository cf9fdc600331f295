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


INJECTED = "X\n\n# Injected\n<img src=x onerror=alert(1)>"
SHOWN = "X # Injected &lt;img src=x onerror=alert(1)&gt;"  # one line, its HTML as entities


def test_markdown_shows_report_text_as_text_never_as_markup():
    brief = hand_brief(
        headline=INJECTED,
        sentences=[BriefSentence(text="- 1. *Bold* _it_ [link](https://x.example) `code` \\ & ~~~ ---",
                                 speaker=INJECTED, citations=[cite("wire")]),
                   BriefSentence(text="2. Rescuers > 40", citations=[cite("wire")])],
        sources=[Source(id="wire", outlet=INJECTED, title="+ Tram #", url="https://wire.example/a) <b>x</b>(y z"),
                 Source(id="courier", title="3) # Two"), Source(id="copy", reprint_of="wire\n# H")],
        quote=Quote(text=INJECTED, speaker="<b>Varga</b>", article_ids=["wire"]),
        conflicts=[Conflict(about="# injured", values=[ConflictValue(value=INJECTED, article_ids=["wire"])])],
        warnings=[INJECTED],
    )
    assert render(brief, "md").splitlines() == [
        f"## {SHOWN}",
        "",
        r"- \- 1. \*Bold\* \_it\_ \[link\](https://x.example) \`code\` \\ &amp; \~\~\~ --- — " + f"{SHOWN} [1]",
        r"- 2\. Rescuers &gt; 40 [1]",
        "",
        "> “X # Injected &lt;img src=x onerror=alert(1)&gt;” — &lt;b&gt;Varga&lt;/b&gt; [1]",
        "",
        "**Sources differ:**",
        rf"- \# injured: {SHOWN} ([1])",
        "",
        "**Sources**",
        "",
        rf"1. [{SHOWN} — + Tram \#](https://wire.example/a\)%20<b>x</b>\(y%20z) `wire`",
        r"2. 3\) # Two `courier`",
        "3. `copy` (reprint of wire # H)",
        "",
        f"> Note: {SHOWN}",
    ]


def test_a_commonmark_reader_shows_markdown_report_text_as_text():
    # markdown-it-py comes with litestar (through rich): a CommonMark reader, to check what a reader shows.
    markdown_it = pytest.importorskip("markdown_it")
    text = "Crews <script>alert(1)</script> saw *this* [here](javascript:alert(2)) `x` & more"
    brief = hand_brief(
        headline=f"{INJECTED} #",
        sentences=[BriefSentence(text=f"# {text}", speaker=INJECTED, citations=[cite("wire")])],
        sources=[Source(id="a`b", outlet=INJECTED, url="https://wire.example/a) <img src=x>"),
                 Source(id="`", title=f"1. {text}"), Source(id="id\n# H")],
        quote=Quote(text=text, speaker=INJECTED, article_ids=["a`b"]),
        conflicts=[Conflict(about=f"- {text}", values=[ConflictValue(value=INJECTED, article_ids=["a`b"])])],
        warnings=[INJECTED],
    )
    shown = markdown_it.MarkdownIt("commonmark").render(render(brief, "md"))
    tags = re.findall(r"</?([a-z0-9]+)", shown)
    assert set(tags) == {"h2", "ul", "li", "blockquote", "p", "strong", "ol", "a", "code"}
    assert tags.count("h2") == 2 and tags.count("a") == 2 and tags.count("li") == 2 * 5
    assert "Crews &lt;script&gt;alert(1)&lt;/script&gt; saw *this* [here](javascript:alert(2)) `x` &amp; more" in shown
    assert "<h2>X # Injected &lt;img src=x onerror=alert(1)&gt; #</h2>" in shown
    assert '<a href="https://wire.example/a)%20%3Cimg%20src=x%3E">' in shown
    assert "<code>a`b</code>" in shown and "<code>`</code>" in shown and "<code>id # H</code>" in shown


@pytest.mark.parametrize(("article_id", "written"), [
    ("wire", "`wire`"),
    ("a`b", "``a`b``"),
    ("a``b`", "``` a``b` ```"),
    ("`", "`` ` ``"),
    (" pad ", "`  pad  `"),
    ("two\nlines", "`two lines`"),
])
def test_markdown_writes_an_id_in_a_code_span_that_its_backticks_cannot_close(article_id, written):
    brief = hand_brief(sources=[Source(id=article_id, outlet="Wire")],
                       sentences=[BriefSentence(text="A tram derailed.", citations=[cite(article_id)])])
    assert render(brief, "md").splitlines()[-1] == f"1. Wire {written}"


def test_markdown_leaves_out_an_empty_headline():
    out = render(hand_brief(headline="", sentences=[]), "md")
    assert out.startswith("**Sources**\n\n1. ") and "##" not in out
    assert render(hand_brief(headline=""), "md").startswith("- A tram derailed in central Velmora. [1][2]\n")

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
