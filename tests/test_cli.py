"""`chorus summarize`: formats, lengths, inputs, batch JSONL, and one-line errors with exit 2.

The real process is exercised through a handful of subprocesses started together (each pays
~1 s of imports); the many option combinations run `service.cli.main` in this process.
"""

from __future__ import annotations

import io
import json
import os
import pathlib
import shutil
import socket
import subprocess
import sys
from contextlib import nullcontext
from functools import cached_property
from pathlib import Path

import msgspec
import pytest

from conftest import CORE, DEMO, REPO, assert_citations_slice, read_cluster
from service import Article, Brief
from service.cli import main
from service.errors import InputError, InputWarning
from service.inputs import read_article, read_jsonl
from service.text import word_count

TRAM = CORE / "tram"

NO_TORCH_SCRIPT = """
import io, json, sys, time
from contextlib import redirect_stdout
from service.cli import main
started = time.perf_counter()
out = io.StringIO()
with redirect_stdout(out):
    code = main(["summarize", sys.argv[1], "--method", "extractive", "--format", "json"])
print(json.dumps({"code": code, "seconds": time.perf_counter() - started, "brief": json.loads(out.getvalue()),
                  "heavy": sorted(m for m in ("torch", "transformers", "nltk", "sklearn") if m in sys.modules)}))
"""


class Run:
    """A `chorus` process started at once and read when a test needs it."""

    def __init__(self, *args: str, script: str | None = None, stdout_to: str | None = None):
        command = [sys.executable, "-c", script, *args] if script else [sys.executable, "-m", "service.cli", *args]
        env = {k: v for k, v in os.environ.items() if not k.startswith("CHORUS_")}
        with open(stdout_to, "w") if stdout_to else nullcontext(subprocess.PIPE) as stdout:
            self.process = subprocess.Popen(command, cwd=REPO, env=env, text=True,
                                            stdout=stdout, stderr=subprocess.PIPE)

    @cached_property
    def result(self) -> tuple[int, str, str]:
        out, err = self.process.communicate(timeout=120)
        return self.process.returncode, out, err


