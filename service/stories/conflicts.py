"""Disagreements: where reports give different figures, or different days, for the same thing.

A false "sources differ" is worse than a missed one, so a pair of figures is compared only
when everything says they count the same thing:

- the same counted noun ("soldiers", "troops", "percent", "dollars"; "30-day ceasefire"), as
  a singular ("spacewalkers" are no "spacewalks"),
- with the same outcome word next to it ("passengers injured"), or, where there is none, in
  sentences that state the same fact (the group stage put them in one Fact, or their TF-IDF
  cosine is high) and whose words around the figure overlap; killed and wounded are two
  counts, and so are a count with an outcome word and one without, "seriously injured" and
  "injured", "12 foreign tourists" and "30 tourists" (some of a kind and all of it), a workforce ("employs 3,000") and its job losses ("1,200 will lose their jobs"),
- from different articles, each of which gives one value only and does not say it changed
  ("rose from 30 to 50", "up from an initial 38": a change, not a disagreement) nor adds it
  to another ("another 12", "12 new cases"),
- neither being the whole a part is counted out of ("nine" in "five of the nine members"),
- not each near a name the other lacks ("14 in Guatemala", "26 in Honduras"), even in one Fact,
- not dated by different days or years ("killed 10 on Monday", "killed 12 on Tuesday"),
- outside one Fact, neither naming its event only by pointing back ("killed in those protests").

A report that states the other side's value itself anywhere ("Twelve were injured … In all
30 people were hurt") takes no side against it.

Two figures differ only when the ranges their wordings allow do not meet (see
`service.numbers`): "10,000" = "ten thousand", "600" is within "around 600".
Reprints are compared too: a copy that changed a figure is a disagreement worth showing.

Days are compared only inside one Fact (sentences the group stage found to state the same
thing), where each report names one day that is no reporting date ("said Tuesday") and
the clauses the days date share a content word: "broke out on Friday" against "broke out on
Thursday", not "went missing on Saturday" against "was found alive on Monday". Weekdays and calendar dates are not
compared with each other, nor days in a row either side of a midnight ("late Tuesday", "early
Wednesday"), nor days whose sentences count differently ("10 died on Monday", "12 on Tuesday").
On DUC 2004, TAC 2011 and the Multi-News sample this flags nothing, and without the
reporting-date rule it flagged two false alarms, both report dates.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations, permutations

from service.cluster import Cluster, Sentence
from service.models import Conflict, ConflictValue
from service.components import connected
from service.numbers import MONTHS, Figure, figures, lemma, may_state_a_figure
from service.stories.dates import Day, days, is_reporting_date
from service.text import STOPWORDS, WEEKDAY, content, tfidf_rows, tokenize, words

# Sentence cosine above which two sentences in different facts still talk about the same
# thing; lower when both figures carry the same outcome word.
SAME_CONTEXT_SIMILARITY = 0.5
OUTCOME_SIMILARITY = 0.3
# Share of shared words in the windows around the two figures.
MIN_WINDOW_OVERLAP = 0.2
WINDOW = 6  # content words each side of the figure
MIN_SENTENCE_WORDS = 6
# Each outcome word's stem -> its outcome's (the first of its words: "30 people were hurt" and
# "30 injured" count one thing), and the word a "Sources differ" line names it by ("people
# killed", whether a report wrote "killing", "killed", "died" or "dead").
_OUTCOME_WORDS = (
    "killed dead died deaths", "injured wounded hurt", "missing", "arrested detained", "evacuated", "rescued",
    "displaced", "infected", "sentenced", "captured", "survived", "homeless", "stranded",
)
OUTCOMES = {tokenize(word)[0]: tokenize(words.split()[0])[0] for words in _OUTCOME_WORDS for word in words.split()}
# Outcomes told by phrases, not one word. A workforce ("employs 3,000 people") is the whole that
# job losses ("1,200 workers will lose their jobs", "laid off", "1,200 jobs will go") come out of.
EMPLOYED, LAID_OFF, JOBS_CUT = "emploi", "layoff", "jobcut"
OUTCOME_NAMES = {tokenize(words.split()[0])[0]: words.split()[0] for words in _OUTCOME_WORDS} | {
    EMPLOYED: "employed", LAID_OFF: "laid off", JOBS_CUT: "cut"
}
_LOSE = frozenset(tokenize("lose lost losing"))
_JOBS = frozenset(map(lemma, "jobs posts positions".split()))
_CUTTING = frozenset(tokenize("cut axe shed slash eliminate scrap lose lost go gone"))
# Each outcome's stems, the words a figure's context shares with another's only by telling the outcome.
_OUTCOME_STEMS = {outcome: frozenset(w for w, o in OUTCOMES.items() if o == outcome) for outcome in OUTCOME_NAMES} | {
    EMPLOYED: frozenset({"emploi", "workforc"}),
    LAID_OFF: frozenset(tokenize("laid lay layoffs redundant job")) | _LOSE,
    JOBS_CUT: _CUTTING,
}
# An adverb that makes an outcome a part of itself: "12 seriously injured" among "30 injured".
DEGREES = {tokenize(w)[0]: w for w in "seriously critically severely badly slightly lightly gravely mortally".split()}


# Durations and multiples are rarely the same thing twice ("two years ago", "20 years of
# campaigning"), so they are never compared.
CALENDAR = MONTHS | {f"{d}day" for d in ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")}
TIME_UNITS = frozenset("second minute hour day week month year decade century time".split())


# A sentence that tells a figure changing: "45, up from an initial count of 38", "the toll had
# risen to 45", "a revised figure of 45". A running story's earlier figure is not a rival one.
_REVISED = re.compile(
    r"\b(?:up|down) from\b|\b(?:risen|rose|rising|climbed|jumped|grew|grown|increased) to\b|\binitial(?:ly)?\b"
    r"|\brevised\b|\bearlier (?:toll|count|figure|estimate)s?\b",
    re.IGNORECASE,
)
# An event named only by pointing back to a sentence before ("killed in those protests", "hurt
# during that attack"): two such counts may be of two events, and only one Fact compares them.
_POINTS_BACK = re.compile(r"\b(?:in|during|from|at|after) (?:that|those) [a-z]+", re.IGNORECASE)
# A word as the reports write it in lower case: a sentence's first word among these is no name.
_LOWER_CASE_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")


@dataclass(frozen=True, slots=True)
class Mention:
    figure: Figure
    sentence: Sentence
    window: frozenset[str]
    outcome: str  # the outcome word nearest the figure ("kill" in "killing 2 and wounding 21"), or ""
    degree: str  # the adverb before the outcome word ("seriously" injured), or ""
    names: frozenset[str]  # capitalised words near the figure: where, who
    days: frozenset[tuple[str, str]]  # (kind, value) of the days the sentence dates things by
    points_back: bool  # the sentence names its event only by pointing back ("in those protests")


def _names(before: str, after: str, lower_case: set[str]) -> frozenset[str]:
    words_before = words(before)
    near = words_before[-WINDOW:] + words(after)[:WINDOW]
    # A sentence's first word is capitalised whatever it is: it names a place or people
    # only if the reports never write it in lower case ("Honduran officials said 14 …").
    start = [w for w in words_before[:1] if w.lower() in lower_case]
    return frozenset(w for w in near if w[:1].isupper() and w not in start and w.lower() not in CALENDAR)


def _outcome_at(tokens: tuple[str, ...], k: int) -> str:
    token, following = tokens[k], tokens[k + 1 : k + 3]
    if token in OUTCOMES:
        return OUTCOMES[token]
    if token == "layoff" or token == "redund" or (token in ("laid", "lai") and following[:1] == ("off",)):
        return LAID_OFF
    return LAID_OFF if token in _LOSE and "job" in following else ""


def _outcome(before: tuple[str, ...], after: tuple[str, ...], unit: str) -> tuple[str, str]:
    """The outcome of the figure between these tokens, and the degree given to it ("seriously")."""
    if before[-1:] == ("emploi",) or before[-2:] == ("workforc", "of"):
        return EMPLOYED, ""  # "employs 3,000 people", whatever outcome the sentence goes on to tell
    if unit in _JOBS and _CUTTING.intersection(before[-2:] + after[:3]):
        return JOBS_CUT, ""  # "cut 1,200 jobs", "1,200 jobs will go", not "the plant's 3,000 jobs"
    # Nearest in running words, stopwords included: "killing 2 people and wounding 21" -> kill.
    ranked = sorted([(len(before) - k, t, before, k) for k, t in enumerate(before)]
                    + [(k + 1, t, after, k) for k, t in enumerate(after)], key=lambda r: r[:2])
    for _, _, tokens, k in ranked:
        if outcome := _outcome_at(tokens, k):
            return outcome, DEGREES.get(tokens[k - 1], "") if k else ""
    return "", ""


def _mention(sentence: Sentence, figure: Figure, lower_case: set[str], dated: frozenset[tuple[str, str]]) -> Mention:
    before, after = tokenize(sentence.text[: figure.start]), tokenize(sentence.text[figure.end :])
    window = content(before)[-WINDOW:] + content(after)[:WINDOW]
    names = _names(sentence.text[: figure.start], sentence.text[figure.end :], lower_case)
    window_words = frozenset(t for t in window if not t[0].isdigit())
    points_back = _POINTS_BACK.search(sentence.text) is not None
    return Mention(figure, sentence, window_words, *_outcome(before, after, figure.unit), names, dated, points_back)


# A figure a report states, compared or not, in the sentence that states it; and with its outcome
# and degree, read only where a disagreement is weighed (see `_undisputed`), which is seldom.
Stated = tuple[str, Figure]
Said = tuple[Figure, str, str]
# Characters read each side of such a figure: enough for its outcome word ("in all 30 people were
# hurt"), and a line of a thousand figures costs a thousand short reads, not a thousand long ones.
REACH = 200


def _said(text: str, figure: Figure) -> Said:
    before = tokenize(text[max(figure.start - REACH, 0) : figure.start])
    return (figure, *_outcome(before, tokenize(text[figure.end : figure.end + REACH]), figure.unit))


# A share that moved ("fell 4 percent", "down 9 percent this year") is a change over a period
# the sentence may not name; two such are two periods more often than two claims.
_CHANGE_WORDS = frozenset(tokenize(
    "rose rise rises risen fell fall falls fallen up down gained gain lost dropped drop jumped climbed slipped "
    "increased decreased grew shrank surged plunged slumped"
))


def _is_a_change(sentence: Sentence, figure: Figure) -> bool:
    return bool(_CHANGE_WORDS.intersection(tokenize(sentence.text[: figure.start])[-2:]))


# A count added to an earlier one ("another 12 people", "12 new cases") is no rival to a total.
_ADDED_BEFORE = frozenset("another additional further extra".split())
_ADDED_AFTER = frozenset("new additional further extra fresh".split())
# A year a sentence dates its figures by, as the days do: "killed 10 people in 2019".
_YEAR = re.compile(r"(?<![\d,.$€£])\b(?:1[89]|20)\d\d\b(?![,.]\d)")


def _is_an_increment(sentence: Sentence, figure: Figure) -> bool:
    before = {w.lower() for w in words(sentence.text[max(figure.start - 30, 0) : figure.start])[-1:]}
    return bool(before & _ADDED_BEFORE) or figure.phrase.split(" ", 1)[0] in _ADDED_AFTER


def mentions(cluster: Cluster) -> tuple[list[Mention], dict[str, list[Stated]]]:
    """The figures compared, and every figure each report states, compared or not."""
    compared: list[Mention] = []
    stated: dict[str, list[Stated]] = defaultdict(list)
    lower_case = set(_LOWER_CASE_WORD.findall("\n".join(s.text for s in cluster.sentences)))
    for sentence in cluster.sentences:
        if not may_state_a_figure(sentence.text):
            continue
        dated = frozenset([(d.kind, d.value) for d in days(sentence.text)]
                          + [("year", year) for year in _YEAR.findall(sentence.text)])
        every = figures(sentence.text)
        stated[sentence.article_id].extend((sentence.text, f) for f in every)
        if len(sentence.tokens) < MIN_SENTENCE_WORDS:
            continue  # too short: editors' notes, captions
        if _REVISED.search(sentence.text):
            continue  # a figure the report says has changed: another report's earlier one is no rival
        here = [
            f for f in every
            # "8 mph (13 kph)": a conversion in brackets restates the figure before it.
            if f.unit.split()[-1] not in TIME_UNITS and not sentence.text[: f.start].rstrip().endswith("(")
        ]
        units = [f.unit for f in here]
        # A sentence listing several figures of one unit ("2.6% in 1999, 2.8% in 2000")
        # pairs them with things we cannot see; none of them is compared. Nor is the whole
        # of a partition: "five of the nine members" counts a committee, while another
        # report's "four members" counts those who voted one way.
        compared.extend(
            _mention(sentence, f, lower_case, dated)
            for f in here
            if units.count(f.unit) == 1 and not f.whole and not (f.unit == "percent" and _is_a_change(sentence, f))
            and not _is_an_increment(sentence, f)
        )
    return compared, stated


class _SentenceSimilarity:
    """TF-IDF cosine between the sentences that carry figures."""

    def __init__(self, found: list[Mention]):
        sentences = list({id(m.sentence): m.sentence for m in found}.values())
        self.row = {id(s): k for k, s in enumerate(sentences)}
        vectors = tfidf_rows([s.tokens for s in sentences])
        self.matrix = (vectors @ vectors.T).toarray()

    def __call__(self, a: Sentence, b: Sentence) -> float:
        return float(self.matrix[self.row[id(a)], self.row[id(b)]])


def _modifiers(figure: Figure) -> list[str]:
    """The words before the counted noun: "foreign" in "12 foreign tourists"."""
    return figure.phrase.split()[:-1]


def _comparable(a: Mention, b: Mention, similarity: _SentenceSimilarity) -> bool:
    if a.sentence.article_id == b.sentence.article_id or a.figure.unit != b.figure.unit:
        return False
    if a.outcome != b.outcome or a.degree != b.degree:
        return False
    if bool(_modifiers(a.figure)) != bool(_modifiers(b.figure)):
        return False  # "12 foreign tourists" are some of "30 tourists", as "seriously injured" are of "injured"
    if a.names - b.names and b.names - a.names:
        # "213 killed in Kenya" and "11 killed in Tanzania" are two counts, even in one Fact and
        # whatever name both share ("Floods killed 14 in Guatemala", "Floods killed 26 in Honduras").
        return False
    if {kind for kind, _ in a.days} & {kind for kind, _ in b.days} and not a.days & b.days:
        return False  # "killed 10 on Monday", "killed 12 on Tuesday": two days' tolls, even in one Fact
    if a.sentence.fact >= 0 and a.sentence.fact == b.sentence.fact:
        return True
    if a.points_back or b.points_back:
        return False  # "two people were killed in that unrest": which unrest, the sentence before tells
    shared = a.window & b.window - _OUTCOME_STEMS.get(a.outcome, frozenset())
    union = a.window | b.window
    if a.outcome:
        # An outcome word ("passengers injured") pins the count down: related sentences
        # that share some other word near the figure (the hospital, the place) will do.
        return bool(shared) and similarity(a.sentence, b.sentence) >= OUTCOME_SIMILARITY
    return similarity(a.sentence, b.sentence) >= SAME_CONTEXT_SIMILARITY and len(shared) / len(union) >= MIN_WINDOW_OVERLAP


def _value_classes(group: list[Mention]) -> list[list[Mention]] | None:
    """Mentions split into classes of compatible values; None when a report contradicts itself."""
    classes: list[tuple[float, float, list[Mention]]] = []
    for mention in sorted(group, key=lambda m: (m.figure.high - m.figure.low, m.figure.value)):
        # Most precise figures first, so that "around 600" joins "600" rather than founding a class.
        for k, (low, high, members) in enumerate(classes):
            if mention.figure.low <= high and low <= mention.figure.high:
                members.append(mention)
                classes[k] = (max(low, mention.figure.low), min(high, mention.figure.high), members)
                break
        else:
            classes.append((mention.figure.low, mention.figure.high, [mention]))
    by_article: dict[str, int] = {}
    for k, (_, _, members) in enumerate(classes):
        for mention in members:
            if by_article.setdefault(mention.sentence.article_id, k) != k:
                return None
    return [members for _, _, members in sorted(classes, key=lambda c: c[0])]


def _about(group: list[Mention]) -> str:
    # An amount with no noun after it ("a fee of £85 million") is about its currency: "pounds".
    phrase = max((m.figure.phrase for m in group), key=len) or f"{group[0].figure.unit}s"
    outcome = group[0].outcome
    if not outcome:
        return phrase
    return " ".join(w for w in (phrase, group[0].degree, OUTCOME_NAMES[outcome]) if w)


def _meet(a: Figure, b: Figure) -> bool:
    return a.low <= b.high and b.low <= a.high


def _undisputed(classes: list[list[Mention]], stated: dict[str, list[Stated]]) -> list[Mention]:
    """The mentions whose reports state nowhere a value of another class: a report's "Twelve
    injured" does not dispute another's "Thirty injured" when it also says "in all 30 people were hurt"."""
    # A class's values are those all its members allow: "at least 60" joined "60", and is no "65".
    ranges = [(max(m.figure.low for m in c), min(m.figure.high for m in c)) for c in classes]
    said: dict[str, list[Said]] = {}
    kept = []
    for k, members in enumerate(classes):
        others = [r for j, r in enumerate(ranges) if j != k]
        for mention in members:
            article = mention.sentence.article_id
            if article not in said:
                said[article] = [_said(text, figure) for text, figure in stated[article]]
            alike = [f for f, outcome, degree in said[article]
                     if (f.unit, outcome, degree) == (mention.figure.unit, mention.outcome, mention.degree)]
            if not any(f.low <= high and low <= f.high for f in alike for low, high in others):
                kept.append(mention)
    return kept


