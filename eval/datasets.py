"""Dataset readers. The suite's own format is JSONL, one cluster a line:
`{"id": ..., "docs": [{"id": ..., "text": ...}], "refs": ["reference summary", ...]}`.
`read_duc` and `read_multinews` turn the original distributions into the same clusters.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import msgspec


class Doc(msgspec.Struct, frozen=True):
    id: str
    text: str


class Cluster(msgspec.Struct, frozen=True):
    id: str
    docs: tuple[Doc, ...]
    refs: tuple[str, ...]


_decoder = msgspec.json.Decoder(Cluster)


def read_jsonl(path: str | Path, limit: int | None = None) -> list[Cluster]:
    """The first `limit` clusters (all when None); a cluster without refs, or none at all, is an error."""
    clusters = []
    with open(path, "rb") as lines:
        for number, line in enumerate(islice((l for l in lines if l.strip()), limit), 1):
            try:
                cluster = _decoder.decode(line)
            except msgspec.DecodeError as error:  # malformed JSON, or a cluster of the wrong shape
                raise ValueError(f"{path}: cluster {number}: {error}") from None
            if not cluster.refs or not cluster.docs:
                raise ValueError(f"{path}: cluster {cluster.id} needs docs and refs")
            clusters.append(cluster)
    if not clusters:
        raise ValueError(f"{path}: no clusters")
    ids = [c.id for c in clusters]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{path}: cluster ids repeat")
    return clusters


def write_jsonl(clusters: list[Cluster], path: str | Path) -> None:
    Path(path).write_bytes(b"".join(msgspec.json.encode(c) + b"\n" for c in clusters))


_DOC = re.compile(r"<DOC>(.*?)</DOC>", re.S | re.I)
_DOCNO = re.compile(r"<DOCNO>\s*(.*?)\s*</DOCNO>", re.S | re.I)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")


def read_duc(docs_dir: str | Path, models_dir: str | Path) -> list[Cluster]:
    """DUC 2003/2004 layout: `docs_dir/<set>t/<DOCNO>` SGML files (the `t` suffix is the
    NIST assessor letter) and `models_dir/<SET>.M.100.T.<assessor>` reference files."""
    models_dir = Path(models_dir)
    clusters = []
    for folder in sorted(p for p in Path(docs_dir).iterdir() if p.is_dir()):
        cluster_id = folder.name.rstrip("abcdefghijklmnopqrstuvwxyz") or folder.name
        docs = tuple(doc for path in sorted(folder.iterdir()) for doc in _sgml_docs(path))
        refs = tuple(
            p.read_text(encoding="latin-1").strip()
            for p in sorted(models_dir.glob(f"{cluster_id.upper()}.M.*"))
        )
        if docs and refs:
            clusters.append(Cluster(id=cluster_id, docs=docs, refs=refs))
    return clusters


def _sgml_docs(path: Path) -> Iterator[Doc]:
    raw = path.read_text(encoding="latin-1")
    for block in _DOC.findall(raw):
        docno = _DOCNO.search(block)
        body = _TEXT.search(block)
        if body is None:
            continue
        text = " ".join(html.unescape(_TAG.sub(" ", body.group(1))).split())
        yield Doc(id=docno.group(1) if docno else path.name, text=text)


SEPARATOR = "story_separator_special_tag"


def read_multinews(src: str | Path, tgt: str | Path, limit: int | None = None) -> list[Cluster]:
    """Multi-News `.src`/`.tgt` line pairs: source articles joined by
    `story_separator_special_tag`, newlines written as `NEWLINE_CHAR`; the summary starts
    with an en dash that is not part of the text."""
    clusters = []
    with open(src, encoding="utf-8") as sources, open(tgt, encoding="utf-8") as targets:
        for number, (source, target) in enumerate(islice(zip(sources, targets), limit)):
            texts = [_paragraphs(t) for t in source.split(SEPARATOR)]
            docs = tuple(Doc(id=f"{number}-{i}", text=t) for i, t in enumerate(texts) if t)
            reference = " ".join(_paragraphs(target).split()).lstrip("–- ")
            if docs and reference:
                clusters.append(Cluster(id=f"multinews-{number}", docs=docs, refs=(reference,)))
    return clusters


def _paragraphs(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.replace("NEWLINE_CHAR", "\n").split("\n"))
    return "\n".join(line for line in lines if line)
