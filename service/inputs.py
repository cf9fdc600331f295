"""Reading reports from disk: text/HTML files, directories of them, JSON and JSONL files, standard input."""

from __future__ import annotations

import codecs
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import msgspec

from service.errors import InputError, InputWarning
from service.models import Article

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")
MAX_FILE_BYTES = 50 * 1024 * 1024
STDIN = "-"  # the path that names standard input, as for cat and grep
STDIN_ID = "stdin"  # the article id of a report read from standard input


@dataclass(frozen=True)
class ClusterInput:
    id: str | None  # None for articles given as loose files
    articles: list[Article]


def read_inputs(paths: list[str]) -> tuple[list[ClusterInput], bool]:
    """Clusters to summarize, and whether the input was JSONL (so output is JSONL too)."""
    files: list[Article] = []
    origins: dict[str, str] = {}  # article id -> the file that gave it, to name both where one repeats
    clusters: list[ClusterInput] = []
    if paths.count(STDIN) > 1:  # the second read would find it empty
        raise InputError(f"{STDIN}: standard input can be read once")
    for name in paths:
        try:
            found = _read_path(name)
        except OSError as exc:  # a directory that cannot be listed, a parent that cannot be searched
            raise InputError(f"{name}: {exc.strerror or exc}") from None
        for origin, item in found:
            if isinstance(item, ClusterInput):
                clusters.append(item)
                continue
            # Ids come from file names, so two folders' "story.txt" meet here: name both files.
            if item.id in origins:
                where = f"in {origin}" if origins[item.id] == origin else f"by {origins[item.id]} and by {origin}"
                raise InputError(f"article id {item.id!r} is given twice: {where}")
            origins[item.id] = origin
            files.append(item)
    if files and clusters:
        raise InputError("give either JSONL cluster files or article files, not both")
    return (clusters, True) if clusters else ([ClusterInput(None, files)], False)


def _read_path(name: str) -> list[tuple[str, ClusterInput | Article]]:
    """What one PATH holds, each with the file it came from."""
    path = Path(name)
    if name == STDIN:
        return [(name, item) for item in _read_stdin()]
    if not path.exists():
        raise InputError(f"{name}: no such file or directory")
    if path.is_dir():
        return [(str(p), read_article(p)) for p in _directory_articles(path)]
    if path.suffix.lower() == ".jsonl":
        return [(name, item) for item in read_jsonl(path)]
    if path.suffix.lower() in ARTICLE_SUFFIXES:
        return [(name, read_article(path))]
    # ".json", or a name that says nothing (/dev/stdin, a file saved without an extension)
    return [(name, item) for item in _read_sniffed(_read_text(path), path)]


def _directory_articles(path: Path) -> list[Path]:
    members, skipped = [], []
    for member in sorted(path.iterdir()):
        if member.is_file() and member.suffix.lower() in ARTICLE_SUFFIXES:
            members.append(member)
        elif member.is_file() and not member.name.startswith("."):
            skipped.append(member.name)
    if not members:
        raise InputError(f"{path}: directory holds no article files ({', '.join(ARTICLE_SUFFIXES)})")
    if skipped:
        # A JSONL or JSON file in the folder is not read: say so, so that its clusters are not lost unseen.
        listed = ", ".join(skipped[:5]) + (f" and {len(skipped) - 5} more" if len(skipped) > 5 else "")
        warnings.warn(f"{path}: skipped {listed}: a directory's articles are its "
                      f"{', '.join(ARTICLE_SUFFIXES)} files", InputWarning)
    return members


def _read_stdin() -> list[ClusterInput] | list[Article]:
    if sys.stdin is None:
        raise InputError(f"{STDIN}: there is no standard input")
    label = Path("<stdin>")
    return _read_sniffed(_decoded(_read_bytes(sys.stdin.buffer, label), label), label, STDIN_ID)


def _read_sniffed(text: str, path: Path, article_id: str | None = None) -> list[ClusterInput] | list[Article]:
    """Input whose name does not say its format: JSON in a ".json" file or where it opens as JSON, else a
    report (text or HTML)."""
    if path.suffix.lower() == ".json" or _opens_as_json(text):
        return _read_json(text, path)
    return [_article(text, path, article_id or _file_id(path))]


def _opens_as_json(text: str) -> bool:
    # The whole text or its first line: a report may open with a bracket too ("[Updated] Fire at …").
    if text.lstrip()[:1] not in ("{", "["):
        return False
    for candidate in (text, text.lstrip().split("\n", 1)[0]):
        try:
            msgspec.json.decode(candidate)
        except msgspec.DecodeError:
            continue
        except RecursionError:
            pass  # JSON nested too deeply to read: _read_json says so
        return True
    return False