def write_jsonl(path: Path, clusters: dict[str, list]) -> Path:
    rows = [{"id": cid, "docs": [{"id": a.id, "text": a.text} for a in docs], "refs": []} for cid, docs in clusters.items()]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("cli")
    (base / "empty").mkdir()
    (base / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    # Neither UTF-8 nor Windows-1252: Shift JIS has bytes (0x81, 0x8d, 0x90) that Windows-1252 leaves undefined.
    (base / "shift-jis.txt").write_bytes("東京の倉庫で火災が発生した。\n".encode("shift_jis") * 40)
    (base / "bad.jsonl").write_text('{"id": "ok", "docs": [{"id": "a", "text": "x"}]}\n{"id": "broken", "docs": \n')
    (base / "deep.jsonl").write_text('{"id": "c", "docs": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    (base / "long-number.jsonl").write_text('{"id": ' + "9" * 5000 + ', "docs": [{"id": "a", "text": "A report."}]}\n')
    far_date = {"id": "a", "text": "A fire destroyed a warehouse.", "published_at": "9999-12-31T23:59:59-01:00"}
    (base / "far-date.jsonl").write_text(json.dumps({"id": "c1", "docs": [far_date]}) + "\n")
    (base / "nodocs.jsonl").write_text('{"id": "c1", "documents": []}\n')
    (base / "docs-not-objects.jsonl").write_text('{"id": "c1", "docs": ["a report"]}\n')
    (base / "doc-without-id.jsonl").write_text('{"id": "c1", "docs": [{"text": "A report.", "refs": []}]}\n')
    mayor = {"id": "a", "text": "The mayor of Springfield said on Monday that the council approved a plan."}
    (base / "bom.jsonl").write_text("\ufeff" + json.dumps({"id": "c1", "docs": [mayor]}) + "\n", encoding="utf-8")
    tram, harbour = read_cluster(TRAM), read_cluster(DEMO)
    write_jsonl(base / "batch.jsonl", {"tram-1": tram, "harbour-2": harbour})
    write_jsonl(base / "partly-bad.jsonl", {"tram-1": tram, "empty-2": [], "harbour-3": harbour})
    return {p.name: p for p in base.iterdir()}


@pytest.fixture(scope="module")
def runs(inputs) -> dict[str, Run]:
    """Every subprocess of this module, started together."""
    return {
        "jsonl": Run("summarize", str(inputs["batch.jsonl"]), "--method", "extractive", "--sentences", "3"),
        "missing": Run("summarize", str(TRAM / "no-such-report.txt")),
        # A directory to JSON through `main`, in a process of its own to see what it imported.
        "dir-json": Run(str(TRAM), script=NO_TORCH_SCRIPT),
        **({"full": Run("summarize", str(TRAM), "--method", "extractive", stdout_to="/dev/full")}
           if os.path.exists("/dev/full") else {}),
    }


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["summarize", *args])
    out, err = capsys.readouterr()
    return code, out, err


def brief_of(out: str) -> Brief:
    return msgspec.json.decode(out, type=Brief)


def test_a_directory_gives_one_json_brief_whose_spans_slice_the_files(runs):
    code, out, err = runs["dir-json"].result
    assert (code, err) == (0, "")
    brief = msgspec.convert(json.loads(out)["brief"], Brief)
    assert 3 <= len(brief.sentences) <= 6
    assert [s.id for s in brief.sources] == ["courier", "reprint", "wire"]
    assert_citations_slice(brief, read_cluster(TRAM))


def test_jsonl_input_gives_one_json_line_per_cluster(runs):
    code, out, err = runs["jsonl"].result
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["tram-1", "harbour-2"]
    for line, folder in zip(lines, (TRAM, DEMO)):
        row = msgspec.json.decode(line, type=dict[str, msgspec.Raw])
        assert set(row) == {"id", "brief"}
        brief = msgspec.json.decode(row["brief"], type=Brief)
        assert len(brief.sentences) == 3
        assert_citations_slice(brief, read_cluster(folder))


def test_the_process_exits_2_with_one_line_for_a_missing_path(runs):
    code, out, err = runs["missing"].result
    assert (code, out) == (2, "")
    assert err.splitlines() == [f"chorus: error: {TRAM / 'no-such-report.txt'}: no such file or directory"]


def test_a_full_disk_exits_1_with_one_line_not_a_traceback(runs):
    if "full" not in runs:
        pytest.skip("no /dev/full here")
    code, _, err = runs["full"].result
    # 1, not 2: the input was fine. One line, and none from the flush at exit ("Exception ignored ...").
    assert (code, err) == (1, "chorus: error: cannot write output: No space left on device\n")


def test_length_options_are_mutually_exclusive(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["summarize", str(TRAM), "--sentences", "3", "--words", "50"])
    out, err = capsys.readouterr()
    assert (exited.value.code, out) == (2, "")
    # One line, as for bad input: no usage block in front of it.
    assert err.splitlines() == [
        "chorus summarize: error: argument --words: not allowed with argument --sentences (see chorus summarize --help)"
    ]


def test_extractive_answers_fast_without_importing_torch(runs):
    code, out, err = runs["dir-json"].result
    assert code == 0, err
    report = json.loads(out)
    assert report["code"] == 0 and report["brief"]["sentences"]
    assert report["heavy"] == []
    assert report["seconds"] < 5.0


@pytest.mark.parametrize("fmt", ["md", "markdown"])
def test_markdown_output(capsys, fmt):
    code, out, _ = cli(capsys, str(TRAM), "--format", fmt, "--method", "extractive")
    assert code == 0
    assert out.startswith("## Tram derails in Velmora")
    assert "**Sources**" in out and "1. courier `courier`" not in out  # titles come from headlines
    bullets = [line for line in out.splitlines() if line.startswith("- ")]
    assert 3 <= len(bullets) <= 6 and all(line.endswith("]") for line in bullets)


def test_text_and_html_output(capsys):
    code, out, _ = cli(capsys, str(TRAM), "--format", "text", "--method", "extractive")
    assert code == 0 and "\nSources:\n1. " in out and not out.startswith("{")
    code, out, _ = cli(capsys, str(TRAM), "--format", "html", "--method", "extractive")
    assert code == 0 and out.startswith('<article class="chorus-brief">')


@pytest.mark.parametrize("fmt", ["json", "md", "text", "html"])
def test_every_format_ends_with_one_newline(capsys, fmt):
    code, out, _ = cli(capsys, str(TRAM), "--format", fmt, "--method", "extractive")
    assert code == 0 and out.endswith("\n") and not out.endswith("\n\n")
    # Grouped too, where no single report closes the output.
    code, out, _ = cli(capsys, str(TRAM), "--group", "--format", fmt, "--method", "extractive")
    assert code == 0 and out.endswith("\n") and not out.endswith("\n\n")


@pytest.mark.parametrize("n", ["1", "2", "5"])
def test_sentences_option(capsys, n):
    code, out, _ = cli(capsys, str(DEMO), "--sentences", n, "--method", "extractive")
    assert code == 0
    assert len(brief_of(out).sentences) == int(n)


@pytest.mark.parametrize("n", [25, 60, 100])
def test_words_option(capsys, n):
    code, out, _ = cli(capsys, str(DEMO), "--words", str(n), "--method", "extractive")
    brief = brief_of(out)
    assert code == 0 and brief.sentences
    assert sum(word_count(s.text) for s in brief.sentences) <= n


def test_files_given_one_by_one_are_one_cluster(capsys):
    files = sorted(str(p) for p in TRAM.glob("*.txt"))
    code, out, _ = cli(capsys, *files, "--method", "extractive")
    assert code == 0
    assert [s.id for s in brief_of(out).sources] == ["courier", "reprint", "wire"]


def test_a_bad_cluster_in_a_batch_is_reported_on_its_line_and_the_rest_still_run(capsys, inputs):
    code, out, _ = cli(capsys, str(inputs["partly-bad.jsonl"]), "--method", "extractive")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == ["tram-1", "empty-2", "harbour-3"]
    assert rows[1] == {"id": "empty-2", "error": "the cluster has no articles"}
    assert "brief" in rows[0] and "brief" in rows[2]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty", "directory holds no article files (.txt, .text, .md, .html, .htm)"),
        ("binary.txt", "looks like a binary file"),
        ("shift-jis.txt", "not UTF-8 or Windows-1252 text"),
        ("bad.jsonl", ":2: not a cluster line (Input data was truncated)"),
        ("deep.jsonl", ":1: not a cluster line (JSON is nested too deeply)"),
        ("long-number.jsonl", ":1: not a cluster line (Integer value out of range"),
        ("far-date.jsonl", ":1: not a cluster line (published_at: '9999-12-31T23:59:59-01:00' is out of range"),
        ("nodocs.jsonl", ':1: not a cluster line (expected an object with "id" and a list "docs")'),
        ("docs-not-objects.jsonl", ':1: not a cluster line (expected each of "docs" to be an object'),
        ("doc-without-id.jsonl", ":1: not a cluster line (Object missing required field `id` - at `$.docs[0]`)"),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys, inputs, name, message):
    code, out, err = cli(capsys, str(inputs[name]), "--method", "extractive")
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert err.startswith(f"chorus: error: {inputs[name]}") and message in err


