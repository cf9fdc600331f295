"""The brief's headline.

The headline is the one most reports' own headlines agree with, when it reads as a
headline (a few words; a byline, "By Tomas Berg, Solberg Courier", is none). Otherwise it is
rebuilt from the brief's first sentence that reads alone (not "…, many think so." after the
question it answers was left out): an opening adverbial or participle ("In a debate on
Tuesday, ", "Facing a court challenge, "; not the claim a source names after it: "Operating
profit rose …, the company said, above …"), an aside
between dashes or between the subject and its verb ("Jan Horak, who owns the ferry, said"; in
a long sentence also one without commas: "A man who escaped from prison was captured"; a name
set beside a role stays, closed up: "His lawyer, Karl Rominger, said" gives "His lawyer Karl Rominger said"),
the attribution tail ("…, state media said on Sunday") and the weekday go (where the main
clause's subject is a pronoun, an opener that tells a fact is kept as the headline instead:
"When Ines Calder closed the pier, she …" gives "Ines Calder closed the pier"), then the sentence
is cut at its first clause boundary outside a quotation (an "as" that compares is none: "as
many as 100"), and never ends on a word that leaves it hanging ("the", "of", "was", a comma, a
participle whose complement went: "… a Sudanese factory destroyed") or inside a phrase ("… over a
suspected nuclear", "… has the right under its charter to sell | the quay"); a clause a word or
two too long is kept whole ("… ago has been freed"), and a sentence that fits whole ends where
its writer ended it ("… by how strong the link was", "… on 24 May").
"""

from __future__ import annotations

import re

from service.cluster import Cluster
from service.text import AUXILIARIES, MONTH, WEEKDAY, quotation_states, quote_marks, tfidf_rows, tokenize, visible
from service.trim import drop_weekdays, is_participle

