"""Shared helpers for the core pipeline tests: fixture clusters, a model-free pipeline, span checks."""

from __future__ import annotations

import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from service import Article, Brief, Options, Pipeline, Settings
from service.cluster import Cluster
from service.generators import GeneratorSlot
from service.stages.clean import readable_text
from service.text import content, tokenize, visible

REPO = Path(__file__).resolve().parents[1]
CORE = Path(__file__).parent / "fixtures" / "core"
DEMO = REPO / "examples" / "harbour-fire"
# Real scraped data shared between sessions; tests that read it skip where it is absent.
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXTRACTIVE = Options(method="extractive")


@contextmanager
def within_seconds(seconds: int, what: str = "a rule backtracked") -> Iterator[None]:
    """Fails the test when the block runs longer: a rule that backtracks for ever, or reads a
    long line once for each of its parts, is a failure rather than a hang."""
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail(what))
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)


def read_cluster(folder: Path) -> list[Article]:
    """A directory of .txt reports as Articles, ids from file stems (as the CLI reads them)."""
    return [Article(id=p.stem, text=p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]


def no_model_pipeline() -> Pipeline:
    """The real stages with no rewrite model configured."""
    return Pipeline.from_settings(Settings(), generator=GeneratorSlot(None, "none"))


def run_until(articles: list[Article], last_stage: str, options: Options = EXTRACTIVE) -> Cluster:
    """Run the default stages up to and including `last_stage`."""
    stages = no_model_pipeline().stages
    names = [s.name for s in stages]
    return Pipeline(stages[: names.index(last_stage) + 1]).run(articles, options)


def assert_citations_slice(brief: Brief, articles: list[Article], cluster: Cluster | None = None) -> None:
    """Every citation's span slices the article's text to a whole sentence, the cited one,
    and an extracted sentence is its first citation's span as a brief shows it: trimmed
    (only words cut), or with the quotation marks a piece of a longer quotation lacks.

    Compared with the text as the cleaner reads it, which keeps every character's offset.
    """
    texts = {a.id: readable_text(a.text or "") for a in articles}
    sentences = {(s.article_id, s.index): s for s in cluster.sentences} if cluster else {}
    for sentence in brief.sentences:
        for c in sentence.citations:
            cited = texts[c.article_id][c.start : c.end]
            assert cited and cited == cited.strip(), (c, cited)
            if cluster is not None:
                assert sentences[(c.article_id, c.sentence)].text == cited
        if sentence.origin != "fused":
            best = sentence.citations[0]
            span = texts[best.article_id][best.start : best.end]
            if cluster is not None:
                assert sentence.text == sentences[(best.article_id, best.sentence)].brief_text
            assert is_cut_from(sentence.text, span), (sentence.text, span)


def is_cut_from(text: str, source: str) -> bool:
    """Whether `text`'s words are `source`'s words with some left out, in order (what shows
    nothing, such as a soft hyphen inside a word, is no part of a word)."""
    remaining = iter(re.findall(r"\w+", visible(source).lower()))
    return all(word in remaining for word in re.findall(r"\w+", text.lower()))


def assert_no_repeats(brief: Brief, limit: float = 0.5) -> None:
    """No two brief sentences say the same: content-word overlap (Jaccard) stays under `limit`."""
    bags = [set(content(tokenize(s.text))) for s in brief.sentences]
    for i, a in enumerate(bags):
        for j in range(i + 1, len(bags)):
            b = bags[j]
            assert len(a & b) / max(len(a | b), 1) < limit, (brief.sentences[i].text, brief.sentences[j].text)


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return no_model_pipeline()


@pytest.fixture(scope="session")
def tram() -> list[Article]:
    """Three reports of one invented tram derailment: a wire story, a reprint of it, a local report."""
    return read_cluster(CORE / "tram")