@pytest.mark.parametrize("command", [["summarize", "--group"], ["stories"]])
def test_bad_jsonl_exits_2_naming_the_line_when_grouping_too(capsys, inputs, command):
    code = main([*command, str(inputs["far-date.jsonl"]), "--method", "extractive"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.startswith(f"chorus: error: {inputs['far-date.jsonl']}:1: not a cluster line (published_at")


def test_a_windows_1252_file_is_read_as_such_and_the_cli_says_so(capsys, tmp_path):
    prose = "Fïre café — naïve readers “quoted” it. " + (TRAM / "wire.txt").read_text(encoding="utf-8")
    path = tmp_path / "wire.txt"
    path.write_bytes(prose.encode("cp1252"))
    with pytest.warns(InputWarning, match="not UTF-8; read as Windows-1252"):
        assert read_article(path).text == prose
    code, out, err = cli(capsys, str(path), "--method", "extractive")
    assert code == 0 and brief_of(out).sentences
    assert err == f"chorus: warning: {path}: not UTF-8; read as Windows-1252\n"


def test_a_utf8_file_with_a_damaged_byte_stays_utf8(tmp_path, recwarn):
    # Its "é" as Windows-1252 would be mojibake ("cafÃ©"): one bad byte does not make it another encoding.
    path = tmp_path / "report.txt"
    path.write_bytes("The café burned down overnight.\n".encode() + b"\xff A second line.\n")
    assert read_article(path).text == "The café burned down overnight.\n\ufffd A second line.\n"
    assert not recwarn.list


def test_a_byte_order_mark_is_no_part_of_a_file(capsys, inputs, tmp_path):
    # Windows editors start UTF-8 files with one; JSON would refuse the first line ("invalid character (byte 0)").
    code, out, err = cli(capsys, str(inputs["bom.jsonl"]), "--method", "extractive")
    assert (code, err) == (0, "")
    row = json.loads(out)
    assert row["id"] == "c1" and row["brief"]["sentences"]
    path = tmp_path / "wire.txt"
    path.write_bytes(b"\xef\xbb\xbf" + (TRAM / "wire.txt").read_bytes())
    assert read_article(path).text == (TRAM / "wire.txt").read_text(encoding="utf-8")


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_a_socket_given_as_input_exits_2_with_one_line(capsys, tmp_path):
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))  # the file stays after the socket closes: opening it fails with ENXIO
    code, out, err = cli(capsys, str(path), "--method", "extractive")
    assert (code, out, err) == (2, "", f"chorus: error: {path}: No such device or address\n")


