"""Story grouping benchmark: pool every cluster's documents into one shuffled feed, group
it, and score the stories against the true clusters.

    .venv/bin/python bench/stories.py [JSONL ...]

Defaults to DUC 2004 task 2 (500 articles, 50 stories) and the Multi-News sample
(small, noisy clusters) under ../shared/data; a missing file is skipped. Prints adjusted
Rand index, V-measure (homogeneity, completeness), story counts and grouping time; then
the same for the stories as `chorus stories` returns them once their briefs are built
("briefed_*": a group whose reports hold no sentence that reads as news goes back to
singletons).
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service.models import Article, Options  # noqa: E402
from service.stories.grouping import group_stories  # noqa: E402
from service.stories.summarize import summarize_feed  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
DEFAULT = [DATA / "duc2004_task2.jsonl", DATA / "multinews_test_sample250.jsonl"]
SEED = 13


def contingency(truth: list[str], predicted: list[str]) -> np.ndarray:
    _, t = np.unique(truth, return_inverse=True)
    _, p = np.unique(predicted, return_inverse=True)
    table = np.zeros((t.max() + 1, p.max() + 1))
    np.add.at(table, (t, p), 1)
    return table


def adjusted_rand_index(truth: list[str], predicted: list[str]) -> float:
    table = contingency(truth, predicted)

    def pairs(x: np.ndarray) -> float:
        return float((x * (x - 1) / 2).sum())

    index, rows, cols = pairs(table), pairs(table.sum(axis=1)), pairs(table.sum(axis=0))
    expected = rows * cols / pairs(np.array([table.sum()]))
    maximum = (rows + cols) / 2
    return 1.0 if maximum == expected else (index - expected) / (maximum - expected)


def _entropy(counts: np.ndarray) -> float:
    p = counts[counts > 0] / counts.sum()
    return float(-(p * np.log(p)).sum())


def v_measure(truth: list[str], predicted: list[str]) -> tuple[float, float, float]:
    """(V-measure, homogeneity, completeness), Rosenberg & Hirschberg 2007."""
    table = contingency(truth, predicted)
    n = table.sum()
    nonzero = table > 0
    outer = np.outer(table.sum(axis=1), table.sum(axis=0))
    mutual = float((table[nonzero] / n * np.log(table[nonzero] * n / outer[nonzero])).sum())
    h_truth, h_pred = _entropy(table.sum(axis=1)), _entropy(table.sum(axis=0))
    homogeneity = mutual / h_truth if h_truth else 1.0
    completeness = mutual / h_pred if h_pred else 1.0
    total = homogeneity + completeness
    return (2 * homogeneity * completeness / total if total else 0.0), homogeneity, completeness


def pooled_feed(path: Path) -> tuple[list[Article], list[str]]:
    """All documents of all clusters, ids prefixed by cluster (Multi-News reuses "0", "1"), shuffled."""
    articles, truth = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            for doc in row["docs"]:
                articles.append(Article(id=f"{row['id']}/{doc['id']}", text=doc["text"]))
                truth.append(str(row["id"]))
    order = list(range(len(articles)))
    random.Random(SEED).shuffle(order)
    return [articles[i] for i in order], [truth[i] for i in order]


def shared_texts(articles: list[Article], truth: list[str]) -> int:
    """Texts filed under more than one true story: no grouping can put both copies right.
    DUC 2004 files 11 reports under two topics each; Multi-News's are failed scrapes (a
    Twitter location notice, an archive's crawl note) filed under many stories."""
    stories: dict[str, set[str]] = {}
    for article, label in zip(articles, truth):
        stories.setdefault(article.text or "", set()).add(label)
    return sum(len(labels) > 1 for labels in stories.values())


def labels(articles: list[Article], stories: list[list[str]], singletons: list[str]) -> list[str]:
    """A predicted story label per article; each singleton is a story of its own."""
    label = {a: f"s{n}" for n, ids in enumerate(stories) for a in ids}
    label.update({a: f"lone:{a}" for a in singletons})
    return [label[a.id] for a in articles]


def bench(path: Path) -> dict[str, float | int | str]:
    articles, truth = pooled_feed(path)
    started = time.perf_counter()
    grouping = group_stories(articles)
    seconds = time.perf_counter() - started
    predicted = labels(articles, grouping.stories, grouping.singletons)
    v, homogeneity, completeness = v_measure(truth, predicted)
    # The stories as `chorus stories` returns them: a group whose reports hold no sentence
    # that reads as news is handed back as singletons once its brief is built.
    started = time.perf_counter()
    feed = summarize_feed(articles, Options(method="extractive"))
    feed_seconds = time.perf_counter() - started
    briefed = labels(articles, [s.article_ids for s in feed.stories], feed.singletons)
    return {
        "data": path.name,
        "articles": len(articles),
        "true_stories": len(set(truth)),
        "stories": len(grouping.stories),
        "singletons": len(grouping.singletons),
        "shared_texts": shared_texts(articles, truth),
        "ari": round(adjusted_rand_index(truth, predicted), 4),
        "v_measure": round(v, 4),
        "homogeneity": round(homogeneity, 4),
        "completeness": round(completeness, 4),
        "seconds": round(seconds, 2),
        "briefed_stories": len(feed.stories),
        "briefed_ari": round(adjusted_rand_index(truth, briefed), 4),
        "briefed_v_measure": round(v_measure(truth, briefed)[0], 4),
        "briefed_seconds": round(feed_seconds, 2),
    }


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or DEFAULT
    for path in paths:
        if not path.exists():
            print(json.dumps({"data": path.name, "skipped": "file not found"}))
            continue
        print(json.dumps(bench(path)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
