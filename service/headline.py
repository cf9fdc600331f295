"""The brief's headline.

The headline is the one most reports' own headlines agree with, when it reads as a
headline (a few words). Otherwise it is rebuilt from the brief's first sentence: the
attribution tail ("…, state media said on Sunday") and the weekday go, then the sentence
is cut at its first clause boundary.
"""

from __future__ import annotations

import re

from service.cluster import Cluster
from service.text import STOPWORDS, Vectorizer, tokenize

MAX_WORDS = 16
MIN_WORDS = 5
_ATTRIBUTION = re.compile(
    r",?\s+(?:according to\b.*|(?:[\w'’.-]+\s+){0,6}(?:said|says|reported|reports|announced|told\s+\w+)\b[^,]*)$",
    re.IGNORECASE,
)
_OPENER = re.compile(r"^(?:on|late on|early on|by)\s+\w+(?:\s+\w+)?,\s+", re.IGNORECASE)
_WEEKDAY = re.compile(r"\s(?:(?:late |early )?on )?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_CLAUSE = re.compile(r",\s|\s[—–-]\s|;\s|\s(?:during|after|before|while|amid|as|because|which|who|where|when|but|and)\s")


def shorten(sentence: str) -> str:
    """The sentence as a headline of at most MAX_WORDS words, no ellipsis."""
    # Headlines drop the day ("Hun Sen on Friday rejected" -> "Hun Sen rejected").
    text = _WEEKDAY.sub("", _OPENER.sub("", sentence.strip().rstrip(".!?\"”’' ")))
    text = _ATTRIBUTION.sub("", text) if len(_ATTRIBUTION.sub("", text).split()) >= MIN_WORDS else text
    for match in _CLAUSE.finditer(text):
        if len(text.split()) <= MAX_WORDS:
            break
        if _joins_a_name(text, match):
            continue
        if len(text[: match.start()].split()) >= MIN_WORDS:
            text = text[: match.start()]
            break
    words = text.split()[:MAX_WORDS]
    while len(words) > MIN_WORDS and words[-1].lower() in STOPWORDS:
        words.pop()
    headline = " ".join(words).rstrip(",;:")
    return headline[:1].upper() + headline[1:]


def _joins_a_name(text: str, match: re.Match[str]) -> bool:
    """"and" between capitalised words is inside a name: "the Truth and Reconciliation Commission"."""
    before, after = text[: match.start()].split()[-1:], text[match.end() :].split()[:1]
    return match.group().strip() == "and" and bool(before and after) and before[0][:1].isupper() and after[0][:1].isupper()


def choose_headline(cluster: Cluster) -> str:
    # A page left without prose (furniture only, or off the story) offers no headline.
    headlines = [h for d in cluster.documents if d.sentences for h in d.headlines[:1]]
    agreed = ""
    if headlines:
        vectors = Vectorizer([tokenize(h) for h in headlines]).matrix
        agreement = (vectors @ vectors.T).sum(axis=1).A1
        agreed = headlines[int(agreement.argmax())].strip()
    if agreed and len(agreed.split()) <= MAX_WORDS:
        return agreed
    lead = cluster.selected[0].representative.text if cluster.selected else agreed
    return shorten(lead) if lead else ""
