"""A page sent as markup: the text of its story and its own title.

trafilatura reads the story (its precision mode, tables left out). Where that gives no prose (a
page laid out in a table, a page drawn by scripts whose body is empty), its recall mode with
tables reads the page again, and a JSON-LD `articleBody` (schema.org's Article and its kinds,
also inside `@graph`, a list or another node) is read where the page's own text tells no more
prose than it. The title is the page's headline as its head gives it (JSON-LD `headline`,
og:title, <title>), without the site's name. A feed is no page: the caller is told so rather than
given a brief of it.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import lxml.html
from lxml import etree

from service.errors import InputError
from service.text import is_prose, word_count

# A feed's root element (RSS, Atom, RSS 1.0's RDF), after an XML declaration, comments or a doctype.
_FEED_ROOT = re.compile(
    r"\ufeff?\s*(?:(?:<\?[^>]*>|<!--.*?-->|<!DOCTYPE[^>]*>)\s*)*<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE | re.DOTALL
)
_CHANNEL = re.compile(r"<channel[\s>]", re.I)

# libxml2 reads HTML nested up to this depth and drops what lies deeper. Its huge-tree option
# reads deeper, but trafilatura's time grows with depth times size (20 branches 2,000 levels deep
# took minutes), so a page nested deeper is refused rather than read.
MAX_DEPTH = 256

_CLOSING_ROOT = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)

# trafilatura writes a table row as "| cell | cell |" and a header's rule as "|---|---|".
_TABLE_ROW = re.compile(r"^\|\s(.*)\s\|$")
_TABLE_RULE = re.compile(r"^\|(?:-+\|)+$")

# Tags inside a JSON-LD body: those that end a paragraph become a line break, the rest go.
_PARAGRAPH_TAG = re.compile(r"<(?:br|/p|/div|/h[1-6]|/li)\b[^<>]*>", re.I)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
# What sets a site's name off a page's title: "Bridge collapse kills two | The Ledger",
# "Ledger News - Bridge collapse kills two".
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-–—·•]|::)\s+")
# A headline's length, as the clean stage takes a headline line of a report's text.
MIN_TITLE_WORDS, MAX_TITLE_WORDS = 3, 25


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    # The page's own headline, never its site's name alone; None where the page gives none.
    title: str | None
    # Said to the caller: the page was nested deeper than it can be read, and part of it was lost.
    warning: str | None = None


def read_page(markup: str, article_id: str, site_names: Iterable[str] = ()) -> Page:
    """The story's text and the page's title; `site_names` (the outlet's, as the caller gives
    it) are no headline, nor are the names the page gives its site."""
    if _FEED_ROOT.match(markup) or (markup.lstrip("\ufeff \t\r\n").startswith("<?xml") and _CHANNEL.search(markup)):
        raise InputError(
            f"article {article_id!r} is a news feed (RSS or Atom), not a page: send each of its items as an article"
        )
    # A page that closes its <body> or <html> before its end still shows what follows in a
    # browser; read as the end, the closing tag would lose it.
    markup = _CLOSING_ROOT.sub("", markup)
    tree, too_deep = _parsed(markup)
    articles = list(_json_ld_articles(tree)) if tree is not None else []
    text = _extract(markup, precise=True)
    if not _prose_words(text):
        text = _table_cells_as_lines(_extract(markup, precise=False))
    bodies = [_body_text(a["articleBody"]) for a in articles if isinstance(a.get("articleBody"), str)]
    body = max(bodies, key=_prose_words, default="")
    if (words := _prose_words(body)) and _prose_words(text) <= words:
        text = body
    warning = None
    if too_deep:
        nested = f"article {article_id!r}: its HTML is nested deeper than the {MAX_DEPTH} levels a parser reads"
        if not _prose_words(text):
            raise InputError(f"{nested}, so it could not be read")
        warning = f"{nested}; only what lies above that depth was read"
    title = _title(tree, markup, articles, site_names) if tree is not None else None
    return Page(text=text, title=title, warning=warning)


def _parsed(markup: str) -> tuple[Any, bool]:
    """The page's tree (None for no markup at all), and whether it was nested past MAX_DEPTH."""
    parser = lxml.html.HTMLParser(encoding="utf-8", collect_ids=False, remove_comments=True, remove_pis=True)
    try:
        # Bytes, with the encoding given: a string that declares its own encoding is refused.
        tree = lxml.html.document_fromstring(markup.encode("utf-8", "replace"), parser=parser)
    except etree.ParserError:
        return None, False
    too_deep = any("depth" in error.message.lower() for error in parser.error_log)
    return tree, too_deep