def _figure_conflicts(cluster: Cluster) -> list[Conflict]:
    found, stated = mentions(cluster)
    if len(found) < 2:
        return []
    similarity = _SentenceSimilarity(found)
    groups = connected(len(found), lambda i, j: _comparable(found[i], found[j], similarity))
    conflicts = []
    for indices in groups:
        group = [found[i] for i in indices]
        classes = _value_classes(group) if len(group) > 1 else None
        if classes and len(classes) > 1:
            classes = _value_classes(_undisputed(classes, stated))
        if not classes or len(classes) < 2:
            continue
        values = [
            ConflictValue(
                value=min((m.figure for m in members), key=lambda f: f.high - f.low).text,
                article_ids=list(dict.fromkeys(m.sentence.article_id for m in members)),
            )
            for members in classes
        ]
        conflicts.append(Conflict(about=_about(group), values=values))
    return conflicts


# Words between an event and its day that say nothing of the event ("broke out early on").
_DAY_LEAD_IN = re.compile(r"(?:\b(?:on|early|late|last|this|next|by|until|since|at|from|of|in)\s*)+$", re.IGNORECASE)
EVENT_WORDS = 10


def _event(sentence: Sentence, day: Day) -> str:
    """The clause the day dates, as the report wrote it: "when a fire broke out in the …"."""
    clause = _DAY_LEAD_IN.sub("", re.split(r"[,;:(]", sentence.text[: day.start])[-1].strip()).split()
    if not clause:  # "On Friday, a fire broke out ..."
        clause = re.split(r"[,;:(]", sentence.text[day.end :])[0].split()
    if not clause:
        return "the day"
    if clause[0].lower() in STOPWORDS:
        clause[0] = clause[0].lower()
    shown = " ".join(clause[:EVENT_WORDS]).rstrip(".")
    return f"when {shown}" + (" …" if len(clause) > EVENT_WORDS else "")


