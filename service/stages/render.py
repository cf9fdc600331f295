"""Render: build the Brief, and write it as JSON, Markdown, plain text or an HTML fragment."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable
from urllib.parse import quote, urlparse

import msgspec

from service.cluster import Cluster, Draft
from service.models import Brief, BriefSentence, Citation, Conflict, Quote, Source
from service.stories.conflicts import find_conflicts
from service.stories.quotes import key_quote, speaker_of_quote


class Render:
    name = "render"

    def __call__(self, cluster: Cluster) -> Cluster:
        sentences = [
            BriefSentence(
                text=draft.text,
                origin=draft.origin,  # type: ignore[arg-type]
                speaker=_speaker(cluster, draft),
                citations=[
                    Citation(article_id=s.article_id, sentence=s.index, start=s.start, end=s.end, score=score)
                    for s, score in draft.support
                ],
            )
            for draft in cluster.drafts
        ]
        sources = [
            Source(
                id=d.article.id,
                outlet=d.article.outlet,
                url=d.article.url,
                title=d.article.title or (d.headlines[0] if d.headlines else None),
                reprint_of=d.reprint_of,
                rewrite_of=d.rewrite_of,
                text=d.text if d.article.html is not None else None,
            )
            for d in cluster.documents
        ]
        cluster.brief = Brief(
            headline=cluster.headline,
            method=cluster.method,
            sentences=sentences,
            sources=sources,
            warnings=list(cluster.warnings),
            conflicts=find_conflicts(cluster),
            quote=key_quote(cluster),
        )
        return cluster


def _speaker(cluster: Cluster, draft: Draft) -> str | None:
    """The speaker of a brief sentence that is a report's words, not a model's."""
    own = next((s for s, _ in draft.support if s.brief_text == draft.text), None)
    return speaker_of_quote(cluster, own) if own is not None else None


def render(brief: Brief, format: str = "json") -> str:
    """The brief as `json`, `markdown` (or `md`), `text` or `html`."""
    renderers = {"json": to_json, "markdown": to_markdown, "md": to_markdown, "text": to_text, "html": to_html}
    if format not in renderers:
        raise ValueError(f"unknown format {format!r}; choose one of {', '.join(renderers)}")
    return renderers[format](brief)


def rendered(briefs: list[Brief], format: str) -> list[str] | None:
    """Each brief in `format`, as the APIs answer beside the briefs; None for `json`, which they are."""
    return None if format == "json" else [render(brief, format) for brief in briefs]


def to_json(brief: Brief) -> str:
    return msgspec.json.encode(brief).decode()


def _source_numbers(brief: Brief) -> dict[str, int]:
    return {source.id: number for number, source in enumerate(brief.sources, start=1)}


def _cited(sentence: BriefSentence, numbers: dict[str, int]) -> list[int]:
    return sorted(set(_numbered([c.article_id for c in sentence.citations], numbers)))


def _source_label(source: Source) -> str:
    """Outlet and title, or "" where the report has neither (its id then stands alone)."""
    return " — ".join(p for p in (source.outlet, source.title) if p)


def _verbatim(text: str) -> str:
    return text


def _copy_note(source: Source, escape: Callable[[str], str] = _verbatim) -> str:
    if source.reprint_of:
        return f" (reprint of {escape(source.reprint_of)})"
    return f" (rewrite of {escape(source.rewrite_of)})" if source.rewrite_of else ""


# Report text in Markdown stays text. Anywhere in a line these would start markup (an emphasis, a
# link, a code span, a fence) or escape what follows; "<", ">" and "&" become entities, so they
# open no HTML and no quotation…
_MD_INLINE = re.compile(r"[\\`*_\[\]~]")
# …and where a field starts its line these would open a heading or a list item, and a "#" that
# ends a heading would be dropped as its closing mark.
_MD_BLOCK_MARK = re.compile(r"^(?=[#+-])|^[0-9]{1,9}(?=[.)](?: |$))|(?=#$)")


def _md(text: str) -> str:
    """`text` as one line of Markdown that shows it as written: no markup, raw HTML or block of its own."""
    text = _MD_INLINE.sub(r"\\\g<0>", html_lib.escape(" ".join(text.split()), quote=False))
    return _MD_BLOCK_MARK.sub(r"\g<0>\\", text)


def md_code(text: str) -> str:
    """`text` (an id) verbatim in a code span: its fence is longer than any run of backticks in it, and a
    space pads an edge that is a backtick, or both edges where they are spaces (Markdown strips one)."""
    text = re.sub(r"\r\n?|\n", " ", text)  # a line ending would end the list item
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    padded = "`" in (text[:1], text[-1:]) or (text[:1] == text[-1:] == " " and text.strip(" ") != "")
    pad = " " if padded else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _md_url(url: str) -> str:
    """`url` as a link destination that ends where it should: whitespace and control characters
    percent-encoded, parentheses and backslashes escaped."""
    return re.sub(r"[\s\x00-\x1f\x7f]", lambda m: quote(m.group()), re.sub(r"[\\()]", r"\\\g<0>", url))


def to_markdown(brief: Brief) -> str:
    """Every piece of report text goes through `_md`, ids through `md_code`, links through `_md_url`."""
    numbers = _source_numbers(brief)

    def listed_marks(article_ids: list[str]) -> str:
        return f"({', '.join(f'[{n}]' for n in _numbered(article_ids, numbers))})"

    headline = _md(brief.headline)
    blocks = [
        [f"## {headline}"] if headline else [],
        [f"- {_md(s.text)}{_credit(s, _md)} {_md_marks(_cited(s, numbers))}".rstrip() for s in brief.sentences],
    ]
    if brief.quote:
        blocks.append([f"> {_quoted(brief.quote, _md)} {_md_marks(_numbered(brief.quote.article_ids, numbers))}"
                       .rstrip()])
    if brief.conflicts:
        blocks.append(["**Sources differ:**", *("- " + _disagreement(c, listed_marks, _md) for c in brief.conflicts)])
    sources = ["**Sources**", ""]
    for source in brief.sources:
        label = _md(_source_label(source))
        url = _safe_url(source.url)
        link = f"[{label or _md(source.id)}]({_md_url(url)}) " if url else f"{label} " if label else ""
        sources.append(f"{numbers[source.id]}. {link}{md_code(source.id)}{_copy_note(source, _md)}")
    blocks += [sources, [f"> Note: {_md(w)}" for w in brief.warnings]]
    return "\n\n".join("\n".join(block) for block in blocks if block) + "\n"


def to_text(brief: Brief) -> str:
    numbers = _source_numbers(brief)
    lines = [brief.headline, ""]

    def marks(article_ids: list[str]) -> str:
        return _text_marks(_numbered(article_ids, numbers))

    for sentence in brief.sentences:
        lines.append(f"{sentence.text}{_credit(sentence)} {_text_marks(_cited(sentence, numbers))}".rstrip())
    if brief.quote:
        lines += ["", f"{_quoted(brief.quote)} {marks(brief.quote.article_ids)}".rstrip()]
    if brief.conflicts:
        lines += ["", "Sources differ:", *("- " + _disagreement(c, marks) for c in brief.conflicts)]
    lines += ["", "Sources:"]
    for source in brief.sources:
        label = _source_label(source)
        named = f"{label} ({source.id})" if label else source.id
        lines.append(f"{numbers[source.id]}. {named}{_copy_note(source)}")
    if brief.warnings:
        lines += ["", *[f"Note: {w}" for w in brief.warnings]]
    return "\n".join(lines) + "\n"


def _numbered(article_ids: list[str], numbers: dict[str, int]) -> list[int]:
    return [numbers[a] for a in article_ids if a in numbers]


def _md_marks(source_numbers: list[int]) -> str:
    return "".join(f"[{n}]" for n in source_numbers)


def _text_marks(source_numbers: list[int]) -> str:
    return f"[{','.join(str(n) for n in source_numbers)}]" if source_numbers else ""


def _quoted(quote: Quote, escape: Callable[[str], str] = _verbatim) -> str:
    return f"“{escape(quote.text)}” — {escape(quote.speaker) if quote.speaker else 'unattributed'}"


def _disagreement(
    conflict: Conflict, marks: Callable[[list[str]], str], escape: Callable[[str], str] = _verbatim
) -> str:
    """"people killed: 60 ([1]); 65 ([2], [3])": each value with the sources that give it."""
    values = "; ".join(f"{escape(v.value)} {marks(v.article_ids)}" for v in conflict.values)
    return f"{escape(conflict.about)}: {values}"


def _credit(sentence: BriefSentence, escape: Callable[[str], str] = _verbatim) -> str:
    return f" — {escape(sentence.speaker)}" if sentence.speaker else ""


def _safe_url(url: str | None) -> str | None:
    """Only http(s) links: a report cannot smuggle in javascript: or data: URLs."""
    if url and urlparse(url).scheme in ("http", "https"):
        return url
    return None


def to_html(brief: Brief) -> str:
    """A self-contained fragment for newsletters; every piece of report text is escaped. It
    shows what Markdown shows; the quote, the disagreements, the sources and each note carry
    a `chorus-…` class for styling."""
    esc = html_lib.escape
    numbers = _source_numbers(brief)

    def links(source_numbers: list[int]) -> str:
        """Each source's number, a link to the report where it has an http(s) URL."""
        return "".join(
            f'<a href="{esc(url)}" rel="noopener">[{n}]</a>' if (url := _safe_url(brief.sources[n - 1].url))
            else f"<sup>[{n}]</sup>"
            for n in source_numbers
        )

    def marks(article_ids: list[str]) -> str:
        return links(_numbered(article_ids, numbers))

    parts = [f'<article class="chorus-brief"><h2>{esc(brief.headline)}</h2><ul>']
    for sentence in brief.sentences:
        parts.append(f"<li>{esc(sentence.text + _credit(sentence))} {links(_cited(sentence, numbers))}".rstrip()
                     + "</li>")
    parts.append("</ul>")
    if brief.quote:
        parts.append(f'<blockquote class="chorus-quote">{esc(_quoted(brief.quote))} {marks(brief.quote.article_ids)}'
                     .rstrip() + "</blockquote>")
    if brief.conflicts:
        parts.append('<div class="chorus-conflicts"><strong>Sources differ:</strong><ul>')
        parts += [f"<li>{_disagreement(c, marks, esc)}</li>" for c in brief.conflicts]
        parts.append("</ul></div>")
    parts.append('<ol class="chorus-sources">')
    for source in brief.sources:
        url = _safe_url(source.url)
        label = esc(_source_label(source) or source.id)
        link = f'<a href="{esc(url)}" rel="noopener">{label}</a>' if url else label
        parts.append(f"<li>{link}{esc(_copy_note(source))}</li>")
    parts.append("</ol>")
    parts += [f'<p class="chorus-note">Note: {esc(w)}</p>' for w in brief.warnings]
    parts.append("</article>")
    return "".join(parts)