def _read_json(text: str, path: Path) -> list[ClusterInput] | list[Article]:
    """A JSON document: a list of articles or {"articles": [...]} (a request's body) is one cluster's
    articles, one {"id", "docs"} is a cluster; lines that are each a JSON value are JSONL."""
    try:
        value = msgspec.json.decode(text)
    except msgspec.DecodeError as exc:
        if _opens_as_json(text.lstrip().split("\n", 1)[0]):
            return _jsonl_clusters(text, path)  # a value a line: JSONL, whatever the file's name
        raise InputError(f"{path}: not JSON ({exc})") from None
    except RecursionError:
        raise InputError(f"{path}: not JSON articles (JSON is nested too deeply)") from None
    if isinstance(value, dict) and "docs" in value:
        try:
            return [_cluster(value)]
        except msgspec.ValidationError as exc:
            raise InputError(f"{path}: not a cluster ({exc})") from None
    try:
        if isinstance(value, dict) and isinstance(value.get("articles"), list):
            return msgspec.convert({"articles": _article_fields(value["articles"])}, _Articles).articles
        if isinstance(value, list):
            return msgspec.convert(_article_fields(value), list[Article])
    except msgspec.ValidationError as exc:
        raise InputError(f"{path}: not JSON articles ({exc})") from None
    raise InputError(f'{path}: not JSON articles (expected a list of articles, an object with "articles", '
                     'or a cluster with "id" and "docs")')


def _article_fields(rows: list[object]) -> list[object]:
    # A feed's or dataset's own fields ("summary", "tags") are not an article's: only an article's are read.
    return [{k: v for k, v in row.items() if k in Article.__struct_fields__} if isinstance(row, dict) else row
            for row in rows]


def _read_bytes(file: BinaryIO, path: Path) -> bytes:
    # One byte past the limit, not the size stat() gives: a pipe, /dev/zero or /proc file has none.
    data = file.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"{path}: larger than {MAX_FILE_BYTES // 2**20} MB")
    return data


def _read_text(path: Path) -> str:
    try:
        with path.open("rb") as file:
            data = _read_bytes(file, path)
    except OSError as exc:  # unreadable: no permission, a socket, an I/O error
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    return _decoded(data, path)


def _decoded(data: bytes, path: Path) -> str:
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
    return _article(_read_text(path), path, _file_id(path))


def _file_id(path: Path) -> str:
    # A file name need not be UTF-8; its id must be, to be written out. Its undecodable bytes become U+FFFD, as
    # a file manager shows them: the id is only a label, and refusing the file would stop a whole feed over its
    # name. Two names that become one id are refused as ids that repeat.
    return path.stem.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="replace")


def _article(text: str, path: Path, article_id: str) -> Article:
    head = text.lstrip()[:200].lower()
    if path.suffix.lower() in (".html", ".htm") or head.startswith(("<!doctype html", "<html")):
        return Article(id=article_id, html=text)
    return Article(id=article_id, text=text)


def read_jsonl(path: Path) -> list[ClusterInput]:
    """Clusters in the evaluation format: {"id", "docs": [{"id", "text"}], "refs": [...]}."""
    return _jsonl_clusters(_read_text(path), path)


def _jsonl_clusters(text: str, path: Path) -> list[ClusterInput]:
    clusters = []
    # Lines end at "\n" alone: splitlines() would also cut at a U+2028 or "\x85" inside a JSON string.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            clusters.append(_cluster(msgspec.json.decode(line)))
        except msgspec.MsgspecError as exc:
            raise InputError(f"{path}:{number}: not a cluster line ({exc})") from None
        except RecursionError:
            # msgspec has no depth limit of its own: it gives up at Python's recursion limit.
            raise InputError(f"{path}:{number}: not a cluster line (JSON is nested too deeply)") from None
    if not clusters:
        raise InputError(f"{path}: no clusters")
    return clusters


def _cluster(row: object) -> ClusterInput:
    # msgspec, not json, decodes it: each of its errors is a MsgspecError, where json raises a bare
    # ValueError for a number over 4300 digits.
    if not isinstance(row, dict) or "id" not in row or not isinstance(row.get("docs"), list):
        raise msgspec.ValidationError('expected an object with "id" and a list "docs"')
    # An id is written back out as the output line's: null or an object would come out as "None" or a repr.
    if isinstance(row["id"], bool) or not isinstance(row["id"], (str, int)) or row["id"] == "":
        raise msgspec.ValidationError(f'expected "id" to be a string or an integer, got {row["id"]!r:.40}')
    if not all(isinstance(d, dict) for d in row["docs"]):
        raise msgspec.ValidationError('expected each of "docs" to be an object with "id" and "text"')
    # The format carries fields of its own ("refs", a doc's "summary"): only an article's are read.
    return ClusterInput(str(row["id"]), msgspec.convert({"docs": _article_fields(row["docs"])}, _Docs).docs)


class _Docs(msgspec.Struct):
    """So that a validation error names the article's place in the line: "at `$.docs[0]`"."""

    docs: list[Article]


class _Articles(msgspec.Struct):
    """So that a validation error names the article's place in the file: "at `$.articles[0]`"."""

    articles: list[Article]
