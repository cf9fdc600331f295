"""Segment: split kept blocks into sentences that remember their article and offsets.

A rule-based splitter, offline and fast (no NLTK data, no model): a sentence ends at
. ! ? … (and the full stops of other scripts), after any closing quotes or brackets, when the
next word starts like a sentence, even with no space between them; and where a headline or caption
runs into the text with no stop at all, before a capitalised article or pronoun between
lower-case words ("…nominees lunch The actress is"), before an article that opens a
paragraph's lead after its picture caption, which names whom the lead is about ("…to stay
in orbit The European Space Agency's Goce satellite"), or before the headline's opening
name where the lead opens on it again ("…as she awaits the result Theresa May is
awaiting"). A full stop after a known abbreviation (Gen., Jan., e.g.), an initial (George
W. Bush) or a dotted acronym (U.S.) does not end the sentence, unless what follows shows it
does: a word that only opens sentences ("…of Acme Inc. The company"), anything but the number a
"No." or "Jan." stands before, a quotation after a name's "Co." or "Jr.", a capitalised word
that neither dates nor zones a clock time ("at 8 a.m. Police said"). A stop inside a
parenthesis opened mid-sentence ends no sentence, and a sentence that only credits the quotation
before it ("…imagined.” Michael Dickinson, a biologist, said in a news release.") is that quotation's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from service.cluster import Cluster, Sentence
from service.stages.clean import is_furniture
from service.text import (
    AUXILIARIES,
    CALENDAR_DATE,
    MONTH,
    OPENING_MARKS,
    SENTENCE_OPENERS,
    SPEECH_VERBS,
    STOPWORDS,
    WEEKDAY,
    ends_like_sentence,
    quotation_states,
    quote_marks,
    tokenize,
    visible,
)
from service.trim import trim

# Titles, before a name, which may be a word that opens sentences too ("said Ms. He", a surname).
_TITLES = frozenset(
    """mr mrs ms dr prof gen lt col maj sgt capt cmdr adm gov sen rep rev hon pres msgr atty rt asst
    supt insp det const cst cpl pvt pfc spc brig fr ald reps sens govs drs gens sgts messrs mme mlle""".split()
)
# Abbreviations news writes capitalised (titles, dates, places, firms); in lower case most are
# words that may end a sentence ("the dog sat.", "under the sun.").
_CAPITALISED = _TITLES | frozenset(
    """sr jr st mt jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    inc corp co ltd llc plc bros esq dept univ assn ave blvd rd hwy pkwy apt bldg ste""".split()
)
# …and those it writes in lower case, capitalised only to open a sentence: in capitals the word
# is an acronym ("at 9 a.m. EST. He left").
_LOWER_CASE = frozenset("v vs etc no nos vol fig op ca cf al pp approx est ft lb lbs oz".split())
# In capitals, outside text set in capitals, an abbreviation's letters are an acronym ("the
# network RT. Another"), unless the abbreviation is written so.
_WRITTEN_IN_CAPITALS = frozenset({"llc", "plc"})
# Abbreviations that stand before a number, and end a sentence before anything else ("ranked No.
# 1" / "Kimmel: "No. Sounded like you."", "on Sept. 11" / "a partnership with Sun. As part of").
_BEFORE_A_NUMBER = frozenset(
    """no nos vol fig op pp jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun""".split()
)
# Abbreviations that stand after a name, and end a sentence before a quotation too ("said Robert
# Hormats of Goldman, Sachs & Co. ``It made the world realize …''"); a title may precede a
# nickname in quotes.
_AFTER_A_NAME = frozenset("inc corp co ltd llc plc bros jr sr esq etc al ave blvd rd hwy pkwy".split())
# A party's name follows "v." or "vs.", whatever word opens it ("United States v. The Progressive").
_BEFORE_A_NAME = frozenset({"v", "vs"})
_CLOCK = frozenset({"a.m", "p.m"})
# A US state as the AP abbreviates it, read as an abbreviation where "the" sets it before a
# noun ("on the Pa. Turnpike"); after a town it may end the sentence ("in Erie, Pa. The …").
_STATE_BEFORE_A_NOUN = re.compile(
    r"\bthe\s+(?:Ala|Ariz|Ark|Calif|Colo|Conn|Fla|Ga|Kan|Kans|Ky|Md|Mich|Minn|Mont|Neb|Nev|Okla|Pa|Tenn|Vt|Va|Wis|Wyo)\.$"
)

# A capitalised word that opens a sentence run in after a stop: a word of three letters or
# more, of two before a space ("In fact"), or a contraction ("We're", "I've").
_RUN_IN_OPENER = r"(?=[A-Z][a-z]{2,}\b|[A-Z][a-z] |[A-Z][a-z]?['’][a-z])"
_CANDIDATE = re.compile(
    # A stop (an ellipsis too, and the Hindi, Armenian and Amharic ones), then what starts a
    # sentence: a letter that is not lower case (a capital, or one of a script without case:
    # "…발생했다. 두 명이"), a digit, or the addressee an embedded tweet opens with ("…the
    # elevator. @amandacarpenter We are sorry"). Quotation marks of other languages: «…» ¿…?
    r"[.!?…。！？؟।։።]+[\"”’'`)\]」』）»›]*"
    r"(?=\s+(?:[\"“‘'`(\[¿¡„«‹]*(?![a-zß-öø-ÿά-ώа-џա-ֆ])[^\W_]|@\w))"
    # A CJK stop ends a sentence with no space after it, though not inside a quotation: the
    # words after it are the quotation's ("「今日は晴れ。」と彼は言った。").
    r"|[。！？]+(?![。！？\"”’'`)\]」』）»›“])"
    # Flattened pages lose the space between paragraphs ("…primary.Michele Bachmann was", "…she
    # was 33.The rapper", "…for comment.On Sunday", "…was cooperative.We're told"): a word or
    # number, a stop, a capitalised word is two sentences, unless it is a domain ("Agency.Com").
    rf"|[.!?](?<=[a-z\d]{{2}}[.!?])[\"”’]?{_RUN_IN_OPENER}(?!(?:Com|Net|Org|Gov|Edu)\b)"
    # …and after a closing quote whatever ends it: 'the play "9 to 5."The punishment'.
    rf"|[.!?](?<=\w[.!?])[\"”’]{_RUN_IN_OPENER}"
    # A headline, caption or subhead run into the text with no stop at all ("…police say A
    # missing boy escaped", "…nominees lunch The actress is"), or a date, a video's running
    # time or a footnote mark ("…bombings on July 7 A court", "…southern states 02:29 The
    # high"): a capitalised article between a lower-case word or a number and a lower-case
    # word opens a sentence (an empty match, the boundary only; after a clock time too: a
    # forum post's "June 12, 2010, 08:14:44 PM This is"), and so does a capitalised
    # preposition before one ("…Local death tolls Near the epicenter", "…Deadline pressure In
    # the summer"; a title keeps its nouns capitalised: "Gone With the Wind"), and so does a
    # pronoun that opens sentences ("…about personality This puts a new spin", "…in touch with
    # the divers They ask", "…to Protest Instagram My comfort"; not "He" or "His", which some
    # texts capitalise for God).
    # (Alternatives look behind only once the stop or the space they need is there: a
    # lookbehind tried at every position of the text would double the time of the split.)
    r"|(?= (?:(?:In|At|On|Near|After|Before|During|For|From|With|Over|Since|Despite|Amid|As|By|According to)"
    r" (?:a|an|the) |(?:A|An|The|This|These|It|They|We|There|My|Our|Your) )[a-z])(?:(?<=[a-z\d])|(?<=\d [AP]M))"
)
# A rhetorical question of a noun alone, asked to be answered in the words after it: "The main
# reason? A dwindling customer base …", "Lacy's theory? Nobody …". Apart, the answer reads as a
# fragment and the question as nothing.
_POSED_QUESTION = re.compile(
    r"\s*(?:The|That|This|Its|His|Her|Their|Our"
    r"|(?!(?:What|Who|Where|When|Why|How|That|It|There|Here|He|She|Let)['’])[A-Z][\w-]*['’]s)"
    r"(?: [a-z][\w-]*){1,2}\?"
)
# A sentence that only credits the quotation before it: a subject (a name, "The company", "He"),
# perhaps described between commas, a speech verb and at most a few words of where, when or to
# whom ("said in a statement on Monday", "told AFP"), never what was said ("said the plan failed").
_BARE_CREDIT = re.compile(
    r"(?!(?:But|And|Or|So|Yet)\s)[A-Z][\w'’.&-]*"
    r"(?:\s+(?!(?:that|as|when|while|because|if|after|before|but)\b)[\w'’.&-]+){0,5}?"
    r"(?:,\s+[^,;:.!?\"“”]{1,120},)?(?:\s+(?:also|later|then|[a-z]+ly))?"
    rf"\s+(?:{SPEECH_VERBS}|(?:told|tells)\s+(?:[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){{0,3}}"
    r"|reporters|journalists|police|him|her|them|us))"
    rf"(?:\s+(?:in|on|at|to|during|via|through|after|before|from|with|while|over|by|last|this|earlier|later"
    rf"|today|yesterday|tonight|{WEEKDAY})\b(?:\s+(?!(?:that|whether|what|how|why)\b)[\w'’.&-]+){{0,7}})?[.!]"
)
_QUOTATION_ENDS = re.compile(r"[.!?](?:''|[”\"’])$")
_HANDLE_BEFORE = re.compile(r"@\w+$")
# A quotation's first word before it: a title ("sing a tribute, ``Let There be Love''").
_QUOTATION_OPENED_BEFORE = re.compile(r"(?:``|[\"“‘])[\w'’-]+$")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|that|his|her|its|their)\s+\S+$", re.IGNORECASE)
# …where the letter, a noun, is followed by a function word ("the scarlet A on her coat"); an
# article before a noun opens a sentence ("…similar to this one A police investigation is").
_WORD_AFTER_A = re.compile(r" A (\w+)")
_NEVER_AFTER_AN_ARTICLE = AUXILIARIES | frozenset("and or nor of in on at to for with by from as than into".split())
_DOTTED_ACRONYM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$")
_LAST_WORD = re.compile(r"([\w.]+)[.]$")
# What opens a sentence after an abbreviation, not a name it starts ("U.S. Steel", "Acme Inc.
# Chief Executive"); no name follows one with "He" ("N.Y. He said"), but a title's may be it.
_SENTENCE_OPENER = re.compile(
    rf"\s+[\"“‘']?(?:(?:{SENTENCE_OPENERS}|He|That|These)\s|(?:Also|Later|However|Meanwhile|Then)[\s,])"
)
# Names with an exclamation mark in them ("Yahoo! Sports", "she told HOLA! USA"): the mark ends
# the sentence only where such a word follows.
_EXCLAIMING_NAME = re.compile(r"\b(?:Yahoo|Jeopardy|Hola|Yum|E)!$", re.IGNORECASE)
_SURNAME_AFTER = re.compile(r"\s+(?:He|An)\s")
_LOWER_CASE_AFTER = re.compile(r"\s+\S*[a-z]")
_QUOTATION_OPENS = re.compile(r"\s+(?:``|[\"“‘'])[A-Z]")
_NUMBER_AFTER = re.compile(rf"\s+(?:[A-Z]?\d|{MONTH}\s+\d)")  # "No. 10", "Fig. S2", "Sat. Oct. 3"
_CAPITAL_AFTER = re.compile(r"\s+[A-Z]")
# What dates or zones a clock time: "4 p.m. Tuesday", "5 p.m. Saturdays", "3 p.m. ET", "8 p.m.
# Eastern" (not "10 a.m. Mountain View police said"), "3:40 p.m. Washington time", "5 a.m. Election Day".
_TIME_ZONE = r"[ECMP][SD]?T|AK[SD]T|H[SD]?T|GMT|UTC|BST|[CEW]ES?T|IST|JST|KST|A[CEW][SD]T|NZ[SD]T"
_DATING_A_CLOCK = re.compile(
    rf"\s+(?:(?:(?:{WEEKDAY})s?|{MONTH}|{_TIME_ZONE})(?!\w)|(?:Eastern|Central|Pacific|Mountain)(?![\w-]|\s+[A-Z])"
    r"|(?:[A-Z][\w'’-]*\s+){1,3}(?:[Tt]ime|Day|Eve)\b)"
)
_CAPITALS_ACRONYM = re.compile(r"(?:[A-Z]\.)+[A-Z]?")
_WORD_SPAN = 40  # characters before a stop that hold any abbreviation, initial or dotted acronym
# A page that set a link apart in spaces leaves them before the stop or comma after it ("led
# by Senator Joe Biden , and …", "… on the web ."); the brief closes them up. (The colon, "!"
# and "?" are left: French typography spaces them.)
_SPACE_BEFORE_STOP = re.compile(r"\s+(?=[,.;](?:[\s\"”’')\]]|$))")
# A caption or headline run into its paragraph's lead, with no stop between them: a word that
# opens sentences right after a lower-case content word, and a name of the caption repeated
# soon after it, since caption and lead are about the same one ("Goce needed its engine power
# to stay in orbit The European Space Agency's Goce satellite has re-entered", "…found dead in
# San Quentin cell One of the four “Zebra killers,” whose …"). Prose puts a stop first.
_CAPTION_OPENER = re.compile(rf"(?:{SENTENCE_OPENERS}|One|More|Most)")
_CAPTION_END = re.compile(r"[a-z\d][\w'’-]*[a-z\d]['’”\"]?")
_NAME = re.compile(r"[A-Z][\w'’-]{2,}")
MIN_CAPTION_WORDS = 4
NAME_REPEATED_WITHIN = 12  # words of the lead
_WORD = re.compile(r"\S+")
_AROUND_A_WORD = "\"“”‘’'()[],.:;!?"
# A headline run into a lead that opens on the headline's own opening name ("Theresa May smiles
# at gathered journalists as she awaits the result Theresa May is awaiting …", "Lady Gaga in A
# Star is Born Lady Gaga makes her …"). Prose names someone again after a title ("…, with
# Foreign Secretary Jeremy Hunt", "… picked ex-Texas Governor Rick Perry") or as an object ("…
# the council met Jan Horak on Friday"): so either a headline in Title Case ends before the
# name, or a lower-case content word does and a verb follows the name, where an object is
# followed by a preposition, a conjunction or a stop.
_BARE_WORD = re.compile(r"[\w'’-]*\w")
OPENING_NAME_WORDS = 2


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) spans of the sentences in `text`, whitespace trimmed."""
    return _with_credits_joined(text, _split_at_captions(text))


