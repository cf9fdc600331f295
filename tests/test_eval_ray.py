"""`--executor ray`: the same per-cluster work through Ray Data on a local Ray instance
(skipped when Ray is not installed: it is the optional `ray` extra)."""

from __future__ import annotations

from pathlib import Path

import pytest

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
