"""Reading the day an event happened from a sentence: "on Friday", "Nov. 20", "20 November".

A day next to a reporting word ("said Tuesday", "KCNA reported on Sunday") is when a report
was filed, which differs between reports of one event every day: `is_reporting_date` tells
it apart so that it is never compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.text import MONTH, WEEKDAY, tokenize

# A month's day, not a year ("May 2024") nor a count after the month ("Nov. 20,000").
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?![\d,.]\d)"
_DATE = re.compile(
    rf"\b(?:(?P<weekday>{WEEKDAY})\b|(?P<month>{MONTH})\s+(?P<day>{_DAY})\b|(?P<day_first>{_DAY})\s+(?P<month_after>{MONTH})(?!\w))"
)
REPORTING = frozenset(
    tokenize(
        "said says say told tells reported reports announced announces added stated statement according "
        "quoted confirmed confirms declared wrote published broadcast interview conference briefing"
    )
)
NEAR = 4  # words each side of the day that may make it a reporting date


@dataclass(frozen=True, slots=True)
class Day:
    kind: str  # "weekday" or "date": the two are never compared
    value: str  # normalised: "friday", "nov 20"
    text: str  # as written
    start: int
    end: int


def days(sentence: str) -> list[Day]:
    """Every day named in the sentence, reporting dates included (see `is_reporting_date`)."""
    found = []
    for match in _DATE.finditer(sentence):
        if match["weekday"]:
            kind, value = "weekday", match["weekday"].lower()
        else:
            month = (match["month"] or match["month_after"]).rstrip(".").lower()[:3]
            kind, value = "date", f"{month} {int(match['day'] or match['day_first'])}"
        found.append(Day(kind, value, match.group(0), match.start(), match.end()))
    return found


def is_reporting_date(sentence: str, day: Day) -> bool:
    """Whether a reporting word sits within NEAR words of the day."""
    nearby = tokenize(sentence[: day.start])[-NEAR:] + tokenize(sentence[day.end :])[:NEAR]
    return any(token in REPORTING for token in nearby)
