"""A page sent as markup: the text of its story and its own title.

trafilatura reads the story (its precision mode, tables left out), without what a browser never
shows as it (a <template>'s content, a social network's post embedded in the page). Where that
gives no prose, a page laid out in tables is read again with its cells as blocks, and then its
recall mode reads the page (a page drawn by scripts whose body is empty); a JSON-LD `articleBody`
(schema.org's Article and its kinds, a blog post, a live blog's updates, also inside `@graph`, a
list or another node) is read where the page's own text tells no more prose than it. The title
is the page's headline as its head gives it (JSON-LD `headline`, og:title, <title>), without the
site's name. A feed is no page: the caller is told so rather than given a brief of it.
"""

from __future__ import annotations

import functools
import html as html_lib
import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

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


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


# What a browser never shows as the story: an inert <template> (a declarative shadow root is
# shown), and a post embedded by a social network's embed code, which its script draws as a card.
_EMBED_CLASSES = (
    "twitter-tweet twitter-video instagram-media tiktok-embed fb-post fb-video fb-xfbml-parse-ignore "
    "text-post-media bluesky-embed mastodon-embed reddit-embed-bq reddit-card imgur-embed-pub tumblr-post"
).split()
_UNSHOWN = [
    "//template[not(@shadowrootmode) and not(@shadowroot)]",
    f"//*[self::blockquote or self::div][{' or '.join(map(_has_class, _EMBED_CLASSES))}]",
]
# A table laid out as a page: its cells read as blocks, each of its paragraphs a line of its own.
_TABLE_TAGS = ("table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td")

# Where its own reading is short, trafilatura falls back on readability and justext, whose time
# grows with the square of a run of short blocks and with each block's depth (4,000,000 characters
# of either took minutes): a page with more elements or blocks of text than a news page has is read
# without them.
MAX_FALLBACK_ELEMENTS, MAX_FALLBACK_BLOCKS = 10_000, 3_000
_INLINE = frozenset("a abbr b cite code em font i label mark q small span strong sub sup time u".split())

# Tags inside a JSON-LD body: those that end a paragraph become a line break, the rest go.
_PARAGRAPH_TAG = re.compile(r"<(?:br|/p|/div|/h[1-6]|/li)\b[^<>]*>", re.I)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
# What sets a site's name off a page's title: "Bridge collapse kills two | The Ledger",
# "Ledger News - Bridge collapse kills two".
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-–—·•]|::)\s+")
# A headline's length, as the clean stage takes a headline line of a report's text.
MIN_TITLE_WORDS, MAX_TITLE_WORDS = 3, 25
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# A link's path to a site's front page: "/", "https://echo.example", "./", "/index.html".
_HOME_PATH = re.compile(r"[./]*(?:index\.\w+)?")


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
    text = _story(tree) if tree is not None else ""
    body = max(map(_article_body, articles), key=_prose_words, default="")
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


def _story(tree: Any) -> str:
    """The story's text: read in precision mode, else from the page's tables as blocks, else in
    recall mode. Changes the tree's tables."""
    fast = _too_large_for_fallback(tree)
    if _prose_words(text := _extract(tree, precise=True, fast=fast)):
        return text
    # Without its fallbacks, precision mode reads no text that lies bare in a block, as a cell's
    # does: the tables become blocks, for the recall pass too.
    has_tables = _tables_as_blocks(tree) > 0
    if has_tables and not fast and _prose_words(text := _extract(tree, precise=True, fast=False)):
        return text
    return _extract(tree, precise=False, fast=fast)


def _extract(tree: Any, precise: bool, fast: bool) -> str:
    """The story trafilatura reads from the page's tree (which it copies, not changes): a tree,
    unlike markup, is read also where it is a fragment with no <body> around it."""
    import trafilatura  # only HTML input pays for the import

    return (
        trafilatura.extract(
            tree,
            include_comments=False,
            include_tables=False,
            favor_precision=precise,
            favor_recall=not precise,
            fast=fast,
            prune_xpath=_UNSHOWN,
        )
        or ""
    )


def _too_large_for_fallback(tree: Any) -> bool:
    """Whether the page has more elements, or blocks that hold text, than trafilatura's fallbacks
    read in time."""
    elements = blocks = 0
    for element in tree.iter():
        elements += 1
        blocks += element.tag not in _INLINE and bool((element.text or "").strip())
    return elements > MAX_FALLBACK_ELEMENTS or blocks > MAX_FALLBACK_BLOCKS


def _tables_as_blocks(tree: Any) -> int:
    """Turns the page's tables into blocks, in place; how many elements it changed."""
    cells = list(tree.iter(*_TABLE_TAGS))
    for cell in cells:
        cell.tag = "div"
    return len(cells)


def _prose_words(text: str) -> int:
    """Words in the lines of `text` that read as prose: how much of a story it tells."""
    return sum(word_count(line) for line in text.split("\n") if is_prose(line))


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
                # A live blog's updates are read as part of it: their headlines are none of the page's.
                nested = [v for k, v in node.items() if isinstance(v, (list, dict)) and k != "liveBlogUpdate"]
                stack.extend(reversed(nested))


