"""The eval suite on the real DUC 2004 data in ../shared (skipped when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.datasets import read_jsonl
from eval.runner import run

DUC2004 = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "duc2004_task2.jsonl"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not DUC2004.exists(), reason=f"{DUC2004} is not here"),
]


def test_baselines_land_near_published_duc2004_numbers(tmp_path):
    """sumy LexRank within 1.5 R-1 points of SumRepo's 36.00, lead near its 31.46."""
    outcomes = run(read_jsonl(DUC2004), ["lead", "lexrank"], "duc", tmp_path, workers=2)
    assert all(len(runs) == 50 for runs in outcomes.values())

    def mean_recall(system: str, measure: str) -> float:
        return 100 * sum(o.scores[measure].recall for o in outcomes[system]) / 50

    assert abs(mean_recall("lexrank", "rouge1") - 36.00) <= 1.5
    assert abs(mean_recall("lead", "rouge1") - 31.46) <= 1.5
    assert 6.0 <= mean_recall("lexrank", "rouge2") <= 10.0
