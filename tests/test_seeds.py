"""The five real scraped seed reports (shared data, not in the repo): a clean brief with no junk.

Skips where ../shared/seeds is absent. Runs the real command, `chorus summarize ../shared/seeds --format json`.
"""

from __future__ import annotations

import os
import subprocess
import sys

import msgspec
import pytest

from conftest import REPO, SHARED, assert_citations_slice, assert_no_repeats, read_cluster
from service import Brief

SEEDS = SHARED / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} is absent")

# Furniture of the scraped pages and words only the appended, unrelated stories use.
JUNK = ["Try Our AI", "Daily8", "comments", "Related Articles", "Download", "app store", "Sign in", "Hashtags",
        "logo", "kjk/", "aks/sla", "— AFP", "— Reuters", "-DW", "Observer", ".png", "|"]
APPENDED = ["Buhari", "Nigeria", "Svyrydenko", "Zelensky", "tariff", "sanction bill", "sledgehammer", "Cambodia",
            "Khmer", "Unesco", "Karl Marx", "Myrne", "Gaza", "Rohingya", "Patriot", "Brent"]


@pytest.fixture(scope="module")
def seed_brief() -> Brief:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHORUS_")}
    done = subprocess.run([sys.executable, "-m", "service.cli", "summarize", os.path.relpath(SEEDS, REPO),
                           "--format", "json"], cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return msgspec.json.decode(done.stdout, type=Brief)


def test_the_seed_brief_has_four_to_eight_cited_sentences_from_three_reports(seed_brief):
    assert 4 <= len(seed_brief.sentences) <= 8
    assert all(len(s.citations) >= 1 for s in seed_brief.sentences)
    assert len({c.article_id for s in seed_brief.sentences for c in s.citations}) >= 3
    assert_citations_slice(seed_brief, read_cluster(SEEDS))


def test_the_seed_brief_repeats_no_sentence_or_fact(seed_brief):
    texts = [s.text for s in seed_brief.sentences]
    assert len(set(texts)) == len(texts)
    assert_no_repeats(seed_brief)


def test_the_seed_brief_has_no_junk_and_nothing_from_the_appended_stories(seed_brief):
    text = " ".join([seed_brief.headline] + [s.text for s in seed_brief.sentences])
    if seed_brief.quote:
        text += " " + seed_brief.quote.text
    lowered = text.lower()
    assert [w for w in JUNK + APPENDED if w.lower() in lowered] == []
    assert "Lavrov" in text and "Kim" in text
