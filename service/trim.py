"""Trim: cut the words a report's sentence needs and a brief's sentence does not.

A report is written for one day and one flow of text; a brief pools reports of several
days and reorders their sentences. So a brief sentence loses
- a connective that points back to a sentence the brief does not show, opening it ("However, ",
  "Meanwhile, ") or set inside it ("Hun Sen, however, rejected"), or an editor's label that
  dates the page ("Update: ", "UPDATE 2: ", "ORIGINAL POST: ") or files it ("Breaking News: ",
  "EXCLUSIVE: "),
- the weekday, which only the report's own date anchors ("on Tuesday", "Monday night"),
  unless a word before it needs it ("as soon as Monday", "on a Sunday morning", "starting Monday"),
  the participle of a clause it ends ("according to a poll published Tuesday."), or a range or
  list goes on from it to another day ("Monday to Friday", not "voted Friday to strip"),
- a parenthetical aside ("(AP)", "(R-Texas)", "(about $3 million)"), unless it defines an
  acronym the reports go on to use ("World Food Program (WFP)").
- the lone bracket a parenthesis over several sentences leaves ("(The White House …"), and the
  brackets of a sentence set whole in them ("(Weinstein denied the claims.)").
What is left still says all the report said about the story, in fewer words, and the budget
goes further (README, "Evaluation": it gained on all three evaluation sets).

What stays: attributions ("…, state media said") — a brief must not turn a source's claim
into its own — and every word of a sentence that quotes someone or sits inside a quotation,
but for what stands before the quotation and is no word of it: an agency's credit a page
left there ("(AP) — "), an opening connective or day ("Meanwhile, ", "On Monday, ").
"""

from __future__ import annotations

import re