MAX_WORDS = 16
MIN_WORDS = 5
MAX_DROPPED = 6  # words given up to end a headline before a phrase rather than inside it
# Words a headline may run over rather than lose the last of its clause ("… delivering a sign
# language propaganda | message", "… more than 10 months ago has been | freed").
MAX_OVERRUN = 2
# The tail names the source after a comma ("…, state media said on Sunday"); without one,
# "…, but more than a third of her lawmakers said she was …" is a clause of the story.
_ATTRIBUTION = re.compile(
    r",?\s+according to\b.*$|,\s+(?:[\w'’.-]+\s+){0,6}(?:said|says|reported|reports|announced|told\s+\w+)\b[^,]*$",
    re.IGNORECASE,
)
# An opening adverbial ("On Friday, ", "According to an incident report, ", "In a night
# debate with his rival, "): a headline starts with who did what.
_OPENER = re.compile(
    # "At least 231 people died, …" opens with its subject, not an adverbial.
    r"^(?!at (?:least|most)\b)(?:(?:late |early )?on|in|at|after|before|when|while|as|during|for|with|without|by|since|despite|amid"
    r"|according to|following|under|from|if|although|though|because|once|until"
    r"|(?:one|some|a few|several|earlier|later|last|next)(?: \w+)? (?:day|night|week|month|year|hour)s?"
    # An elapsed time: "A week after …, ", "Nearly 30 years after …, ", "Twenty-five years later, ",
    # "Moments later, ".
    r"|(?:(?:(?:nearly|almost|about|roughly|some|just|only|more than|less than|over) )?(?:an?|[\w-]+|a few) )?"
    r"(?:moment|second|minute|hour|day|night|week|month|year|decade)s? (?:after|before|later|earlier|ago|since)"
    # A participle and what it governs: "Stunned by the Democratic resurgence, ", "Facing a court challenge, ".
    r"|(?-i:[A-Z][a-z]{2,}(?:ing|ed)) (?=[a-z]))\b[^,]{0,200}"
    r"(?:, \d{4})?,\s+",  # "On May 22, 2010, "
    re.IGNORECASE,
)
# What names the source of the words before it ("…, the company said, above the 3.8 billion
# expected"): what reads like a participle's phrase is then the claim ("Operating profit rose to
# 4.2 billion, "), its -ing word an adjective. Not where the source opens a quotation or a clause
# ("Speaking on the lawn, Trump said, “We …”", "By choosing the name, he says, Reconstruction-era blacks").
_PARTICIPLE_OPENER = re.compile(r"[A-Z][a-z]{2,}(?:ing|ed) [a-z]")
_SOURCE_AFTER = re.compile(
    r"(?:[\w'’.-]+\s+){0,6}?(?:said|says|reported|reports|announced|told\s+\w+)(?:,\s+(?=[a-z])|$)", re.IGNORECASE
)
# An opener that tells a fact as its own clause (not "If …", which only supposes one).
_TOLD_CLAUSE = re.compile(
    r"^(?:when|after|as|once|while|because|since|although|though|before)\s(?P<clause>[^,]+?),\s+$", re.IGNORECASE
)
_PRONOUN_SUBJECT = re.compile(r"(?:he|she|they|it|we|his|her|their|its|our)\s", re.IGNORECASE)
_AUXILIARY = rf"(?:{'|'.join(sorted(AUXILIARIES))})"
_SAYING = frozenset("said says say told tells reported reports announced claimed believe believes think thinks".split())
# An aside's closing comma may stand inside a quotation's marks ("…, who starred in “The
# Goldbergs,” has died").
_ASIDE_END = r",[\"”’']?\s"
# An aside between the subject and its verb: an appositive, a relative clause or a participle
# ("James Kopp, the man the FBI is seeking …, is known", "Joschka Fischer, who drew China's
# anger …, said", "officials, concerned that …, are lobbying"). It is known to end where a
# verb the headline can keep follows: after "who"/"which" any lower-case word, after a short
# appositive, a name or a participle's phrase a past tense too ("nations, the euro's members,
# cut rates", "Trump, angered over a retweet …, called").
_SUBJECT_ASIDE = re.compile(
    r"^(?P<subject>\w[^,]{0,60}?),\s(?:"
    rf"(?:the|a|an|\w+ed)\s[^;]{{1,200}}?{_ASIDE_END}(?=(?:{_AUXILIARY}|said|says)\b)"
    # …also without an article, as papers write a description ("Snoop Dogg, world-renowned
    # entertainment icon and …, has been"), though not a list's next item ("pears and plums, which").
    rf"|[a-z][\w-]*\s[^;,]{{1,200}}?{_ASIDE_END}(?=(?:{_AUXILIARY}|said|says)\b)"
    rf"|(?:(?:the|a|an)(?:\s[^\s,;]+){{1,3}}|[a-z]+ed\s[^;]{{1,200}}?){_ASIDE_END}(?=[a-z]+ed\b)"
    # Not before a determiner: that opens an appositive to the clause ("who has Asperger's, a form of autism,").
    rf"|(?:who|which|whose)\s[^;]{{1,200}}?{_ASIDE_END}(?=[a-z])(?!(?:a|an|the)\s)"
    # A name set beside the subject ("The former chief of Solent Energy, Mark Doyle, was").
    rf"|(?P<name>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){{0,3}}){_ASIDE_END}(?=(?:{_AUXILIARY}|said|says|[a-z]+ed)\b))"
)
# A relative clause that ends where the subject's verb starts, with no comma to mark it: "A
# man convicted of four murders who escaped from the state prison was captured". Its verb is
# an auxiliary after a word that cannot be a clause's own subject (so not "as he was"). Not
# "that", which also opens what a verb says ("said that Israel would build").
_SUBJECT_RELATIVE = re.compile(r"^(?P<subject>[^,;:\"“”]{3,80}?)\s(?:who|which)\s[^,;:\"“”]{1,160}$")
_VERB_AFTER = re.compile(rf"(?<=\s)(?={_AUXILIARY}\s)")
_SUBJECT_WORDS = frozenset("i he she it we they you who that which there".split())
MAX_SUBJECT_WORDS = 8
# Punctuation a cut leaves at a headline's end, kept out of a closing quotation mark too.
_TRAILING_STOPS = re.compile(r"[,;:]+([\"”’']?)$")
# What describes the name an opener ends on ("As his lawyers fought for Gen. Augusto Pinochet,
# the former Chilean dictator, efforts began"): part of the opener, when the main clause
# follows it (a lower-case word, not a relative pronoun).
_NAMED_APPOSITIVE = re.compile(r"^(?:the|a|an)(?:\s[^\s,;]+){1,3},\s+(?=[a-z])(?!(?:who|which|whose|that)\b)")
_CALENDAR_NAME = re.compile(rf"^(?:{WEEKDAY}|{MONTH})\b")
# A parenthetical between dashes ("The suspect — described as white, in her 20s — is"; a
# flattened page writes "--"): out of a headline, and no clause boundary.
_DASHED_ASIDE = re.compile(r"\s(?:[—–]|--)\s(?:(?!--)[^—–]){1,160}?\s(?:[—–]|--)\s")
# Words a headline cannot end on: a subject pronoun leaves its verb unsaid.
_DANGLING = frozenset(
    "a an the of to in on at for with by from into onto and or but nor as than that which who whom whose "
    "his her its their our my your this these those is are was were be been has have had will would can could "
    "should may might i he she they we".split()
)
# …of which these end no sentence at all: a page cut one short ("… and the"), or a sentence split
# before its verb ("… stand out for Spain He").
_NEVER_LAST = frozenset("a an the and or but nor than whose which whom its their our my your i he she they we".split())
# Prepositions: a headline can end before the phrase one opens ("to" mostly opens a verb).
_PHRASE_OPENERS = frozenset(
    "of in on at for with by from into onto over under about against across through throughout near toward "
    "towards inside outside within beneath behind beyond along around after before during amid since until "
    "despite between among".split()
)
# Words before a participle that make it no reduced relative clause's ("has not yet | decided",
# "the one it filed").
_BEFORE_A_VERB = frozenset(
    "not never also just still yet already now often sometimes once well ever being it you".split()
)
# Words that open a clause of its own, whose verb a participle after them may be.
_OPENS_A_CLAUSE = _SAYING | frozenset(
    "that if whether what how when where who which whom because while although though unless and or but".split()
)
# Words a cut may fall before: a phrase or a clause opens there ("… flown to Moscow | in …").
# Not a determiner, an auxiliary or a pronoun: the object or the verb the words before it
# leave open comes there ("… the right to sell | the quay", "… months ago | has been freed").
_CLAUSE_OPENERS = frozenset("that which who whom whose".split())
_CUT_BEFORE = _PHRASE_OPENERS | _CLAUSE_OPENERS | frozenset("to and or but nor as than".split())
# Two-word prepositions: once the second word is cut, the first goes too ("a star on the
# Walk of Fame ahead | of the anniversary").
_TWO_WORD_PREPOSITIONS = frozenset(
    [("ahead", "of"), ("instead", "of"), ("because", "of"), ("out", "of"), ("prior", "to"), ("due", "to"),
     ("according", "to"), ("next", "to"), ("connection", "with"), ("connection", "to")]
)
# AP wire copy writes a dash as " _ ". A colon before a lower-case word opens a clause (before
# a quotation or a capital it opens what someone said: "Ines Calder said: “Repairs …”").
_CLAUSE = re.compile(r",\s|:\s(?=[a-z])|\s(?:[—–_-]|--)\s|;\s|\s(?:during|after|before|while|amid|as|because|which|who|where|when|but|and)\s")


