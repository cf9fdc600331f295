"""`chorus`: summarize, serve, eval, stories. Bad input exits 2 with a one-line reason."""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any, NoReturn, TextIO, cast, get_args

import msgspec

from service.errors import InputError, InputWarning
from service.models import Format, Method, Options
from service.settings import SettingsError


def options_from(args: argparse.Namespace) -> Options:
    """Options from the command line, validated like an API request (limits included)."""
    fields = {k: getattr(args, k) for k in ("method", "sentences", "words", "ratio", "extractor")}
    return msgspec.convert({k: v for k, v in fields.items() if v is not None}, Options)


def _summarize(args: argparse.Namespace) -> int:
    from service.inputs import read_inputs
    from service.pipeline import default_pipeline
    from service.stages.render import render

    options = options_from(args)
    clusters, as_jsonl = read_inputs(args.paths)
    if as_jsonl and args.format != "json":
        # Each line is JSON whatever was asked: say so rather than answer in another format than the one named.
        raise InputError(f"--format {args.format}: JSONL clusters give JSONL output, one JSON brief a line; "
                         "leave out --format, or give article files")
    pipeline = default_pipeline()
    out = sys.stdout
    for cluster in clusters:
        try:
            brief = pipeline.summarize(cluster.articles, options)
        except InputError as exc:
            if not as_jsonl:
                raise
            # One bad cluster in a batch is reported on its line; the rest still run.
            out.write(msgspec.json.encode({"id": cluster.id, "error": str(exc)}).decode() + "\n")
            continue
        if as_jsonl:
            out.write(msgspec.json.encode({"id": cluster.id, "brief": brief}).decode() + "\n")
        else:
            # The JSON and HTML renderers end without a newline (the API embeds them); a file or terminal wants one.
            out.write(render(brief, args.format) + ("\n" if args.format in ("json", "html") else ""))
    return 0


def _serve(args: argparse.Namespace) -> int:
    from service.api.server import serve

    serve(host=args.host, port=args.port, workers=args.workers)
    return 0


def _stories(args: argparse.Namespace) -> int:
    from service.stories.cli import run

    return run(args)


class _Parser(argparse.ArgumentParser):
    """Bad arguments get the same one-line reason and exit code 2 as bad input, no usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _whole_number(low: int, high: int | None = None) -> Callable[[str], int]:
    """An argparse type: an integer from `low` to `high`, else a one-line reason (exit 2)."""
    limits = f"from {low} to {high}" if high is not None else f"{low} or more"

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if value < low or (high is not None and value > high):
            raise argparse.ArgumentTypeError(f"expected {limits}, got {value}")
        return value

    return parse


def _length_options(parser: argparse.ArgumentParser) -> None:
    length = parser.add_mutually_exclusive_group()
    length.add_argument("--sentences", type=int, help="brief length in sentences")
    length.add_argument("--words", type=int, help="brief length in words")
    length.add_argument("--ratio", type=float, help="brief length as a fraction of the cluster's unique sentences")
    parser.add_argument("--method", choices=get_args(Method), default="auto")
    parser.add_argument("--extractor", help="coverage (default), lexrank, textrank or lsa")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="chorus", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    summarize = commands.add_parser("summarize", help="one attributed brief per cluster")
    summarize.add_argument("paths", nargs="+", metavar="PATH",
                           help="text/HTML files, directories of them, JSON files of articles, JSONL files of "
                                "clusters, or - for standard input")
    summarize.add_argument("--format", choices=get_args(Format), default="json")
    summarize.add_argument("--group", action="store_true", help="split a mixed batch into stories first")
    _length_options(summarize)
    summarize.set_defaults(run=_summarize)

    serve = commands.add_parser("serve", help="run the HTTP service")
    serve.add_argument("--host", default="127.0.0.1")
    # Checked here: uvicorn takes a port past 65535 modulo 65536, and fewer than 1 worker as 1.
    serve.add_argument("--port", type=_whole_number(1, 65535), default=8000)
    serve.add_argument("--workers", type=_whole_number(1), default=1)
    serve.set_defaults(run=_serve)

    stories = commands.add_parser("stories", help="group a day's feed into stories, one brief each")
    stories.add_argument("paths", nargs="+", metavar="PATH", help="as for summarize")
    stories.add_argument("--format", choices=get_args(Format), default="json")
    _length_options(stories)
    stories.set_defaults(run=_stories)

    commands.add_parser("eval", help="ROUGE evaluation suite (see `chorus eval --help`)", add_help=False)
    return parser


class _OutputError(Exception):
    """stdout could not take the output (a full disk, an I/O error): not bad input, and no traceback."""


class _CheckedStdout:
    """sys.stdout whose write errors are told apart from any other OSError (a model's weights that fail to load)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _OutputError(exc.strerror or str(exc)) from exc

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _OutputError(exc.strerror or str(exc)) from exc

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def _checked_stdout() -> Iterator[None]:
    stream = sys.stdout
    sys.stdout = cast(TextIO, _CheckedStdout(stream))
    try:
        yield
    finally:
        sys.stdout = stream


def _drop_unwritten_output() -> None:
    """Point stdout at /dev/null: the flush at exit would fail again on the output still buffered."""
    with suppress(OSError):  # a stream with no file descriptor (tests) keeps nothing to flush at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


@contextmanager
def _input_warnings_on_stderr() -> Iterator[None]:
    """Each InputWarning (input read other than as given) as one line on stderr, like an error."""
    with warnings.catch_warnings():
        # "always": the same file in two runs of one process is said twice.
        warnings.simplefilter("always", InputWarning)
        show = warnings.showwarning

        def show_line(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                      file: TextIO | None = None, line: str | None = None) -> None:
            if issubclass(category, InputWarning):
                print(f"chorus: warning: {message}", file=sys.stderr)
            else:
                show(message, category, filename, lineno, file, line)

        warnings.showwarning = show_line
        yield


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["eval"]:
        from eval.cli import main as eval_main

        return eval_main(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "group", False):
        args.run = _stories
    try:
        with _input_warnings_on_stderr(), _checked_stdout():
            code = args.run(args)
            sys.stdout.flush()  # here, so that a write error is reported, not raised at exit
            return code
    except (InputError, SettingsError, msgspec.ValidationError) as exc:
        print(f"chorus: error: {exc}", file=sys.stderr)
        return 2
    except _OutputError as exc:
        print(f"chorus: error: cannot write output: {exc}", file=sys.stderr)
        _drop_unwritten_output()
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("chorus: interrupted", file=sys.stderr)
        return 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C


if __name__ == "__main__":
    sys.exit(main())
