"""Trim: cut the words a report's sentence needs and a brief's sentence does not.

A report is written for one day and one flow of text; a brief pools reports of several
days and reorders their sentences. So a brief sentence loses
- an opening connective that points back to a sentence the brief does not show
  ("However, ", "Meanwhile, "), or an editor's label that dates the page ("Update: ",
  "UPDATE 2: ", "ORIGINAL POST: ") or files it ("Breaking News: ", "EXCLUSIVE: "),
- the weekday, which only the report's own date anchors ("on Tuesday", "Monday night"),
  unless a word before it needs it ("as soon as Monday", "on a Sunday morning", "starting Monday"),
- a parenthetical aside ("(AP)", "(R-Texas)", "(about $3 million)"), unless it defines an
  acronym the reports go on to use ("World Food Program (WFP)").
- the lone bracket a parenthesis over several sentences leaves ("(The White House …").
What is left still says all the report said about the story, in fewer words, and the budget
goes further (README, "Evaluation": it gained on all three evaluation sets).

What stays: attributions ("…, state media said") — a brief must not turn a source's claim
into its own — and every word of a sentence that quotes someone or sits inside a quotation,
but for what stands before the quotation and is no word of it: an agency's credit a page
left there ("(AP) — "), an opening connective or day ("Meanwhile, ", "On Monday, ").
"""

from __future__ import annotations

import re

from service.text import MONTH, MONTH_DATE, QUOTATION_MARK, WEEKDAY