def shorten(sentence: str) -> str:
    """The sentence as a headline of at most MAX_WORDS words, or up to MAX_OVERRUN more
    where that ends its clause; no ellipsis."""
    text = sentence.strip().rstrip(".!?\"”’' ")
    # A sentence a page cut off with an ellipsis ("… has information showing that...") lost its end.
    trailing_ellipsis = sentence.rstrip("\"”’' ").endswith(("...", "…"))
    opener = _OPENER.match(text)
    if opener and _PARTICIPLE_OPENER.match(text) and _SOURCE_AFTER.match(text, opener.end()):
        opener = None  # what it names the source of is the claim ("Operating profit rose …, the company said, …")
    told = _TOLD_CLAUSE.match(opener.group()) if opener else None
    if opener and told and _PRONOUN_SUBJECT.match(text, opener.end()) and len(told.group("clause").split()) >= MIN_WORDS:
        # The main clause's subject is a pronoun whose name the opener holds ("When Texas teen
        # Mackenzie Wethington survived a parachuting accident, her father …"): the opener's
        # own clause, which states a fact, is the headline.
        text = told.group("clause")
    elif opener and len(text[opener.end() :].split()) >= MIN_WORDS:
        text = text[opener.end() :]
        appositive = _NAMED_APPOSITIVE.match(text) if _ends_on_a_name(opener.group()) else None
        if appositive and len(text[appositive.end() :].split()) >= MIN_WORDS:
            text = text[appositive.end() :]
    # Headlines drop the day ("Hun Sen on Friday rejected" -> "Hun Sen rejected").
    text = _DASHED_ASIDE.sub(" ", drop_weekdays(text))
    aside = _SUBJECT_ASIDE.match(text)
    if aside and len(aside.group("subject").split()) <= MAX_SUBJECT_WORDS:
        subject = aside.group("subject")
        # A role keeps the name it introduces, closed up as headlines write it ("Facebook's founder
        # Mark Zuckerberg"); one word after a name is a place or a qualifier ("Farmersburg, Indiana,").
        name = aside.group("name")
        if name and (subject.split()[-1][0].islower() or " " in name):
            subject = f"{subject} {name}"
        text = f"{subject} {text[aside.end():]}"
    elif len(text.split()) > MAX_WORDS:
        text = _without_subject_relative(text)
    unattributed = _ATTRIBUTION.sub("", text)
    # Whether words went from the end: a sentence told whole ends where its writer ended it.
    attribution_cut = unattributed != text and len(unattributed.split()) >= MIN_WORDS
    end_cut = trailing_ellipsis or attribution_cut
    text = unattributed if attribution_cut else text
    for match in _CLAUSE.finditer(text):
        if len(text.split()) <= MAX_WORDS:
            break
        if _joins_a_name(text, match) or _compares(text, match) or _unclosed_quote(text[: match.start()]):
            continue
        head = text[: match.start()].split()
        if len(head) >= MIN_WORDS:
            # "tore into each other over | who was to blame": the clause was the preposition's object.
            # Not a word another preposition takes as its own ("came from behind | after").
            while match.group().strip().isalpha() and len(head) > MIN_WORDS and _takes_the_clause(head):
                head.pop()
            text = " ".join(head)
            end_cut = True
            break
    words = text.split()
    kept = len(words) if len(words) <= MAX_WORDS + MAX_OVERRUN else MAX_WORDS
    if len(words) > kept and not _ends_a_phrase(words[kept - 1], words[kept]):
        # The cut falls inside a phrase ("… over a suspected nuclear | site"): end before it,
        # if it opened near the end (further back, the preposition may sit inside a name), or
        # before the clause it is in ("… convince European judges | that it has the right to").
        near_end = range(max(MIN_WORDS, MAX_WORDS - MAX_DROPPED), MAX_WORDS)
        opens = [k for k in near_end if words[k].lower() in _PHRASE_OPENERS]
        opens += [k for k in range(MIN_WORDS, MAX_WORDS) if words[k].lower() in _CLAUSE_OPENERS]
        kept = max(opens) if opens else kept
    # Once words after it are gone, a preposition left at the end lost its object too
    # ("… from Republican leaders over | his comments"), and a participle its complement ("… the
    # owner of a Sudanese factory destroyed | in a missile strike"). A sentence told whole ends
    # where its writer ended it ("… by how strong the link was"), but for a word no sentence ends on.
    cut = len(words) > kept
    verb_lost = False
    title_case = sum(w[:1].isupper() for w in words[:kept]) * 2 > kept
    while kept > MIN_WORDS:
        last = words[kept - 1]
        # "Theresa May", "on 24 May": a verb's capital after a name or a number is a name.
        after_a_name = words[kept - 2][:1].isupper() or words[kept - 2][:1].isdigit()
        named = not title_case and last[:1].isupper() and last.lower() in AUXILIARIES and after_a_name
        dangles = (last.lower() in _DANGLING and (cut or end_cut) or last.lower() in _NEVER_LAST) and not named
        participle = cut and _ends_a_phrase(last, words[kept]) and _reduced_participle(words[:kept])
        if not (dangles or participle or (cut and _opens_a_phrase(words, kept - 1))):
            break
        kept -= 1
        cut = True
        verb_lost = verb_lost or words[kept].lower() in AUXILIARIES
    # A clause whose verb went with the cut goes whole: the trim took it ("… suicide note | that
    # they say was | written"), or the cut came two words into the clause ("… convince U.K.
    # judges | that the shape | of its KitKat bar is"). What someone said does not ("… said
    # that Zimmerman had"), nor a clause inside a quotation ("are “something that God intended”").
    clauses = [k for k in range(MIN_WORDS, kept) if words[k].lower() in _CLAUSE_OPENERS]
    if clauses and words[clauses[-1] - 1].lower() not in _SAYING:
        short = cut and kept - clauses[-1] <= 3 and not _unclosed_quote(" ".join(words[: clauses[-1]]))
        kept = clauses[-1] if verb_lost or short else kept
    # A comma may stand inside a quotation's closing mark ("launched a “Clean-Up Challenge,”").
    headline = _TRAILING_STOPS.sub(r"\1", " ".join(words[:kept]))
    headline += _unclosed_quote(headline)  # a quotation cut short still reads as one
    return headline[:1].upper() + headline[1:]


