"""Attribute: tie every brief sentence to the source sentences that support it, and guard.

An extracted sentence is supported by its fact's wording in each report (the closest, once
per report), and by any sentence of another report that holds most of its content words. A fused sentence is aligned by
content-word coverage; it must be covered by its sources, state no pair of content words
twice, keep a quotation's marks and a verb where its sources have one, and every number and
name in it must occur in some report as written. One that fails is replaced by the fact's best
supported extracted sentence, and the brief says so: a model's slip (a wrong country, an
invented figure, a phrase said over and over) never reaches the reader as if the reports said it.
"""

from __future__ import annotations

import re

from service.cluster import Cluster, Draft, Sentence
from service.text import QUOTATION_MARK, QUOTED_SPAN, STOPWORDS, content, has_finite_verb, tokenize

# Share of a fused sentence's content words its sources must contain.
MIN_SUPPORT = 0.7
# Share of its adjacent content-word pairs that must stand together in some source; fusing
# two wordings legitimately joins a few new pairs at the seam.
MIN_PAIR_SUPPORT = 0.6
# A source sentence is cited when it covers this share of the brief sentence.
MIN_CITATION = 0.3
# A sentence outside the fact backs it when it holds this share of its content words.
PARAPHRASE_CITATION = 0.6
_NUMBER = re.compile(r"\d[\d,.]*")
_NAME = re.compile(r"\b[A-Z][a-zA-Z'’-]+")
_MULTI_WORD_NAME = re.compile(r"\b[A-Z][a-zA-Z'’-]+(?:\s+(?:(?:of|for)\s+)?[A-Z][a-zA-Z'’-]+)+")
# Capitalised only because they open the sentence; any other capitalised word, the first
# one included, must occur in some report (so an invented name cannot open a sentence).
_OPENERS = STOPWORDS | {
    "according", "after", "amid", "despite", "during", "earlier", "following", "later",
    "meanwhile", "separately", "since", "today", "yesterday",
}


def _plain_number(written: str) -> str:
    """A number as digits only, so that "1,200." in a report matches "1200" in a rewrite."""
    return written.rstrip(".,").replace(",", "")


def _content_pairs(tokens: tuple[str, ...]) -> set[tuple[str, str]]:
    words = content(tokens)
    return set(zip(words, words[1:]))


def coverage(claim: set[str], source: Sentence) -> float:
    return len(claim & set(source.tokens)) / len(claim) if claim else 0.0


