"""Pages sent as `html`: the HTTP cap on a page, what is read from tables and JSON-LD, the page's
title as a headline, feeds and binary data refused, markup nested too deep, and the text that
citations' offsets point into."""

from __future__ import annotations

import json
import random
import zlib
from typing import Any

import pytest
from litestar.testing import TestClient

from conftest import no_model_pipeline
from service import Article, InputError, Options, render, summarize
from service.api.app import create_app
from service.api.schemas import MAX_ARTICLE_CHARS, MAX_HTML_CHARS
from service.api.settings import ApiSettings
from service.cluster import Cluster, Document
from service.text import looks_binary
from service.models import Brief, BriefSentence, Citation, Source
from service.stages.clean import Clean

LEAD = "Two people died when the Selm Bridge in Marrowick gave way on Tuesday evening, police said."
SECOND = "Four people were rescued from the water by emergency crews on Tuesday night."
STORY = f"<p>{LEAD}</p><p>{SECOND}</p>"
OTHER = (
    "Two people were killed when a road bridge over the River Selm in Marrowick collapsed on Tuesday evening, "
    "police said. Emergency crews rescued four people from the river."
)
EXTRACTIVE = Options(method="extractive")


def read(html: str, **article: Any) -> Document:
    cluster = Cluster(articles=[Article(id="h", html=html, **article), Article(id="t", text=OTHER)], options=EXTRACTIVE)
    return Clean()(cluster).documents[0]


def kept(document: Document) -> str:
    return " ".join(block.text for block in document.blocks)


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def json_ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


SCRIPT_RENDERED = '<div id="root"></div><noscript>You need to enable JavaScript to run this app.</noscript>'
# A page drawn by scripts whose visible text is only a notice that reads as prose.
NOTICE_ONLY = '<div id="root"><p>Please enable JavaScript in your browser settings to read this story.</p></div>'


# 1. The HTTP cap on a page


def test_a_page_heavier_than_the_text_cap_is_summarized_over_http() -> None:
    script = "<script>window.__STATE__ = " + json.dumps({"items": ["x" * 80] * 3000}) + ";</script>"
    html = page(f"<article>{STORY}</article>{script}", "<title>Selm Bridge collapse kills two</title>")
    assert MAX_ARTICLE_CHARS < len(html) <= MAX_HTML_CHARS
    body = {"articles": [{"id": "h", "html": html}, {"id": "t", "text": OTHER}], "options": {"method": "extractive"}}
    with TestClient(create_app(pipeline=no_model_pipeline(), api=ApiSettings())) as client:
        response = client.post("/summarize", json=body)
        assert response.status_code == 200, response.text
        assert any("h" in [c["article_id"] for c in s["citations"]] for s in response.json()["briefs"][0]["sentences"])
        schema = client.get("/schema/openapi.json").json()["components"]["schemas"]["ArticleInput"]["properties"]
        assert schema["html"]["maxLength"] == MAX_HTML_CHARS
        assert schema["text"]["maxLength"] == MAX_ARTICLE_CHARS
        too_long = {"articles": [{"id": "t", "text": "x" * (MAX_ARTICLE_CHARS + 1)}]}
        assert client.post("/summarize", json=too_long).status_code == 422


