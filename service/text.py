"""Tokenizing, stemming and sparse TF-IDF vectors shared by every stage.

Kept dependency-light on purpose: `chorus summarize --method extractive` must answer in
about a second, so nothing here imports scikit-learn, NLTK or torch.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import chain, islice

import numpy as np
import snowballstemmer
from scipy import sparse

# Unicode-aware: letters and digits of any script, with inner apostrophes and hyphens kept
# together ("Kim's", "twice-weekly"); rouge-score's default drops non-ASCII letters. Chinese
# and Japanese are written without spaces, so each of their characters is a word.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+(?:['’\-][^\W_{_CJK}]+)*")

# The SMART-derived list most extractive summarizers use, trimmed to function words.
STOPWORDS = frozenset(
    """a about above after again against all almost also although am among an and another any are
    around as at be because been before being below between both but by can could did do does doing
    down during each either else even ever every few for from further had has have having he her here
    hers herself him himself his how however i if in into is it its itself just least less like made
    make many may me might more most much must my myself neither no nor not now of off often on once
    one only or other others our ours ourselves out over own per perhaps rather same says said say
    several shall she should since so some still such than that the their theirs them themselves then
    there these they this those though through thus to too under until up upon us very was we were
    what when where whether which while who whom whose why will with within without would yet you your
    yours yourself yourselves s t d ll m re ve""".split()
)

_stemmer = snowballstemmer.stemmer("porter")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    # Porter strips a lone "s" (from "U.S.") to nothing; an empty token would pair with
    # anything into spurious concepts.
    return _stemmer.stemWord(word) or word


# What a page holds but never shows: a soft hyphen, zero-width spaces and joiners, a word
# joiner, a byte-order mark, the marks that set a direction of writing. They sit inside words
# ("the\u200bir"), so they go rather than turn into spaces.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def visible(text: str) -> str:
    """`text` without the characters that show nothing."""
    return _INVISIBLE.sub("", text)


def words(text: str) -> list[str]:
    """Surface word tokens, case kept."""
    return _WORD.findall(text)


def iter_words(text: str) -> Iterator[str]:
    """`words` one at a time, for a test that its first few words may settle."""
    return (word.group() for word in _WORD.finditer(text))


# Regex fragments for days and months, shared by the clean stage, headlines and dates.
WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
MONTH_DATE = rf"{MONTH} \d{{1,2}},? \d{{4}}"  # "Dec 12, 2011"
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
# Months that are also given names ("April Ryan", "Theresa May", "June Carter", "August Wilson"):
# a capitalised word among the others is a date, never a name.
MONTHS_NOT_NAMES = "|".join(m for m in MONTH_NAMES if m not in {"April", "May", "June", "August"})
CALENDAR_DATE = rf"(?:{MONTH_DATE}|\d{{1,2}} {MONTH} \d{{4}})"  # …or "12 December 2011"
# Auxiliary verbs: after a subject they open its predicate ("Theresa May is awaiting").
AUXILIARIES = frozenset("is are was were has have had will would can could may might must should did does".split())
# Words that open a sentence and belong to no name ("He" does: "Vice Premier Liu He"): one
# standing capitalised right after a word, with no stop between, shows where a sentence or a
# header ran into the next. Segment and extract each add the words safe for their own test.
SENTENCE_OPENERS = "The|A|An|After|But|In|At|When|While|If|It|She|They|We|This|There|His|Her|Its|Their"
# The people news cites as a source in the plural ("Officials said", "…," witnesses said): no
# one's name (the key quote's speaker), and a subject a header can run into (extract).
CITED_GROUPS = frozenset(
    "officials authorities investigators witnesses residents experts analysts rescuers prosecutors researchers "
    "scientists doctors lawmakers critics protesters demonstrators officers troops soldiers firefighters "
    "detectives agents sources".split()
)

# The verbs that credit words to their speaker ("…," Graham said / said Graham): the key quote's
# speaker (stories) and the bare credit a quotation's sentence may end before (segment).
SPEECH_VERBS = (
    "said|says|told|tells|added|adds|adding|stated|states|warned|warns|declared|declares|wrote|writes|tweeted"
    "|tweets|insisted|insists|argued|argues|explained|explains|noted|notes|stressed|stresses|announced|announces"
    "|quoted|urged|urges|lauded|praised|expressed|reaffirmed|recalled|recalls|remembered|remembers|continued"
    "|continues|replied|replies"
)

# The agencies whose name credits a picture ("REUTERS/Brian Snyder", "(AP Photo/Jane Roe)"):
# clean cuts such a credit run into the text, trim one in brackets after a sentence.
PICTURE_AGENCIES = ("REUTERS", "Reuters", "AP", "AFP", "EPA", "UPI", "Xinhua", "Bloomberg", "Getty", "WireImage",
                    "FilmMagic", "Invision")

# Acts a picture shows, as a caption tells them, in the present ("Douglas attends …", "Gurriel
# rounds the bases …"): read by clean before a picture's credit and by extract.
PICTURED_ACTS = (
    "attends|attend|arrives|arrive|walks|walk|smiles|smile|gestures|gesture|waves|wave|poses|pose|reacts|react"
    "|speaks|carries|carry|watches|watch|looks on|look on|is silhouetted|are silhouetted|is seen|are seen|greets"
    "|greet|kneels|kneel|prays|pray|mourns|mourn|embraces|embrace|hugs|hug|leaves|leave|rounds|celebrates|celebrate"
)

# Quotation marks, shared by segment (which sentences are quoted), trim (which are never
# cut), extract (what is someone's words) and the key quote. ‘‘…’’: curly singles doubled,
# as some papers print. A straight mark opens after one of OPENS_A_QUOTE, else it closes.
QUOTATION_MARK = re.compile(r"``|''|‘‘|’’|[“”\"]")
OPENING_MARKS = frozenset({"“", "``", "‘‘"})
OPENS_A_QUOTE = r"\s(\[—–-"  # a character class
# British papers quote in single marks ("‘We will rebuild,’ the mayor said"). Such a span opens
# where a word starts and closes where one ends, so the apostrophes of "don’t" and "players'"
# neither open nor close it.
_SINGLE_QUOTED = rf"(?<![^{OPENS_A_QUOTE}])[‘'](?=[A-Za-z])(?:[^‘’'\"“”\n]|[’'](?=\w))*?[’'](?!\w)"
# A quotation holds no opening mark of its kind and runs at most MAX_QUOTED characters: read on
# past them from every mark of a page's run of marks ("``````…", "““““…"), the marks took time
# growing with the square of their number.
MAX_QUOTED = 5000
QUOTED_SPAN = re.compile(
    rf"[\"“][^\"“”]{{0,{MAX_QUOTED}}}[\"”]|``(?:(?!``|'').){{0,{MAX_QUOTED}}}''"
    rf"|‘‘(?:(?!‘‘|’’).){{0,{MAX_QUOTED}}}’’|{_SINGLE_QUOTED}"
)
_OPENS_AFTER = re.compile(f"[{OPENS_A_QUOTE}]")


def quotation_states(text: str, spans: list[tuple[int, int]]) -> list[tuple[bool, bool]]:
    """For each sentence span of one paragraph, whether a quotation is open at its start
    and at its end.

    A quotation opened inside a sentence's run of words quotes a phrase or a name (known as
    "Dread Pirate Roberts", donate “in excess of $150,000”), which closes in that sentence. Such
    a quotation still open when the same mark opens another inside a later sentence was never
    closed (its mark lost or mistyped: "… accused him of being "Dread Pirate Roberts," the"):
    it ends with its own sentence, and the sentences between are no one's words. A quotation
    opened after "said," or ":" or at a sentence's start may run over several sentences."""
    inside = False
    states: list[tuple[bool, bool]] = []
    partial_in = -1  # the sentence where the phrase quotation open now was opened, if it is one
    opened_with = ""
    for k, (start, end) in enumerate(spans):
        opened = inside
        for mark in QUOTATION_MARK.finditer(text, start, end):
            symbol = mark.group()
            if symbol == '"':
                opens = mark.start() == start or _OPENS_AFTER.match(text[mark.start() - 1]) is not None
            else:
                opens = symbol in OPENING_MARKS
            if opens and inside and symbol == opened_with and 0 <= partial_in < k and mark.start() > start:
                states[partial_in] = (states[partial_in][0], False)
                states[partial_in + 1 :] = [(False, False)] * (k - partial_in - 1)
                opened = False
            if opens:
                before = text[max(start, mark.start() - 2) : mark.start()]
                in_a_phrase = len(before) == 2 and before[0].isalnum() and before[1] == " "
                partial_in, opened_with = (k if in_a_phrase else -1), symbol
            inside = opens
        states.append((opened, inside))
    return states