def _without_subject_relative(text: str) -> str:
    """`text` without a relative clause between its subject and the subject's verb, when the
    clause the verb opens would not fit a headline with it ("The diver who found the wreck
    was honoured by the town" keeps it)."""
    for verb in _VERB_AFTER.finditer(text):
        relative = _SUBJECT_RELATIVE.match(text, 0, verb.start() - 1)
        if relative is None:
            return text
        if text[: verb.start()].split()[-1].lower() in _SUBJECT_WORDS:
            continue  # the verb of a clause inside the relative one ("as he was drowning")
        boundary = _CLAUSE.search(text, verb.end())
        subject = relative.group("subject")
        if len(text[: boundary.start() if boundary else len(text)].split()) <= MAX_WORDS:
            return text
        return f"{subject} {text[verb.start():]}" if len(subject.split()) <= MAX_SUBJECT_WORDS else text
    return text


def _takes_the_clause(head: list[str]) -> bool:
    """Whether the last word of `head` is a preposition whose object the clause after it was;
    not one another preposition takes as its own ("from behind")."""
    return head[-1].lower() in _PHRASE_OPENERS and head[-2].lower() not in _PHRASE_OPENERS


def _reduced_participle(words: list[str]) -> bool:
    """Whether the last of `words` is a participle set after a noun ("… the owner of a Sudanese
    factory destroyed"), which a cut before a phrase leaves without its complement. Only where its
    clause already has its verb, told by an auxiliary or by a past tense that takes an object
    ("unveiled ambitious plans aimed | at"): else the participle may be that verb ("… the victims
    of the crash arrived | in", "… said that the population peaked | in", "… or at least lived | in")."""
    if len(words) < 3 or not is_participle(words[-1]) or _unclosed_quote(" ".join(words)):
        return False  # what someone said is left as said
    before = words[-2]
    # After a name it is the name's verb ("…,'' Gama added"); after an adverb, its auxiliary's ("are
    # sometimes referred").
    if before.lower() in _DANGLING | _BEFORE_A_VERB or before[:1].isupper() or before.endswith(("ly", ",", ";", ":")):
        return False
    for k in range(len(words) - 3, -1, -1):
        word = words[k].lower()
        if word in _OPENS_A_CLAUSE or (word in AUXILIARIES and k == len(words) - 3):
            return False
        if word in AUXILIARIES or (is_participle(words[k]) and words[k + 1].lower() not in _PHRASE_OPENERS):
            return True
    return False


