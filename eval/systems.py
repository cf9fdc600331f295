"""The systems under evaluation. Each is a callable `(cluster, words) -> sentences`: the
summary's sentences in the order written out, reaching about `words` words.

Baselines run on the whole cluster: every document's sentences (split by `eval.text`),
verbatim repeats kept once, since wire copies repeat sentences word for word and sumy rates
equal sentences as one (both copies would be picked). They take sentences in rank order
until the budget is met, so a 100-word cut drops the lowest-ranked words first. The sumy
summarizers use sumy's English stopword list and `Stemmer("english")`, which is NLTK's
Snowball English (Porter2) stemmer class and needs no NLTK data.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Literal

import msgspec
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers._summarizer import AbstractSummarizer, SentenceInfo
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from eval.datasets import Cluster
from eval.text import split_sentences, word_count

System = Callable[[Cluster, int], list[str]]

# Words as sumy's default tokenizer keeps them (letters, inner apostrophes and hyphens), without
# NLTK's Punkt/word_tokenize data.
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


class _Tokenizer:
    """The two methods sumy's documents call on a tokenizer."""

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


_TOKENIZER = _Tokenizer()
_STEMMER = Stemmer("english")
_STOP_WORDS = get_stop_words("english")


def lead(cluster: Cluster, words: int) -> list[str]:
    """The first document's opening sentences, up to the budget."""
    return _fill(split_sentences(cluster.docs[0].text), words)


class SumyBaseline:
    """A sumy summarizer over the whole cluster, filling the budget in rank order."""

    def __init__(self, summarizer: type[AbstractSummarizer]):
        self.summarizer = summarizer

    def __call__(self, cluster: Cluster, words: int) -> list[str]:
        seen: set[str] = set()
        paragraphs = []
        for doc in cluster.docs:
            sentences = [s for s in dict.fromkeys(split_sentences(doc.text)) if s not in seen]
            seen.update(sentences)
            paragraphs.append(Paragraph([Sentence(s, _TOKENIZER) for s in sentences]))
        summarizer = self.summarizer(_STEMMER)
        summarizer.stop_words = _STOP_WORDS
        ranked: list[str] = []

        def take(infos: Sequence[SentenceInfo]) -> Sequence[SentenceInfo]:
            # sumy passes its count the sentences best first and returns the kept ones in
            # document order; the rank order is what we want, so keep it on the side.
            # Ratings that are equal in exact arithmetic (common in LSA, whose rating is a
            # column norm) differ in the last bits with PYTHONHASHSEED (sumy numbers terms in
            # set order) and BLAS threads; rounded, they tie and the earlier sentence wins.
            infos = sorted(infos, key=lambda i: (-float(f"{i.rating:.10g}"), i.order))
            kept = _fill((str(i.sentence) for i in infos), words)
            ranked.extend(kept)
            return infos[: len(kept)]

        summarizer(ObjectDocumentModel(paragraphs), take)
        return ranked


def _fill(sentences: Iterable[str], words: int) -> list[str]:
    """Sentences in the given order until their words reach the budget (the last may pass it)."""
    kept, total = [], 0
    for sentence in sentences:
        if total >= words:
            break
        kept.append(sentence)
        total += word_count(sentence)
    return kept


def _chorus(cluster: Cluster, words: int, method: Literal["extractive", "auto"]) -> list[str]:
    # Imported here: the product pulls in its model stack, which the baselines never need.
    from service import Article, InputError, Options, summarize

    articles = [Article(id=doc.id, text=doc.text) for doc in cluster.docs]
    try:
        brief = summarize(articles, Options(method=method, words=words))
    except InputError:
        # The product declines clusters it finds no prose in (Multi-News has pages that are
        # only cookie or tweet boilerplate): an empty summary, scored 0 and counted in the report.
        return []
    return [sentence.text for sentence in brief.sentences]


def chorus_extractive(cluster: Cluster, words: int) -> list[str]:
    return _chorus(cluster, words, "extractive")


def chorus(cluster: Cluster, words: int) -> list[str]:
    return _chorus(cluster, words, "auto")


def build_of(system: str) -> str:
    """A fingerprint of what makes `system`'s summaries: the suite's own code (splitter,
    baselines) and sumy's version, for Chorus also every file of the installed `service`
    package and, where it may rewrite, the settings that pick its model. A stored summary made
    by another build is stale: a resumed run must not score an older version's output."""
    return _build(system in _CHORUS_SYSTEMS, system == "chorus")


@lru_cache(maxsize=None)
def _build(chorus: bool, rewrites: bool) -> str:
    digest = hashlib.sha256(importlib.metadata.version("sumy").encode())
    for path in _SUITE_FILES:
        digest.update(path.read_bytes())
    if chorus:
        import service
        from service import Settings

        package = Path(service.__file__).parent
        for path in sorted(p for p in package.rglob("*") if p.suffix in {".py", ".txt"}):
            digest.update(str(path.relative_to(package)).encode() + path.read_bytes())
        if rewrites:
            try:
                digest.update(msgspec.json.encode(Settings.from_env()))
            except ValueError as error:  # bad settings: the system fails on each cluster, and says why
                digest.update(str(error).encode())
    return digest.hexdigest()


SYSTEMS: dict[str, System] = {
    "lead": lead,
    "lexrank": SumyBaseline(LexRankSummarizer),
    "textrank": SumyBaseline(TextRankSummarizer),
    "lsa": SumyBaseline(LsaSummarizer),
    "chorus-extractive": chorus_extractive,
    "chorus": chorus,
}
_CHORUS_SYSTEMS = frozenset({"chorus-extractive", "chorus"})
# The suite's code a summary depends on: the baselines (this file) and the splitter they use.
_SUITE_FILES = (Path(__file__), Path(__file__).with_name("text.py"))