def quote_marks(text: str) -> tuple[str, str]:
    """The opening and closing marks `text` writes quotations with: straight, ``'', or curly
    (also when it has none)."""
    if '"' in text:
        return '"', '"'
    return ("``", "''") if "''" in text or "``" in text else ("“", "”")


class Hinted:
    """A regex searched only in text that holds one of its hints: pieces of text that every
    match contains (looked for in the lower-cased text with `fold`). Hints are fast to look
    for where a regex is slow to fail on ordinary prose."""

    __slots__ = ("pattern", "hints", "_any_hint")

    def __init__(self, pattern: str, hints: tuple[str, ...], flags: int = 0, fold: bool = False):
        self.pattern, self.hints = re.compile(pattern, flags), hints
        # In the text as it is, one pass for all hints: from a few hints on, faster than a `find`
        # for each. With `fold`, `in` on the lower-cased copy beats an alternation of any kind.
        self._any_hint = None if fold else re.compile("|".join(map(re.escape, hints)))

    def _may_match(self, text: str, start: int, end: int) -> bool:
        if self._any_hint is None:
            probe = text[start:end].lower()
            return any(hint in probe for hint in self.hints)
        # Looked for in place: a line's many widgets need no copy of it each.
        return self._any_hint.search(text, start, end) is not None

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self._may_match(text, 0, len(text)) else None

    def finditer(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, start, end) if self._may_match(text, start, end) else iter(())


