"""Who a sentence speaks to and as: page text speaks to its reader or as the site, news prose
speaks of others (outside quotations, which are removed before looking)."""

from __future__ import annotations

import re

from service.text import QUOTED_SPAN, Hinted

# A sentence that speaks in the first person outside quotation marks: an essay's
# "I", a company statement's "we" ("We are taking immediate steps to invalidate the
# passwords"), a site's "our" ("caught our eye this week"). Who speaks is not in the brief.
# Capitalised, "Our" and "My" are that only where a sentence or an aside starts ("Our Lady of
# Lourdes" and "My Lai" are names), and "Me" and "Mine" never are ("Portland, Me.").
_AT_A_START = r"(?:^|(?<=\()|(?<=: ))"
_FIRST_PERSON_PLURAL = re.compile(rf"\b(?:we|our|ours|us|We)\b|{_AT_A_START}Our\b")
_FIRST_PERSON = re.compile(rf"{_FIRST_PERSON_PLURAL.pattern}|\b(?:me|my)\b|{_AT_A_START}My\b")
# "I" before a lower-case word is the pronoun, unless a name stands before it: then it is a
# numeral ("World War I veterans", "a Schedule I drug", "Elizabeth I was").
_LOWER_CASE_AFTER_I = re.compile(r"(?:^|(?<!\S)(\S+) )I(?=['’][a-z]| [a-z])")  # a word read from its start
_BEFORE_THE_PRONOUN = frozenset(
    "Then So And But When If Now As Before After Because Since While Although Though Yes No Today Here There "
    "What How Why Where Maybe Perhaps Sometimes Still Yet Once Until Unless Well Oh".split()
)
# Page text speaks to the reader ("You can add location...", "Your browser...", "Bob Dunn can
# be reached at bdunn@…", "please review the brochure").
_READER_ADDRESS = Hinted(
    r"\b(?:you|your|yours)\b"
    r"|\bcan be reached at\b"
    # A request ("For more information, please review the brochure"); "please" as a verb
    # follows a modal or "to" ("would please residents").
    r"|(?<!\bto )(?<!\bwould )(?<!\bwill )(?<!\bcould )(?<!\bcan )(?<!\bmight )\bplease\b",
    ("you", "reached at", "please"),
    re.IGNORECASE,
    fold=True,
)
# …or it opens on an imperative ("Watch the video below", "Follow AHA news on Twitter"), also
# as a link in brackets or a picture's button ("(See 10 more examples.)", "Read next …",
# "Enlarge Family photo …"), on a greeting ("Welcome to …"), or on a tweet's addressee
# ("@amandacarpenter We are sorry to hear that.").
_READER_OPENING = re.compile(
    r"\(?(?:Watch|Listen|Click|Tap|Follow|Subscribe|Download|Join|Visit|Scroll|Reach|Contact|See|Read|View|Enlarge)"
    r"\b(?!['’])"
    r"|(?:Sign up|Check out|Stay tuned|Support our|Become a (?:member|subscriber)|Welcome to)\b"
    r"|@\w",
    re.IGNORECASE,
)


def addresses_reader(text: str) -> bool:
    unquoted = QUOTED_SPAN.sub("", text)
    return bool(_READER_OPENING.match(unquoted) or _READER_ADDRESS.search(unquoted))


def speaks_first_person(text: str) -> bool:
    unquoted = QUOTED_SPAN.sub("", text)
    if _FIRST_PERSON.search(unquoted):
        return True
    return any(
        word is None or not word[:1].isupper() or not word[-1].isalpha() or word in _BEFORE_THE_PRONOUN
        for word in (match.group(1) for match in _LOWER_CASE_AFTER_I.finditer(unquoted))
    )


def speaks_for_a_group(text: str) -> bool:
    """Whether `text` says "we" or "our" outside quotations: a site, a company, a columnist's readers."""
    return bool(_FIRST_PERSON_PLURAL.search(QUOTED_SPAN.sub("", text)))