def _is_article(kind: object) -> bool:
    kinds = kind if isinstance(kind, list) else [kind]
    # "NewsArticle", "schema:NewsArticle", "https://schema.org/NewsArticle", and the kinds of
    # Article whose names do not say so: a blog's post and a live blog.
    names = [re.split(r"[/:]", k)[-1] for k in kinds if isinstance(k, str)]
    return any(name.endswith("Article") or name in ("BlogPosting", "LiveBlogPosting") for name in names)


def _article_body(article: dict[str, Any]) -> str:
    """An Article's `articleBody` as text; a live blog's is followed by its updates', in the order it
    lists them."""
    updates = article.get("liveBlogUpdate")
    updates = updates if isinstance(updates, list) else [updates]
    parts = [article, *(u for u in updates if isinstance(u, dict))]
    return "\n".join(_body_text(p["articleBody"]) for p in parts if isinstance(p.get("articleBody"), str)).strip()


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
    # An <svg>'s <title> names a picture (an icon's "Share on Facebook"), not the page.
    titles = [t.text_content() for t in tree.xpath("//title[not(ancestor::svg)]")][:1]
    # The page as it reads, its entities decoded and its spaces one as a title's are: read once, if at all.
    text = functools.cache(lambda: " ".join(html_lib.unescape(markup).split()))
    for candidate in [*headlines, *_meta(tree, "og:title"), *titles]:
        title = _without_site_name(" ".join(html_lib.unescape(candidate).split()), sites, tree, text)
        if MIN_TITLE_WORDS <= word_count(title) <= MAX_TITLE_WORDS and _name_key(title) not in sites:
            return title
    return None


def _meta(tree: Any, name: str) -> list[str]:
    named = (m for m in tree.iter("meta") if name in (m.get("property"), m.get("name")))
    return [str(m.get("content")) for m in named if m.get("content")]


def _name_key(name: str) -> str:
    """A site's name as compared: "The Northern Ledger" and "northern ledger" are one."""
    return re.sub(r"^the ", "", " ".join(re.findall(r"\w+", name.casefold())))


def _without_site_name(title: str, sites: set[str], tree: Any, text: Callable[[], str]) -> str:
    """`title` without the site's name set off at its end or start: a name the page gives its
    site, or its masthead (a heading that links home) reads; else the part its heading leaves off
    where the heading reads the longer rest of the title; else at the end one it repeats outside
    its title, shorter than the headline it follows."""
    separators = list(_TITLE_SEPARATOR.finditer(title))
    if not separators:
        return title
    last, first = separators[-1], separators[0]
    suffix, prefix = title[last.end() :], title[: first.start()]
    rest, after = title[: last.start()], title[first.end() :]
    shown, mastheads = _headings(tree, {title, rest, after, suffix, prefix})
    if _name_key(suffix) in sites or suffix in mastheads:
        return rest
    if _name_key(prefix) in sites or prefix in mastheads:
        return after
    if title not in shown:
        if rest in shown and word_count(suffix) < word_count(rest):
            return rest
        if after in shown and word_count(prefix) < word_count(after):
            return after
    if text().count(suffix) > text().count(title) and word_count(suffix) < word_count(rest):
        return rest
    return title


def _headings(tree: Any, texts: set[str]) -> tuple[set[str], set[str]]:
    """Those of `texts` that a heading of the page (<h1> to <h6>) reads, and those a masthead
    reads: a heading that is all a link home, as a site's name and logo are. A heading that is
    all a link elsewhere tells neither (a section's name, a story's own link)."""
    shown: set[str] = set()
    mastheads: set[str] = set()
    for heading in tree.iter(*_HEADINGS):
        # A heading's first few pieces of text suffice to tell a headline, and cost no more for a
        # heading that holds the page.
        read = " ".join("".join(itertools.islice(heading.itertext(), 8)).split())
        if read not in texts:
            continue
        link = _link_around(heading, read)
        if link is None:
            shown.add(read)
        elif _links_home(link):
            mastheads.add(read)
    return shown, mastheads


def _link_around(heading: Any, read: str) -> Any:
    """The link that holds all of `heading`'s text `read`, if one does: around it or inside it."""
    link = next(heading.iterancestors("a"), None)
    if link is not None:
        return link
    link = next(heading.iter("a"), None)
    return link if link is not None and " ".join(link.text_content().split()) == read else None


def _links_home(link: Any) -> bool:
    """Whether `link` leads to a site's front page ("/", rel="home"); an empty or "#" one leads nowhere."""
    href = (link.get("href") or "").strip()
    if "home" in (link.get("rel") or "").split():
        return True
    if not href or href.startswith(("#", "?")):
        return False
    try:
        parts = urlsplit(href)
    except ValueError:  # a page's markup may hold any href ("http://[")
        return False
    return not parts.query and bool(_HOME_PATH.fullmatch(parts.path))