_NEAR_MIDNIGHT = re.compile(r"\b\d{1,2}:\d\d\b|\bovernight\b", re.IGNORECASE)
# Content words of the clause a day dates, nearest first, that tell which event it is.
EVENT_CUES = 3


def _event_cues(sentence: Sentence, day: Day) -> set[str]:
    """The last content words before the day in its clause (after it, where the day opens
    it): "went missing on Saturday" and "was found alive on Monday" date two events."""
    def cues(text: str) -> list[str]:
        return content(tokenize(" ".join(w for w in words(text) if w.lower() not in STOPWORDS)))

    before = cues(re.split(r"[,;:(]", sentence.text[: day.start])[-1])[-EVENT_CUES:]
    return set(before or cues(re.split(r"[,;:(]", sentence.text[day.end :])[0])[:EVENT_CUES])


_WEEKDAYS = WEEKDAY.lower().split("|")
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
# Words near a day that put the event close to one of its midnights: "late Tuesday", "early
# Wednesday", "Tuesday night", "shortly after midnight on Wednesday".
_EARLY_HOURS = frozenset("early morning dawn pre-dawn predawn midnight".split())
_LATE_HOURS = frozenset("late night evening tonight midnight".split())


def _day_after(day: Day) -> str:
    """The value of the day after `day`, "" for a date no calendar has ("Feb 31")."""
    if day.kind == "weekday":
        return _WEEKDAYS[(_WEEKDAYS.index(day.value) + 1) % 7]
    month, number = day.value.split()
    try:  # 2000 was a leap year: "Feb 29" has a next day
        following = date(2000, _MONTHS.index(month) + 1, int(number)) + timedelta(days=1)
    except ValueError:
        return ""
    return f"{_MONTHS[following.month - 1]} {following.day}"