def test_the_body_limit_takes_one_page_at_the_html_cap() -> None:
    # Markup is full of quotes, each of which JSON escapes with a backslash.
    markup = '<div class="c"><a href="/x">link</a></div>'
    html = (markup * (MAX_HTML_CHARS // len(markup) + 1))[:MAX_HTML_CHARS]
    body = json.dumps({"articles": [{"id": "h", "html": html}], "options": {}}).encode()
    assert len(body) <= ApiSettings().max_body_bytes


# 2. No prose from the precise extraction: tables, JSON-LD


def test_a_page_closed_before_its_end_is_read_to_its_end() -> None:
    document = read(f"<html><body><article><p>{LEAD}</html><p>{SECOND}</p></article></body></html>")
    assert LEAD in kept(document) and SECOND in kept(document)


def test_a_page_laid_out_in_a_table_is_read_cell_by_cell() -> None:
    document = read(page(f"<table><tr><td>Menu</td><td>{STORY}</td></tr></table>"))
    assert LEAD in kept(document) and SECOND in kept(document)
    assert "|" not in document.text


@pytest.mark.parametrize(
    "data",
    [
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Bridge collapse kills two"},
        {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, {"@type": "ReportageNewsArticle"}]},
        [{"@type": "Organization", "name": "Ledger"}, {"@type": ["Article"]}],
        {"@type": "WebPage", "mainEntity": {"@type": "schema:NewsArticle"}},
    ],
    ids=["news-article", "graph", "list", "nested"],
)
@pytest.mark.parametrize("shell", [SCRIPT_RENDERED, NOTICE_ONLY], ids=["empty", "notice"])
def test_a_script_rendered_page_is_read_from_its_json_ld_body(data: Any, shell: str) -> None:
    article = data[1] if isinstance(data, list) else data.get("mainEntity") or (data.get("@graph") or [data])[-1]
    article["articleBody"] = f"{LEAD}\n\n{SECOND}"
    document = read(page(shell, json_ld(data)))
    assert [block.text for block in document.blocks] == [LEAD, SECOND]


def test_a_json_ld_body_in_markup_is_read_as_its_text() -> None:
    quoted = SECOND.replace("emergency", "&quot;emergency&quot;")
    data = {"@type": "NewsArticle", "articleBody": f"<p>{LEAD}</p><p>{quoted}</p>"}
    document = read(page(SCRIPT_RENDERED, json_ld(data)))
    assert [b.text for b in document.blocks] == [LEAD, SECOND.replace("emergency", '"emergency"')]


def test_the_pages_own_text_stands_where_it_tells_more_than_its_json_ld_body() -> None:
    teaser = "Two people died in Marrowick."
    document = read(page(f"<article>{STORY}</article>", json_ld({"@type": "NewsArticle", "articleBody": teaser})))
    assert kept(document) == f"{LEAD} {SECOND}"


def test_a_json_ld_body_stands_in_for_a_teaser_the_page_shows() -> None:
    body = f"{LEAD} {SECOND} An independent inquiry into the collapse will begin on Wednesday, the county said."
    html = page(f"<article><p>{LEAD}</p><p>Subscribe to read the full story.</p></article>",
                json_ld({"@type": "NewsArticle", "articleBody": body}))
    assert "inquiry" in kept(read(html))


# 3. The page's title as the headline


@pytest.mark.parametrize(
    ("head", "title"),
    [
        (json_ld({"@type": "NewsArticle", "headline": "Bridge collapse kills two"})
         + '<meta property="og:title" content="Selm Bridge falls">', "Bridge collapse kills two"),
        ('<meta property="og:title" content="Bridge collapse kills two"><title>Home | Ledger</title>',
         "Bridge collapse kills two"),
        ('<meta property="og:site_name" content="The Ledger"><title>Bridge collapse kills two | Ledger</title>',
         "Bridge collapse kills two"),
        ("<title>Ledger News - Bridge collapse kills two</title><meta name=application-name content='Ledger News'>",
         "Bridge collapse kills two"),
        # The site's name is repeated on the page: its logo.
        ('<title>Bridge collapse kills two – Marrowick Echo</title>', "Bridge collapse kills two"),
        # Unknown, the part after a dash may be the headline's own, and a name before it no site's.
        ("<title>Selm Bridge collapse - latest updates</title>", "Selm Bridge collapse - latest updates"),
        ("<title>Ledger News - Bridge collapse kills two</title>", "Ledger News - Bridge collapse kills two"),
    ],
    ids=["json-ld", "og-title", "site-name", "site-name-first", "repeated", "no-site-name", "no-site-name-first"],
)
def test_the_pages_title_is_the_headline_where_its_h1_stands_outside_the_story(head: str, title: str) -> None:
    html = page(f'<header><img alt="Marrowick Echo"><h1>{title}</h1></header><article>{STORY}</article>', head)
    assert read(html).headlines[0] == title


def test_the_callers_title_comes_before_the_pages() -> None:
    html = page(f"<article>{STORY}</article>", "<title>Bridge collapse kills two in Marrowick</title>")
    assert read(html, title="Selm Bridge falls").headlines[0] == "Selm Bridge falls"


@pytest.mark.parametrize(
    ("head", "outlet"),
    [
        ('<meta property="og:site_name" content="Marrowick Evening Echo"><title>Marrowick Evening Echo</title>', None),
        ("<title>Marrowick Evening Echo</title>", "Marrowick Evening Echo"),
        ("<title>Echo</title>", None),
    ],
    ids=["site-name", "outlet", "one-word"],
)
def test_the_outlets_name_alone_is_no_headline(head: str, outlet: str | None) -> None:
    assert read(page(f"<article>{STORY}</article>", head), outlet=outlet).headlines == []


def test_the_pages_title_is_the_briefs_headline_and_its_sources_title() -> None:
    html = page(f"<article>{STORY}</article>", "<title>Bridge collapse kills two in Marrowick</title>")
    brief = summarize([Article(id="h", html=html), Article(id="t", text=OTHER)], EXTRACTIVE)
    assert brief.headline == "Bridge collapse kills two in Marrowick"
    assert brief.sources[0].title == "Bridge collapse kills two in Marrowick"


# 4. Feeds and binary data


@pytest.mark.parametrize(
    "feed",
    [
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Ledger</title>'
        f"<item><title>Bridge collapse</title><description>{LEAD}</description></item></channel></rss>",
        '<?xml version="1.0"?>\n<!-- generated --><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Bridge'
        f"</title><content>{LEAD}</content></entry></feed>",
        f"<rss><channel><item><description>{LEAD}</description></item></channel></rss>",
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><channel>'
        f"<title>Ledger</title></channel><item><description>{LEAD}</description></item></rdf:RDF>",
    ],
    ids=["rss", "atom", "rss-no-declaration", "rdf"],
)
def test_a_feed_sent_as_a_page_is_an_input_error(feed: str) -> None:
    with pytest.raises(InputError, match=r"article 'feed' is a news feed .* send each of its items as an article"):
        summarize([Article(id="feed", html=feed)], EXTRACTIVE)


def test_an_xhtml_page_with_an_xml_declaration_is_a_page() -> None:
    xhtml = '<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
    html = f"{xhtml}<body>{STORY}</body></html>"
    assert kept(read(html)) == f"{LEAD} {SECOND}"


def pdf_bytes() -> str:
    noise = random.Random(0).randbytes(20_000)
    stream = zlib.compress(noise + (LEAD * 50).encode())
    data = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    data += b"3 0 obj\n<< /Length 5 /Filter /FlateDecode >>\n"
    return (data + b"stream\n" + stream + b"\nendstream\nendobj\n%%EOF\n").decode("latin-1")


@pytest.mark.parametrize("field", ["text", "html"])
def test_binary_data_sent_as_text_or_html_is_an_input_error(field: str) -> None:
    article = Article(id="x", **{field: pdf_bytes()})
    with pytest.raises(InputError, match=r"article 'x' looks like binary data \(a PDF\?\), not text"):
        summarize([article, Article(id="t", text=OTHER)], EXTRACTIVE)


@pytest.mark.parametrize(
    "text",
    [
        "马罗维克的塞尔姆大桥周二晚间坍塌，造成两人死亡，警方表示。救援人员从河中救出四人。调查将于周三开始。",
        "قالت الشرطة إن شخصين لقيا حتفهما عندما انهار جسر سيلم في ماروويك مساء الثلاثاء.\u200f"
        " وأنقذت فرق الطوارئ أربعة أشخاص.",
        "Два человека погибли, когда во вторник вечером обрушился мост Селм в Марровике, сообщила полиция.",
        "🚨🌉 2 dead, 4 rescued 🚒🚒 #Marrowick 12/03 21:40 ➡️ 3 cars, 1962 bridge 👷‍♀️ 💔💔💔 +44 (0)20 7946 0958 ✅",
        "The company’s site manager said “none” of the 11 workers — all of them — was hurt. A second line.\f\n",
    ],
    ids=["chinese", "arabic", "russian", "emoji-and-numbers", "curly-quotes-and-a-form-feed"],
)
def test_text_in_any_script_with_emoji_and_numbers_is_no_binary_data(text: str) -> None:
    assert not looks_binary(text)
    assert not looks_binary(f"<html><body><p>{text}</p></body></html>")


def test_a_few_control_characters_in_text_are_no_binary_data() -> None:
    assert not looks_binary(f"{LEAD}\x00\x1b[31m{SECOND}\x7f\x85\ufffd")
    assert looks_binary(pdf_bytes()) and looks_binary(pdf_bytes().encode("latin-1").decode("utf-8", "replace"))


# 5. Markup nested past what the parser reads


def test_a_page_nested_past_the_parsers_depth_says_so() -> None:
    deep = page("<div>" * 300 + f"<article>{STORY}</article>" + "</div>" * 300)
    with pytest.raises(InputError, match=r"article 'h': its HTML is nested deeper than .* could not be read"):
        summarize([Article(id="h", html=deep), Article(id="t", text=OTHER)], EXTRACTIVE)


def test_a_page_read_above_the_depth_it_was_nested_past_is_summarized_with_a_warning() -> None:
    deep = page(f"<article>{STORY}</article>" + "<div>" * 300 + "x" + "</div>" * 300)
    brief = summarize([Article(id="h", html=deep), Article(id="t", text=OTHER)], EXTRACTIVE)
    assert any("'h'" in w and "only what lies above that depth was read" in w for w in brief.warnings)
    assert any(c.article_id == "h" for s in brief.sentences for c in s.citations)


# 6. The text that citations' offsets point into


def test_a_pages_source_holds_the_text_its_offsets_point_into() -> None:
    html = page(f'<nav><a href="/">Home</a></nav><article><h1>Selm Bridge collapse</h1>{STORY}</article>')
    brief = summarize([Article(id="h", html=html), Article(id="t", text=OTHER)], EXTRACTIVE)
    sources = {s.id: s for s in brief.sources}
    assert sources["t"].text is None
    text = sources["h"].text
    assert text is not None and LEAD in text
    cited = [c for s in brief.sentences for c in s.citations if c.article_id == "h"]
    assert cited and all(text[c.start : c.end] in (LEAD, SECOND) for c in cited)


def test_a_sources_text_is_in_the_json_and_in_no_rendered_brief() -> None:
    source_text = "The whole text read from the page, which no rendered brief prints."
    brief = Brief(
        headline="Bridge collapse kills two",
        method="extractive",
        sentences=[BriefSentence(text=LEAD, citations=[Citation(article_id="h", sentence=0, start=0, end=9, score=1)])],
        sources=[Source(id="h", outlet="Ledger", title="Bridge collapse kills two", text=source_text)],
    )
    assert source_text in render(brief, "json")
    for fmt in ("markdown", "text", "html"):
        assert source_text not in render(brief, fmt)