@lru_cache(maxsize=200_000)
def _token(word: str) -> str:
    # Stopwords are stemmed too, so some leave STOPWORDS ("this", "was" become "thi", "wa") and
    # count as content. Keeping them whole was measured and not taken (README, "Evaluation").
    # A possessive is its word ("Prodi's" is "prodi", not "prodi'"), as ROUGE reads it too.
    word = word.lower().replace("’", "'")
    return stem(word[:-2] if word.endswith("'s") else word)


def tokenize(text: str) -> tuple[str, ...]:
    """Lower-cased, stemmed word tokens with stopwords kept (bigrams need them in place)."""
    return tuple(map(_token, _WORD.findall(text)))


_CJK_CHARACTER = re.compile(f"[{_CJK}]")


def is_content(token: str) -> bool:
    """Whether the token carries meaning: no stopword, no single letter (a CJK character,
    which is a word here, is no letter)."""
    return (len(token) > 1 or _CJK_CHARACTER.match(token) is not None) and token not in STOPWORDS


def content(tokens: Iterable[str]) -> list[str]:
    """Tokens that carry meaning."""
    return [t for t in tokens if is_content(t)]


def concept_bigrams(tokens: Sequence[str]) -> set[tuple[str, str]]:
    """Bigrams that are not made of stopwords only (the ICSI summarizer's concepts), nor of
    two stray Latin letters ("u s" from "U.S."); CJK single characters are words here."""
    return {
        (a, b)
        for a, b in zip(tokens, tokens[1:])
        if not (a in STOPWORDS and b in STOPWORDS) and not (len(a) == len(b) == 1 and a.isascii() and b.isascii())
    }


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def has_words(text: str, count: int) -> bool:
    """Whether `text` holds at least `count` words; reads no further than that."""
    return count <= 0 or next(islice(_WORD.finditer(text), count - 1, None), None) is not None


# A sentence ends in . ! ? (then maybe closing quotes); a quote alone ends a headline.
_TERMINAL = re.compile(r"[.!?。！？؟][\"”’')\]]*\s*$")
# A stop inside a line before the next sentence's capital: full sentences end inside it. (The
# clean stage's caption test also takes a bracket after the stop; taken here, 5 of the 310
# evaluation briefs lost their story to page text.)
_INNER_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+[\"“‘'`]*[A-Z]")
MIN_PROSE_WORDS = 8
LONG_PARAGRAPH_WORDS = 20


