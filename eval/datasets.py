"""Dataset readers. The suite's own format is JSONL, one cluster a line:
`{"id": ..., "docs": [{"id": ..., "text": ...}], "refs": ["reference summary", ...]}`.
`read_duc` and `read_multinews` turn the original distributions into the same clusters.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import msgspec

from eval.scoring import Tokenizer


class Doc(msgspec.Struct, frozen=True):
    id: str
    text: str


class Cluster(msgspec.Struct, frozen=True):
    id: str
    docs: tuple[Doc, ...]
    refs: tuple[str, ...]


_decoder = msgspec.json.Decoder(Cluster)
_words = Tokenizer(stem=False)  # what ROUGE counts as words


def read_jsonl(path: str | Path, limit: int | None = None) -> list[Cluster]:
    """The first `limit` clusters (all when None). A cluster the suite cannot score fairly is
    an error naming the file, line and cluster id, as is a file with no clusters."""
    clusters = []
    lines_of: dict[str, int] = {}  # cluster id -> line, to name both lines of a repeated id
    with open(path, "rb") as lines:
        numbered = ((number, line) for number, line in enumerate(lines, 1) if line.strip())
        for number, line in islice(numbered, limit):
            try:
                cluster = _decoder.decode(line)
            except msgspec.DecodeError as error:  # malformed JSON, or a cluster of the wrong shape
                raise ValueError(f"{path}: line {number}: {error}") from None
            problem = _problem(cluster, lines_of)
            if problem:
                raise ValueError(f"{path}: line {number}: cluster {cluster.id}: {problem}")
            lines_of[cluster.id] = number
            clusters.append(cluster)
    if not clusters:
        raise ValueError(f"{path}: no clusters")
    return clusters


def _problem(cluster: Cluster, lines_of: dict[str, int]) -> str | None:
    """Why the suite cannot score `cluster` fairly, or None; `lines_of` holds the clusters read before it."""
    if cluster.id in lines_of:
        return f"the id repeats the cluster on line {lines_of[cluster.id]}"
    if not cluster.refs or not cluster.docs:
        return "needs docs and refs"
    if not any(_words.tokenize(r) for r in cluster.refs):
        return "no reference has any words, so every system would score 0 on it"
    counts = Counter(d.id for d in cluster.docs)
    repeated = sorted(i for i, n in counts.items() if n > 1)
    if repeated:
        # Chorus refuses such a cluster and would score 0 on it while the baselines score normally.
        return f"doc ids repeat: {', '.join(repeated)}"
    return None


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