# Characters a bare credit may take: six words of subject, a description, a verb, eight words more.
MAX_CREDIT_CHARS = 400


def credit_follows(text: str, end: int) -> bool:
    """Whether the sentence after a quotation ending at `end` only credits it ("…imagined.” Michael
    Dickinson said in a news release."), as `split_sentences` joins such a sentence to it."""
    window = text[end : end + MAX_CREDIT_CHARS]
    following = next(_split_at_stops(window), None)
    return following is not None and _BARE_CREDIT.fullmatch(window, *following) is not None


def _split_at_captions(text: str) -> Iterator[tuple[int, int]]:
    spans = _split_at_stops(text)
    first = next(spans, None)
    if first is None:
        return
    start, end = first
    # Headlines can come stacked ("Alan Thicke Sons Go to War … Estate Alan Thicke's Sons
    # Fighting … Breaking News Alan Thicke's sons -- Robin and Brennan -- believe …").
    while (lead := _lead_after_caption(text, start, end)) is not None:
        yield from _trimmed(text, start, lead)
        start = lead
    yield from _trimmed(text, start, end)
    yield from spans


def _with_credits_joined(text: str, spans: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """`spans`, with a bare credit joined to the quotation it follows: '“…faster than we ever
    imagined.” Michael Dickinson, UW professor of biology, said in a news release.' Apart, the
    quotation is nobody's and the credit says nothing."""
    held = next(spans, None)
    if held is None:
        return
    for start, end in spans:
        if _QUOTATION_ENDS.search(text, *held) and _BARE_CREDIT.fullmatch(text, start, end):
            held = (held[0], end)
        else:
            yield held
            held = (start, end)
    yield held


def _lead_after_caption(text: str, start: int, end: int) -> int | None:
    """Where the lead starts when a caption runs into it at the start of `text`, else None."""
    words = list(_WORD.finditer(text, start, end))
    bare = [_bare(w.group()) for w in words]
    opening_name = bare[:OPENING_NAME_WORDS]
    names_the_opening = len(opening_name) == OPENING_NAME_WORDS and all(_NAME.fullmatch(n) for n in opening_name)
    for k in range(MIN_CAPTION_WORDS, len(words) - 1):
        before, word = words[k - 1].group(), words[k].group()
        if (
            _CAPTION_OPENER.fullmatch(word)
            and _CAPTION_END.fullmatch(before)
            and before.strip(_AROUND_A_WORD).lower() not in STOPWORDS
        ):
            names = {n for n in bare[:k] if _NAME.fullmatch(n) and not _CAPTION_OPENER.fullmatch(n)}
            if any(n in names for n in bare[k + 1 : k + 1 + NAME_REPEATED_WITHIN]):
                return words[k].start()
        if names_the_opening and bare[k : k + OPENING_NAME_WORDS] == opening_name and _ends_a_headline(bare, words, k):
            return words[k].start()
    return None


def _ends_a_headline(bare: list[str], words: list[re.Match[str]], k: int) -> bool:
    """Whether the opening name repeated at word `k` starts a lead, not prose naming it again."""
    before = words[k - 1].group()
    if not _BARE_WORD.fullmatch(before) or before.lower() in STOPWORDS:
        return False
    if before[0].isupper():
        return in_title_case(bare[:k])
    after = k + OPENING_NAME_WORDS
    if after >= len(words) or not _BARE_WORD.fullmatch(words[after - 1].group()):
        return False  # the name ends the text or a stop follows it
    verb = words[after].group()
    return verb[0].islower() and (verb not in STOPWORDS or verb in AUXILIARIES)


def in_title_case(words: list[str]) -> bool:
    """Every content word capitalised, as in a headline ("Lady Gaga in A Star is Born")."""
    return all(w[0].isupper() for w in words if w[:1].isalpha() and w.lower() not in STOPWORDS)


def _is_the_letter_a(text: str, start: int, position: int) -> bool:
    """Whether the " A " at `position`, in the sentence from `start`, is the letter: followed by a
    word no article stands before ("Plan A was approved", "vitamin A and zinc"), or by another
    function word after a determiner ("the scarlet A on her dress"; "…say A few" is an article)."""
    after = _WORD_AFTER_A.match(text, position)
    if after is None:
        return False
    word = after.group(1).lower()
    return word in _NEVER_AFTER_AN_ARTICLE or (
        word in STOPWORDS and _DETERMINER_BEFORE.search(text, start, position) is not None
    )


def _bare(word: str) -> str:
    """A word without the quotes, brackets, punctuation or possessive around it."""
    return word.strip(_AROUND_A_WORD).removesuffix("'s").removesuffix("’s")


_MONTH_STOP = re.compile(rf"\b{MONTH}$")
_DAY_AND_YEAR = re.compile(r"\s+\d{1,2},?\s+\d{4}\b")


def _split_at_stops(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _CANDIDATE.finditer(text):
        # The word before the stop is all that counts: no need to copy the whole sentence.
        if match.group()[:1] == ".":
            opening = start >= match.start() - _WORD_SPAN  # the head holds the sentence's start
            head = text[start if opening else match.start() - _WORD_SPAN : match.start() + 1]
            if is_abbreviation(head) and not _abbreviation_ends_sentence(head, text, match.end(), opening):
                continue
            if _MONTH_STOP.search(head) and _DAY_AND_YEAR.match(text, match.end()):
                continue  # a month a page dots like an abbreviation: "May. 6, 2025"
        elif match.group() == "?" and _POSED_QUESTION.fullmatch(text, start, match.end()):
            continue
        elif (
            match.group() == "!"
            and _EXCLAIMING_NAME.search(text, max(start, match.start() - _WORD_SPAN), match.end())
            and not _SENTENCE_OPENER.match(text, match.end())
        ):
            continue
        # "the scarlet A on her dress": the letter is a noun of the phrase, not a new sentence;
        # "@janhorak The ferry sails": a tweet names its addressee first.
        if not match.group() and (
            _HANDLE_BEFORE.search(text, start, match.start())
            or _QUOTATION_OPENED_BEFORE.search(text, start, match.start())
            or _is_the_letter_a(text, start, match.start())
        ):
            continue
        end = match.end()
        if _inside_a_parenthesis(text, start, match.start(), end):
            continue
        # Run together, a straight quote mark between two sentences opens the second one
        # unless a quotation is open ("…a skirt."Legal in NYC…" vs "…State."Huntsman has").
        if text[end - 1 : end] == '"' and end < len(text) and not text[end].isspace() and _opens_here(text, end - 1):
            end -= 1
        yield from _trimmed(text, start, end)
        start = end
    yield from _trimmed(text, start, len(text))


PARENTHESIS_SPAN = 200  # characters after a stop within which a parenthesis it is inside closes


def _inside_a_parenthesis(text: str, start: int, stop: int, end: int) -> bool:
    """Whether the stop at `stop` falls inside a parenthesis opened after the sentence's first
    words (at `start`) and closed soon after `end`: the sentences in it belong to the one around
    it ("…his site A+ (which is basically Buzzfeed except… well, no. It's Buzzfeed.) Akon")."""
    opened = text.rfind("(", start, stop)
    return (
        opened > start
        and text.find(")", opened, end) == -1
        and text.find(")", end, end + PARENTHESIS_SPAN) != -1
        and bool(text[start:opened].strip())
    )


def _opens_here(text: str, mark: int) -> bool:
    """Whether the straight quote mark at `mark` opens a quotation: none is open before it."""
    return text.count('"', 0, mark) % 2 == 0


def brief_text(text: str, opens_quoted: bool, ends_quoted: bool) -> str:
    """The sentence as it must read on its own in a brief, single-spaced, with no space
    before a stop or comma and no invisible character: trimmed, or, for a piece of a longer
    quotation, verbatim with the quotation marks its own text lacks (straight or ``'' when its
    own marks are, else curly)."""
    text = " ".join(visible(text).split())  # a line break inside the sentence is a space
    if not (opens_quoted or ends_quoted):
        text = trim(text)
    else:
        opening, closing = quote_marks(text)
        if opens_quoted and not text.startswith((*OPENING_MARKS, '"')):
            text = opening + text
        if ends_quoted:
            text += closing
    return _SPACE_BEFORE_STOP.sub("", " ".join(text.split()))


def _abbreviation_ends_sentence(head: str, text: str, end: int, opening: bool) -> bool:
    """Whether the abbreviation ending `head` (which holds the sentence's start if `opening`) ends
    the sentence all the same: before a word that only opens one ("…allowed to enter the U.S. They
    included …", "…in Hewlett, N.Y. He said …", "…shares of Acme Inc. The company …") unless it
    stands alone as a label ("A. In the first decade …"); before anything but a number where it
    only stands before one; after a name, before a quotation; after a clock time, before a
    capitalised word that neither dates nor zones it ("at 8 a.m. Police said")."""
    last = _LAST_WORD.search(head)
    if not last:
        return False
    word = last.group(1)
    bare = word.lower()
    if bare in _BEFORE_A_NAME:
        return False
    if word.isupper() and word.isalpha() and len(word) > 1 and bare not in _WRITTEN_IN_CAPITALS:
        if _LOWER_CASE_AFTER.match(text, end):
            return True
    if bare in _BEFORE_A_NUMBER:
        return not _NUMBER_AFTER.match(text, end)
    if bare in _CLOCK and _CAPITAL_AFTER.match(text, end) and not _DATING_A_CLOCK.match(text, end):
        return True
    if _SENTENCE_OPENER.match(text, end):
        if bare in _TITLES and _SURNAME_AFTER.match(text, end):
            return False
        return not opening or bool(head[: last.start()].strip())
    return bool(
        (bare in _AFTER_A_NAME or bare in _CLOCK or _CAPITALS_ACRONYM.fullmatch(word))
        and _QUOTATION_OPENS.match(text, end)
    )


def is_abbreviation(head: str) -> bool:
    """Whether the full stop ending `head` closes an abbreviation or initial, not a sentence."""
    match = _LAST_WORD.search(head)
    if not match:
        return False
    word = match.group(1)
    bare = word.rstrip(".")
    if len(bare) == 1 and bare.isupper():  # an initial
        return True
    if _DOTTED_ACRONYM.match(word) and "." in word.rstrip("."):
        return True
    lower = bare.lower()
    if lower in _CAPITALISED and bare[0].isupper() or lower in _LOWER_CASE and bare in (lower, lower.capitalize()):
        return True
    return _STATE_BEFORE_A_NOUN.search(head) is not None


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        offset = start + piece.index(stripped[0])
        yield offset, offset + len(stripped)


MAX_HEADLINE_WORDS = 25
_DATED = re.compile(rf"\b{CALENDAR_DATE}\b")  # a page's stamp: "Date Posted: Dec 12, 2011"


def is_run_in_headline(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the paragraph `text` opens on its page's headline run into the lead, told by
    Title Case ("Lady Gaga in A Star is Born", "Tram Derails in Velmora City Centre"): a
    caption run in is written as a sentence, and is no headline."""
    if len(spans) < 2:
        return False
    opening = text[slice(*spans[0])]
    bare = [_bare(w) for w in opening.split()]
    return (
        MIN_CAPTION_WORDS <= len(bare) <= MAX_HEADLINE_WORDS
        and not ends_like_sentence(opening)
        and in_title_case(bare)
        and not _DATED.search(opening)
        and not is_furniture(opening)
    )


# Grouping compares sentences pairwise; past this many in a cluster only each report's
# opening sentences are read (news puts what matters first), and the brief says so.
MAX_CLUSTER_SENTENCES = 3000
MIN_SENTENCES_PER_REPORT = 40


class Segment:
    name = "segment"

    def __init__(self, max_sentences: int = MAX_CLUSTER_SENTENCES):
        self.max_sentences = max_sentences

    def __call__(self, cluster: Cluster) -> Cluster:
        for document in cluster.documents:
            sentences: list[Sentence] = []
            for block in document.blocks:
                spans = list(split_sentences(block.text))
                if not sentences and not document.headlines and is_run_in_headline(block.text, spans):
                    document.headlines.append(block.text[slice(*spans[0])])
                for (start, end), (opens, ends) in zip(spans, quotation_states(block.text, spans)):
                    text = block.text[start:end]
                    shown = brief_text(text, opens, ends)
                    sentences.append(
                        Sentence(
                            article_id=document.article.id,
                            index=len(sentences),
                            start=block.start + start,
                            end=block.start + end,
                            text=text,
                            position=0.0,
                            brief_text=shown,
                            tokens=tokenize(shown),
                            opens_quoted=opens,
                            ends_quoted=ends,
                        )
                    )
            for sentence in sentences:
                sentence.position = sentence.index / max(len(sentences), 1)
            document.sentences = sentences
        self._cap(cluster)
        return cluster

    def _cap(self, cluster: Cluster) -> None:
        reporting = [d for d in cluster.documents if d.sentences]
        if sum(len(d.sentences) for d in reporting) <= self.max_sentences:
            return
        per_report = max(self.max_sentences // len(reporting), MIN_SENTENCES_PER_REPORT)
        for document in reporting:
            del document.sentences[per_report:]
        cluster.warn(f"long input: only the first {per_report} sentences of each report were read")