@pytest.mark.parametrize(("denied", "named"), [("wire.txt", "tram/wire.txt"), ("tram", "tram")])
def test_an_unreadable_file_or_directory_exits_2_with_one_line(capsys, tmp_path, monkeypatch, denied, named):
    # A monkeypatched refusal, not chmod 000: root reads such files all the same.
    shutil.copytree(TRAM, tmp_path / "tram")
    opened, listed = pathlib.Path.open, pathlib.Path.iterdir

    def refuse(path: Path) -> None:
        if path.name == denied:
            raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(pathlib.Path, "open", lambda self, *a, **k: refuse(self) or opened(self, *a, **k))
    monkeypatch.setattr(pathlib.Path, "iterdir", lambda self: refuse(self) or listed(self))
    code, out, err = cli(capsys, str(tmp_path / "tram"), "--method", "extractive")
    assert (code, out, err) == (2, "", f"chorus: error: {tmp_path / named}: Permission denied\n")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_file_with_no_size_is_read_no_further_than_the_limit():
    # stat() says 0 bytes for /dev/zero, a pipe or a /proc file: the read itself stops at the limit.
    with pytest.raises(InputError, match="/dev/zero: larger than 50 MB"):
        read_article(Path("/dev/zero"))


def test_a_file_name_that_is_not_utf8_gives_an_id_with_u_fffd(capsys, tmp_path):
    folder = tmp_path / "tram"
    shutil.copytree(TRAM, folder)
    (folder / "wire.txt").rename(folder / os.fsdecode(b"bad\xff.txt"))
    code, out, err = cli(capsys, str(folder), "--method", "extractive")
    assert (code, err) == (0, "")
    assert [s.id for s in brief_of(out).sources] == ["bad\ufffd", "courier", "reprint"]
    code, out, _ = cli(capsys, str(folder), "--method", "extractive", "--format", "md")
    assert code == 0 and "bad\ufffd" in out and out.encode("utf-8")  # no raw byte let through as a surrogate