_DAY_PARTS = "morning|afternoon|evening|night"
_DAY_PART = rf"(?: (?:{_DAY_PARTS}))?"
_EARLY_OR_LATE = "(?:Early|Late|Earlier|Later)"
_CONNECTIVE = re.compile(
    r"^(?:However|Meanwhile|Also|In addition|Moreover|Furthermore|But|And|Still|Yet|Nevertheless|Nonetheless"
    r"|Indeed|Instead|In fact|Separately|Elsewhere|At the same time|Finally|Lastly|Thus|Therefore|Likewise|Similarly"
    r"|Besides|For example|For instance|As a result|In other words|By contrast|In contrast|By comparison|Even so"
    r"|Plus|What's more|What’s more|On top of that|On the other hand|In any case|After all|Of course"
    r"|In the meantime|In response|For (?:its|his|her|their) part|Rather|Then|So),\s+(?=\S)"
)
# The page's label for what kind of piece it is ("Breaking News: ", "EXCLUSIVE: ", "Opinion: ").
_KIND_OF_PIECE = (
    r"(?i:(?:breaking|developing)(?: news| story)?|exclusive|opinion|analysis|commentary|editorial|explainer"
    r"|fact ?check|factbox|special report|sponsored(?: content)?|just in)"
)
_EDITORS_LABEL = re.compile(
    # …also after a page widget's name run into it: "Article Extras Updated: Shermain Miles read",
    # and in capitals as a kicker with no colon: "UPDATES Who Will Be Captain America?".
    rf"^(?:[A-Z][a-z]+ ){{0,2}}(?:(?:UPDATE[SD]?|Update[sd]?|ORIGINAL POST|Original post)(?: \d{{1,2}})?"
    rf"(?:,? (?:\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|{MONTH_DATE}))?:|UPDATE[SD]?(?= [A-Z])|{_KIND_OF_PIECE}:)\s+(?=\S)"
)
_DAY_OPENER = re.compile(
    rf"^(?:{_EARLY_OR_LATE} )?(?:on )?(?:{WEEKDAY}|today|yesterday|tonight){_DAY_PART},\s+(?=\S)",
    re.IGNORECASE,
)
# The weekday inside a sentence, with the words that only attach it: "on", "late", "last",
# and the time zone it is told in ("released Wednesday evening local time after …").
_WEEKDAY = re.compile(
    rf"\s(?:(?:late|early|last|this) )?(?:on )?(?:{WEEKDAY}){_DAY_PART}"
    r"(?: \(?local time\)?| (?:GMT|UTC|[ECMP][SD]?T)\b)?(?=[\s,.;:]|$)"
    rf"(?! (?:{_DAY_PARTS})\b)"
)
# A weekday is part of what the sentence says after a word it completes: in a range or a
# list ("from Monday to Friday"), after a preposition, a participle that works as one, or "be"
# ("as soon as Monday", "classes resume starting Monday", "his trial would be on Monday"). So
# is one that names a date ("Tuesday, June 19").
_KEEPING_WORDS_BEFORE = frozenset(
    "from to until till through between and or but by since before after of every next last this"
    " as for into onto in at on than be is was were been being are"
    " about against amid among around beyond despite during except including excluding like near over past"
    " per toward towards under upon via with within without"
    " starting beginning effective ending pending barring".split()
)
# Words that need the weekday after them too: a hedge or focus on it ("until at least Tuesday,
# maybe Wednesday", "even Friday night"), and "spend" ("spent Friday in Brazil").
_WEEKDAY_NEEDED_BY = frozenset(
    "least most maybe perhaps possibly probably even only spend spends spent spending".split()
)
# A determiner keeps a weekday it stands right before ("on a Sunday morning, while", "that
# Monday", "began his Friday on Twitter"); before "on Friday" it belongs to something else
# ("said that on Friday he").
_WEEKDAYS = frozenset(WEEKDAY.split("|"))
_DETERMINERS = frozenset(
    "a an the that this each one following previous coming same past his her its their our my your whose".split()
)
# After the weekday only a range or list goes on ("Monday to Friday", "Tuesday or Wednesday",
# "Wednesday night into Friday"): "stunned the House Saturday morning by saying" dates the event.
_RANGE_WORDS_AFTER = frozenset("to until till through into and or but of".split())
_DATE_AFTER = re.compile(rf",?\s+(?:{MONTH}|\d)")
# A named day is no date to drop: "Black Friday", "Super Tuesday", "Easter Sunday". (Any
# capital before a weekday would not do: "lost a vote in the Chamber of Deputies Friday".)
_DAY_NAMED_BY = re.compile(r"\b(?:Black|Cyber|Giving|Good|Holy|Maundy|Easter|Palm|Ash|Fat|Shrove|Whit|Super|Bloody) $")
# Without its comma only after "On" or "Late" ("On Tuesday the council voted"), where the
# day cannot be the sentence's subject ("Tuesday was calm"), and not before a range or a date
# ("On Tuesday and Wednesday", "On Tuesday June 19") or a part of the day's name
# ("On Tuesday night's show").
_BARE_DAY_OPENER = re.compile(
    rf"^(?:{_EARLY_OR_LATE}(?: on)?|On) (?:{WEEKDAY}){_DAY_PART}(?!{_DATE_AFTER.pattern})\s+"
    rf"(?!(?:{'|'.join(sorted(_RANGE_WORDS_AFTER))}|{_DAY_PARTS})\b)(?=[A-Za-z])"
)
_NOT_LETTER = re.compile(r"[^A-Za-z']")
# What dropping a weekday or an aside leaves after an abbreviation's stop: "at 4 a.m. on
# Monday." and "at 8:30 a.m. (0630 GMT)." must not end "a.m..".
_DOUBLED_STOP = re.compile(r"(?<=\w\.)\.(?=\s*$)")
# "(AP) — ", "(Reuters) - ", "(CNN) " before a sentence's first word, or a picture's credit
# left there, photographer and outlet joined by a slash ("(Eddy Kennedy/CBC) ").
_OPENING_CREDIT = re.compile(
    r"^\((?:[A-Z][A-Za-z.]{1,11}(?: [A-Z][A-Za-z.]{1,11})?|[A-Z][^()/]{0,40}/[A-Z][^()]{0,40})\)"
    r"\s*(?:--|—|–|-)?\s+(?=[A-Z“\"])"
)
_PARENTHETICAL = re.compile(r"\s\([^()]{1,60}\)|^\([^()]{1,60}\)\s+(?=\S)")
# "(WFP)", "(NGOs)", "(IgG)": letters only, at least two of them capitals.
_ACRONYM = re.compile(r"\s\(((?=(?:[a-z]*[A-Z]){2})[A-Za-z]{2,8})\)")
# How far back the name an acronym abbreviates may start: "Nations Children's Fund (UNICEF)".
_NAME_WORDS = 6
MIN_WORDS_LEFT = 4