from service.text import (
    AUXILIARIES,
    MONTH,
    MONTH_DATE,
    MONTH_NAMES,
    MONTHS_NOT_NAMES,
    PICTURE_AGENCIES,
    QUOTATION_MARK,
    SENTENCE_OPENERS,
    WEEKDAY,
    has_finite_verb,
)

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
# The page's label for what kind of piece it is ("Breaking News: ", "EXCLUSIVE: ", "Opinion: "),
# or its aside to the reader ("Note: ").
_KIND_OF_PIECE = (
    r"(?i:(?:breaking|developing)(?: news| story)?|exclusive|opinion|analysis|commentary|editorial|explainer"
    r"|fact ?check|factbox|special report|sponsored(?: content)?|just in|(?:editor['’]?s )?note)"
)
# The same connectives set inside a sentence ("Hun Sen, however, rejected that."); "though" only
# between commas, where it is no conjunction ("Both, though, agreed").
_INNER_CONNECTIVE = re.compile(
    r",\s(?:however|meanwhile|moreover|furthermore|nevertheless|nonetheless|though)(?:,(?=\s)|(?=[.!?]$))"
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
# A weekday alone that opens a clause before an auxiliary is its subject ("and, yes, Sunday was
# 10-10-10", "said Monday was the deadline"); after a noun it dates the noun's event ("the storm
# that roared across Europe Thursday have killed").
_VERB_AFTER = re.compile(rf"\s(?:{'|'.join(sorted(AUXILIARIES))})\b")
_CLAUSE_BEFORE = re.compile(r"(?:^|[,;:]|\b(?:and|but|or|that|because|said|says))\s*$")
_CLAUSE_REACH = 12  # characters: "because" and the spaces around it
_DETERMINERS = frozenset(
    "a an the that this each one following previous coming same past his her its their our my your whose".split()
)
# After the weekday only a range or list goes on ("Monday to Friday", "Tuesday or Wednesday",
# "Wednesday night into Friday"): "stunned the House Saturday morning by saying" dates the event.
_RANGE_WORDS_AFTER = frozenset("to until till through into and or but of".split())
# …on to another day the weekday goes with ("Tuesday or early Wednesday", "Tuesday of next week",
# "began Thursday and will end today", "Monday to 5 p.m."); where the same words go on with the
# sentence alone ("broke the deadlock Friday and agreed", "voted Friday to strip", "the discovery
# Tuesday of a foot"), the weekday only dates the event.
_DAY_WORDS = "week|weekend|day|night|morning|afternoon|evening|today|tonight|tomorrow|yesterday|daily"
_ANOTHER_DAY = re.compile(
    rf"\s(?:to|until|till|through)\s\d|,?\s(?:{'|'.join(sorted(_RANGE_WORDS_AFTER))})(?:\s[\w'’-]+){{0,3}}?"
    rf"\s(?:(?:on|early|late|last|this|next)\s)?(?:{WEEKDAY}|{MONTH}(?!\w)|(?:{_DAY_WORDS})s?\b)"
)
# …and the day it goes on to stays with it ("meet Yilmaz on Thursday, and other leaders Friday"),
# looked for in the characters a weekday and three words take, so a line of weekdays reads fast.
_LIST_REACH = 100
_FROM_ANOTHER_DAY = re.compile(
    rf"(?:{WEEKDAY}){_DAY_PART},?\s(?:{'|'.join(sorted(_RANGE_WORDS_AFTER))})(?:\s[\w'’-]+){{0,3}}$"
)
# A past participle whose clause the weekday ends needs it: "according to a poll published
# Tuesday." would be left "a poll published.". Its clause opens after a comma or a relative
# pronoun ("the report, released on Thursday, is", "which ended Wednesday,"), or after a noun
# phrase that a preposition opens and another word governs ("In a letter to the king released
# Monday, "; not a preposition inside a name: "the Department of Health reported Tuesday.").
# After its subject the verb is finite and ends the sentence alone ("the agency reported
# Tuesday.", "The mayor of Halloran resigned Monday.", "She was sentenced Monday."), and where
# words go on after the day, they complete it ("published Tuesday in Nature", "confirmed
# Sunday that").
_IRREGULAR_PARTICIPLES = frozenset(
    "made held hidden shown seen given taken sent found written known built sold stolen brought caught".split()
)
_PREPOSITIONS = frozenset(
    "about according against among at between by during for from in into of on onto over through to under with within"
    .split()
)
_RELATIVE_PRONOUNS = frozenset("which that who".split())
_VERBS = AUXILIARIES | frozenset("be been being said says".split())
_NOUN_PHRASE_WORDS = 12  # how far back the phrase may open: "In a letter to King Norodom Sihanouk released"
_CLAUSE_END = re.compile(r"\)?(?:[,.;:!?]|$)")  # a stop or a comma after the day, a bracket maybe closing first
# Words that open a phrase set before a clause's subject ("In a letter …, she"), whose comma a
# connective after it leaves in place ("In Brussels, however, Holbrooke said" -> "In Brussels,
# Holbrooke said").
_OPENING_PHRASE_WORDS = _PREPOSITIONS | frozenset(
    "when while as if although because once unless unlike despite now then soon later earlier".split()
)
# A sentence set whole in brackets, an aside the report gave a sentence of its own ("(Weinstein
# denied the claims.)"); a bracketed credit with no stop ("(Reporting by …)") is none.
_BRACKETED_SENTENCE = re.compile(r"\(([^()]+[.!?][\"”’']?)\)")
_DATE_AFTER = re.compile(rf",?\s+(?:{MONTH}|\d)")
# A named day is no date to drop: "Black Friday", "Super Tuesday", "Super Bowl Sunday". (Any
# capital before a weekday would not do: "lost a vote in the Chamber of Deputies Friday".)
_DAY_NAMED_BY = re.compile(
    r"\b(?:Black|Cyber|Giving|Good|Holy|Maundy|Easter|Palm|Ash|Fat|Shrove|Whit|Super(?: Bowl)?|Bloody) $"
)
_NAME_REACH = 10  # characters such a name takes before the weekday ("Super Bowl", with the space before the day)
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
# A byline run into the sentence it heads where a page had no line break: "By Jane Roe, Staff
# Writer Police said", "By Jane Roe and Tom Hale, Associated Press Writers Police said", "By JANE
# ROE Police said". "By" opens real sentences too ("By Monday afternoon, the", "By law, the", "By Jane Roe's
# count"), so the byline is read by its shape: names of two words (a middle initial between), a
# title closed by a comma before the next author, the last one ending on a word for a job
# ("Deputy General Counsel"), then with no stop a word that opens a clause ("Every day, people",
# "Police said"). Where two names' words and a third capitalised one run on, which of them opens
# the clause is untold ("By Mary Ann Smith Police said"): none is cut. So are the day, the
# holiday and the month a real sentence opens with ("By Election Day Smith had won", "By Christmas
# Jane Roe had").
# Two capitalised words alone read as a name just as well when they are a time or a place ("By
# Spring Training Smith had", "By Super Bowl Sunday, fans", "By Ferry Terminal Two there"): after
# such a bare name only a determiner or pronoun opens the clause, and no byline is cut before a
# day, a month or a number, which goes on with the words before it.
_DETERMINERS_AND_PRONOUNS = frozenset(
    "The A An He She It They We I You This These Those His Her Their Our My Your Its Every Each".split()
)
_CLAUSE_OPENERS = _DETERMINERS_AND_PRONOUNS | frozenset(
    SENTENCE_OPENERS.split("|") + "Some Many Most All No Both Several One Two Three That".split()
)
_NOT_A_NAME = (
    rf"(?!(?i:{WEEKDAY}|{MONTHS_NOT_NAMES}|Christmas|Easter|Thanksgiving"
    rf"|Halloween|Election|Labor|Memorial|New|Day|Eve|Year|Week|Noon|Midnight|Dawn|{'|'.join(sorted(_CLAUSE_OPENERS))})"
    r"\b)"
)
_NAME_WORD = rf"{_NOT_A_NAME}(?:[A-Z]['’])?[A-Z][a-z]+(?:-?[A-Z][a-z]+)*"  # "Jane", "O'Dowd", "McKay-Roe"
_NAME_WORD_IN_CAPITALS = rf"{_NOT_A_NAME}(?:[A-Z]['’])?[A-Z]{{2,}}(?:-[A-Z]{{2,}})?"
_PERSON = rf"(?:{_NAME_WORD} (?:[A-Z]\. )?{_NAME_WORD}|{_NAME_WORD_IN_CAPITALS} (?:[A-Z]\. )?{_NAME_WORD_IN_CAPITALS})"
_BARE_PERSON = re.compile(rf"By {_NAME_WORD} (?:[A-Z]\. )?{_NAME_WORD} ")
# Months spelt out: "Jan" after a byline is a name ("…, Staff Writer Jan Horak said").
_GOES_ON_FROM_THE_BYLINE = (
    _WEEKDAYS
    | frozenset(MONTH_NAMES)
    | frozenset("One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Twenty Thirty Hundred Thousand".split())
)
_TITLE_WORD = r"(?:[A-Z][\w&.'’-]*|of|for|the|on|at|in|&)"
_JOBS = (
    "Writer|Reporter|Correspondent|Editor|Columnist|Contributor|Counsel|Officer|Director|President|Manager|Staff"
    "|Analyst|Producer|Secretary|Chair|Chairman|Founder|Executive|Professor|Fellow|Author|Critic"
)
_AUTHOR = rf"{_PERSON}(?:, [A-Z][\w&.'’-]*(?: {_TITLE_WORD}){{0,7}}(?=,))?"
_BYLINE = re.compile(
    rf"^By {_AUTHOR}(?:(?:,| and|, and) {_AUTHOR}){{0,3}}(?:,? (?:{_TITLE_WORD} ){{0,5}}(?:{_JOBS})s?)?"
    r" (?=[A-Z][a-z]*(?:['’][a-z]+)?(?:,? [a-z]|,))"
)
# A credit or a hat tip in brackets after the sentence's last stop: "(h/t Jan Horak.)", "(via
# Reuters)", "(Photo: Jane Roe/AP)", "(Reporting by …; Editing by …)". A bracket of the story's
# own words there ("(The mayor abstained.)") is no credit.
_CREDITED_AGENCY = rf"(?:{'|'.join(PICTURE_AGENCIES)}|Associated Press)(?: Photo| Images)?\b"
_TRAILING_CREDIT = re.compile(
    r"\((?:(?:(?i:h/t|hat[ -]tip|via)\b|HT:|(?:Photo|Image|Picture|Video|Photograph)s?(?: [Cc]redit)?(?::| by\b)"
    r"|Credit:|(?:Additional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting)(?: and [a-z]+)? by\b)[^()]*"
    rf"|{_CREDITED_AGENCY}(?:/[^()]*)?|[^()/]{{1,40}}/{_CREDITED_AGENCY}[^()]*)\)\.?"
)
_PARENTHETICAL = re.compile(r"\s\([^()]{1,60}\)|^\([^()]{1,60}\)\s+(?=\S)")
# "(WFP)", "(NGOs)", "(IgG)": letters only, at least two of them capitals.
_ACRONYM = re.compile(r"\s\(((?=(?:[a-z]*[A-Z]){2})[A-Za-z]{2,8})\)")
# How far back the name an acronym abbreviates may start: "Nations Children's Fund (UNICEF)".
_NAME_WORDS = 6
MIN_WORDS_LEFT = 4


def trim(text: str) -> str:
    """`text` with the words a brief does not need cut; a quotation is never touched."""
    # What stands before or after a quotation is no part of it: an agency's credit, a byline, a
    # credit after the last stop, a lone bracket, an opening connective or day.
    text = _without_byline(_without_trailing_credit(_OPENING_CREDIT.sub("", text)))
    # A parenthesis over several sentences leaves each a bracket it does not close or open.
    if text.startswith("(") and ")" not in text:
        text = text[1:]
    elif text.endswith(")") and "(" not in text:
        text = text[:-1]
    elif (bracketed := _BRACKETED_SENTENCE.fullmatch(text)) and len(text.split()) >= MIN_WORDS_LEFT:
        text = bracketed.group(1)
    for opener in (_EDITORS_LABEL, _CONNECTIVE, _DAY_OPENER, _BARE_DAY_OPENER):
        # An opener is words and a comma or colon only: a quotation, if any, starts after it.
        found = opener.match(text)
        rest = text[found.end() :] if found else ""
        if len(rest.split()) >= MIN_WORDS_LEFT and not _quotes_on_from_the_opener(rest):
            text = rest[0].upper() + rest[1:]
    if QUOTATION_MARK.search(text):
        return text
    text = _without_inner_connective(drop_weekdays(text))
    if "(" in text:
        text = _DOUBLED_STOP.sub("", _PARENTHETICAL.sub(_aside_or_definition, text))
    return text


def _without_byline(text: str) -> str:
    """`text` without the byline run into it (see _BYLINE), where the words after it open a
    clause: a pronoun or determiner, or a subject and its verb ("Police said"); after a bare name,
    a determiner or pronoun only."""
    found = _BYLINE.match(text)
    if found is None:
        return text
    rest = text[found.end() :]
    words = rest.split()
    first = words[0].rstrip(",")
    if first in _GOES_ON_FROM_THE_BYLINE:
        return text
    if _BARE_PERSON.fullmatch(found.group()):
        opens_a_clause = first in _DETERMINERS_AND_PRONOUNS
    else:
        opens_a_clause = first in _CLAUSE_OPENERS or has_finite_verb(" ".join(words[:3]))
    return rest if opens_a_clause and len(words) >= MIN_WORDS_LEFT else text


def _without_trailing_credit(text: str) -> str:
    """`text` without a credit in brackets after its last stop (see _TRAILING_CREDIT)."""
    opened = text.rfind("(")
    before = text[:opened].rstrip()
    after_a_stop = opened > 0 and text[opened - 1].isspace() and before.rstrip("\"”’'").endswith((".", "!", "?"))
    if after_a_stop and _TRAILING_CREDIT.fullmatch(text, opened) and len(before.split()) >= MIN_WORDS_LEFT:
        return before
    return text


def without_editors_label(headline: str) -> str:
    """A page's headline without the editor's label that dates or files it ("UPDATE: ",
    "UPDATES ", "Analysis: ")."""
    found = _EDITORS_LABEL.match(headline)
    if found is None:
        return headline
    rest = headline[found.end() :]
    return rest[:1].upper() + rest[1:]


def _without_inner_connective(text: str) -> str:
    """`text` without a connective set inside it between commas, and the comma before it unless
    that one closes an opening phrase. After an earlier comma, what the words before it are is
    not told ("Harakat, a group …, said, however, that"): it stays."""
    found = _INNER_CONNECTIVE.search(text)
    if found is None or "," in text[: found.start()]:
        return text
    closes_opener = found.group().endswith(",") and text.split(None, 1)[0].lower() in _OPENING_PHRASE_WORDS
    return text[: found.start()] + ("," if closes_opener else "") + text[found.end() :]


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
    before = _word_before(text, weekday.start())
    bare = weekday.group().split()[0] in _WEEKDAYS  # no "on", "late", … before it
    return (
        before not in _KEEPING_WORDS_BEFORE
        and before not in _WEEKDAY_NEEDED_BY
        and not (bare and (before in _DETERMINERS or _named_day(text, weekday.start())))
        and not (bare and _opens_a_clause(weekday))
        and not _ANOTHER_DAY.match(text, weekday.end())
        and not _FROM_ANOTHER_DAY.search(text, max(weekday.start() - _LIST_REACH, 0), weekday.start())
        and not _DATE_AFTER.match(text, weekday.end())
        and not _ends_a_participles_clause(weekday)
    )


def _opens_a_clause(weekday: re.Match[str]) -> bool:
    """Whether the bare weekday is the subject of a clause it opens (see _CLAUSE_BEFORE)."""
    text, start = weekday.string, weekday.start()
    before = max(start - _CLAUSE_REACH, 0)
    return bool(_VERB_AFTER.match(text, weekday.end()) and _CLAUSE_BEFORE.search(text, before, start))


def _named_day(text: str, start: int) -> bool:
    """Whether the weekday after `start` is part of a day's name ("Black Friday"): read in the
    few characters such a word takes, so that a line of weekdays reads in linear time."""
    return bool(_DAY_NAMED_BY.search(text, max(start - _NAME_REACH, 0), start + 1))


def _ends_a_participles_clause(weekday: re.Match[str]) -> bool:
    """Whether the weekday ends the clause of the participle before it (see _IRREGULAR_PARTICIPLES)."""
    text = weekday.string
    if not _CLAUSE_END.match(text, weekday.end()):
        return False
    words = text[: weekday.start()].split()
    if not words or not is_participle(words[-1]):
        return False
    participle = len(words) - 1
    in_a_phrase = False  # whether a preposition's phrase holds the noun before the participle
    first = max(participle - _NOUN_PHRASE_WORDS, 0)  # the first word read
    for k in range(participle - 1, first - 1, -1):
        word, lower = words[k], words[k].lower()
        if lower in _RELATIVE_PRONOUNS:
            return k == participle - 1
        if word.endswith((",", ";", ":", "(", "—")):
            # A comma opens an aside the day closes with another ("the report, released on Thursday,
            # is"); before a stop, the verb after an aside is the sentence's ("…, continued Monday.").
            return _opens_a_leading_phrase(words[k + 1]) if in_a_phrase else (
                k == participle - 1 and text.startswith(",", weekday.end())
            )
        in_a_name = k > 0 and words[k - 1][:1].isupper() and words[k + 1][:1].isupper()
        if lower in _PREPOSITIONS and not in_a_name:
            if in_a_phrase:
                return True
            in_a_phrase = True
        elif word.endswith(".") or lower in _VERBS or is_participle(word):
            return in_a_phrase  # after a verb, the noun phrase is its object
    # At the sentence's start the noun phrase is its subject ("The mayor of Halloran resigned
    # Monday."), unless a phrase opens the sentence ("In a letter to the king released Monday, ").
    return in_a_phrase and (first > 0 or _opens_a_leading_phrase(words[0]))


def _opens_a_leading_phrase(word: str) -> bool:
    """Whether `word` opens a phrase set before a clause's subject: a preposition or a participle."""
    return word.lower() in _OPENING_PHRASE_WORDS or (word[:1].isupper() and word.endswith("ing"))


def is_participle(word: str) -> bool:
    """Whether a word in lower case reads as a past participle ("published", "held")."""
    regular = len(word) > 4 and word.endswith("ed")
    return word.isalpha() and word.islower() and (regular or word in _IRREGULAR_PARTICIPLES)


def _word_before(text: str, position: int) -> str:
    """The last word before `position`, lower case ("on" in "for comment.On")."""
    token = text[:position].rstrip(",;: ").rsplit(None, 1)[-1:]
    return _NOT_LETTER.split(token[0])[-1].lower() if token else ""