def _ends_a_phrase(last: str, following: str) -> bool:
    """A cut between these words leaves no phrase half said: punctuation ends the last word,
    the last is a function word (the end trim drops it: "… ago has been | freed" loses "has
    been"), or the next one opens a phrase or a clause."""
    return (
        last.endswith((",", ";", ":"))
        or last.lower() in _DANGLING
        or following.lower().strip("\"“‘'(") in _CUT_BEFORE
    )


def _opens_a_phrase(words: list[str], k: int) -> bool:
    """Whether words[k] opens a phrase: a preposition, or a two-word one's first word."""
    word = words[k].lower()
    following = words[k + 1].lower() if k + 1 < len(words) else ""
    return word in _PHRASE_OPENERS or (word, following) in _TWO_WORD_PREPOSITIONS


def _ends_on_a_name(opener: str) -> bool:
    """Whether an opener's last word is a name, not a day or a month ("On Friday, ")."""
    last = opener.rstrip(", ").split()[-1]
    return last[:1].isupper() and not _CALENDAR_NAME.match(last)


def _unclosed_quote(text: str) -> str:
    """The mark that closes the quotation open at the end of `text`, or "" when none is."""
    _, open_at_end = quotation_states(text, [(0, len(text))])[0]
    return quote_marks(text)[1] if open_at_end else ""