def _hours(sentence: Sentence, day: Day) -> set[str]:
    """Which of the day's ends ("early", "late") the words next to it put the event at."""
    near = {w.lower() for w in words(sentence.text[: day.start])[-4:] + words(sentence.text[day.end :])[:2]}
    return {end for end, hours in (("early", _EARLY_HOURS), ("late", _LATE_HOURS)) if hours & near}


def _across_midnight(earlier: list[tuple[Sentence, Day]], later: list[tuple[Sentence, Day]]) -> bool:
    """Days in a row whose reports may tell one night: "late Tuesday" and "early Wednesday" (or
    just "Wednesday") are one time in two time zones, or either side of midnight; "early on
    Thursday" and "early on Friday" are a day apart."""
    if _day_after(earlier[0][1]) != later[0][1].value:
        return False
    first, second = [_hours(*item) for item in earlier], [_hours(*item) for item in later]
    toward = any("late" in h for h in first) or any("early" in h for h in second)
    return toward and {"early"} not in first and {"late"} not in second


def _count_differently(a: list[Figure], b: list[Figure]) -> bool:
    """Two sentences' figures of one unit cannot be the same values: "the floods killed 10 on
    Monday" and "killed 12 on Tuesday" tell two days' tolls more likely than one dispute."""
    mine: dict[str, list[Figure]] = defaultdict(list)
    theirs: dict[str, list[Figure]] = defaultdict(list)
    for given, by_unit in ((a, mine), (b, theirs)):
        for f in given:
            by_unit[f.unit].append(f)
    for unit in mine.keys() & theirs.keys():
        x, y = mine[unit], theirs[unit]
        # One each: do their ranges meet? Several ("killing 10 and injuring 30 people"): the same values?
        one_each = len(x) == len(y) == 1
        if (not _meet(x[0], y[0])) if one_each else {f.value for f in x} != {f.value for f in y}:
            return True
    return False


