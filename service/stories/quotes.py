"""The key quote: the direct quote most reports carry, who said it, and which reports.

Quotes are read from the cleaned text between quotation marks (“…”, "…", ``…'', ‘…’ and
'…' as British outlets write them). Reports trim and re-punctuate the same quote, so two
quotes are one when most of the shorter one's words, three at least, are in the longer one; a
title in the marks ("Star Wars: The Force Awakens", every content word capitalised) is none. The speaker is
the name governing the quote in its sentence ("Kim told Lavrov that …", "…, Graham said",
"Rachel Reeves, the finance minister, said", "according to TASS", the subject of "…, saying
…"), voted across the reports that carry it: "Kim told Lavrov that '…', KCNA said" credits
Kim, and the news agency that relayed it only when nothing else names a speaker. A name that
modifies a noun ("a White House official"), a preposition's object ("a spokesman for Beijing
2008"), a day and a word opening the sentence ("Police said") name nobody; a lone capitalised
word opening it speaks as a surname only where the report names it so elsewhere ("Kowalski",
after "Fire chief Anna Kowalski"). A speaker is named in full as the report names them
("Dusek" -> "Petr Dusek"), without a title the report leaves off its surname ("CEO Sofia
Lindgren" -> "Sofia Lindgren"). The same reading credits a brief sentence that is only
someone's words (`speaker_of_quote`), and a quote that is its sentence's whole is credited as
such a sentence is, from the quote or the prose before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from service.cluster import Cluster, Document, Sentence
from service.models import Quote
from service.stages.segment import credit_follows, in_title_case, is_abbreviation, split_sentences
from service.text import (
    CITED_GROUPS,
    MONTHS_NOT_NAMES,
    OPENS_A_QUOTE,
    QUOTATION_MARK,
    QUOTED_SPAN,
    SPEECH_VERBS,
    STOPWORDS,
    WEEKDAY,
    content,
    tokenize,
)

MIN_QUOTE_WORDS = 5
# A longer quote is a statement read out in full: the brief keeps its opening sentences.
MAX_QUOTE_WORDS = 40
# Share of the shorter quote's content words that the longer one must contain.
SAME_QUOTE = 0.7
MIN_SHARED_WORDS = 3
# Distinct wordings of the key quote among which its most typical one is looked for.
MEDOID_CANDIDATES = 64

# A straight quote mark opens after a space or bracket and closes before a non-letter, and a
# ``...'' quote holds no other mark: one unpaired or short quote earlier in a page must not
# turn the prose between two quotes into a "quote".
_OPENS = rf"(?<![^{OPENS_A_QUOTE}])"
_QUOTE = re.compile(
    rf"“([^”“\"]{{8,}}?)”|{_OPENS}\"(?=\S)([^\"]{{8,}}?)(?<=\S)\"(?!\w)|``((?:(?!''|``).){{8,}}?)''"
    rf"|‘([^’]{{8,}}?)’(?!\w)|{_OPENS}'(?=\S)([^']{{8,}}?)(?<=\S)'(?!\w)"
)
_SPEECH = rf"(?:{SPEECH_VERBS})"
# A name's words ("AT&T", "O'Neill", "U.S."), with the particles that join them ("Ursula von der
# Leyen", "Abdul Muttaleb al-Ahmad"); a name starts no word's middle, and a particle is a whole word
# ("Blair also" holds no "al").
_CAP = r"[A-Z][\w'’.&-]*"
# A place's words hold no full stop but an acronym's ("U.S."): it may end the sentence ("said J.R.
# Calder. Officials met").
_PLACE_WORD = r"(?:[A-Z][\w'’&-]*|(?:[A-Z]\.){2,})"
_PARTICLE = r"(?:al|bin|ibn|de|da|di|du|del|dos|van|von|der|den|la|le)\b(?:-[A-Z][\w'’.&-]*)?"
# A run of name words is taken whole (possessive): nothing read after a name opens with a name
# word, so a shorter name never fits where the whole does not, and a long run ("Jan von der Jan
# von der …") is read once, not once for every end.
_NAME = rf"(?<![\w.&-])({_CAP}(?:\s+(?:{_CAP}|{_PARTICLE}))*+)"
# A subject pronoun: the speech verb's subject, and so no part of a name or title before it.
_PRONOUN = "he|she|they|it|we|i|you"
# What stands between a subject and its speech verb: "Kowalski also said", "Erdogan later told",
# "Smith on Monday said"; any other word makes the name a modifier ("Appeal judges said",
# "Smith's spokesman said", "Velmora officials said") or the verb another subject's ("Although
# the government said", "Afterwards he said").
_THEN = (
    rf"also|then|later|earlier|soon|again|once|first|had|has|have|was|were|is|would|will|[a-z]+ly|on\s+(?:{WEEKDAY})"
    r"|[a-z]+ed\s+and"  # "Sture Allen smiled and said"
)
# "Rachel Reeves, the UK's finance minister, said": a description between a name and its verb,
# opening in lower case ("Smith, 45,", "Trump, speaking in Ohio,"), two of them ("Jan Horak, 54,
# the former chief of Velmora Ferries,") or a party ("Rep. John Lewis, D-Ga.,"); or the comma
# closing a description before the name ("The finance minister, Rachel Reeves, said").
_DESCRIBES = r"(?=[a-z\d])[^,;:.!?\"“”]{1,80}"
_DESCRIPTION = rf"(?:,\s+[DRI]-[\w.]+(?:,\s+{_DESCRIBES})?|(?:,\s+{_DESCRIBES}){{1,2}}),"
# "Secretary of State Antony Blinken said": the portfolio of a title, which is no part of the name.
_PORTFOLIOS = frozenset(
    "State Defense Defence Finance Health Justice Energy Education Labor Labour Agriculture Commerce Transportation "
    "Transport Treasury Interior Homeland Security Foreign Home Affairs Trade Industry Environment Economy".split()
)
_PORTFOLIO = "|".join(sorted(_PORTFOLIOS))
# "The National Weather Service in Miami said", "Rep. Nancy Johnson of Connecticut said": where
# the speaker is from.
_WHERE = (
    rf"(?P<where>\s+(?:in|from|of(?!\s+(?:{_PORTFOLIO})\s))\s+(?:the\s+)?{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}})?"
)
# "The Ad-Diyar newspaper said": the name of a paper or agency.
_MEDIA = r"news\s+agency|agency|newspaper|daily|weekly|magazine|website|broadcaster"
# "Lavrov told Kim that …" / "Graham said: …": a name, then what joins it to its speech verb.
_NAMES = re.compile(_NAME)
_GOVERNS = re.compile(
    _WHERE + rf"(?:\s+(?:{_MEDIA}))?(?:{_DESCRIPTION}|(?P<closing>,(?=\s)))?\s+(?:(?:{_THEN})\s+){{0,2}}?{_SPEECH}\b"
)
# "…," Graham said / "…," said Graham / "…," KCNA said.
# "harbour master Ines Calder said", "said mayor Anouk Brandt"; never a pronoun or a speech
# verb ("…," he told The Associated Press. Yarkoni said …" names no speaker).
_TITLE = rf"(?:(?!(?:{_PRONOUN}|{SPEECH_VERBS})\s)[a-z]+\s+){{0,3}}"
# "…," the finance minister, Rachel Reeves, said: a description, then the name between commas.
_DESCRIBED = rf"(?:(?:the|a|an|its|his|her|their)\s+(?:(?!\b(?:{SPEECH_VERBS})\b)[^,;:.!?\"“”]){{1,60}},\s+)?"
# "Amadou, 35, from Mauritania told AFP": a description and a home town between name and verb.
_WHO_MORE = rf"(?:{_DESCRIPTION}|,(?=\s))?" + r"(?:\s+from\s+[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?)?"
# "said Brackenford fire chief Dana Whitcombe", "said former England captain Alan Shearer", "said
# University of Sao Paulo political scientist Eduardo Kugelmas": a place or body before the
# title, then a full name.
_PLACE = rf"{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,3}}(?:\s+of\s+(?:the\s+)?{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}})?"
_TITLE_WORD = r"(?!(?:of|the|a|an|and|in|at|for|from|to|on|with)\s)[a-z]+"
_TITLE_PLACE = rf"(?:{_TITLE}{_PLACE}\s+(?=(?:{_TITLE_WORD}\s+){{1,3}}{_CAP}\s+[A-Z]))?"
# Roles, which go before a name and end a title in its middle ("Chief District Officer Suresh Sunar").
TITLES = frozenset(
    "Mr Mrs Ms Dr Prof Sen Rep Gen Col President Minister Secretary General Senator Deputy "
    "Governor Chancellor Chief Leader Spokesman Spokeswoman Director Chairman Ambassador Mayor Judge "
    "King Queen Pope Prince Premier Commissioner Officer Speaker Executive Attorney Justice Sheriff Inspector "
    "Superintendent Commander Captain Colonel Lieutenant Sergeant Professor Detective Constable Det Const Sgt Lt "
    "Supt Rev Gov Member Administrator Representative Master Boss Chair Chairwoman Head Coach Manager".split()
)
_TITLE_WORDS = "|".join(sorted(TITLES))
# "U.S. Secretary of State Antony Blinken said", "Bank of England Governor Andrew Bailey said": a
# title of a portfolio, or a body named with "of" before a title, ahead of the name.
_TITLE_OF = (
    rf"(?:(?:{_CAP}\s+){{1,3}}of\s+(?:the\s+)?"
    rf"(?=(?:{_PORTFOLIO})\s|(?:{_PLACE_WORD}\s+){{1,3}}(?:{_TITLE_WORDS})\.?\s+[A-Z]))?"
)
_AFTER = re.compile(
    r"^[\s,!?]*(?:" + _TITLE + _DESCRIBED + _TITLE_OF + _NAME + _WHO_MORE + r"\s+" + _SPEECH
    + r"|" + _SPEECH + r"\s+" + _TITLE_PLACE + _TITLE + _TITLE_OF + _NAME + r")"
)
# "Finance minister Rachel Reeves welcomed the cut, saying it would "…"": a participle of
# speech after the main clause speaks for that clause's subject, the name opening the sentence
# (two words at least, one after a title, or a surname the report names elsewhere: a lone
# capitalised first word may be any noun, "Officials welcomed …"), before its verb and with no
# other clause between them. The title is a role, not any word ("Police arrested John Smith
# after …, saying" is no Smith's), and a possessive is no subject ("Netanyahu's office promised
# …, saying").
_ROLE = (
    "minister|secretary|chief|spokesman|spokeswoman|spokesperson|president|director|leader|chairman|chairwoman"
    "|governor|mayor|master|officer|commissioner|chancellor|ambassador|senator|manager|coach|captain|executive"
)
_SUBJECT_SAYING = re.compile(
    rf"^\s*(?P<title>(?:[A-Z][\w'’.-]*\s+){{0,2}}(?:{_ROLE})\s+)?" + _NAME
    + rf"(?<!['’]s)(?:{_DESCRIPTION})?"
    + rf"\s+(?!(?:{_PRONOUN}|the|a|an|of|and|or|to|in|on|at)\s)[a-z]+\b[^,;:.!?“”\"]*,\s+"
    r"(?:saying|adding|noting|warning|writing|arguing|insisting|stressing|explaining)\b[^.!?]*$"
)
# A later speech verb governs the quote instead of an earlier one ("Horak said the man was armed
# when a witness told him "…""), unless its subject is a pronoun, who may be the same speaker
# ("Horak said he told them "…""); a participle ("adding") speaks for the earlier subject.
_CLAIMS = re.compile(
    rf"\b(?:(?P<pronoun>(?i:{_PRONOUN}))\s+(?:(?:{_THEN})\s+){{0,2}})?"
    r"(?P<verb>said|says|told|tells|added|adds|warned|warns|insisted|insists|declared|declares)\b"
)
# A clause break between the speech verb and the quote: "Horak said the wall was weak, and "…"";
# a bare "and" joins objects ("Kim told Lavrov and Choe that "…""), and a bare "while" or "when"
# sets a time inside the clause ("Kim said while meeting Lavrov that "…"").
_CLAUSE_BREAK = re.compile(r"[;—–]|\s--?\s|,\s+(?:and|but|or|while|whereas|when|although|though|because|yet)\b")
# "…," a witness said / "…," police told AFP / "…," said one resident: the quote's own
# attribution, naming nobody (a pronoun may be the earlier speaker: "Horak said …, and "…," he said").
# Matched only at the quote's end: searched along a text, its spaces would be read quadratically.
_UNNAMED_AFTER = re.compile(
    rf"[\s,!?]*(?:(?:a|an|the|one|another|some|his|her|their|its)\s+(?:[\w'’-]+\s+){{0,3}}?"
    rf"|(?!(?:{_PRONOUN}|and|but|or|as|then)\s)[a-z]+\s+)(?:(?:{_THEN})\s+)?{_SPEECH}\b"
    rf"|[\s,!?]*{_SPEECH}\s+(?:a|an|the|one|another|some)\s"
)
# How many quotes credited to pronouns a paragraph's run may hold before its named speaker.
MAX_QUOTES_BACK = 3
# '…," she continued.', '…," he says.', '…," said she.': a quote's credit to a pronoun.
_PRONOUN_CREDIT = re.compile(
    rf"[\s,!?]*(?:(?:he|she|they)\s+(?:(?:{_THEN})\s+)?(?:{_SPEECH}|went\s+on)|{_SPEECH}\s+(?:he|she|they))\b"
)
# A full stop inside closing marks, or a line break, ends a sentence too (a bare ". " may close a title).
_SENTENCE_ENDS = (".'' ", ".’’ ", ".” ", '." ', "\n")
_ENDS_A_SENTENCE = re.compile(r"\.(?:''|’’|[”\"’'])$")
_ACCORDING = re.compile(r"[Aa]ccording to\s+(?:the\s+)?" + _NAME)
# '"…," the Rodong newspaper quoted Mr Kim as saying' / 'Xinhua quoted Foreign Minister Wang Yi as saying:
# "…"': the paper or agency relays, the one it quotes speaks (a pronoun: someone named before); so
# does the subject of '"…," Sajid is quoted by Hindustan Times as saying'.
_QUOTED_AS = (
    rf"quoted\s+(?:(?P<pronoun>him|her|them)|(?!(?:by|in)\s){_TITLE}{_TITLE_OF}{_NAME})\s+as\s+(?:saying|telling)\b"
)
_QUOTED_AS_AFTER = re.compile(rf"^[\s,!?]*(?:[^,;:.!?\"“”]{{1,80}}?\s)?{_QUOTED_AS}")
_QUOTED_BY_AFTER = re.compile(
    rf"^[\s,!?]*{_NAME}\s+(?:is|was)\s+quoted\s+(?:by|in)\s[^,;:.!?\"“”]{{1,80}}?\s+as\s+saying\b"
)
_QUOTED_AS_BEFORE = re.compile(rf"\b{_QUOTED_AS}(?:\s+that)?[,:]?\s*$")
# A speech verb right before "according to": the words are credited already, and relayed.
_RELAYED = re.compile(rf"\b{_SPEECH},?\s+$")
# A name after a preposition is its object, not the verb's subject ("A spokesman for Beijing 2008
# said", "Boehlert of New York said", "Asked about Kowalski, the mayor said").
_OBJECT_OF = re.compile(
    r"(\S+)\s+(of|for|at|from|with|by|to|about|against|in|on|into|including|like|unlike|than|between|among|"
    r"over|under|after|before|without)\s+(?:the\s+)?$"
)
# A name followed by a lower-case noun only modifies it ("said the Nobel committee", "said one
# senior U.S. intelligence official"); these words may follow a speaker's name.
_AFTER_NAME = STOPWORDS | frozenset("last yesterday today tonight earlier later recently".split())
# A title or initial before a full stop, which ends no sentence: "Rep. Nancy Johnson", "George W. Bush".
_ABBREVIATED_TITLE = re.compile(rf"(?<![\w.])(?:{'|'.join(TITLES)}|[A-Z])$")
# Words that qualify a title ("Foreign Minister", "Prime Minister"), and go with it; before any
# other word they are part of a name ("Foreign Ministry", "North Korea").
_QUALIFIERS = frozenset("Prime Foreign Republican Democratic Russian North South".split())
# Words that open a sentence ("As Livingston said") and pronouns: no part of a name before one.
_OPENERS = frozenset(
    "The A An He She It They This In On But And As When While If After Although However Another One Some Its His "
    "Her Their Our Yet So Then Now Also Meanwhile I We You".split()
)
# Words before a name that are no part of it.
_LEADING = TITLES | _QUALIFIERS | _OPENERS
# A subject pronoun ending a name is the verb's subject: "… with his girlfriend Sylvia Mann They said".
_LAST_PRONOUNS = frozenset("I We They You".split())
# What may follow a surname before its verb: "Kowalski also said", "Erdogan later told".
_NAME_THEN = re.compile(rf"\s+(?:{SPEECH_VERBS}|{_THEN})\b")
# A day or month is never a speaker ("Monday said", "on Wednesday said"); May and June are names too.
_DATE_WORD = re.compile(rf"^(?:{WEEKDAY}|{MONTHS_NOT_NAMES})$")


# Not a speaker: words a flattened page ran together ("Lindsey Olin GrahamSunday"), or a
# nationality standing alone ("Israeli officials said" -> "Israeli").
_GLUED = re.compile(r"[a-z]{3}[A-Z]")
_NATIONALITY = r"[A-Z][a-z]+(?:an|ese|ish|i|ch)"
_DEMONYM = re.compile(rf"^{_NATIONALITY}$")
# A given name before a word: "Newt Gingrich", but not a region's "North Korean".
_GIVEN_NAME = r"\b(?!(?:North|South|East|West|Latin|Central)\s)[A-Z][a-z]+\s+"
_SUFFIX = re.compile(r"^(?:Jr|Sr|[IVX]+)\.?$")
# The last word of a body's name, which a person's first name never opens ("Trump Tower").
_BODY_WORDS = frozenset(
    "Tower Towers Foundation Post Times Inc Corp Co Company Group International World Center Centre Institute "
    "University College School Hospital Bridge Street Avenue Road Square Park Airport Station Hotel Motor Motors "
    "Maps Fund Bank Trust Network News Media Press Party Club Museum Stadium Library Church Hall Building Plaza "
    "Award Awards Prize Administration Agency Council Committee Commission Ministry Department Office Service "
    "Association Society Union Studios Records Airlines Airways Partners Holdings Labs Technologies Systems".split()
)
# A collective source names no one, capitalised or not ("…," Police said).
_COLLECTIVE = CITED_GROUPS | frozenset("police government ministry military army".split())
# Words shaped like a title before a name: an acronym ("CEO", "MP"), a trade ("Meteorologist"), a
# nationality's man ("Englishman"), a title with a hyphen ("President-elect", "Secretary-General").
_TITLE_SHAPE = re.compile(rf"^(?:[A-Z]{{2,}}|[A-Z][a-z]{{2,}}ist|{_NATIONALITY}(?:wo)?man)$")
_HYPHENED_TITLE = re.compile(rf"^(?:(?:{_TITLE_WORDS})-[a-z]+|[A-Z][a-z]+-(?:{_TITLE_WORDS}))$")


@dataclass(frozen=True, slots=True)
class _Names:
    """How a report names people: the words it writes in lower case (common nouns, "police"), the
    surnames it writes alone ("Dusek said"), those of them it writes after a title ("President
    Trump"), the full names each surname ends ("Petr Dusek"), and those each first word opens
    ("Bill": "Bill Hudson")."""

    lower_case: frozenset[str]
    alone: frozenset[str]
    titled: frozenset[str]
    in_full: dict[str, Counter[str]]
    opened_by: dict[str, set[str]]


@dataclass(frozen=True, slots=True)
class _Occurrence:
    text: str
    words: frozenset[str]
    speaker: str | None
    article_id: str


def _speaker(match: re.Match[str] | None, group: int = 1, surname: bool = False) -> str | None:
    """The speaker that `match.group(group)` names: "Russian Foreign Minister Sergei Lavrov" ->
    "Sergei Lavrov"; a pronoun or title alone -> None. `surname`: the caller has shown that a
    lone word is a name, whatever its shape."""
    if match is None or not match.group(group):
        return None
    words = match.group(group).replace("’", "'").split()
    # A lone qualifier or a party names no one: "the 38 North website said", "Hyde, R-Ill., said".
    if len(words) == 1 and (words[0] in _QUALIFIERS or re.match(r"[DRI]-[A-Z]", words[0])):
        return None
    # A full stop that closes no abbreviation ends the sentence, and the name: "Blair. In".
    end = next((k for k, w in enumerate(words) if w.endswith(".") and not is_abbreviation(w)), None)
    if end is not None:
        words = [*words[:end], words[end].rstrip(".")]
    # "Secretary of State Antony Blinken": the portfolio is the title's, not the name's.
    if re.search(r"\bof\s+(?:the\s+)?$", match.string[: match.start(group)]):
        while words and words[0] in _PORTFOLIOS:
            words = words[1:]
    # "Israeli Prime Minister Benjamin Netanyahu": titles go, and a nationality before a title,
    # a word opening the sentence and a date ("On Monday Smith said"); so does a title's
    # qualifier ("Chief District Officer Suresh Sunar"): the title runs to its last title word
    # before the name, a suffix being no name ("Martin Luther King Jr.").
    titled = 0
    while titled < len(words) and (
        words[titled].rstrip(".") in _LEADING
        or _DATE_WORD.match(words[titled])
        or (titled + 1 < len(words) and _DEMONYM.match(words[titled]) and words[titled + 1].rstrip(".") in _LEADING)
    ):
        titled += 1
    # A qualifier with no title after it is part of the name: "Foreign Ministry", "North Korea".
    while titled and words[titled - 1] in _QUALIFIERS:
        titled -= 1
    for k, word in enumerate(words[:-1]):
        if word.rstrip(".") in TITLES and not all(map(_SUFFIX.match, words[k + 1 :])):
            titled = max(titled, k + 1)
    lead = " ".join([match.string[: match.start(group)], *words[:titled]]).rstrip()
    words = words[titled:]
    while words and (words[-1].endswith(("'s", "'")) or _DATE_WORD.match(words[-1])):
        words.pop()
    if any(_GLUED.search(w) for w in words) or (words and words[-1] in _LAST_PRONOUNS):
        return None
    # A nationality alone is nobody ("Israeli officials said", "said an Israeli official", "the
    # Chinese said"), but a surname of that shape stands alone before its verb ("Kowalski said").
    rest = match.string[match.end(group) :]
    modifies = re.match(r"\s+[a-z]", rest) is not None and _NAME_THEN.match(rest) is None
    after_article = re.search(r"\b(?:the|an?)$", lead, re.IGNORECASE) is not None
    if len(words) == 1 and _DEMONYM.match(words[0]) and not surname and (modifies or after_article):
        return None
    return " ".join(words) or None


def _find_speaker(text: str, start: int, end: int, report: str) -> str | None:
    """Who speaks the quote at `text[start:end]`, named as `report`, the whole report, names them."""
    return _as_named(_governing_name(text, start, end, report), _names(report))


def _as_named(speaker: str | None, names: _Names) -> str | None:
    """`speaker` as the report names the person: a surname in full ("Dusek" -> "Petr Dusek", not
    where namesakes share it), without a title the report leaves off ("CEO Sofia Lindgren" ->
    "Sofia Lindgren"); a collective source or a common noun the report writes in lower case
    ("…," Police said) is nobody."""
    if speaker is None:
        return None
    if " " in speaker:
        return " ".join(_untitled(speaker.split(), names))
    if speaker.lower() in _COLLECTIVE:
        return None
    full = names.in_full.get(speaker, Counter())
    if opened := names.opened_by.get(speaker):
        # The first word of one full name the report gives, and the last of none: a given name
        # ("Bill", after "Bill Hudson") or a family name written first ("Kim", after "Kim Jong
        # Un"). Not a surname the report sets after a title ("President Trump"), nor the first
        # word of a body's name ("Trump Tower", "Clinton Foundation"); where it also ends a name
        # or opens two, which is meant is untold.
        (name,) = opened if len(opened) == 1 else ("",)
        person = name and not full and speaker not in names.titled and name.split()[-1] not in _BODY_WORDS
        return " ".join(_untitled(name.split(), names)) if person else speaker
    # "Prague Petr Dusek" (a place opening the sentence) is "Petr Dusek"; "Petr" and "Eva Dusek" are two people.
    kept = [n for n in full if not any(" ".join(n.split()[k:]) in full for k in range(1, len(n.split()) - 1))]
    if len({n.split()[0] for n in kept}) == 1:
        return " ".join(_untitled(max(kept, key=full.__getitem__).split(), names))
    # A plural the report writes in lower case is a common noun ("…," Lifeguards said); a
    # singular is a surname that is also a word ("May", "Gray", "Price").
    return None if speaker.endswith("s") and speaker.lower() in names.lower_case else speaker


def _leads_a_name(word: str, lower_case: frozenset[str]) -> bool:
    """Whether `word`, before a name, is no part of it: a title or a word shaped like one, a word
    opening a sentence, a date, a possessive ("North Korea's Kim"), an abbreviation that is no
    initial ("Ald.", "Reps.", "U.S."), or a word the report writes in `lower_case` ("Cleric Omar
    Haddad", where "the cleric" is the same man)."""
    bare = word.rstrip(".")
    return (
        bare in _LEADING
        or word.endswith(".") and bare[1:].isalpha() and bare[1:].islower()
        or "." in bare
        or bare.endswith(("'s", "'"))
        or _DATE_WORD.match(bare) is not None
        or _TITLE_SHAPE.match(bare) is not None
        or _HYPHENED_TITLE.match(bare) is not None
        or bare.lower() in lower_case
        or bare.lower() in _AFTER_NAME
    )


def _untitled(words: list[str], names: _Names) -> list[str]:
    """A name without the words before it that lead one ("Senior Meteorologist Jane Doe" ->
    "Jane Doe"), where the report writes its surname alone and none of what is left in lower case:
    a body keeps its words ("National Harbour Service", where the report writes "the harbour";
    "Prime Minister's Office")."""
    leads = (k + 1 for k, w in enumerate(words[:-2]) if w[:1].isupper() and _leads_a_name(w, names.lower_case))
    rest = words[max(leads, default=0) :]
    common = any(w[:1].isupper() and w.lower() in names.lower_case or w.endswith(("'s", "'")) for w in rest)
    return rest if rest != words and words[-1] in names.alone and not common else words


@lru_cache(maxsize=16)
def _names(report: str) -> _Names:
    """How `report` names people, read once: each run of capitalised words, cut where a sentence
    ends, ends in a surname, alone or after up to three given names (one after "of": "Prime
    Minister of the United Kingdom Tony Blair")."""
    report = report.replace("’", "'")
    lower_case = frozenset(re.findall(r"(?<![\w/.-])[a-z][\w-]*+(?!/)", report))
    alone: set[str] = set()
    titled: set[str] = set()
    in_full: dict[str, Counter[str]] = {}
    for run in _NAMES.finditer(report):
        words = run.group(1).split()
        # A full stop that closes no abbreviation ends a sentence, and the name before it.
        ends = [k + 1 for k, w in enumerate(words) if w.endswith(".") and not is_abbreviation(w)]
        after_of = re.search(r"\bof\s+(?:the\s+)?$", report[max(0, run.start() - 8) : run.start()]) is not None
        for first, last in zip([0, *ends], [*ends, len(words)]):
            surname = words[last - 1].rstrip(".").removesuffix("'s")
            if not re.fullmatch(r"[A-Z][a-z][\w'-]*", surname):
                continue
            given = words[first : last - 1]
            given = given[max((k + 1 for k, w in enumerate(given) if _leads_a_name(w, lower_case)), default=0) :]
            given = given[-1:] if after_of and first == 0 else given[-3:]
            if given:
                in_full.setdefault(surname, Counter())[" ".join([*given, surname])] += 1
            else:
                alone.add(surname)
                if last - 1 > first and words[last - 2].rstrip(".") in TITLES:
                    titled.add(surname)
    opened_by: dict[str, set[str]] = {}
    for full in in_full.values():
        for name in full:
            opened_by.setdefault(name.split()[0], set()).add(name)
    return _Names(lower_case, frozenset(alone), frozenset(titled), in_full, opened_by)


def _governing_name(text: str, start: int, end: int, report: str) -> str | None:
    """The name governing the quote at `text[start:end]`; `report` is the whole report, where a
    lone surname shows it is one."""
    sentence = text[_sentence_start(text, start) : start]
    # Another quote between the speaker and this one belongs to that quote.
    before = re.split(r"[“”\"]", sentence)[-1]
    earlier = sentence[: len(sentence) - len(before)]
    # A quote whose own words end with a full stop ends its sentence: a name and a speech verb
    # after it start the next one ("…conditions.'' Gray said about 56 sailors …"), as they do
    # after a full stop outside the marks, unless that sentence says nothing but who spoke
    # ("…imagined.” Dickinson said in a statement.").
    ends = _ENDS_A_SENTENCE.search(text, start, end) is not None and not credit_follows(text, end)
    following = "" if ends else text[end : end + 160]
    relayed = _QUOTED_AS_BEFORE.search(before) or _QUOTED_AS_AFTER.match(following)
    if relayed:
        return None if relayed.group("pronoun") else _speaker(relayed, 2)
    quoted_by = _QUOTED_BY_AFTER.match(following)
    if quoted_by:
        return _speaker(quoted_by)
    attribution = _AFTER.match(following, 0, 120)
    attributed = attribution is not None or (not ends and _UNNAMED_AFTER.match(text, end) is not None)
    match = _subject_before(before, earlier, attributed)
    if match:
        # A lone capitalised word opening the sentence may be any noun: "Police said", "Officials said".
        opens = not (earlier + before[: match.start(1)]).strip() and len(match.group(1).split()) == 1
        return None if opens and not _is_surname(match.group(1), report) else _speaker(match)
    match = _SUBJECT_SAYING.match(before)
    if match:  # group 2: the name, which its verb follows ("Kowalski thanked the crews, saying")
        lone = len(match.group(2).split()) == 1
        surname = bool(match.group("title")) or (lone and _is_surname(match.group(2), report))
        if surname or not lone:
            return _speaker(match, 2, surname)
    if attribution and (attribution.group(1) or _heads(attribution, 2)):
        return _speaker(attribution, 1 if attribution.group(1) else 2)
    # "According to …" outside the quote: inside it, it names the speaker's own source.
    after = text[end : text.find(".", end) if "." in text[end:] else len(text)]
    # Another name with a speech verb between them speaks the quote: "According to Pullings, … he
    # was interrupted by Bishop Michael Freeman, who told him, "…"" (but "according to Mayor Gavin
    # Newsom, who told AP, "…"" is his).
    match = _ACCORDING.search(before)
    verb = re.search(rf"\b{_SPEECH}\b", before[match.end() :]) if match else None
    if match and verb and re.search(r"\b[A-Z][a-z]", before[match.end() : match.end() + verb.start()]):
        match = None
    # After the quote, only within its sentence: "…did.'' According to the European Union, …" opens the next.
    later = _ACCORDING.search(after)
    match = match or (later if later and later.group(0)[0] == "a" else None)
    # Right after a speech verb it names who relays the words ('…," he said, according to The Telegraph').
    if match and _RELAYED.search(match.string, 0, match.start()):
        return None
    return _speaker(match) if match and _heads(match, 1) else None


def _subject_before(before: str, earlier: str, attributed: bool) -> re.Match[str] | None:
    """The name (group 1) whose speech verb in `before`, the words of the quote's sentence since
    the last quotation mark (`earlier`: the words before them), governs the quote; a name that is
    no subject is passed over for the next, never for a part of it ("for the Bexar County
    Sheriff's Office said" names no "County Sheriff's Office"). A later speech verb takes the
    quote from it, and so does the quote's own attribution after a clause break (`attributed`:
    "Horak said the wall was weak, and "…," a diver said"; not "Kim told Lavrov that "…," KCNA
    said"). Each run of capitalised words is read once, and the sentence's last stop, claim and
    break once: a long run of them reads in linear time."""
    stop = max(before.rfind("."), before.rfind("!"), before.rfind("?"))
    last_claim = max((m.start("verb") for m in _CLAIMS.finditer(before) if not m.group("pronoun")), default=-1)
    last_break = max((m.start() for m in _CLAUSE_BREAK.finditer(before)), default=-1) if attributed else -1
    for name in _NAMES.finditer(before):
        verb = _GOVERNS.match(before, name.end())
        # No verb, one whose sentence ended before the quote, or one that another verb or a break follows.
        if verb is None or max(stop, last_claim, last_break) >= verb.end():
            continue
        lead = earlier + before[: name.start(1)]
        where = verb.group("where")
        # "The Ministry of Defence said": "of" names a person's home only after a title; the comma
        # closing a description follows a noun ("Pinochet's son, Augusto, said", not "… with
        # Kurt, adding").
        titled = any(w.rstrip(".") in TITLES for w in name.group(1).split()[:-1])
        if not (
            _is_object(lead, titled)
            or (where and where.split()[0] == "of" and not titled)
            or (verb.group("closing") and not re.search(r"\b[a-z]+,\s*$", lead))
        ):
            return name
    return None


def _sentence_start(text: str, start: int) -> int:
    """Where the sentence holding `text[start]` starts: after a full stop that closes no title or
    initial ("Rep. Nancy Johnson said", "George W. Bush said"; "in the U.S. Smith said" starts at
    Smith), inside the marks of a quote too ("…Matthew Shepard.'' Clinton urged"), or a line break."""
    cut = start
    while (stop := text.rfind(". ", 0, cut)) >= 0 and _ABBREVIATED_TITLE.search(text, max(0, stop - 20), stop):
        cut = stop
    ends = [k + len(end) for end in _SENTENCE_ENDS if (k := text.rfind(end, 0, start)) >= 0]
    return max([*ends, stop + 2] if stop >= 0 else ends, default=0)


def _is_object(lead: str, titled: bool) -> bool:
    """Whether a name after `lead` is a preposition's object ("Secretary of" is a title's, and in
    "Bank of England Governor Andrew Bailey", `titled`, "of" joins a body's name unless the body
    is an object, "a spokesman for the Bank of …", or people, "Critics of President …"), or one
    of several subjects ("Ivanov and Sergeyev said")."""
    tail = lead[-60:]
    found = _OBJECT_OF.search(tail)
    body = found is not None and found.group(1)[0].isupper() and not found.group(1).endswith("s")
    if found is not None and found.group(2) == "of" and titled and body:
        return _is_object(tail[: found.start(1)], False)
    if found is not None and not (found.group(2) == "of" and found.group(1).rstrip(".") in TITLES):
        return True
    return re.search(r"[A-Z][\w'’.-]*,?\s+(?:and|or|&)\s+$", tail) is not None


def _heads(match: re.Match[str], group: int) -> bool:
    """Whether the name `match.group(group)` heads its phrase: it ends its sentence, or no
    lower-case noun follows it."""
    if any(w.endswith(".") and not is_abbreviation(w) for w in match.group(group).split()):
        return True
    if match.group(group).endswith(("'s", "’s")):  # "declared North Korea's leading newspaper"
        return False
    rest = match.string[match.end(group) :]
    follows = re.match(r"\s+([a-z]+)\b", rest)
    return (
        follows is None
        or follows.group(1) in _AFTER_NAME
        or follows.group(1).endswith(("ing", "ly"))
        or re.match(rf"\s+(?:{_MEDIA})\b", rest) is not None
    )


def _is_surname(word: str, report: str) -> bool:
    """Whether a lone capitalised word opening a sentence is a name: one the report also writes
    inside a sentence and never in lower case ("Kowalski", not "Officials"); one shaped like a
    nationality after a given name ("Newt Gingrich", not "North Korean")."""
    word = word.replace("’", "'")
    # In lower case, not in a link ("…/hidden-camera-carnival-cruise"): as `_names` reads it.
    if word.lower() in STOPWORDS or _DATE_WORD.match(word) or word.lower() in _names(report).lower_case:
        return False
    report = report.replace("’", "'")
    inside = _GIVEN_NAME if _DEMONYM.match(word) else r"(?<=[^.!?\s]\s)(?<![.!?][\"”’']\s)"
    return re.search(inside + re.escape(word) + r"\b", report) is not None


def _document_quotes(document: Document, named: bool = True) -> list[_Occurrence]:
    """The quotes `document` carries, in order; their speakers are looked for only if `named`."""
    found = []
    starts = [sentence.start for sentence in document.sentences]
    text = _run_on(document)
    for block in document.blocks:
        # A paragraph's line breaks fall inside its sentences (clean runs the lines on).
        paragraph = block.text.replace("\n", " ")
        # The previous quote's speaker, where its quote closed and how many sentences may
        # follow before the next (its credit, where the quote did not end its sentence):
        # a pronoun's credit on the next quote refers back to that speaker where no sentence
        # of prose stands between.
        voice, closed, ends = None, 0, 0
        for match in _QUOTE.finditer(paragraph):
            quoted = " ".join(_opening(next(g for g in match.groups() if g is not None)).split()).strip(" ,.")
            words = content(tokenize(quoted))
            if len(quoted.split()) < MIN_QUOTE_WORDS or not words or _is_title(quoted):
                voice = None
                continue
            speaker = None
            if named:
                speaker = _find_speaker(paragraph, match.start(), match.end(), document.text)
                if speaker is None and (
                    _PRONOUN_CREDIT.match(paragraph, match.end())
                    and len(list(split_sentences(paragraph[closed : match.start()]))) <= ends
                ):
                    speaker = voice
                elif speaker is None:
                    # A quote that opens its sentence: credited as a brief sentence of it is (where
                    # it is the sentence's whole, see `speaker_of_quote`).
                    opening = bisect_left(starts, block.start + match.start())
                    if opening < len(starts) and starts[opening] == block.start + match.start():
                        speaker = _speaker_in(document, text, document.sentences[opening])
            voice, closed = speaker, match.end()
            ends = 0 if _ENDS_A_SENTENCE.search(paragraph, match.start(), closed) else 1
            found.append(_Occurrence(quoted, frozenset(words), speaker, document.article.id))
    return found


def _is_title(quoted: str) -> bool:
    """A title in quotation marks ("Star Wars: The Force Awakens") is no one's words. Words
    that thank a list of names are ("Thanks to Jenna Bush Hager, Rory McIlroy, and …")."""
    return "," not in quoted and in_title_case(quoted.split())


def _opening(quoted: str) -> str:
    """The quote's leading whole sentences, up to MAX_QUOTE_WORDS words ("" when even its
    first sentence is longer)."""
    if len(quoted.split()) <= MAX_QUOTE_WORDS:
        return quoted  # all of its sentences, without splitting it
    kept = ""
    for _, end in split_sentences(quoted):
        if len(quoted[:end].split()) > MAX_QUOTE_WORDS:
            break
        kept = quoted[:end]
    return kept


def _same(a: _Occurrence, b: _Occurrence) -> bool:
    """Whether two quotes are one, as reports give it: they share most of the shorter one's
    content words, and a few at least, or the same few ("I haven't been by myself" is not "I
    haven't had any men's cases …")."""
    shared = len(a.words & b.words)
    return a.words == b.words or shared >= MIN_SHARED_WORDS and shared / min(len(a.words), len(b.words)) >= SAME_QUOTE


def _grouped(found: list[_Occurrence]) -> list[list[_Occurrence]]:
    """`found` grouped into quotes, each occurrence joining the first group whose first
    occurrence is the same quote (`_same`). Two quotes that share MIN_SHARED_WORDS words share
    one of the rarest len(words) - MIN_SHARED_WORDS + 1 of either's words (and equal ones, their
    rarest), so only groups holding one of those are tried: no quote is tried against every group."""
    frequency = Counter(word for occurrence in found for word in occurrence.words)
    groups: list[list[_Occurrence]] = []
    holding: dict[str, list[int]] = {}  # word -> the groups whose first occurrence holds it
    for occurrence in found:
        rarest = sorted(occurrence.words, key=lambda word: (frequency[word], word))
        prefix = rarest[: max(len(rarest) - MIN_SHARED_WORDS + 1, 1)]
        tried = sorted({k for word in prefix for k in holding.get(word, ())})
        home = next((k for k in tried if _same(groups[k][0], occurrence)), None)
        if home is None:
            for word in occurrence.words:
                holding.setdefault(word, []).append(len(groups))
            groups.append([occurrence])
        else:
            groups[home].append(occurrence)
    return groups


def _vote(speakers: list[str]) -> str | None:
    """The most named speaker; a surname alone counts for the full name that contains it."""
    if not speakers:
        return None
    full = {s: max((t for t in speakers if s.split()[-1] in t.split()), key=len) for s in speakers}
    return Counter(full[s] for s in speakers).most_common(1)[0][0]


def key_quote(cluster: Cluster) -> Quote | None:
    """The quote carried by the most independent reports (ties: one with a named speaker,
    then one that is a sentence of its own, then the longer one)."""
    unnamed = [_document_quotes(document, named=False) for document in cluster.documents]
    place = {id(o): (k, i) for k, found in enumerate(unnamed) for i, o in enumerate(found)}
    groups = _grouped([occurrence for found in unnamed for occurrence in found])
    if not groups:
        return None
    named: dict[int, list[_Occurrence]] = {}

    def with_speakers(group: list[_Occurrence]) -> list[_Occurrence]:
        """The group's occurrences with their speakers, each report searched once."""
        for k in {place[id(o)][0] for o in group} - named.keys():
            named[k] = _document_quotes(cluster.documents[k])
        return [named[k][i] for k, i in (place[id(o)] for o in group)]

    def shape(group: list[_Occurrence]) -> tuple[bool, int]:
        # One that opens as a sentence reads alone ("Engineers will start …", not "ready to …").
        return any(o.text[:1].isupper() for o in group), max(len(o.words) for o in group)

    reports = [len(cluster.independent_ids([o.article_id for o in group])) for group in groups]
    # Among the quotes most widely carried, one whose speaker the reports name tells the reader
    # more. Speakers, most of the cost, are looked for in the order the other tie-breaks rank the
    # quotes, and only until one is named.
    widest = max(reports)
    contenders = sorted((g for g, n in zip(groups, reports) if n == widest), key=shape, reverse=True)
    best = next((g for g in map(with_speakers, contenders) if any(o.speaker for o in g)), None)
    best = best or with_speakers(contenders[0])
    # The wording closest to all the others: the quote as most reports give it (looked for
    # among its first distinct wordings, so that a page of thousands of one quote reads in linear time).
    wordings = list({o.text: o for o in best}.values())[:MEDOID_CANDIDATES]
    medoid = max(wordings, key=lambda o: sum(len(o.words & p.words) / len(o.words | p.words) for p in best))
    return Quote(
        text=medoid.text,
        speaker=_vote([o.speaker for o in best if o.speaker]),
        article_ids=list(dict.fromkeys(o.article_id for o in best)),
    )


def speaker_of_quote(cluster: Cluster, sentence: Sentence) -> str | None:
    """Who speaks `sentence` when it is nothing but someone's words, as its report tells:
    - a piece of a longer quotation: the name governing the whole quotation ('Hyde said: "It
      was a debate. It was about truth."' credits Hyde with "It was about truth."),
    - a quote right after another quote of the same paragraph: that quote's speaker, since a
      paragraph runs on one speaker's words ('"We will rebuild," Calder said. "Nobody was hurt."'),
      also where it is a piece of a longer quotation that names nobody around it ('…," Calder
      said. "Nobody was hurt. The ferries sail on."').
    - a quote right after a sentence of prose in the same paragraph in which a named person
      speaks: theirs, as news gives a paraphrase and then the words ('Biden said he wasn't able
      to do enough. "I wasn't able to convince three women …"').
    A quote credited to a pronoun ('…," she continued.') speaks with the voice of the quote,
    or the prose, before it in the paragraph, so the speaker is looked for further back.
    None for any other sentence: no name is guessed from prose that tells of no one speaking."""
    document = next(d for d in cluster.documents if d.article.id == sentence.article_id)
    return _speaker_in(document, _run_on(document), sentence)


def _speaker_in(document: Document, text: str, sentence: Sentence) -> str | None:
    """`speaker_of_quote` for a sentence of `document`, whose text run on is `text`."""
    if re.search(r"\w", QUOTED_SPAN.sub("", sentence.brief_text)):
        return None
    sentences = document.sentences
    index = sentence.index
    if sentence.opens_quoted or sentence.ends_quoted:
        first, last = _quotation_bounds(sentences, index)
        speaker = _quotation_speaker(document, text, first, last)
        if speaker is not None or not (
            _stands_alone(text, sentences[first], sentences[last]) or _credited_to_a_pronoun(text, sentences[last])
        ):
            return speaker
        index = first
    for _ in range(MAX_QUOTES_BACK):
        if index == 0 or "\n" in text[sentences[index - 1].end : sentences[index].start]:
            return None
        if not QUOTATION_MARK.search(text, sentences[index - 1].start, sentences[index - 1].end):
            return _prose_speaker(text, sentences[index - 1])
        first, last = _quotation_bounds(sentences, index - 1)
        speaker = _quotation_speaker(document, text, first, last)
        if speaker is not None or not _credited_to_a_pronoun(text, sentences[last]):
            return speaker
        index = first
    return None


def _prose_speaker(text: str, sentence: Sentence) -> str | None:
    """The named subject of the speech verb in `sentence`, a sentence of prose of `text` ("Biden
    said he wasn't able to do enough", "Sandusky wrote of her disappointment, saying …", "…,
    according to her brother Johannes von Trapp"), read as the speaker of a quote after it."""
    end = sentence.start + len(text[sentence.start : sentence.end].rstrip(" .!?\n"))
    return _find_speaker(text, end, end, text)


def _credited_to_a_pronoun(text: str, sentence: Sentence) -> bool:
    """Whether `sentence`'s last quote is credited to a pronoun after its closing mark."""
    marks = list(QUOTATION_MARK.finditer(text, sentence.start, sentence.end))
    return bool(marks) and _PRONOUN_CREDIT.match(text, marks[-1].end(), sentence.end) is not None


def _run_on(document: Document) -> str:
    """The document's text with each paragraph's line breaks read as spaces, as clean ran a
    wrapped paragraph's lines on; offsets hold, and a line break is left only between paragraphs."""
    pieces, done = [], 0
    for block in document.blocks:
        end = block.start + len(block.text)
        pieces += [document.text[done : block.start], document.text[block.start : end].replace("\n", " ")]
        done = end
    return "".join(pieces) + document.text[done:]


def _quotation_bounds(sentences: list[Sentence], index: int) -> tuple[int, int]:
    """The first and last sentence of the quotation that sentence `index` is in."""
    first = last = index
    while first > 0 and sentences[first].opens_quoted:
        first -= 1
    # A quotation may be left open at the end of its paragraph, as papers do when it goes on.
    while last + 1 < len(sentences) and sentences[last].ends_quoted and sentences[last + 1].opens_quoted:
        last += 1
    return first, last


def _stands_alone(text: str, first: Sentence, last: Sentence) -> bool:
    """Whether the quotation from sentence `first` to `last` is those sentences whole: no word
    of theirs outside its marks (one left open at its paragraph's end closes there)."""
    span = text[first.start : last.end] + ("”" if last.ends_quoted else "")
    return not re.search(r"\w", QUOTED_SPAN.sub("", span))


def _quotation_speaker(document: Document, text: str, first: int, last: int) -> str | None:
    """The speaker of the quotation over sentences `first` to `last` of `document` (see
    `_quotation_bounds`), whose text is `text`: within one sentence, its last quotation."""
    sentences = document.sentences
    marks = list(QUOTATION_MARK.finditer(text, sentences[first].start, sentences[first].end))
    if first == last:  # within one sentence: its last pair of marks
        if len(marks) < 2:
            return None
        return _find_speaker(text, marks[-2].start(), marks[-1].end(), text)
    closing = next(QUOTATION_MARK.finditer(text, sentences[last].start, sentences[last].end), None)
    start = marks[-1].start() if marks else sentences[first].start
    return _find_speaker(text, start, closing.end() if closing else sentences[last].end, text)
