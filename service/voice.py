"""Who a sentence speaks to and as: page text speaks to its reader or as the site, news prose
speaks of others (outside quotations, which are removed before looking)."""

from __future__ import annotations

import re

from service.text import QUOTED_SPAN, STOPWORDS, Hinted, has_finite_verb, words

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


def _addresses_reader(unquoted: str) -> bool:
    return bool(_READER_OPENING.match(unquoted) or _READER_ADDRESS.search(unquoted))


def speaks_first_person(text: str) -> bool:
    unquoted = QUOTED_SPAN.sub("", text)
    if _FIRST_PERSON.search(unquoted):
        return True
    return any(
        word is None or not word[:1].isupper() or not word[-1].isalpha() or word in _BEFORE_THE_PRONOUN
        for word in (match.group(1) for match in _LOWER_CASE_AFTER_I.finditer(unquoted))
    )


def _speaks_for_a_group(unquoted: str) -> bool:
    """Whether `unquoted` says "we" or "our": a site, a company, a columnist's readers."""
    return bool(_FIRST_PERSON_PLURAL.search(unquoted))


# The site speaks of its own product, the access to its journalism that it sells: an offer in
# the imperative ("Start getting full access to our signature journalism for 99 cents", "Try 30
# days of digital access") or in a noun phrase with no verb ("Complete digital access to quality
# FT journalism on any device.": see `has_finite_verb`). News of subscriptions has a subject and
# a verb ("Netflix added 9 million subscribers"); a noun opens as no imperative does ("Support for
# the plan grew", "Access to the site was blocked").
_PRODUCT = (
    r"(?:access|journalism|reporting|coverage|subscri(?:be|bers?|ptions?|bing)|newsletters?|memberships?|inbox"
    r"|articles|stories|news|updates|alerts|headlines|podcasts?|edition|trial)"
)
_OFFER = re.compile(
    r"(?:Get|Start|Try|Enjoy|Unlock|Support|Keep up|Stay|Claim|Become|Give|Gift|Upgrade|Continue|Receive"
    r"|Register|Create|Activate|Renew|Grab|Discover|Explore|Learn|Don['’]t miss|Never miss)(?![\w'’-])"
    r"(?! (?:for|of|from|in|on|at|by|among|and|or|was|were|is|are|has|had|have|will|would|could|can)\b)"
    # …and reports no one's words: "Discover Financial said …", "Save the Children said …".
    rf"(?!.*\b(?:said|says|told)\b)(?=.*\b{_PRODUCT}\b)",
    re.IGNORECASE,
)
# Its words before the noun are modifiers: no article, pronoun or preposition ("There's no access
# in the prison", "To gain access to …").
_NO_MODIFIER = (
    r"(?:the|a|an|this|that|these|those|his|her|its|their|our|your|my|no|some|any|each|every|all|there|here|it|he"
    r"|she|they|we|you|i|who|to|in|on|at|for|with|by|from|as|after|before|since|when|while|if)(?![\w-])"
)
_OFFERED_PHRASE = re.compile(
    rf"(?:(?!{_NO_MODIFIER})[\w'’-]+,? ){{0,3}}(?:access|journalism)"
    r"(?= (?:to|for|on|with|from|in|and|at|of|plus)\b|\s*[,.:;!—–-])",
    re.IGNORECASE,
)
# …or it speaks as "we" of its journalism, its pages or the data it keeps ("We stand by our
# reporting", "Our comments section is closed", "We and our partners use cookies").
_SITE_OWN = Hinted(
    r"\bour (?:[\w'’-]+ )?(?:journalism|reporting|newsroom|newsletters?|comments(?: section)?|podcasts?|subscribers)"
    r"\b|\bcookies\b|\bpersonal data\b",
    ("our ", "cookies", "personal data"),
    re.IGNORECASE,
    fold=True,
)
# …or it notes how the page itself was made or kept: "This article was amended on …", "A version
# of this story first appeared in …", "Information from the AP was used in this story", "…
# presented in this article; their work is used with permission", "Comments are closed on this
# article". Of a report ("This report was published by the World Bank") only its versions are
# the page's.
_THIS_PAGE = Hinted(
    r"\b(?:this (?:article|story|post|page|piece)|version of this (?:article|story|post|report))\b"
    # A magazine's issue is the page only where it is on sale ("This issue is available now on newsstands").
    r"|\bthis (?:issue|edition) (?:is|was) (?:now )?(?:available|on sale)\b",
    ("this ",),
    re.IGNORECASE,
    fold=True,
)
# A correction's next line names the version alone: "An earlier version said 16 were hurt." (An
# earlier version *of* a bill or a plan is news.)
_EARLIER_VERSION = re.compile(
    r"(?:An?|The) (?:earlier|previous|prior|original) version (?:of this (?:article|story|post|report) )?"
    r"(?:said|stated|misstated|gave|named|misnamed|misspelled|misidentified|reported|referred|incorrectly|wrongly)\b"
)
_PAGE_MAKING = re.compile(
    r"\b(?:appeared|published|republished|amended|updated|corrected|misstated|misspelled|misidentified|misnamed"
    r"|available|permission|reproduced|syndicated|(?:was|were|is|are) used|closed)\b",
    re.IGNORECASE,
)


def speaks_to_reader_or_as_site(text: str) -> bool:
    """Whether `text`, outside quotations, speaks to the reader or is the site's own word on
    what it sells or on the page itself rather than news."""
    unquoted = QUOTED_SPAN.sub("", text)
    return _addresses_reader(unquoted) or _speaks_as_site(unquoted)


def _speaks_as_site(unquoted: str) -> bool:
    """An offer of the site's journalism, its "we" about its pages, a note on how the page was made."""
    unquoted = unquoted.lstrip("\"“‘'( ")
    if _OFFER.match(unquoted) or (_OFFERED_PHRASE.match(unquoted) and not has_finite_verb(unquoted)):
        return True
    if _SITE_OWN.search(unquoted) and _speaks_for_a_group(unquoted):
        return True
    return bool(_EARLIER_VERSION.match(unquoted) or (_THIS_PAGE.search(unquoted) and _PAGE_MAKING.search(unquoted)))


def speaks_as_page(unquoted: str) -> bool:
    """Whether a sentence, its quotations already taken out, is page text rather than news: it
    speaks to the reader, for a group or as the site."""
    return _addresses_reader(unquoted) or _speaks_for_a_group(unquoted) or _speaks_as_site(unquoted)


# Page text also tells of the web itself: how pages are crawled, archived and linked (a web
# archive's note on a capture or a collection, scraped in place of the story). Such a page is
# full of those words: of the 1,257 evaluation pages, the archive's notes have 14-39 % of their
# content words among them; the news page most about the web (AOL buying Netscape, the maker
# of a Web browser) 5.9 %.
# Read as written, not stemmed: a whole page is read, and stemming it cost a third of the test.
_WEB_WORDS = frozenset(
    "page pages webpage webpages website websites site sites web link links linked linking hyperlink hyperlinks "
    "url urls crawl crawls crawled crawling crawler crawlers archive archives archived archiving internet browser "
    "browsers wayback 404".split()
)
WEB_WORDS_SHARE = 0.1


def tells_of_web_pages(text: str) -> bool:
    """Whether `text`, outside quotations, is about web pages, their links and archives."""
    said = [word.lower() for word in words(QUOTED_SPAN.sub("", text))]
    said = [word for word in said if len(word) > 1 and word not in STOPWORDS]
    told = sum(word in _WEB_WORDS for word in said)
    return told >= 2 and told >= WEB_WORDS_SHARE * len(said)