def _joins_a_name(text: str, match: re.Match[str]) -> bool:
    """"and" between capitalised words is inside a name: "the Truth and Reconciliation Commission"."""
    before, after = text[: match.start()].split()[-1:], text[match.end() :].split()[:1]
    return match.group().strip() == "and" and bool(before and after) and before[0][:1].isupper() and after[0][:1].isupper()


def _compares(text: str, match: re.Match[str]) -> bool:
    """"as" that compares opens no clause: "as many as 100 cars", "countries such as Peru"."""
    if match.group().strip() != "as":
        return False
    before = [w.lower() for w in text[: match.start()].split()[-2:]]
    return bool(before) and (before[-1] == "such" or (len(before) == 2 and before[0] == "as"))


# A writer's name or two, and the outlet or title after a comma ("By Jan Horak, Staff Writer"), not a
# day ("By Tuesday Night, Storm Hits the Coast").
_NAME = r"[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|van|von|de|der|da|al|el|bin)){1,3}"
_BYLINE = re.compile(
    rf"By (?!(?:{WEEKDAY})\b){_NAME}(?: and {_NAME})?(?:, [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){{0,3}})?$"
)


def told_once(headline: str) -> str:
    """A headline a page printed twice in a row, in two versions, told once: "Sally
    Struthers Arrested for Drunk Driving Sally Struthers -- Arrested for Drunk Driving".
    The second version opens like the first and repeats most of its words."""
    words = [w.lower().strip(",;:.!?\"“”‘’()").removesuffix("'s").removesuffix("’s") for w in headline.split()]
    for k in range(4, len(words) - 2):
        if words[k : k + 2] == words[:2] and len(set(words[:k]) & set(words[k:])) >= 0.6 * len(set(words[:k])):
            return " ".join(headline.split()[:k])
    return headline


def choose_headline(cluster: Cluster, lead: str) -> str:
    """The reports' agreed headline, else one cut from `lead`, the brief's first sentence that
    reads alone."""
    # A page left without prose (furniture only, or off the story) offers no headline, and a byline
    # over the lead ("By Tomas Berg, Solberg Courier") names the writer, not the story.
    firsts = [visible(h) for d in cluster.documents if d.sentences for h in d.headlines[:1]]
    headlines = [h for h in firsts if not _BYLINE.match(h)]
    agreed = ""
    if headlines:
        vectors = tfidf_rows([tokenize(h) for h in headlines])
        agreement = (vectors @ vectors.T).sum(axis=1).A1
        # A label for what follows ("Brief biography of Ariel Sharon:") reads as a headline without its colon.
        agreed = headlines[int(agreement.argmax())].strip().rstrip(":").rstrip()
    if agreed and len(agreed.split()) <= MAX_WORDS:
        return agreed
    lead = lead or agreed
    # A page's headline printed twice before its lead, run into it, is the headline once.
    return shorten(told_once(lead)) if lead else ""