@pytest.mark.parametrize("command", [["summarize"], ["stories"]])
def test_ctrl_c_exits_130_with_one_line_not_a_traceback(capsys, monkeypatch, command):
    def interrupted(path: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("service.inputs.read_article", interrupted)
    try:
        code = main([*command, str(TRAM), "--method", "extractive"])
    except KeyboardInterrupt:
        pytest.fail("Ctrl-C escaped main as a traceback")
    out, err = capsys.readouterr()
    assert (code, out, err) == (130, "", "chorus: interrupted\n")


def test_jsonl_and_article_files_cannot_be_mixed(capsys, inputs):
    code, _, err = cli(capsys, str(inputs["batch.jsonl"]), str(TRAM / "wire.txt"))
    assert code == 2
    assert err == "chorus: error: give either JSONL cluster files or article files, not both\n"


@pytest.mark.parametrize("command", [["summarize"], ["summarize", "--group"], ["stories"]])
@pytest.mark.parametrize("option", [["--sentences", "0"], ["--words", "3"], ["--ratio", "5"]])
def test_out_of_range_lengths_exit_2(capsys, command, option):
    code = main([*command, str(TRAM), *option, "--method", "extractive"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("command", [["summarize"], ["summarize", "--group"], ["stories"]])
def test_an_unknown_extractor_exits_2(capsys, command):
    # DEMO: a feed with a story, which grouping would otherwise leave as singletons when its brief failed.
    code = main([*command, str(DEMO), "--extractor", "nope", "--method", "extractive"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.startswith("chorus: error: unknown extractor 'nope'")


@pytest.mark.parametrize(
    ("option", "message"),
    [
        # uvicorn took 99999 modulo 65536 and listened on 34463 while logging 99999.
        (["--port", "99999"], "argument --port: expected from 1 to 65535, got 99999"),
        (["--port", "0"], "argument --port: expected from 1 to 65535, got 0"),
        (["--port", "http"], "argument --port: expected a whole number, got 'http'"),
        (["--workers", "0"], "argument --workers: expected 1 or more, got 0"),
    ],
)
def test_chorus_serve_refuses_a_port_or_worker_count_that_cannot_be(capsys, monkeypatch, option, message):
    monkeypatch.setattr("service.api.server.serve", lambda **kwargs: pytest.fail(f"served with {kwargs}"))
    with pytest.raises(SystemExit) as exited:
        main(["serve", *option])
    out, err = capsys.readouterr()
    assert (exited.value.code, out) == (2, "")
    assert err == f"chorus serve: error: {message} (see chorus serve --help)\n"


def test_a_line_separator_inside_a_jsonl_string_does_not_end_the_line(tmp_path):
    # JSON allows U+2028 and U+0085 raw inside a string; only "\n" ends a JSONL line.
    docs = [{"id": "a", "text": "The tram derailed in Velmora.\u2028Fourteen people were hurt.\x85The line reopened."}]
    path = tmp_path / "clusters.jsonl"
    path.write_text(json.dumps({"id": "c", "docs": docs}, ensure_ascii=False) + "\n", encoding="utf-8")
    [cluster] = read_jsonl(path)
    assert cluster.articles[0].text == docs[0]["text"]


def stdin_of(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_a_dash_reads_standard_input_as_a_report_or_as_jsonl(capsys, monkeypatch):
    report = (TRAM / "wire.txt").read_text(encoding="utf-8")
    stdin_of(monkeypatch, report.encode())
    code, out, err = cli(capsys, "-", "--method", "extractive")
    assert (code, err) == (0, "")
    brief = brief_of(out)
    assert [s.id for s in brief.sources] == ["stdin"] and brief.sentences
    assert_citations_slice(brief, [Article(id="stdin", text=report)])
    # `jq -c … | chorus summarize -`: JSONL in, JSONL out.
    stdin_of(monkeypatch, json.dumps({"id": "c1", "docs": [{"id": "a", "text": report}]}).encode() + b"\n")
    code, out, err = cli(capsys, "-", "--method", "extractive")
    assert (code, err) == (0, "") and [json.loads(line)["id"] for line in out.splitlines()] == ["c1"]
    assert cli(capsys, "-", "-") == (2, "", "chorus: error: -: standard input can be read once\n")


def test_a_json_file_of_articles_is_one_cluster(capsys, tmp_path):
    # The HTTP request's body, or a bare list of articles; a feed's own fields are not an article's.
    articles = [{"id": a.id, "text": a.text, "outlet": "Wire", "tags": ["tram"]} for a in read_cluster(TRAM)]
    (tmp_path / "body.json").write_text(json.dumps({"articles": articles, "note": "from the feed"}), encoding="utf-8")
    (tmp_path / "list.json").write_text(json.dumps(articles, indent=2), encoding="utf-8")
    for name in ("body.json", "list.json"):
        code, out, err = cli(capsys, str(tmp_path / name), "--method", "extractive")
        assert (code, err) == (0, "")
        brief = brief_of(out)
        assert [s.id for s in brief.sources] == ["courier", "reprint", "wire"]
        assert not any('"text"' in s.text or "{" in s.text for s in brief.sentences)  # no JSON read as prose
        assert_citations_slice(brief, read_cluster(TRAM))
    # A day's feed as JSON, grouped into stories.
    code = main(["stories", str(REPO / "tests" / "fixtures" / "stories" / "feed.json"), "--method", "extractive"])
    out, _ = capsys.readouterr()
    assert code == 0 and len(json.loads(out)["stories"]) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{\n  "articles": [\n', "bad.json: not JSON (Input data was truncated)"),
        ('{"articles": [{"id": "a", "text": 5}]}', "bad.json: not JSON articles (Expected `str | null`, got `int` - "
                                                   "at `$.articles[0].text`)"),
        ('{"stories": []}', 'bad.json: not JSON articles (expected a list of articles, an object with "articles"'),
    ],
)
def test_a_json_file_that_holds_no_articles_exits_2_with_one_line(capsys, tmp_path, content, message):
    (tmp_path / "bad.json").write_text(content, encoding="utf-8")
    code, out, err = cli(capsys, str(tmp_path / "bad.json"), "--method", "extractive")
    assert (code, out) == (2, "")
    assert err.startswith(f"chorus: error: {tmp_path}/") and message in err and len(err.splitlines()) == 1


def test_a_directory_names_the_files_it_does_not_read(capsys, tmp_path):
    for report in TRAM.glob("*.txt"):
        shutil.copy(report, tmp_path)
    (tmp_path / "clusters.jsonl").write_text('{"id": "c", "docs": []}\n', encoding="utf-8")
    (tmp_path / ".hidden").write_text("editor state", encoding="utf-8")
    code, out, err = cli(capsys, str(tmp_path), "--method", "extractive")
    assert code == 0 and [s.id for s in brief_of(out).sources] == ["courier", "reprint", "wire"]
    assert err == (f"chorus: warning: {tmp_path}: skipped clusters.jsonl: a directory's articles are its "
                   ".txt, .text, .md, .html, .htm files\n")


@pytest.mark.parametrize("command", [["summarize"], ["stories"]])
def test_two_files_that_give_one_id_are_refused_naming_both(capsys, tmp_path, command):
    for folder, report in (("a", "wire.txt"), ("b", "courier.txt")):
        (tmp_path / folder).mkdir()
        shutil.copy(TRAM / report, tmp_path / folder / "story.txt")
    code = main([*command, str(tmp_path / "a"), str(tmp_path / "b"), "--method", "extractive"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    # Not "repeated: None/story": the files that clash are named.
    a, b = tmp_path / "a" / "story.txt", tmp_path / "b" / "story.txt"
    assert err == f"chorus: error: article id 'story' is given twice: by {a} and by {b}\n"


@pytest.mark.parametrize("cluster_id", [None, {"x": 1}, True, ""], ids=["null", "object", "bool", "empty"])
def test_a_jsonl_cluster_id_that_is_no_string_or_integer_exits_2_naming_the_line(capsys, tmp_path, cluster_id):
    path = tmp_path / "odd.jsonl"
    path.write_text(json.dumps({"id": cluster_id, "docs": [{"id": "a", "text": "A fire broke out."}]}) + "\n")
    code, out, err = cli(capsys, str(path), "--method", "extractive")
    assert (code, out) == (2, "")
    assert err.startswith(f'chorus: error: {path}:1: not a cluster line (expected "id" to be a string or an integer')


@pytest.mark.parametrize("fmt", ["md", "text", "html"])
def test_a_format_that_jsonl_output_cannot_be_exits_2(capsys, inputs, fmt):
    code, out, err = cli(capsys, str(inputs["batch.jsonl"]), "--format", fmt, "--method", "extractive")
    assert (code, out) == (2, "")
    assert err == (f"chorus: error: --format {fmt}: JSONL clusters give JSONL output, one JSON brief a line; "
                   "leave out --format, or give article files\n")


@pytest.mark.parametrize(("fmt", "opening"), [("html", '<article class="chorus-brief">'), ("text", "Tram derails")])
def test_stories_takes_the_formats_summarize_group_takes(capsys, fmt, opening):
    code = main(["stories", str(TRAM), "--format", fmt, "--method", "extractive"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "") and out.startswith(opening)
