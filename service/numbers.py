"""Figures in report text: "around 600 soldiers", "ten thousand troops", "$1.5 billion".

Each figure is read as the range of values its wording allows, so the same number written
two ways is one range: "10,000" and "ten thousand" are both 10,000; "around 600" is
510-690 and includes "600"; "more than 10,000" is 10,000 and up. Vague plurals
("thousands", "dozens") and numbers that are not counts (years, dates, clock times, ages
without a noun, ordinals, names like "M-13" or "COVID-19") are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.text import MONTH_NAMES, STOPWORDS

_TOKEN = re.compile(r"[$€£%]|\d+(?:[.,]\d+)*|[A-Za-z]+(?:['’][A-Za-z]+)?|[^\sA-Za-z\d]")
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_PLAIN = re.compile(r"^\d+(?:\.\d+)?$")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES = {w: i for i, w in enumerate(_ONES)} | {w: 10 * i for i, w in enumerate(_TENS) if w != "_"}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9}
_WORD_SCALES = {"hundred", "thousand", "million", "billion", "trillion"}
MONTHS = frozenset(m.lower() for m in MONTH_NAMES) | frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Words before a number that make it a name or an index, not a count.
_LABELS = frozenset("no number article section resolution flight route highway chapter level grade category "
                    "phase page paragraph room gate terminal platform channel model version".split())
_FOOTNOTE_AFTER = frozenset('.,;:)”"’\'')
_ORDINAL = frozenset({"st", "nd", "rd", "th"})
_CURRENCY = {"$": "dollar", "€": "euro", "£": "pound"}
# Words that end a number's noun phrase: what happened to the counted, not what was counted.
_PREDICATES = frozenset(
    "dead fled left lost fell rose went came took won got ran hit set cut put told say says "
    "aboard ago apiece overall total abroad inside outside nationwide worldwide across behind beyond "
    "near toward towards onboard besides despite amid among alone".split()
)
# Between a part and its whole: "five of the nine", "two of its three".
_PARTITION_DETERMINERS = frozenset("the its their his her our these those".split())
_PER_PERIOD = re.compile(r"\s+(?:a|an|per|each|every)\s+(?:second|minute|hour|day|night|week|month|year)\b", re.I)
_DOTTED_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_RANGE_LINKS = frozenset(["and", "to", "or", "-", "–", "—"])
_FRACTIONS = frozenset("half halves third thirds quarter quarters fifth fifths tenth tenths".split())
_PERCENT = frozenset({"%", "percent", "pc"})
# The words a number can start with; any other token is skipped without parsing.
_NUMBER_STARTS = frozenset(WORD_VALUES) | {"a"}
_NUMBER_WORDS = frozenset([*WORD_VALUES, *_WORD_SCALES, "dozen"])
_DIGIT = re.compile(r"\d")
_LOWER_WORD = re.compile(r"[a-z]+")


def may_state_a_figure(sentence: str) -> bool:
    """Whether the sentence holds a digit or a number word: most do not, and `figures`
    need not read them."""
    return _DIGIT.search(sentence) is not None or not _NUMBER_WORDS.isdisjoint(_LOWER_WORD.findall(sentence.lower()))

# Qualifier -> (low factor, high factor); None = unbounded on that side.
QUALIFIERS: dict[tuple[str, ...], tuple[float | None, float | None]] = {
    ("more", "than"): (1.0, None), ("over",): (1.0, None), ("at", "least"): (1.0, None),
    ("upwards", "of"): (1.0, None), ("in", "excess", "of"): (1.0, None), ("just", "over"): (1.0, None),
    ("up", "to"): (None, 1.0), ("as", "many", "as"): (None, 1.0), ("as", "much", "as"): (None, 1.0), ("fewer", "than"): (None, 1.0),
    ("less", "than"): (None, 1.0), ("under",): (None, 1.0), ("at", "most"): (None, 1.0),
    ("no", "more", "than"): (None, 1.0), ("just", "under"): (None, 1.0),
    ("nearly",): (0.85, 1.0), ("almost",): (0.85, 1.0), ("close", "to"): (0.85, 1.0),
    ("about",): (0.85, 1.15), ("around",): (0.85, 1.15), ("some",): (0.85, 1.15),
    ("approximately",): (0.85, 1.15), ("roughly",): (0.85, 1.15), ("estimated",): (0.85, 1.15),
    ("an", "estimated"): (0.85, 1.15), ("approx",): (0.85, 1.15), ("circa",): (0.85, 1.15),
}
# A figure with this many trailing zeros ("10,000"), or written with a scale word ("1.5
# million"), is a rounded one, read as ±ROUNDED_TOLERANCE.
ROUNDED_ZEROS = 3
ROUNDED_TOLERANCE = 0.05
IRREGULAR = {
    "people": "person", "men": "man", "women": "woman", "children": "child", "police": "police", "buses": "bus",
    "news": "news", "series": "series", "species": "species",
}


@dataclass(frozen=True, slots=True)
class Figure:
    value: float
    low: float
    high: float
    text: str  # as written, qualifier included: "around 600"
    unit: str  # normalised head noun ("soldier"), "percent", or a currency sign
    phrase: str  # the words after the number, as written: "North Korean soldiers"
    start: int  # offsets of the number (qualifier included) in the sentence
    end: int  # end of the unit phrase
    # The whole a part is counted out of: "nine" in "five of the nine members", "3" in "2 of 3 yachts".
    whole: bool = False


# A plural's ending, and what its singular ends with instead: "ladies", "boxes", "churches".
_PLURAL_ENDINGS = (("ies", "y"), ("sses", "ss"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("s", ""))


def lemma(word: str) -> str:
    """A counted noun's singular, lower-cased ("soldiers" -> "soldier"). Not its stem: a stem
    makes one thing of "spacewalkers" and "spacewalks", of "officers" and "offices"."""
    lower = word.lower()
    if lower in IRREGULAR:
        return IRREGULAR[lower]
    if lower.endswith(("ss", "us", "is")) or len(lower) <= 3:
        return lower  # "press", "bus", "crisis", "gas": no plural
    return next((lower[: -len(end)] + singular for end, singular in _PLURAL_ENDINGS if lower.endswith(end)), lower)


def _parse_digits(token: str) -> tuple[float, int] | None:
    """Value and count of trailing zeros, for "10,000", "1.5", "600"."""
    if _GROUPED.match(token):
        token = token.replace(",", "")
    elif not _PLAIN.match(token):
        return None
    integer = token.split(".")[0]
    zeros = len(integer) - len(integer.rstrip("0")) if "." not in token and integer != "0" else 0
    return float(token), zeros


class _Reader:
    def __init__(self, sentence: str):
        self.text = sentence
        self.tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]
        self.lower = [t.lower() for t, _, _ in self.tokens]

    def word(self, i: int) -> str:
        return self.lower[i] if 0 <= i < len(self.tokens) else ""

    def attached(self, i: int) -> bool:
        """Token i directly follows token i-1, with no space between."""
        return 0 < i < len(self.tokens) and self.tokens[i - 1][2] == self.tokens[i][1]

    def number_at(self, i: int) -> tuple[float, int, bool] | None:
        """(value, next token index, rounded) for a number starting at token i."""
        word = self.word(i)
        if word[:1].isdigit():
            parsed = _parse_digits(self.tokens[i][0])
            if parsed is None:
                return None
            value, zeros = parsed
            j, rounded = i + 1, zeros >= ROUNDED_ZEROS
            if self.word(j) in SCALES and (self.word(j) in _WORD_SCALES or self.attached(j)):
                value, j, rounded = value * SCALES[self.word(j)], j + 1, True
            return value, j, rounded
        return self._number_words(i)

    def _number_words(self, i: int) -> tuple[float, int, bool] | None:
        total, current, j, seen = 0.0, 0.0, i, False
        if self.word(i) == "a" and self.word(i + 1) in _WORD_SCALES | {"dozen"}:
            current, j, seen = 1.0, i + 1, True
        while True:
            word = self.word(j)
            if word in WORD_VALUES:
                current += WORD_VALUES[word]
            elif word == "dozen" and seen:
                current *= 12
            elif word in _WORD_SCALES and seen:
                scale = SCALES[word]
                if scale == 100:
                    current *= 100
                else:
                    total, current = total + current * scale, 0.0
            elif word in ("-", "and") and seen and self.word(j + 1) in WORD_VALUES:
                pass
            else:
                break
            seen = True
            j += 1
        if not seen:
            return None
        words = self.lower[i:j]
        # A lone "one" is a pronoun far more often than a count ("one of his projects").
        if words in (["one"], ["a"]):
            return None
        return total + current, j, words[-1] in _WORD_SCALES

    def qualifier(self, i: int) -> tuple[int, tuple[float | None, float | None]] | None:
        for size in (3, 2, 1):
            key = tuple(self.lower[max(i - size, 0) : i])
            if len(key) == size and key in QUALIFIERS:
                return i - size, QUALIFIERS[key]
        return None

    def is_label(self, i: int) -> bool:
        previous = self.word(i - 1)
        if previous in MONTHS or self.word(i + 1) in MONTHS or previous in _LABELS:
            return True
        # "M-13", "COVID-19", "G7": a number glued to a word or a hyphen after a word;
        # "times.”5": a footnote mark glued to punctuation.
        if self.attached(i) and (previous.isalpha() or previous in _FOOTNOTE_AFTER
                                 or (previous == "-" and self.attached(i - 1))):
            return True
        following = self.word(i + 1)
        return (self.attached(i + 1) and following in _ORDINAL) or (following in (":", ".") and self.word(i + 2)[:1].isdigit())

    def is_ambiguous(self, i: int) -> bool:
        """The number at token i may be grouped as another language groups thousands: "1.500"
        (1,500 or 1.5) and the "500" of "1 500"."""
        token = self.tokens[i][0]
        if _DOTTED_THOUSANDS.match(token):
            return True
        previous = self.tokens[i - 1] if i > 0 else None
        return (
            previous is not None
            and len(token) == 3
            and token.isdigit()
            and previous[0].isdigit()
            and len(previous[0]) <= 3
            and self.text[previous[2] : self.tokens[i][1]] == " "
        )

    def range_opening(self, i: int) -> tuple[float, int] | None:
        """(value, start) of the number that opens a range the number at token i closes:
        "between 30 and 35", "30 to 35", "30–35", "two or three"."""
        if self.word(i - 1) not in _RANGE_LINKS or i < 2:
            return None
        opening = self.number_at(i - 2)
        if opening is None or opening[1] != i - 1:
            return None
        return opening[0], self.tokens[i - 2][1]

    def in_a_fraction(self, i: int) -> bool:
        """The number at token i is part of a fraction: its base ("half a million", "a quarter of
        a million", "two thirds of the 300"), read alone the whole, or its count ("two thirds")."""
        k = i - 1 - (self.word(i - 1) in _PARTITION_DETERMINERS)
        return (
            self.word(i - 1) == "half"
            or (self.word(k) == "of" and self.word(k - 1) in _FRACTIONS)
            or self.word(i + 1) in _FRACTIONS
        )

    def is_whole(self, i: int) -> bool:
        """The number at token i follows "<number> of (the)" or "<number> out of (the)"."""
        k = i - 1 - (self.word(i - 1) in _PARTITION_DETERMINERS)
        if self.word(k) != "of":
            return False
        k -= 1 + (self.word(k - 1) == "out")
        return self.word(k)[:1].isdigit() or self.word(k) in WORD_VALUES

    def unit_phrase(self, j: int) -> tuple[str, str, int, int]:
        """(normalised head, words as written, end of the figure as written, end of the
        phrase) for the noun phrase from token j."""
        figure_end = self.tokens[j - 1][2]
        if self.word(j) in _PERCENT or (self.word(j) == "per" and self.word(j + 1) == "cent"):
            end = self.tokens[j + (1 if self.word(j) == "per" else 0)][2]
            return "percent", "percent", end, end
        compound = ""
        if self.word(j) == "-" and self.attached(j) and self.word(j + 1).isalpha():
            # "30-day ceasefire", "three-day visit": the count belongs to the compound.
            compound, figure_end, j = lemma(self.tokens[j + 1][0]) + " ", self.tokens[j + 1][2], j + 2
        words: list[int] = []
        while j < len(self.tokens) and len(words) < 4:
            word = self.word(j)
            if not word.isalpha() or word in STOPWORDS or word in MONTHS or word in _PREDICATES or word.endswith(("ed", "ing", "ly")):
                break
            words.append(j)
            j += 1
        if not words:
            return "", "", figure_end, figure_end
        phrase = self.text[self.tokens[words[0]][1] : self.tokens[words[-1]][2]]
        return compound + lemma(self.tokens[words[-1]][0]), phrase, figure_end, self.tokens[words[-1]][2]


def figures(sentence: str) -> list[Figure]:
    """Every count, amount or share stated in the sentence."""
    reader = _Reader(sentence)
    found: list[Figure] = []
    i = 0
    while i < len(reader.tokens):
        if not (reader.lower[i][:1].isdigit() or reader.lower[i] in _NUMBER_STARTS):
            i += 1
            continue
        number = reader.number_at(i)
        if number is None or reader.is_label(i) or reader.in_a_fraction(i) or reader.is_ambiguous(i):
            i += 1
            continue
        value, j, rounded = number
        if _YEAR.match(reader.tokens[i][0]):
            i = j
            continue
        currency = _CURRENCY.get(reader.word(i - 1), "")
        unit, phrase, figure_end, end = reader.unit_phrase(j)
        unit = currency or unit
        # A bare number ("aged 82", "won 64 of the 122") names nothing to compare, and a rate ("300
        # migrants a day") is compared with no other period's ("2,000 a week").
        if not unit or _PER_PERIOD.match(sentence, end):
            i = j
            continue
        start = reader.tokens[i - 1][1] if currency else reader.tokens[i][1]
        tolerance = value * ROUNDED_TOLERANCE if rounded else 0.0
        low, high = value - tolerance, value + tolerance
        qualifier = reader.qualifier(i - 1 if currency else i)
        if qualifier:
            q_start, (low_factor, high_factor) = qualifier
            start = reader.tokens[q_start][1]
            low = value * low_factor if low_factor is not None else float("-inf")
            high = value * high_factor if high_factor is not None else float("inf")
        if (opening := reader.range_opening(i)) is not None:
            low, start = min(low, opening[0]), opening[1]
        text = sentence[start:figure_end]
        found.append(Figure(value, low, high, text, unit, phrase, start, end, reader.is_whole(i)))
        i = j
    return found