def _date_conflicts(cluster: Cluster) -> list[Conflict]:
    dated: dict[tuple[int, str], list[tuple[Sentence, Day]]] = defaultdict(list)
    for sentence in cluster.sentences:
        named = days(sentence.text)
        if (
            sentence.fact >= 0
            and len(named) == 1
            and not is_reporting_date(sentence.text, named[0])
            # A clock time puts the day in a time zone, and "overnight" spans two: neither is compared.
            and not _NEAR_MIDNIGHT.search(sentence.text)
        ):
            dated[(sentence.fact, named[0].kind)].append((sentence, named[0]))
    conflicts = []
    for items in dated.values():
        by_value: dict[str, list[tuple[Sentence, Day]]] = {}
        for sentence, day in items:
            by_value.setdefault(day.value, []).append((sentence, day))
        articles = [sentence.article_id for sentence, _ in items]
        if len(by_value) < 2 or len(set(articles)) != len(articles):
            continue  # one day for everyone, or a report that dates the statement twice
        if set.intersection(*(_event_cues(sentence, day) for sentence, day in items)) == set():
            continue  # the days date different events of one Fact: a disappearance and a rescue
        if len(by_value) == 2 and any(_across_midnight(*pair) for pair in permutations(by_value.values())):
            continue
        counted = [(day.value, figures(sentence.text)) for sentence, day in items]
        if any(a[0] != b[0] and _count_differently(a[1], b[1]) for a, b in combinations(counted, 2)):
            continue
        values = [
            ConflictValue(value=members[0][1].text, article_ids=[s.article_id for s, _ in members])
            for members in sorted(by_value.values(), key=lambda m: -len(m))
        ]
        conflicts.append(Conflict(about=_event(*items[0]), values=values))
    return conflicts


def find_conflicts(cluster: Cluster) -> list[Conflict]:
    """What the reports disagree on (figures, days), each with the values and the articles giving them."""
    conflicts = _figure_conflicts(cluster) + _date_conflicts(cluster)
    conflicts.sort(key=lambda c: -sum(len(v.article_ids) for v in c.values))
    # Two groups of mentions can tell one disagreement, one within the other: it is shown once.
    shown: list[tuple[str, set[tuple[str, str]]]] = []
    kept = []
    for conflict in conflicts:
        given = {(v.value, a) for v in conflict.values for a in v.article_ids}
        if not any(about == conflict.about and given <= before for about, before in shown):
            shown.append((conflict.about, given))
            kept.append(conflict)
    return kept
