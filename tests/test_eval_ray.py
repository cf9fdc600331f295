"""`--executor ray`: the same per-cluster work through Ray Data on a local Ray instance
(skipped when Ray is not installed: it is the optional `ray` extra)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import service as service_package
from server_process import free_port

from eval.datasets import read_jsonl
from eval.runner import load_records, run, summaries_path

ray = pytest.importorskip("ray")

CLUSTERS = Path(__file__).parent / "fixtures" / "eval" / "clusters.jsonl"


@pytest.mark.timeout(600)
def test_ray_executor_matches_local_and_resumes(tmp_path):
    clusters = read_jsonl(CLUSTERS)
    local = run(clusters, ["lead", "lexrank"], "duc", tmp_path / "local")
    # Drop one stored summary so the Ray run both scores stored ones and makes a new one.
    path = summaries_path(tmp_path / "ray", "lexrank")
    path.parent.mkdir(parents=True)
    path.write_text("".join(summaries_path(tmp_path / "local", "lexrank").read_text().splitlines(True)[:2]))
    try:
        remote = run(clusters, ["lead", "lexrank"], "duc", tmp_path / "ray", executor="ray")
    finally:
        ray.shutdown()
    for system in ("lead", "lexrank"):
        assert [o.scores for o in remote[system]] == [o.scores for o in local[system]]
        assert sorted(load_records(summaries_path(tmp_path / "ray", system))) == sorted(c.id for c in clusters)
    assert [o.new for o in remote["lexrank"]] == [False, False, True]


@pytest.fixture
def ray_head() -> Iterator[str]:
    """A Ray cluster's head started apart from this process, as `--ray-address` joins one."""
    ray_cli = Path(sys.executable).with_name("ray")
    # "auto" would join a cluster this machine already runs, and `ray stop` would end it.
    joins = [sys.executable, "-c", "import ray; ray.init(address='auto')"]
    if subprocess.run(joins, capture_output=True, timeout=120).returncode == 0:
        pytest.skip("a Ray cluster already runs on this machine")
    start = [ray_cli, "start", "--head", f"--port={free_port()}", "--num-cpus=2", "--include-dashboard=false"]
    subprocess.run([*start, "--disable-usage-stats"], check=True, capture_output=True, timeout=120)
    try:
        yield "auto"  # the cluster this machine runs, as a user on its head node would join it
    finally:
        ray.shutdown()
        subprocess.run([ray_cli, "stop", "--force"], capture_output=True, timeout=120)


@pytest.mark.timeout(600)
def test_joining_a_cluster_ships_this_checkouts_packages(tmp_path: Path, ray_head: str) -> None:
    clusters = read_jsonl(CLUSTERS)
    local = run(clusters, ["lead"], "duc", tmp_path / "local")
    remote = run(clusters, ["lead"], "duc", tmp_path / "ray", executor="ray", ray_address=ray_head)
    assert [o.scores for o in remote["lead"]] == [o.scores for o in local["lead"]]

    @ray.remote
    def uploaded_service_packages(checkout: str) -> list[str]:
        return [
            entry for entry in sys.path
            if Path(entry).resolve() != Path(checkout) and (Path(entry) / "service" / "__init__.py").is_file()
        ]

    # Workers on another machine import the uploaded copy, which must carry the prompts
    # (service/prompts is a link to the top-level prompts/).
    checkout = Path(service_package.__file__).resolve().parents[1]
    uploaded = ray.get(uploaded_service_packages.remote(str(checkout)))
    assert uploaded
    assert all((Path(entry) / "service" / "prompts" / "fuse.txt").is_file() for entry in uploaded)
