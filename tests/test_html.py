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

from conftest import no_model_pipeline, within_seconds
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


# 7. What a browser never shows as the story: a template's content, a social network's embedded post

ASIDE = "The Dunmere ferry will stop running at the end of the month, the Harrowgate council said on Monday."
POST = "Watched the water pour over the Selm Bridge rail from the quay tonight, never seen the river this high."


def test_a_templates_content_is_not_read_as_story_text() -> None:
    inert = f"<template><p>{ASIDE}</p></template>"
    html = page(f"<article><p>{LEAD}</p>{inert}<p>{SECOND}</p></article><template><div>{inert}</div></template>")
    document = read(html)
    assert kept(document) == f"{LEAD} {SECOND}"
    assert "Dunmere" not in document.text


@pytest.mark.parametrize("attribute", ["shadowrootmode", "shadowroot"])
def test_a_declarative_shadow_roots_template_is_read_as_the_browser_shows_it(attribute: str) -> None:
    html = page(f'<article><div><template {attribute}="open"><p>{ASIDE}</p></template></div>{STORY}</article>')
    assert ASIDE in read(html).text


@pytest.mark.parametrize(
    "embed",
    [
        '<blockquote class="twitter-tweet" data-theme="light"><p lang="en">{post}</p>&mdash; Una Pell (@unapell) '
        '<a href="https://example.com/unapell/status/1">March 12, 2024</a></blockquote>',
        '<blockquote class="instagram-media" data-instgrm-version="14"><div><p>{post}</p>'
        "<p>A post shared by Una Pell (@unapell)</p></div></blockquote>",
        '<blockquote class="tiktok-embed" cite="https://example.com/@unapell/video/1"><section><p>{post}</p>'
        "</section></blockquote>",
        '<div class="fb-post" data-href="https://example.com/unapell/posts/1">'
        '<blockquote class="fb-xfbml-parse-ignore"><p>{post}</p>Posted by Una Pell</blockquote></div>',
        '<blockquote class="bluesky-embed" data-bluesky-uri="at://example/1"><p lang="en">{post}</p></blockquote>',
    ],
    ids=["twitter", "instagram", "tiktok", "facebook", "bluesky"],
)
def test_a_social_networks_post_embedded_in_the_story_is_not_read(embed: str) -> None:
    script = '<script async src="https://example.com/embed.js"></script>'
    document = read(page(f"<article><p>{LEAD}</p>{embed.format(post=POST)}{script}<p>{SECOND}</p></article>"))
    assert kept(document) == f"{LEAD} {SECOND}"
    assert "quay" not in document.text and "Una Pell" not in document.text


def test_a_quotation_set_in_a_blockquote_is_read_as_the_storys() -> None:
    quoted = "We heard a crack and then the whole span went into the river, said Una Pell, who lives by the bridge."
    document = read(page(f'<article><p>{LEAD}</p><blockquote class="pull-quote"><p>{quoted}</p></blockquote>'
                         f"<p>{SECOND}</p></article>"))
    assert quoted in document.text


# 8. A page laid out in tables, a huge page, a fragment


THIRD = "An independent inquiry into the collapse will begin on Wednesday, the Marrowick county council said."
MENU = '<a href="/">Home</a><br><a href="/news">News</a><br><a href="/sport">Sport</a>'


@pytest.mark.parametrize(
    "cell",
    [f"<p>{LEAD}</p><p>{SECOND}</p><p>{THIRD}</p>", f"{LEAD}<br><br>{SECOND}<br><br>{THIRD}"],
    ids=["paragraphs", "line-breaks"],
)
def test_a_page_laid_out_in_tables_reads_each_paragraph_of_its_story_cell_as_a_block(cell: str) -> None:
    html = page(
        '<table width="100%"><tr><td colspan="2"><b>Marrowick Evening Echo</b></td></tr>'
        f'<tr><td width="150">{MENU}</td><td><table><tr><td>{cell}</td></tr></table></td></tr>'
        '<tr><td colspan="2">Copyright 2024 Marrowick Evening Echo</td></tr></table>'
    )
    document = read(html)
    assert [block.text for block in document.blocks] == [LEAD, SECOND, THIRD]
    assert "|" not in document.text