# A finite verb, as far as a few forms tell one without a tagger: an auxiliary (in lower case:
# "May" is a month), a verb of saying or a common irregular past tense ("Internet access in the
# region grew"), an -ed word after a word ("Free access to the museums ended in June"; after a
# preposition, an article or a comma it is an adjective or a noun: "access to trusted journalism,
# curated newsletters", "took the injured to hospital"),
# or an -s word after a name or a plural ("Internet access in Velmora remains poor", "Free access
# to museums ends"; "access", "status", "analysis" and "news" are no such word). Present tenses
# after other words go unseen.
_FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|am|be|been|has|have|had|will|would|can|could|may|might|must|should|shall|did|does|do"
    r"|said|says|told|rose|fell|grew|found|made|took|went|came|gave|won|lost|began|became|left|saw|paid|sold|got"
    r"|held|kept|led|met|ran|spent|stood|brought|bought|built|drew|knew|meant|sent|thought|wrote|broke|chose"
    r"|cut|put|set|hit|shut|cost|hurt|let)\b"
    r"|n['’]t\b|(?<=[a-z] )(?<!\bto )(?<!\bof )(?<!\band )(?<!\bor )(?<!\bthe )(?<!\ba )(?<!\ban )[a-z]+ed\b"
    r"|(?:(?<=\S )[A-Z][\w'’-]*|\b[a-z]+s) (?!news\b)[a-z]*[a-hj-rtv-z]s\b"
)


def has_finite_verb(text: str) -> bool:
    """Whether `text` shows a finite verb (see _FINITE_VERB): a line without one is a phrase, a
    label or a blurb ("Complete digital access to quality journalism on any device.")."""
    return bool(_FINITE_VERB.search(text))


def ends_like_sentence(text: str) -> bool:
    return bool(_TERMINAL.search(text))


def is_prose(line: str) -> bool:
    """Prose ends like a sentence; a long paragraph whose tail was cut off (wire editing
    tags, a truncated scrape) still counts when full sentences end inside it."""
    if not has_words(line, MIN_PROSE_WORDS):
        return False
    return ends_like_sentence(line) or (
        has_words(line, LONG_PARAGRAPH_WORDS) and bool(_INNER_SENTENCE_END.search(line))
    )


# Characters no text holds: C0 and C1 controls other than line breaks and tabs, lone surrogates,
# private-use code points and the replacement character. Binary data read as Latin-1 (a PDF, an
# image, a zip) is a fifth to a quarter such characters; text in any script, emoji and all,
# next to none, and a text whose curly quotes were mangled by a wrong code page a few in a hundred.
_UNREADABLE = re.compile(
    r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ue000-\uf8ff\ufffd\U000f0000-\U0010ffff]"
)
MAX_UNREADABLE_SHARE = 0.1


def looks_binary(text: str) -> bool:
    """Whether `text` is binary data decoded as text (a PDF sent as text or as a page), not text."""
    return len(text) - len(_UNREADABLE.sub("", text)) > MAX_UNREADABLE_SHARE * len(text)


def smooth_idf(document_frequency: np.ndarray, documents: int) -> np.ndarray:
    """IDF with add-one smoothing (scikit-learn's `smooth_idf`): never zero, never infinite."""
    return np.log((1 + documents) / (1 + document_frequency)) + 1.0


def content_counts(token_lists: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """How often each content token occurs in each list (a row per list), columns in the
    order the content tokens first occur."""
    # Every token is numbered, then the stopwords' columns dropped: the test runs once per
    # distinct token rather than once per token. Numbering runs in C (no Python step a token).
    vocabulary = {token: k for k, token in enumerate(dict.fromkeys(chain.from_iterable(token_lists)))}
    columns = np.fromiter(map(vocabulary.__getitem__, chain.from_iterable(token_lists)), dtype=np.int64)
    rows = np.repeat(np.arange(len(token_lists)), [len(tokens) for tokens in token_lists])
    meaningful = np.fromiter((is_content(token) for token in vocabulary), dtype=bool, count=len(vocabulary))
    kept = meaningful[columns]
    renumbered = np.cumsum(meaningful) - 1
    counts = sparse.csr_matrix(
        (np.ones(int(kept.sum())), (rows[kept], renumbered[columns[kept]])),
        shape=(len(token_lists), max(int(meaningful.sum()), 1)),
    )
    counts.sum_duplicates()
    return counts


def tfidf_rows(token_lists: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """TF-IDF over content tokens, fitted on these token lists; one L2-normalised row each."""
    counts = content_counts(token_lists)
    document_frequency = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = smooth_idf(document_frequency, counts.shape[0])
    return l2_normalised(counts.multiply(idf).tocsr())


def l2_normalised(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """The rows of `matrix` scaled to unit length (an all-zero row stays zero)."""
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return (sparse.diags(1.0 / norms) @ matrix).tocsr()