def trim(text: str) -> str:
    """`text` with the words a brief does not need cut; a quotation is never touched."""
    # What stands before a quotation is no part of it: an agency's credit, a lone bracket,
    # an opening connective or day.
    text = _OPENING_CREDIT.sub("", text)
    # A parenthesis over several sentences leaves each a bracket it does not close or open.
    if text.startswith("(") and ")" not in text:
        text = text[1:]
    elif text.endswith(")") and "(" not in text:
        text = text[:-1]
    for opener in (_EDITORS_LABEL, _CONNECTIVE, _DAY_OPENER, _BARE_DAY_OPENER):
        # An opener is words and a comma or colon only: a quotation, if any, starts after it.
        found = opener.match(text)
        rest = text[found.end() :] if found else ""
        if len(rest.split()) >= MIN_WORDS_LEFT and not _quotes_on_from_the_opener(rest):
            text = rest[0].upper() + rest[1:]
    if QUOTATION_MARK.search(text):
        return text
    text = drop_weekdays(text)
    if "(" in text:
        text = _DOUBLED_STOP.sub("", _PARENTHETICAL.sub(_aside_or_definition, text))
    return text


def without_editors_label(headline: str) -> str:
    """A page's headline without the editor's label that dates or files it ("UPDATE: ",
    "UPDATES ", "Analysis: ")."""
    found = _EDITORS_LABEL.match(headline)
    if found is None:
        return headline
    rest = headline[found.end() :]
    return rest[:1].upper() + rest[1:]


def _quotes_on_from_the_opener(rest: str) -> bool:
    """Whether `rest` opens on a quotation in lower case, which goes on from the words before
    it ("For instance, "only a handful" of his slaves …"): it cannot open a sentence."""
    quoted = rest.lstrip("\"“‘'`")
    return quoted != rest and quoted[:1].islower()


def _aside_or_definition(parenthetical: re.Match[str]) -> str:
    """"" for an aside; the acronym kept when it abbreviates the words just before it (its
    first letter starts one of them), since a later sentence may use it bare."""
    acronym = _ACRONYM.fullmatch(parenthetical.group())
    if acronym is None:
        # After a preposition or "be" it is what the words before it need ("apologizing to
        # (her fiancé)", "at (302) 324-2785").
        completes = _word_before(parenthetical.string, parenthetical.start()) in _KEEPING_WORDS_BEFORE
        return parenthetical.group() if completes else ""
    name = parenthetical.string[: parenthetical.start()].split()[-_NAME_WORDS:]
    initial = acronym.group(1)[0]
    return parenthetical.group() if any(word[0].upper() == initial for word in name) else ""


def drop_weekdays(text: str) -> str:
    """`text` without the weekdays that only date an event ("crashed on Tuesday"), keeping
    those that say something ("from Monday to Friday")."""
    if "day" not in text:  # every weekday's name ends so: most sentences skip the regex
        return text
    pieces, resume = [], 0
    for weekday in _WEEKDAY.finditer(text):
        if not _only_dates_the_event(weekday):
            continue
        start, end = weekday.span()
        # Set off by commas ("who, on Friday, were"), it takes both along.
        if text[start - 1 : start] == "," and text[end : end + 1] == ",":
            start, end = start - 1, end + 1
        pieces.append(text[resume:start])
        resume = end
    if not pieces:
        return text
    return _DOUBLED_STOP.sub("", "".join(pieces) + text[resume:])


def _only_dates_the_event(weekday: re.Match[str]) -> bool:
    text = weekday.string
    after = [w.strip(",;:").lower() for w in text[weekday.end() :].split()[:1]]
    before = _word_before(text, weekday.start())
    bare = weekday.group().split()[0] in _WEEKDAYS  # no "on", "late", … before it
    return (
        before not in _KEEPING_WORDS_BEFORE
        and before not in _WEEKDAY_NEEDED_BY
        and not (bare and (before in _DETERMINERS or _DAY_NAMED_BY.search(text, 0, weekday.start() + 1)))
        and not any(word in _RANGE_WORDS_AFTER for word in after)
        and not _DATE_AFTER.match(text, weekday.end())
    )


def _word_before(text: str, position: int) -> str:
    """The last word before `position`, lower case ("on" in "for comment.On")."""
    token = text[:position].rstrip(",;: ").rsplit(None, 1)[-1:]
    return _NOT_LETTER.split(token[0])[-1].lower() if token else ""
