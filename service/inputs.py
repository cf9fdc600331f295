"""Reading reports from disk: text/HTML files, directories of them, JSONL files of clusters."""

from __future__ import annotations

import codecs
import warnings
from dataclasses import dataclass
from pathlib import Path

import msgspec

from service.errors import InputError, InputWarning
from service.models import Article

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")
MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class ClusterInput:
    id: str | None  # None for articles given as loose files
    articles: list[Article]


def read_inputs(paths: list[str]) -> tuple[list[ClusterInput], bool]:
    """Clusters to summarize, and whether the input was JSONL (so output is JSONL too)."""
    files: list[Article] = []
    clusters: list[ClusterInput] = []
    for name in paths:
        path = Path(name)
        try:
            if not path.exists():
                raise InputError(f"{name}: no such file or directory")
            if path.is_dir():
                members = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
                if not members:
                    raise InputError(f"{name}: directory holds no article files ({', '.join(ARTICLE_SUFFIXES)})")
                files.extend(read_article(p) for p in members)
            elif path.suffix.lower() == ".jsonl":
                clusters.extend(read_jsonl(path))
            else:
                files.append(read_article(path))
        except OSError as exc:  # a directory that cannot be listed, a parent that cannot be searched
            raise InputError(f"{name}: {exc.strerror or exc}") from None
    if files and clusters:
        raise InputError("give either JSONL cluster files or article files, not both")
    return (clusters, True) if clusters else ([ClusterInput(None, files)], False)


def _read_text(path: Path) -> str:
    try:
        with path.open("rb") as file:
            # One byte past the limit, not the size stat() gives: a pipe, /dev/zero or /proc file has none.
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as exc:  # unreadable: no permission, a socket, an I/O error
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"{path}: larger than {MAX_FILE_BYTES // 2**20} MB")
    # A UTF-8 byte order mark (Windows editors write one) is no part of the text, and JSON refuses it.
    data = data.removeprefix(codecs.BOM_UTF8)
    if b"\x00" in data[:65536]:
        raise InputError(f"{path}: looks like a binary file, not text or HTML")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    # Where no byte above ASCII was UTF-8, the file is likely one saved as Windows-1252, which
    # decodes strictly unless it is binary or another encoding. A UTF-8 file with a few damaged
    # bytes would decode too, into mojibake ("cafÃ©"): its UTF-8 characters tell it apart.
    if all(c.isascii() or c == "\ufffd" for c in text):
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            warnings.warn(f"{path}: not UTF-8; read as Windows-1252", InputWarning)
            return text
    if text.count("\ufffd") > max(8, len(text) // 100):
        raise InputError(f"{path}: not UTF-8 or Windows-1252 text (binary or another encoding)")
    return text


def read_article(path: Path) -> Article:
    text = _read_text(path)
    # A file name need not be UTF-8; its id must be, to be written out. Its undecodable bytes become U+FFFD, as
    # a file manager shows them: the id is only a label, and refusing the file would stop a whole feed over its
    # name. Two names that become one id are refused as ids that repeat.
    article_id = path.stem.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="replace")
    head = text.lstrip()[:200].lower()
    if path.suffix.lower() in (".html", ".htm") or head.startswith(("<!doctype html", "<html")):
        return Article(id=article_id, html=text)
    return Article(id=article_id, text=text)


def read_jsonl(path: Path) -> list[ClusterInput]:
    """Clusters in the evaluation format: {"id", "docs": [{"id", "text"}], "refs": [...]}."""
    clusters = []
    # Lines end at "\n" alone: splitlines() would also cut at a U+2028 or "\x85" inside a JSON string.
    for number, line in enumerate(_read_text(path).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            clusters.append(_cluster_line(line))
        except msgspec.MsgspecError as exc:
            raise InputError(f"{path}:{number}: not a cluster line ({exc})") from None
        except RecursionError:
            # msgspec has no depth limit of its own: it gives up at Python's recursion limit.
            raise InputError(f"{path}:{number}: not a cluster line (JSON is nested too deeply)") from None
    if not clusters:
        raise InputError(f"{path}: no clusters")
    return clusters


def _cluster_line(line: str) -> ClusterInput:
    # msgspec, not json: each of its errors is a MsgspecError, where json raises a bare ValueError
    # for a number over 4300 digits.
    row = msgspec.json.decode(line)
    if not isinstance(row, dict) or "id" not in row or not isinstance(row.get("docs"), list):
        raise msgspec.ValidationError('expected an object with "id" and a list "docs"')
    if not all(isinstance(d, dict) for d in row["docs"]):
        raise msgspec.ValidationError('expected each of "docs" to be an object with "id" and "text"')
    # The format carries fields of its own ("refs", a doc's "summary"): only an article's are read.
    docs = [{k: v for k, v in d.items() if k in Article.__struct_fields__} for d in row["docs"]]
    return ClusterInput(str(row["id"]), msgspec.convert({"docs": docs}, _Docs).docs)


class _Docs(msgspec.Struct):
    """So that a validation error names the article's place in the line: "at `$.docs[0]`"."""

    docs: list[Article]