def test_a_page_laid_out_in_tables_leaves_its_menu_and_footer_cells_out() -> None:
    html = page(
        '<table><caption>Marrowick Evening Echo</caption><tr><th>News</th></tr>'
        f"<tr><td>{MENU}</td></tr><tr><td><p>{LEAD}</p><p>{SECOND}</p></td><td>Weather: rain</td></tr>"
        "<tr><td>Copyright 2024 Marrowick Evening Echo</td></tr></table>"
    )
    document = read(html)
    assert document.text.split("\n") == [LEAD, SECOND]


def test_a_huge_page_of_short_blocks_is_read_in_seconds() -> None:
    # trafilatura's fallbacks take over a minute on a page of 20,000 short blocks.
    filler = "".join(f'<div class="item">Item {i}</div>' for i in range(20_000))
    html = page(f"<article>{STORY}</article>{filler}")
    with within_seconds(10, "a huge page was read with trafilatura's fallbacks"):
        document = read(html)
    assert LEAD in kept(document) and SECOND in kept(document)


@pytest.mark.parametrize(
    "fragment",
    [
        f"<div><div><p>{LEAD}</p><p>{SECOND}</p></div></div>",
        f"<div><div><p>{LEAD}</p><p>{SECOND}</p></div></div><!-- the <body> of the export -->",
        f"<div><bodytext><div><p>{LEAD}</p><p>{SECOND}</p></div></bodytext></div>",
    ],
    ids=["nested-blocks", "body-named-in-a-comment", "bodytext-element"],
)
def test_a_fragment_with_no_body_around_it_gives_its_story(fragment: str) -> None:
    assert [block.text for block in read(fragment).blocks] == [LEAD, SECOND]


# 9. A blog's post and a live blog's JSON-LD body


@pytest.mark.parametrize(
    "kind", ["BlogPosting", "https://schema.org/BlogPosting", ["LiveBlogPosting"]], ids=["blog", "url", "live"]
)
@pytest.mark.parametrize("shell", [SCRIPT_RENDERED, NOTICE_ONLY], ids=["empty", "notice"])
def test_a_script_rendered_blog_post_is_read_from_its_json_ld_body(kind: object, shell: str) -> None:
    document = read(page(shell, json_ld({"@type": kind, "articleBody": f"{LEAD}\n\n{SECOND}"})))
    assert [block.text for block in document.blocks] == [LEAD, SECOND]


LIVE_BLOG = {
    "@context": "https://schema.org",
    "@type": "LiveBlogPosting",
    "headline": "Selm Bridge collapse in Marrowick: live updates",
    "articleBody": LEAD,
    "liveBlogUpdate": [
        {"@type": "BlogPosting", "headline": "Four rescued from the river", "articleBody": f"<p>{SECOND}</p>"},
        {"@type": "BlogPosting", "headline": "Update without a body"},
        {"@type": "BlogPosting", "headline": "County orders an inquiry", "articleBody": THIRD},
    ],
}


@pytest.mark.parametrize(
    "body",
    [SCRIPT_RENDERED, f"<article><p>{LEAD}</p><p>Follow our live coverage of the collapse.</p></article>"],
    ids=["script-rendered", "teaser"],
)
def test_a_live_blogs_json_ld_body_is_read_with_its_updates_in_the_order_it_lists_them(body: str) -> None:
    document = read(page(body, json_ld(LIVE_BLOG)))
    assert [block.text for block in document.blocks] == [LEAD, SECOND, THIRD]


def test_a_live_blogs_single_update_is_read_after_its_body() -> None:
    update = {"@type": "BlogPosting", "articleBody": SECOND}
    data = {"@type": "LiveBlogPosting", "articleBody": LEAD, "liveBlogUpdate": update}
    document = read(page(SCRIPT_RENDERED, json_ld(data)))
    assert [block.text for block in document.blocks] == [LEAD, SECOND]


def test_a_live_blogs_update_headline_is_not_the_pages_title() -> None:
    data = {key: value for key, value in LIVE_BLOG.items() if key != "headline"}
    html = page(SCRIPT_RENDERED, json_ld(data) + "<title>Selm Bridge collapse in Marrowick: live updates</title>")
    assert read(html).headlines[0] == "Selm Bridge collapse in Marrowick: live updates"


def test_the_pages_own_text_stands_where_it_tells_more_than_its_live_blogs_body() -> None:
    data = {"@type": "LiveBlogPosting", "articleBody": "Live: the Selm Bridge has fallen, police said."}
    document = read(page(f"<article><p>{LEAD}</p><p>{SECOND}</p><p>{THIRD}</p></article>", json_ld(data)))
    assert [block.text for block in document.blocks] == [LEAD, SECOND, THIRD]


# 10. The page's title: an icon's, and the site's name its heading leaves off

