"""Split a mixed feed into stories.

Method (measured in bench/stories.py, explained in README): every article is cleaned with
the pipeline's own Clean stage (so page furniture and appended "Related" stories do not
pull unrelated reports together), then represented by sublinear TF-IDF over stemmed
content words and adjacent content-word bigrams, IDF fitted on the feed itself and
squared so that the rare names and phrases that identify one event outweigh the vocabulary
of its wider topic. Stories are the clusters of average-linkage agglomerative clustering on
cosine distance, cut at a fixed distance: no story count is needed, and average linkage
neither chains topics together through one bridging article (single link) nor splits a
story whose reports each cover a different angle (complete link).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from service.cluster import Cluster, Document
from service.errors import InputError
from service.models import Article, ArticleLike, Options, checked_articles
from service.stages.clean import Clean
from service.stories.models import StoryGrouping
from service.text import STOPWORDS, l2_normalised, smooth_idf, tokenize

# Average cosine distance at which two groups stop merging; tuned on DUC 2004 and
# Multi-News pooled feeds (bench/stories.py), set a step below DUC's optimum (0.96)
# because a story wrongly merged misleads more than one split in two.
STORY_CUT = 0.95
IDF_POWER = 2.0


def clean_articles(articles: Sequence[Article]) -> list[Document]:
    """Each article through the Clean stage on its own; one with no readable prose keeps no blocks."""
    clean = Clean()
    documents = []
    for article in articles:
        try:
            documents.extend(clean(Cluster(articles=[article], options=Options())).documents)
        except InputError:
            documents.append(Document(article=article, text=article.text or ""))
    return documents


def _terms(document: Document) -> dict[str, float]:
    counts: dict[str, float] = {}
    for text in [*document.headlines[:1], *(b.text for b in document.blocks)]:
        previous = None
        for token in tokenize(text):
            if len(token) < 2 or token in STOPWORDS or token.isdigit():
                previous = None
                continue
            counts[token] = counts.get(token, 0) + 1
            if previous:
                bigram = f"{previous} {token}"
                counts[bigram] = counts.get(bigram, 0) + 1
            previous = token
    return counts


def story_vectors(documents: Sequence[Document]) -> sparse.csr_matrix:
    """L2-normalised rows of sublinear TF times IDF**IDF_POWER, IDF fitted on these documents."""
    vocabulary: dict[str, int] = {}
    rows, cols, values = [], [], []
    for row, document in enumerate(documents):
        for term, count in _terms(document).items():
            rows.append(row)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
            values.append(1.0 + np.log(count))
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=(len(documents), max(len(vocabulary), 1)))
    document_frequency = np.bincount(matrix.indices, minlength=matrix.shape[1])
    idf = smooth_idf(document_frequency, len(documents)) ** IDF_POWER
    return l2_normalised(matrix.multiply(idf).tocsr())


def cluster_labels(vectors: sparse.csr_matrix, cut: float = STORY_CUT) -> np.ndarray:
    """Average-linkage cluster label per row (rows with no terms end up alone)."""
    n = vectors.shape[0]
    if n < 2:
        return np.ones(n, dtype=int)
    distance = np.clip(1.0 - (vectors @ vectors.T).toarray(), 0.0, None)
    np.fill_diagonal(distance, 0.0)
    return fcluster(linkage(squareform(distance, checks=False), method="average"), cut, criterion="distance")


def is_story(articles: Sequence[Article]) -> bool:
    """Two or more reports, and two or more outlets where outlets are named.

    An article without an outlet counts as its own source, so only reports that all come
    from one named outlet (a story and its update) fall back to singletons.
    """
    sources = {(a.outlet or "").strip().casefold() or f"\0{a.id}" for a in articles}
    return len(articles) >= 2 and len(sources) >= 2


def story_id(article_ids: Sequence[str]) -> str:
    """Stable across runs and feed order: the hash of the sorted member ids."""
    digest = hashlib.sha1("\n".join(sorted(article_ids)).encode("utf-8")).hexdigest()
    return f"story-{digest[:12]}"


def group_documents(documents: Sequence[Document]) -> StoryGrouping:
    # Sorted by id so that the same feed in any order gives the same stories.
    ordered = sorted(documents, key=lambda d: d.article.id)
    labels = cluster_labels(story_vectors(ordered))
    members: dict[int, list[Article]] = {}
    for label, document in zip(labels, ordered):
        members.setdefault(int(label), []).append(document.article)
    stories: list[list[str]] = []
    singletons: list[str] = []
    for group in members.values():
        if is_story(group):
            stories.append([a.id for a in group])
        else:
            singletons.extend(a.id for a in group)
    stories.sort(key=lambda ids: (-len(ids), ids[0]))
    return StoryGrouping(stories=stories, singletons=sorted(singletons))


def group_stories(articles: Sequence[ArticleLike]) -> StoryGrouping:
    """Split a mixed batch of articles into stories; deterministic for the same articles."""
    return group_documents(clean_articles(checked_articles(articles)))
