"""The wheel carries what the installed service reads at run time, not only the source tree."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_carries_the_prompts_and_the_page(tmp_path: Path) -> None:
    # Built from a copy, so that no earlier build's leftovers can stand in for what is missing.
    source = tmp_path / "source"
    for name in ("service", "eval", "prompts"):
        shutil.copytree(ROOT / name, source / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    # No build isolation: the test venv's setuptools builds it, offline.
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("chorus-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    prompts = {f"service/prompts/{p.name}" for p in (ROOT / "prompts").glob("*.txt")}
    assert prompts and prompts <= names
    assert {"service/api/static/index.html", "service/py.typed"} <= names