HEADLINE = "Harbour wall fails in storm"
ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><title>Share on Facebook</title><path d="M0 0h24v24H0z"/></svg>'


@pytest.mark.parametrize(
    "html",
    [
        f"<html><head>{ICON}<title>{HEADLINE}</title></head><body><article>{STORY}</article></body></html>",
        f"<html><body>{ICON}<title>{HEADLINE}</title><article>{STORY}</article></body></html>",
    ],
    ids=["icon-in-head", "no-head"],
)
def test_an_icons_svg_title_before_the_pages_title_is_not_the_headline(html: str) -> None:
    assert read(html).headlines[0] == HEADLINE


def test_a_page_whose_only_title_is_an_icons_has_no_headline() -> None:
    assert read(page(f"<header>{ICON}</header><article>{STORY}</article>")).headlines == []


@pytest.mark.parametrize(
    ("title", "heading", "headline"),
    [
        (f"{HEADLINE} | Velmora Gazette", f"<h1>{HEADLINE}</h1>", HEADLINE),
        (f"Velmora Gazette - {HEADLINE}", f"<h1>{HEADLINE}</h1>", HEADLINE),
        (f"{HEADLINE} – Velmora Gazette", '<h2 class="headline"><span>Harbour wall</span> fails in storm</h2>',
         HEADLINE),
        ("Harbour wall &amp; pier fail | Velmora Gazette", "<h1>Harbour wall &amp; pier fail</h1>",
         "Harbour wall & pier fail"),
        ("Harbour wall fails - what we know | Velmora Gazette", "<h1>Harbour wall fails - what we know</h1>",
         "Harbour wall fails - what we know"),
    ],
    ids=["suffix", "prefix", "dash-and-inline-markup", "entity", "separator-in-headline"],
)
def test_the_site_name_the_pages_heading_leaves_off_its_title_goes(title: str, heading: str, headline: str) -> None:
    # The site's name appears nowhere else on the page, nor does the page name its site.
    html = page(f"<article>{heading}{STORY}</article>", f"<title>{title}</title>")
    assert read(html).headlines[0] == headline


SITE = "The Marrowick Evening Echo"
SHORT_HEADLINE = "Storm floods harbour"  # fewer words than the site's name


@pytest.mark.parametrize(
    ("title", "masthead"),
    [
        (f"{SHORT_HEADLINE} | {SITE}", f'<h1 class="site-title"><a href="/">{SITE}</a></h1>'),
        (f"{SITE} | {SHORT_HEADLINE}", f'<h1 class="site-title"><a href="/">{SITE}</a></h1>'),
        (f"{SHORT_HEADLINE} - {SITE}", f'<a href="https://echo.example/"><h2>{SITE}</h2></a>'),
        (f"{SHORT_HEADLINE} | {SITE}", f'<h1><a href="https://echo.example/en/" rel="home">{SITE}</a></h1>'),
    ],
    ids=["suffix", "prefix", "heading-inside-the-link", "rel-home"],
)
def test_the_site_name_a_masthead_linking_home_reads_goes_from_the_title(title: str, masthead: str) -> None:
    # The masthead reads the longer part of the title: it is the site's name all the same.
    html = page(f"<header>{masthead}</header><article>{STORY}</article>", f"<title>{title}</title>")
    assert read(html).headlines[0] == SHORT_HEADLINE


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (f"{HEADLINE} | Velmora Gazette", f"<h1>Storm damage along the coast</h1><p>{HEADLINE}</p>"),
        (f"{HEADLINE} | Velmora Gazette", ""),
        (f"{HEADLINE} - Velmora", f"<h1>{HEADLINE} - Velmora</h1><h2>{HEADLINE}</h2>"),
        (f"Coast news | {HEADLINE} overnight", "<h2>Coast news</h2>"),
        # A heading that is all a link elsewhere is a section's or a story's: it tells neither.
        (f"{SHORT_HEADLINE} | {SITE}", f'<h2><a href="/news/">{SITE}</a></h2>'),
    ],
    ids=["no-heading-reads-a-part", "no-heading", "heading-reads-the-whole", "heading-reads-the-shorter-part",
         "heading-is-a-link-elsewhere"],
)
def test_a_title_keeps_its_full_text_where_no_heading_says_which_part_is_the_sites_name(title: str, body: str) -> None:
    html = page(f"<header>{body}</header><article>{STORY}</article>", f"<title>{title}</title>")
    assert read(html).headlines[0] == title