def _extract(markup: str, precise: bool) -> str:
    import trafilatura  # only HTML input pays for the import

    def extract(document: str) -> str | None:
        return trafilatura.extract(
            document,
            include_comments=False,
            include_tables=not precise,
            favor_precision=precise,
            favor_recall=not precise,
        )

    # trafilatura reads nothing from a fragment of nested blocks with no <body> around it.
    if extracted := extract(markup):
        return extracted
    return "" if "<body" in markup.lower() else extract(f"<html><body>{markup}</body></html>") or ""


def _prose_words(text: str) -> int:
    """Words in the lines of `text` that read as prose: how much of a story it tells."""
    return sum(word_count(line) for line in text.split("\n") if is_prose(line))


def _table_cells_as_lines(text: str) -> str:
    """A page laid out in a table holds its story in a cell: each cell is a line of its own."""
    lines: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if _TABLE_RULE.match(line):
            continue
        if row := _TABLE_ROW.match(line):
            lines.extend(cell.strip() for cell in row.group(1).split(" | "))
        else:
            lines.append(line)
    return "\n".join(lines)


def _json_ld_articles(tree: Any) -> Iterator[dict[str, Any]]:
    """The schema.org Article nodes (NewsArticle, ReportageNewsArticle, …) of the page's JSON-LD."""
    for script in tree.iter("script"):
        if not (script.get("type") or "").strip().lower().startswith("application/ld+json") or not script.text:
            continue
        try:
            # Pages write raw line breaks inside JSON-LD strings, which strict JSON refuses.
            data = json.loads(script.text, strict=False)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(reversed(node))
            elif isinstance(node, dict):
                if _is_article(node.get("@type")):
                    yield node
                stack.extend(reversed([v for v in node.values() if isinstance(v, (list, dict))]))


def _is_article(kind: object) -> bool:
    kinds = kind if isinstance(kind, list) else [kind]
    # "NewsArticle", "schema:NewsArticle", "https://schema.org/NewsArticle".
    return any(isinstance(k, str) and re.split(r"[/:]", k)[-1].endswith("Article") for k in kinds)


def _body_text(body: str) -> str:
    """A JSON-LD body as text: some pages write markup or entities into it."""
    return html_lib.unescape(_TAG.sub("", _PARAGRAPH_TAG.sub("\n", body))).strip()


def _title(tree: Any, markup: str, articles: list[dict[str, Any]], site_names: Iterable[str]) -> str | None:
    """The first of JSON-LD's headline, og:title and <title> that reads as a headline and is more
    than the site's name."""
    publishers = [a["publisher"] for a in articles if isinstance(a.get("publisher"), dict)]
    names = [*site_names, *_meta(tree, "og:site_name"), *_meta(tree, "application-name")]
    names += [p["name"] for p in publishers if isinstance(p.get("name"), str)]
    sites = {_name_key(name) for name in names} - {""}
    headlines = [a["headline"] for a in articles if isinstance(a.get("headline"), str)]
    titles = [t.text_content() for t in tree.iter("title")][:1]
    for candidate in [*headlines, *_meta(tree, "og:title"), *titles]:
        title = _without_site_name(" ".join(html_lib.unescape(candidate).split()), sites, markup)
        if MIN_TITLE_WORDS <= word_count(title) <= MAX_TITLE_WORDS and _name_key(title) not in sites:
            return title
    return None


def _meta(tree: Any, name: str) -> list[str]:
    named = (m for m in tree.iter("meta") if name in (m.get("property"), m.get("name")))
    return [str(m.get("content")) for m in named if m.get("content")]


def _name_key(name: str) -> str:
    """A site's name as compared: "The Northern Ledger" and "northern ledger" are one."""
    return re.sub(r"^the ", "", " ".join(re.findall(r"\w+", name.casefold())))


def _without_site_name(title: str, sites: set[str], markup: str) -> str:
    """`title` without the site's name set off at its end or start: a name the page gives its
    site, or at the end one it repeats outside its title, shorter than the headline it follows (a
    headline repeated in an <h1> is no site's name)."""
    separators = list(_TITLE_SEPARATOR.finditer(title))
    if not separators:
        return title
    last, first = separators[-1], separators[0]
    suffix, prefix, rest = title[last.end() :], title[: first.start()], title[: last.start()]
    if _name_key(suffix) in sites:
        return rest
    if _name_key(prefix) in sites:
        return title[first.end() :]
    if markup.count(suffix) > markup.count(title) and word_count(suffix) < word_count(rest):
        return rest
    return title