class Attribute:
    name = "attribute"

    def __call__(self, cluster: Cluster) -> Cluster:
        replaced = 0
        fused = [draft for draft in cluster.drafts if draft.origin == "fused"]
        if fused:  # an extractive brief has nothing to guard: the reports' text is not gathered
            # Single-spaced, so that a name a wrapped report breaks over two lines is still found.
            corpus = " ".join(" ".join(d.text for d in cluster.documents).split())
            numbers = {_plain_number(n) for n in _NUMBER.findall(corpus)}
            for draft in fused:
                if not self._supported(draft, numbers, corpus):
                    draft.text, draft.origin = draft.fact.representative.brief_text, "replaced"
                    replaced += 1
        sentences = cluster.sentences
        for draft in cluster.drafts:
            draft.support = self._align(draft, sentences)
        if replaced:
            # Once no rewritten sentence is left, the brief is the reports' own wording.
            cluster.warn(
                f"{replaced} rewritten sentence(s) were not supported by the reports and were "
                "replaced by the reports' own wording"
                + ("; the brief is extractive" if cluster.method == "extractive" else "")
            )
        return cluster

    @staticmethod
    def _align(draft: Draft, others: list[Sentence]) -> list[tuple[Sentence, float]]:
        """The fact's own wordings, then paraphrases in reports the fact did not group.

        Grouping is strict so that distinct facts never merge; backing is broader: a
        sentence of another report that states most of the brief sentence's content
        backs it too, and the reader should see that report cited.
        """
        claim = set(content(tokenize(draft.text)))
        own = [(s, 1.0 if s.brief_text == draft.text else round(coverage(claim, s), 3)) for s in draft.fact.sentences]
        if draft.origin == "fused":
            own = [p for p in own if p[1] >= MIN_CITATION]
        # Closest first; on a tie, the sentence the brief shows, whose words another may also cover.
        def closest_first(pair: tuple[Sentence, float]) -> tuple[float, bool]:
            return -pair[1], pair[0].brief_text != draft.text

        # A report that states the fact twice (a subhead over its paragraph) is cited once, where closest.
        own = list({s.article_id: (s, score) for s, score in sorted(own, key=closest_first, reverse=True)}.values())
        cited = {s.article_id for s, _ in own}
        best: dict[str, tuple[Sentence, float]] = {}
        for sentence in others:
            if sentence.article_id in cited:
                continue
            score = round(coverage(claim, sentence), 3)
            if score >= PARAPHRASE_CITATION and score > best.get(sentence.article_id, (None, 0.0))[1]:
                best[sentence.article_id] = (sentence, score)
        return sorted(own + list(best.values()), key=closest_first)

    @staticmethod
    def _supported(draft: Draft, numbers: set[str], corpus: str) -> bool:
        words = content(tokenize(draft.text))
        claim = set(words)
        sources = set().union(*(set(s.tokens) for s in draft.fact.sentences))
        if not claim or len(claim & sources) / len(claim) < MIN_SUPPORT:
            return False
        # Word coverage cannot see a relation turned around ("claimed responsibility for the
        # peace agreement"); which content words stand next to which can.
        pairs = list(zip(words, words[1:]))
        # A small model can loop ("The inquiry found that an inquiry found an inquiry"):
        # every pair is the reports', but a sentence stating one pair twice says nothing.
        if len(set(pairs)) < len(pairs):
            return False
        source_pairs = set().union(*(_content_pairs(s.tokens) for s in draft.fact.sentences))
        if pairs and sum(p in source_pairs for p in pairs) / len(pairs) < MIN_PAIR_SUPPORT:
            return False
        # A quotation is its speaker's words: rewritten without its marks, it reads as the
        # reports' own claim ("The last thing they should want is to hurt their own agenda.").
        if all(_mostly_quoted(s.brief_text) for s in draft.fact.sentences) and not QUOTATION_MARK.search(draft.text):
            return False
        # A model may drop the verb and leave a phrase ("Emergency services the injured to the
        # hospital."): where the reports state the fact with a verb, the fused sentence must have one.
        if not has_finite_verb(draft.text) and any(has_finite_verb(s.brief_text) for s in draft.fact.sentences):
            return False
        # A name of several words must be one some report wrote, as it wrote it: not one
        # stitched together, nor "the union's executive director" made "Executive Director".
        if any(name not in corpus for name in _MULTI_WORD_NAME.findall(draft.text)):
            return False
        for number in _NUMBER.findall(draft.text):
            if _plain_number(number) not in numbers:
                return False
        names = _NAME.findall(draft.text)
        if names and draft.text.startswith(names[0]):
            # The first word may be capitalised only because it opens the sentence.
            first, names = names[0], names[1:]
            if first.lower() not in _OPENERS and not _written(first, corpus, re.IGNORECASE):
                return False
        # Any other capital must be a report's: "offered a glimmer of hope" is no "offered a Hope".
        return all(_written(name, corpus) for name in names)


def _mostly_quoted(text: str) -> bool:
    return len(QUOTED_SPAN.sub("", text)) < len(text) / 2


def _written(word: str, corpus: str, flags: int = 0) -> bool:
    """Whether some report has the word as a word ("Hunter" in "Hunter's", not "Hope" in "Hopeful")."""
    return re.search(rf"\b{re.escape(word)}\b", corpus, flags) is not None
