"""Clean: keep the story's prose, drop the page around it.

Scraped reports carry site furniture (promos, comment widgets, tickers, share lines, image
names, wire sign-offs) and whole unrelated stories appended under "Related" sections.
Three general rules remove them, none of them tied to one site's strings:

1. Structure: a story is told in prose lines (enough words, sentence punctuation).
   Short unpunctuated lines are headlines, section heads or furniture; only a headline
   before the first prose line is kept, as a headline candidate. Widgets flattened into a
   paragraph (picture credits, share bars, tweet sign-offs) are cut out of it, and what a
   page puts before the lead (dateline, publication stamp) is stripped.
2. Section markers: a short line that opens a "related / more / comments" section ends
   the story; nothing after it is the report's own text.
3. Relevance: a block whose vocabulary shares almost nothing with the other reports of
   the cluster is off the story (an appended story without a marker, a cookie wall), and
   so is a whole page that shares nothing with a story the other reports share, a second,
   shorter story that two pages share, and a report in another language than the others (a
   brief is written in theirs).

Offsets are kept: every kept block records where it starts in the article's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import numpy as np
from scipy import sparse

from service.cluster import Block, Cluster, Document
from service.components import connected
from service.errors import InputError
from service.headline import told_once
from service.text import (
    AUXILIARIES,
    CALENDAR_DATE,
    MONTH,
    PICTURE_AGENCIES,
    PICTURED_ACTS,
    QUOTED_SPAN,
    STOPWORDS,
    WEEKDAY,
    Hinted,
    ends_like_sentence,
    has_finite_verb,
    has_words,
    is_prose,
    looks_binary,
    tfidf_rows,
    word_count,
    words,
)
from service.trim import without_editors_label
from service.voice import speaks_as_page, tells_of_web_pages

# C0 controls except tab/newline, DEL, C1 controls and lone surrogates (which no encoder
# accepts): replaced one-for-one by spaces so that offsets into the cleaned text stay
# offsets into the text the caller sent.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# Line breaks other than "\n" (an old Mac file's lone "\r", "\u2028", "\x85", a form feed)
# and spaces other than " " (a tab, a no-break or thin space) are made those two, one for
# one, so that every rule reads one kind of each ("HALLORAN, March\xa012 - " is a dateline).
_OTHER_LINE_BREAK = re.compile(r"\r(?!\n)|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_OTHER_SPACE = re.compile(r"[\t\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_EMOJI = r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF][\uFE0F\u200D]?"
# A footnote's mark ("fire.[1]", "said[^2]"), and after a line's last stop what a post or a
# paper closes it with: hashtags, handles, emoji, a superscript or a dagger. Left, they keep
# the line from ending like a sentence, and it reads as no prose.
_FOOTNOTE_MARK = re.compile(r"(?<=\S)\[\^?\d{1,3}\]")
# One mark a repetition: a run of marks matched both ways ("[*]+" repeated) took 6 s to give up
# on a line of 25 asterisks that a sentence follows.
_TRAILING_MARKS = re.compile(
    rf"(?m)(?<=[.!?\"”’')\]])(?:[ \t]*(?:[¹²³⁰⁴-⁹†‡*]|[#@]\w+|{_EMOJI}))+[ \t]*$"
)
_TRAILING_MARK = re.compile(rf"[¹²³⁰⁴-⁹†‡*#@]|{_EMOJI}")
# A closing curly quote mangled by a wrong code page: ” loses its last byte and shows as
# "�?" ("a “direct attack�? on"). Left alone, the quotation never closes and the prose after
# it reads as quoted. Where a “ is open, such a pair before a space is restored as ” plus a
# space (two characters for two); elsewhere it may be any letter before a real "?".
_CURLY_OR_LOST_QUOTE = re.compile(r"[“”]|(?<=\S)\ufffd\?(?=\s|$)")
# A finance page's stock quote after a company's name: its symbol and the day's change in per
# cent to two decimals ("Amazon.com Inc. AMZN, -1.29% and other …", "3786.KU -2.22%"), or the
# symbol after its market ("Xhibit Corp. US:XBTC executives"). Blanked where it stands, so
# that the sentence around it reads on.
_STOCK_QUOTE = re.compile(
    r"(?=[A-Z\d])(?<![\w:.])(?:(?:[A-Z]{2}:)?(?:[A-Z]{1,5}|\d{3,6}\.[A-Z]{1,2}),? [+\-−]\d+\.\d\d%"
    r"|[A-Z]{2}:[A-Z]{1,5})(?![\w:])"
)
_MARKET_SYMBOL = re.compile(r"[A-Z]{2}:[A-Z]")  # "US:XBTC"; the other form has its "%"

_SECTION_LABEL = (
    r"related(?: (?:articles?|stories|news|posts|content|coverage|topics|links|reading))?"
    r"|more (?:stories|news|to read|like this)|read (?:more|next|also)|also read|see also"
    r"|recommended(?: for you| stories| reading)?|you (?:may|might) (?:also )?like|most (?:read|popular|viewed|shared)"
    r"|trending(?: now| stories)?|top stories|latest (?:news|stories)|editor'?s picks|popular now"
    r"|comments?(?: \(\d+\))?|no comments yet|leave a (?:comment|reply)|join the (?:conversation|discussion)"
    r"|show comments|view comments|sponsored(?: content| stories)?|around the web|from our partners"
)
_MORE_FROM = r"more (?:from|on|in)(?: [\w'’.&-]+){0,4}"  # "More from Arts & Entertainment"
_SECTION_MARKER = re.compile(rf"^\W*(?:{_SECTION_LABEL}|{_MORE_FROM})\W*$", re.IGNORECASE)
# Such a label run into the line it heads is a link to another story, not a sentence ("Related
# Coverage Velmora tram derailment: what we know", "More on the migrant crisis: The refugees who
# chose Brazil …"). Prose goes on in lower case after its opening words ("More in Europe now
# believe …" has no colon).
SECTION_OPENING = re.compile(rf"^\W*(?:(?i:{_SECTION_LABEL})(?::\s|\s+(?=[A-Z\"“‘]))|(?i:{_MORE_FROM}):\s)")

# Page furniture: a short line holding any of these is no part of the report (`is_furniture`).
_FURNITURE = Hinted(
    r"(\.(png|jpe?g|gif|webp|svg)\b"
    r"|\b(subscribe|sign (in|up)|log in|newsletter|download (our|the) app|app store|google play"
    r"|cookie|all rights reserved|copyright|follow us|share (this|on)|click here|advertisement"
    r"|terms of (use|service)|privacy policy|(news|e-?mail|text) alerts|listen to (this )?(article|story))\b"
    # An editor's note about the page, not the story.
    r"|^\W*(correction|clarification|editor'?s note)\s*:|\b(this (article|story|report) (has been|was) (updated|corrected)"
    r"|an earlier version of this (article|story|report))\b"
    r"|©|https?://|www\.|\s\|(\s|$))",
    # A piece of every alternative, in lower case.
    (".png", ".jp", ".gif", ".webp", ".svg", "subscribe", "sign in", "sign up", "log in", "newsletter", "download",
     "app store", "google play", "cookie", "all rights reserved", "copyright", "follow us", "share this", "share on",
     "click here", "advertisement", "terms of", "privacy policy", "alerts", "listen to", "correction",
     "clarification", "editor", "this article", "this story", "this report", "earlier version", "©", "http", "www.",
     "|"),
    re.IGNORECASE,
    fold=True,
)
# A prompt to sign up for mail from the site: a newsletter's box holds it, the newsletter's name
# and a line that tells what it brings, with no verb (see `Clean._split_blocks`).
_SIGN_UP = re.compile(r"\b(?:newsletters?|subscribe|sign(?:ing)? up|e-?mail alerts|inbox)\b", re.IGNORECASE)
# A list item's marker. A bullet glyph starts an item wherever it stands: a flattened page
# runs a list into one line ("The steps were: •Higher ground clearance … •Asking regulators
# …", "…Burns said. ► Aug. 20: Pope Francis blasts …"). A dash or an asterisk does at a
# line's start, as trafilatura writes an HTML list ("- Rescue teams reached …"). A short item
# is a menu entry or a link unless it reads as a sentence ("• Rescue teams reached the valley
# by noon.").
_BULLETS = "•▪►■●"
# Also, at a line's start: a plus, an arrow or a section sign, an item's number or letter
# ("1. ", "2) ", "a) "), an emoji ("✅ "), and marks nested ("* * ").
_LIST_MARKER = re.compile(
    rf"^(?:(?:[{_BULLETS}]|(?:[·*+\-–—→§]|\d{{1,2}}[.)]|[a-z]\)|{_EMOJI})(?=\s))\s*)+"
)
_LIST_ITEM = re.compile(rf"[{_BULLETS}]?[^{_BULLETS}]+")
# An item that opens on a verb's -ing form is a step of a list, no sentence: "Asking federal
# regulators to investigate the fires." Before a verb the word is the subject: "Beijing said …",
# "Sterling fell …", "Reading is …".
_STEP = re.compile(rf"[A-Z][a-z]+ing (?!(?:{'|'.join(sorted(AUXILIARIES))}|said|says)\b|[a-z]+ed\b)[a-z]")

# The newsroom's credits ("Jan Horak contributed to this report.", "(Reporting by Jan Horak;
# Editing by Ana Roz)"), in a line of their own or run into a report's last sentence;
# "according to reporting by the Post" is prose.
NEWSROOM_CREDIT = Hinted(
    r"\bcontributed (reporting )?to this (article|story|report)|\bcontributed reporting\b"
    r"|(^|[(;])\s*(additional )?(reporting|editing|writing) by\b",
    ("contributed", "ing by"),
    re.IGNORECASE,
    fold=True,
)

# A link to another story, a video, a gallery or a document, flattened into the text before
# its headline ("RELATED: Salma Hayek Cut Off…", "VIDEO: Cannibalism at Jamestown confirmed");
# what follows runs into the report's next sentence.
LINK_LABEL = (
    r"(?:RELATED|Related|READ (?:MORE|ALSO)|Read (?:more|also)|SEE ALSO|See also|ALSO READ|Also read"
    r"|VIDEOS?|PHOTOS?|PICS|PDF|WATCH|GALLERY|SLIDESHOW|LISTEN|MORE)(?: [A-Z]+)?:"
)
_LINK = re.compile(LINK_LABEL)
# A sentence or a headline opens with a capital, a digit or a quotation; a first word all in
# lower case is page text left before it: a tag list, a user name or the end of a menu
# ("brandy Posted by Oklahoma-born …", "falls A lot of luck: How teen survived …"), or the rest
# of a sentence a page broke ("slept, and rescuers …"). "eBay" and "iPhone" carry their capital
# inside.
LOWER_CASE_OPENING = re.compile(r"^[a-z][a-z'’-]*(?:\s|[,;:](?=\s))")

# News agencies whose credit stands in a dateline: "(AP) — ", "Seoul (CNN) ".
_WIRE_AGENCIES = ("AP", "Reuters", "AFP", "CNN", "UPI", "Bloomberg", "dpa", "Xinhua")
# A clock time as pages stamp it: "7:55", " a.m.", " PT".
_CLOCK, _MERIDIEM, _ZONE = r"\d{1,2}:\d\d", r" ?[AaPp]\.?[Mm]\.?", r" [A-Z]{2,4}"
_TIME_OF_DAY = rf"{_CLOCK}{_MERIDIEM}(?:{_ZONE})?"  # "7:55 a.m.", "11:02 p.m. ET"
# Words that set a clock time in prose: "at 10:30", "set for 9:40", "the 7:30 Mass".
_CLOCK_TIME_WORDS = ("at", "by", "in", "on", "for", "until", "till", "to", "from", "after", "before", "of", "around",
                     "about", "past", "since", "near", "between", "and", "or", "the", "a", "an")
# What a page puts before the lead: a dateline ("SEOUL: ", "WASHINGTON (Reuters) - ",
# "QUEBEC CITY/TORONTO (Reuters) - ", "BILLINGS, Mont. (AP) — ", "NAIROBI, Kenya (AP) _ ",
# "PARIS, July 13 (AFP) -- ", "DALLAS, May 10, 2016 — ", "Gaza City, Gaza (CNN) -- ",
# "July 4 (UPI) -- ", "(CNN) "), a
# publication stamp ("Published on May 8, 2015 ", "Updated at 11:02 p.m. ET ", "Tuesday,
# December 18, 2012 1:26 EST ", "March 30, 2014, 3:33 AM |": a date with a clock time), an
# age ("1 year ago "), the label of a picture taken out ("Photo ", "Images "), a live blog's
# entry time ("7:55 a.m. "), an agency's bare credit ("AP The …") or a web desk's byline
# ("CTVNews.ca Staff ").
_DATELINE = re.compile(
    r"^(?:\d+ (?:second|minute|hour|day|week|month|year)s? ago\s+|(?:Photo|Image)s?\s+(?=[A-Z](?:[a-z]|\s))"
    rf"|{_TIME_OF_DAY}\s+(?=[A-Z])"
    rf"|(?:{'|'.join(_WIRE_AGENCIES)})\s+(?=(?:The|A|An)\s)"
    r"|(?:By )?[A-Z][\w-]*\.(?:com|ca|org|net|co\.uk) Staff\s+(?=[A-Z])"
    rf"|(?:Published|Posted|Updated|Last updated)(?: on| at)?:? "
    rf"(?:{CALENDAR_DATE}(?:,? {_CLOCK}(?: ?[ap]\.?m\.?)?)?|{_TIME_OF_DAY})\s+"
    rf"|(?:(?:{WEEKDAY}),? )?{CALENDAR_DATE},? {_CLOCK}(?:{_MERIDIEM})?(?:{_ZONE})?\s*\|?\s*)?"
    rf"(?!{LINK_LABEL})(?:[A-Z][A-Z .'/-]{{1,40}}(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){{0,2}})?(?:,\s*[A-Z][a-z]{{2,8}}\.? \d{{1,2}}(?:, \d{{4}})?)?"
    # The dash closed up to the lead is WSJ's style: "BOSTON—Twenty-five years after …".
    # With no dash at all, the lead opens with an article: "HOUSTON A man who had fired …".
    r"\s*(?:\([A-Za-z0-9 ./]{1,20}\))?(?:\s*(?::|--|—|–|-|_)\s+|—(?=[A-Z“\"])|\s+(?=(?:The|A|An) [a-z]))"
    r"|[A-Z][a-z]+(?:,? [A-Z][a-z]+){0,3}(?: \d{1,2})? \([A-Z][A-Za-z0-9.]{1,11}\)\s*(?:--|—|–|-)\s+"
    r"|\([A-Z][A-Za-z0-9.]{1,11}(?: [A-Z][A-Za-z0-9.]{1,11})?\)\s*(?:(?:--|—|–|-)\s+)?)?"
)
# A page header run into the lead: the headline, then the publication day ("London bombing
# suspects are all British nationals Thursday, July 14, 2005 Profiles of the suspects...").
# Where the day comes with its weekday, a date without one is the headline's own ("Tributes
# paid to the victims of the July 7 2005 London bombings Tuesday, July 7, 2009 …").
_HEADER_DAYS = tuple(
    re.compile(rf"^(?P<headline>(?:[^.!?]|(?<=\d)\.(?=\d)){{10,160}}?)\s+{weekday}{CALENDAR_DATE}\s*(?=[A-Z“\"])")
    for weekday in (rf"(?:{WEEKDAY}),? ", "")
)
# "(Photo: Jan Horak)", "(VIDEO: 6 explosive interviews)": a credit or a link in brackets.
_PICTURE_LABELS = ("Image", "Photo", "Picture")
_BRACKETED_LABELS = (*_PICTURE_LABELS, "Credit", "Video", "Watch", "Listen", "Slideshow", "Read", "More", "Related",
                     "See")
# A name as a byline gives it: "Jan Horak", "Ines K. Calder".
_BYLINE_NAME = r"[A-Z][a-z]+(?: [A-Z]\.)? [A-Z][\w'’-]+"
# A picture's credit as the caption ran into the text: a photographer and an agency joined by
# a slash ("REUTERS/Brian Snyder", "AP Photo/Carolyn Kaster", "Seth Wenig/AP Photo", "Zach
# Gibson/AFP/Getty Images"), maybe labelled or listed ("Photographer: Jason Adlen/Bloomberg",
# "Photos by Andy Lyons/Getty Images, Andrew Kelly/Reuters, and …"); any outlet where the
# credit comes twice, as a caption and its toggle give it ("M.L. Schultze /WKSU M.L. Schultze
# /WKSU"). Prose joins names with a slash too ("Royal Dutch/Shell", "the New York Times/CBS
# News poll"), so an outlet other than an agency needs the repeat.
_CREDIT_NAME = rf"(?:{_BYLINE_NAME}|(?:[A-Z]\.){{1,2}} [A-Z][\w'’-]+|[A-Z]{{2,}} [A-Z]{{2,}}(?:-[A-Z]+)?)"
_PICTURE_AGENCY = rf"(?:{'|'.join(PICTURE_AGENCIES)})(?: Photo\b| Images\b)?+"
# The agencies that put their name before the photographer's ("REUTERS/Brian Snyder"); in
# capitals, also before a source in capitals or a staff role ("REUTERS/KCNA",
# "REUTERS/Stringer"), which prose does not write ("a Reuters/Ipsos poll").
_AGENCIES_FIRST = ("REUTERS", "Reuters", "AFP", "EPA", "AP Photo", "AFP Photo")
_AGENCIES_FIRST_IN_CAPITALS = ("REUTERS", "AFP", "EPA")
# A picture from the agency's archive or a handout: "…/File", "…/Files", ", File".
_FILE_MARK = r"(?:/(?:Files?|File Photo|Handout|Pool)|, File)?"
_AGENCY_CREDIT = (
    rf"(?:(?:(?:{'|'.join(_AGENCIES_FIRST_IN_CAPITALS)})/(?:[A-Z]{{2,}}\b(?! [A-Z]{{2,}}\b)|(?:Stringer|Handout|Pool)\b)"
    rf"|(?:{'|'.join(_AGENCIES_FIRST)})/{_CREDIT_NAME}"
    rf"|{_CREDIT_NAME} ?/ ?(?:{_PICTURE_AGENCY}/)?{_PICTURE_AGENCY}){_FILE_MARK})"
)
_PICTURE_CREDIT = (
    # At a word's start only: tried at every other position too, the regex would slow the stage.
    r"(?=[(A-Z])(?<![\w'’.-])"
    r"\(?(?:(?:Photographer|Photograph|Photo|Picture|Image)(?: [Cc]redit)?: |Credit: |Photos? by )?"
    rf"(?:{_AGENCY_CREDIT}(?:(?:,|,? and) {_AGENCY_CREDIT})*"
    rf"|(?P<credit>{_CREDIT_NAME} ?/ ?[A-Z][\w.-]*(?: [A-Z][\w.-]*){{0,2}}) (?P=credit))"
    # …and the agency's name a page sets after it: "(AP Photo/Carolyn Kaster) (Associated Press)".
    rf"\)?(?: \((?:Associated Press|{'|'.join(_WIRE_AGENCIES)})\))?(?=\s+[A-Z“\"‘']|\s*$)"
)
# Widgets that scraped pages leave inside a paragraph when their markup is flattened. Each
# is cut out, and the text on either side becomes a passage of its own. A widget comes with
# the pieces of text it cannot appear without: a line holding none of them is not searched
# for it, since a regex is slow to fail on ordinary prose. For the same reason a pattern that
# opens with lookbehinds opens with a lookahead for its first character before them.
_WIDGETS: tuple[tuple[tuple[str, ...], str], ...] = (
    # An embedded tweet's sign-off: "— Aviation Policing (@MPSHeathrow) April 17, 2016".
    (("(@",), rf"(?=[—–-])(?<!\S)[—–-]{{1,2}} [^()\n]{{1,60}}\(@\w{{1,15}}\) ?{CALENDAR_DATE}"),
    # Picture credits and caption toggles.
    (("Image c",), r"Image (?:copyright (?:[\w/&.-]+ ){1,3}?Image caption|copyright [\w/&.-]+|caption)"),
    (("Media ",), r"Media (?:playback is (?:unsupported|not supported) on (?:your|this) device|caption)"),
    (("Enlarge",), r"Enlarge this image"),
    (("caption",), r"\b(?:toggle|hide|show) caption"),
    (("highlights", "Highlights"), r"Story [Hh]ighlights"),
    # A gallery's or a player's button: "View Photos", "Play Slideshow" (prose writes "view photos").
    (("Photos", "Slideshow", "Gallery", "Video"),
     r"\b(?:View|See|Watch|Launch|Open|Play) (?:Photos|Slideshow|Gallery|Videos?)\b"),
    # The page's text-size control: "Text Size - + reset".
    (("Text Size", "Font Size"), r"\b(?:Text|Font) Size(?: [-–−+A]){1,3}(?: [Rr]eset)?\b"),
    # "(Photo: Jan Horak)", "(VIDEO: 6 explosive interviews)": a credit or a link in brackets.
    (
        tuple(f"({case(label)}" for label in _BRACKETED_LABELS for case in (str, str.upper, str.lower)),
        rf"\((?i:(?:{'|'.join(_BRACKETED_LABELS)})s?): [^()\n]{{1,80}}\)",
    ),
    # Advert and video-player labels, "continued" markers, follow prompts.
    (("SEE MORE",), r"SEE MORE VIDEOS"),
    (("Transcript",), r"\b(?:Hide|Show) Transcript"),
    (("Email This",), r"\bEmail This\b"),
    (("Advertisement", "ADVERTISEMENT"),
     r"\b(?:Advertisement|ADVERTISEMENT)(?= [A-Z\"“]|\s*$)"),
    (("CLOSE",), r"\bCLOSE\b(?= [A-Z])"),
    (("EXCLUSIVE",), r"\bEXCLUSIVE\b:?"),
    # Where a page breaks the story for an advert: "Continue reading the main story", "Story
    # continues below advertisement".
    (
        ("ontinue",),
        r"\b(?:Story Continued Below|Continue [Rr]eading (?:the [Mm]ain [Ss]tory|[Bb]elow)"
        r"|(?:Story|Article) [Cc]ontinues [Bb]elow(?: [Aa]dvertisement)?)\b",
    ),
    (("Page ",), r"\bPage \d+ of \d+\b"),
    (("Follow @",), r"\bFollow @\w{1,15}\b"),
    # A linked headline, a credit or an editor's aside set in square brackets between sentences
    # ("… News Agency. [North Korea unveils homemade engine …] A U.S. defense official …",
    # "[Image via AP]", "[h/t Vocativ]"). Inside a sentence brackets are an editor's insertion
    # in a quote ("bring [a road-mobile missile] to"); an elision ("[...]") has no letter.
    (
        ("[",),
        r"(?=\[)(?:(?<![^\n])|(?<=[.!?\"”’)] ))\[(?=[^\[\]\n]*[A-Za-z])[^\[\]\n]{1,200}\](?=\s+[A-Z\"“‘]|\s*$)",
    ),
    # A hat tip to where the story was found, after a sentence: "h/t: Game On!", "Hat tip:
    # Vocativ."; its name ends at the credit's stop or line. (In brackets, trim cuts it.)
    (
        ("h/t", "H/T", "h/T", "H/t", "Hat tip:", "hat tip:"),
        r"(?:(?<![^\n])|(?<=[.!?\"”’)] ))(?:[Hh]/[Tt]:?|[Hh]at tip:) ?[^\s.!?(][^\n.!?]{0,60}(?:[.!?]|(?=\n)|$)",
    ),
    # A press release's header, where its headline and date ran into the lead: a release for
    # now, or one embargoed until a day ("Embargoed until 3 p.m. CT / 4 p.m. ET Tuesday, May 10, 2016"),
    # not a sentence that opens on the word ("Embargoed until 1999, the files …").
    (
        ("IMMEDIATE RELEASE", "Immediate Release", "EMBARGOED", "Embargoed"),
        r"\b(?:FOR IMMEDIATE RELEASE|For Immediate Release)\b:?"
        r"|\b(?:EMBARGOED|Embargoed)(?: UNTIL| until| TILL| till)?:? [^\n]{0,60}?\b(?:19|20)\d\d\b(?!,)",
    ),
    # A wire dateline inside a line, where a headline or a picture credit ran into the lead:
    # "…to being shot or poisoned (CNN) In a sign of …", "…(Associated Press) PROVIDENCE, R.I. (AP) — Author …".
    (
        tuple(f"({agency})" for agency in _WIRE_AGENCIES),
        r"(?=[A-Z(])(?<=[a-z.,;:!?\"”')] )(?:[A-Z][A-Za-z.]+(?:,? [A-Z][A-Za-z.]+){0,3} )?"
        rf"\((?:{'|'.join(_WIRE_AGENCIES)})\)\s*(?:(?:--|—|–|-)\s+|(?=[A-Z]))",
    ),
    # …or any credit between a capitals dateline and its dash, where a subhead ran into the
    # lead: "…study finds THURSDAY, Jan. 6 (HealthDay News) -- A blood test …".
    (
        (") --", ") —", ") –"),
        rf"(?=[A-Z])(?<=[a-z.,;:!?\"”')] )[A-Z]{{3,}}(?:[ ,]+[A-Z]{{2,}}\.?)*,?(?: {MONTH} \d{{1,2}},?)?"
        r" \([A-Z][\w./]*(?: [A-Z][\w./]*){0,2}\) ?(?:--|—|–)\s+",
    ),
    # …or a capitals dateline and its dash alone, after a sentence, a picture's credit or a
    # headline run into the lead: "…ext 384. PITTSFIELD — Two men …", "(2:04) HOUSTON -- Astros
    # …", "…spent time in mental hospital HOUSTON - Shannon …", "(Associated Press) FILE - In this
    # … photo", "Associated Press MOSCOW—Russia, in …". Four capitals or two words ("NEW YORK"),
    # and no Roman numeral, so that "the NFL — " and "Episode VII — The Force Awakens" stay.
    (
        ("- ", "—", "– "),
        r"(?=[A-Z])(?<=[a-z.!?\"”')] )(?![IVXLCDM]+\b)(?=[A-Z]{4}|[A-Z]{2,} [A-Z]{2})[A-Z]{2,}(?:[ /][A-Z]{2,}\.?)*"
        r"(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?(?:\s*(?:--|—|–|-)\s+|—)(?=[A-Z“\"])",
    ),
    # A rule between the story and its end notes: AP's "… next year. ___ Scott Mayerowitz can be
    # reached at …", a press release's "### The National Transportation Safety Board is …".
    (("___", "###"), r"_{3,}|#{3,}"),
    # A byline between a headline and the lead: "…Could Make History By Stuart Rothenberg President…",
    # with co-authors and a job title: "By Ann Lee, Tom Winter and Ben Cole", "By Lynn Hulsey, Staff Writer".
    (
        ("By ",),
        rf"(?=[/B])(?:(?<![^\n])|(?<=[a-z] ))(?:/ Updated )?By {_BYLINE_NAME}(?:(?:,| and|, and) {_BYLINE_NAME})*"
        r"(?: ?,? (?:[A-Z][a-z]+ ){0,2}(?:Writer|Reporter|Correspondent|Editor))?"
        # …and the share button set after it: "By Justin Sink - Tweet Jon Huntsman announced".
        r"(?: [-—–] (?:Tweet|Share|Email)\b)?(?= [A-Z])",
    ),
    (("/",), _PICTURE_CREDIT),
    # A share bar: three or more of its buttons in a row ("Share Tweet Post Email").
    (
        ("Share ", "SHARE", "Tweet"),
        r"(?i:\b(?:share|tweet|email|print|post|send|pin)(?: (?:on |this )?(?:share|tweet|email|print|post|send|link|pin|"
        r"facebook|twitter|linkedin|whatsapp|pinterest|reddit|article)\b){2,})"
        # …or two, led by a capitalised "Tweet" ("…7:32 PM ET Tweet email When Texas teen …").
        r"|\bTweet (?i:email|share|print|pin)\b",
    ),
    # A clip's running time after its title, where a video playlist ran into the text ("…
    # for diplomat attacks 00:18 In a statement, …"), zero-padded as players print it; or a
    # live blog's entry time of two-digit hours at a line's start ("19:29 What about …").
    # Prose writes "kicks off 7:30 Friday", sets a time after a word such as "at", "for" or
    # "the", or gives its zone or a.m./p.m. ("At 09:30 BST", "reopened 09:30 GMT").
    (
        tuple(f":{digit}" for digit in "012345"),
        r"(?=\d\d:[0-5]\d(?![:\d]))(?:(?<![^\n])|(?<=[a-z0-9.?!'’\")\]] )(?=0)"
        + "".join(rf"(?<!\b(?i:{word}) )" for word in _CLOCK_TIME_WORDS)
        + r")\d\d:[0-5]\d(?= (?!(?:[AP]\.?M\b|[A-Z]{2,4}\b))[A-Z“\"])",
    ),
    # A page's stamp between a headline and the lead: a date, a clock time and its zone ("…
    # parachuting accident Jan. 28, 2014 at 7:32 PM ET Tweet …"). Prose gives the time after
    # a preposition ("on Jan. 28, 2014 at 7:32 p.m. ET") and goes on after a comma.
    (
        (":",),
        rf"(?=[A-Z\d])(?<!\bon )(?<!\bat )(?<!\bby )(?<!\buntil )(?<!\bsince ){CALENDAR_DATE},? (?:at )?{_CLOCK}{_MERIDIEM}{_ZONE}\b(?=\s+[A-Z])",
    ),
)
_WIDGET_PATTERNS = tuple(Hinted(pattern, hints) for hints, pattern in _WIDGETS)
# A picture's credit in brackets after its caption ("…second inning. (Photo: Thomas Shea, USA TODAY
# Sports)"). Some pages set one after a sentence of the story too, so only a caption that tells in
# the present what the picture shows goes with it ("Yuli Gurriel rounds the bases after …"); one
# in the past reads as news ("Denice Juneski and Linda Jourdeans learned recently they were …").
_PICTURE_LABEL = re.compile(rf"\((?i:{'|'.join(_PICTURE_LABELS)})s?: ")
# Its subject is named, maybe after a title ("Astros first baseman Yuli Gurriel", "Ines Calder, 54,").
_PICTURED_NOW = re.compile(
    r"[A-Z][\w'’.-]*(?:\s[\w'’.-]+){0,6}?\s[A-Z][\w'’.-]*(?:,\s[\w ]{1,30},)?"
    rf"\s(?:{PICTURED_ACTS})\b[^.!?]*[.!?]$"
)
_CREDIT_AT = re.compile(_PICTURE_CREDIT)
# "... said. — Reuters" / "... - AFP" / "(AP)" at the end of the last paragraph.
_SIGN_OFF = re.compile(r"(?<=[.!?\"”’'])\s*(?:[—–-]{1,2}\s*[A-Z][\w.&]*(?:\s[A-Z][\w.&]*){0,2}|\([A-Z]{2,6}\))\s*$")

# A note on the writer after the story ("Jan Horak is a senior reporter at the Courier covering
# transport.", "Lucia Peters is BettyConfidential's associate editor.", "About the author: …",
# "Sam Ortiz covers transport for …", "Duncan reports on East Africa from Nairobi"). Only at the
# report's end: inside a story, "Ashoka Mukpo is a freelance journalist who …" tells about the
# one the story is about.
_AUTHOR_NOTE = re.compile(
    r"^(?:[Aa]bout the [Aa]uthor\b|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3} is (?:an?|the|[A-Z][\w.'’ -]*?['’]s) "
    r"(?:[\w'’-]+ ){0,5}(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|producer|blogger"
    r"|anchor|critic|author)\b"
    r"|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}"
    r" (?:covers|reports on|reports from|writes about|writes on|has covered) )"
)

# A stop inside a line before the next sentence's capital, a quotation or a bracket: a caption
# is one sentence ("… 2016. (L-R) Saudi …" is a lead and a caption).
_NEXT_SENTENCE = re.compile(r"[.!?][\"”’')\]]*\s+[\"“‘'`(\[]*[A-Z]")

FURNITURE_MAX_WORDS = 25
# Cosine similarity to the other reports under which a long block is another story, and
# under which a short one shares essentially nothing with them.
OFF_STORY_SIMILARITY = 0.04
UNRELATED_SIMILARITY = 0.015
# A trailing run of blocks this weakly related is an appended story.
TRAILING_SIMILARITY = 0.08
# Shorter than this, an unrelated-looking run is the report's own aside, not another story.
APPENDED_STORY_WORDS = 80
# A whole page this weakly related to every other report is off the story (an archive
# notice, a widget page, another story), provided two independent reports share one: at
# least STORY_SIMILARITY alike, yet below COPY_SIMILARITY, where they are copies of one page.
# Two reports of one story told in their own words share little: 95 % of the DUC 2004 pairs
# share 0.054 or more, a quarter of the TAC 2011 pairs less than that.
OFF_STORY_DOCUMENT = 0.03
STORY_SIMILARITY = 0.05
COPY_SIMILARITY = 0.9
# Reports that split into two stories, each told by two or more of them, are about the one
# more independent reports tell, then the one told at greater length. A second story told in
# under SMALLER_STORY_SHARE of that length is page text two pages share (an archive's notice
# in two parts, a widget embedded on two pages); one told at length is a mixture the brief
# draws on, as it says.
SMALLER_STORY_SHARE = 0.5
# A page that speaks to its reader or as the site ("You need to enable JavaScript", "We and
# our partners store cookies", "the page you are looking for") in at least READER_NOTICE_SHARE
# of its sentences, outside quotations, and shares no story with any report that does not
# speak so (less than STORY_SIMILARITY: a notice shares page words, "access", "device",
# "page"), is a notice (a consent wall, an error or sign-in page, a widget's help, a web
# archive's note on its capture), not a report. Reports speak of others: of the 1,257
# evaluation pages 55 speak so, the 44 that share no story with a report all notices (19 of
# them a web archive's notes), the 11 that do first-person columns, letters and abstracts of
# their cluster's story.
READER_NOTICE_SHARE = 0.5
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+")
# English prose is 30-55 % function words. A report under FOREIGN_FUNCTION_WORDS among
# reports whose median is ENGLISH_FUNCTION_WORDS or more is in another language (the one such
# report in the three evaluation sets, in Dutch: 5 % against 51 %; the lowest English page, a
# video's caption, has 16 %). Reports all in another language are left alone.
FOREIGN_FUNCTION_WORDS = 0.1
ENGLISH_FUNCTION_WORDS = 0.25
MIN_LANGUAGE_WORDS = 20  # fewer words tell no language
# Words a sentence of a short report needs to be read at all, where no report has a longer one.
MIN_SHORT_WORDS = 3


def _is_caption(line: str) -> bool:
    """Whether `line`, above the lead and closed by a picture's credit, is that picture's
    caption: one sentence (no stop before a capital, a quotation or a bracket: "… 2016.
    (L-R) Saudi …" is a lead and a caption). A headline, which is no sentence, stays one."""
    return is_prose(line) and not _NEXT_SENTENCE.search(line)


def is_furniture(line: str) -> bool:
    # A long prose line that merely mentions "subscribe" is still prose; furniture is short.
    return not has_words(line, FURNITURE_MAX_WORDS) and bool(
        _FURNITURE.search(line) or NEWSROOM_CREDIT.search(line) or (_LIST_MARKER.match(line) and not is_prose(line))
    )


class Clean:
    name = "clean"

    def __init__(self, max_article_chars: int = 200_000):
        self.max_article_chars = max_article_chars

    def __call__(self, cluster: Cluster) -> Cluster:
        for article in cluster.articles:
            text, page_title = self._plain_text(cluster, article.id, article.text, article.html, article.outlet)
            document = Document(article=article, text=text)
            self._split_blocks(document)
            _headline_first(document)
            if article.title:
                document.headlines.insert(0, article.title.strip())
            elif page_title:
                # The page's own headline, also where its <h1> stands outside the text trafilatura reads.
                document.headlines.insert(0, _as_headline(page_title))
            cluster.documents.append(document)
        # Unstemmed words suffice to tell on-story from off-story, at a fraction of the cost.
        vocabulary = {id(b): [w.lower() for w in words(b.text)] for d in cluster.documents for b in d.blocks}
        foreign = {id(d) for d in _other_language_documents(cluster.documents, vocabulary)}
        reporting = [d for d in cluster.documents if d.blocks and id(d) not in foreign]
        similarity = _document_similarity(reporting, vocabulary)
        notices = {id(d) for d in _reader_notice_documents(reporting, similarity)}
        off_story = {id(d) for d in _off_story_documents(reporting, similarity)} - notices
        smaller_story = {id(d) for d in _smaller_story_documents(reporting, similarity)}
        # Why a whole report is left out, the first reason that holds.
        left_out = (
            (foreign, "is not in the language of the other reports"),
            (notices, "reads as a notice to the reader (a consent, sign-in or error page), not a report,"),
            (off_story, "shares nothing with the other reports"),
            (smaller_story, "tells another, shorter story than the one the brief is about"),
        )
        for document in cluster.documents:
            reason = next((why for ids, why in left_out if id(document) in ids), None)
            if reason is not None:
                document.blocks = []
                cluster.warn(f"article {document.article.id!r} {reason} and was left out")
            elif not document.blocks:
                hint = "; its text looks like HTML: send it as `html`" if _looks_like_html(document) else ""
                cluster.warn(f"article {document.article.id!r} has no usable sentences and was skipped{hint}")
        left = [document for document in cluster.documents if document.blocks]
        if len(left) == 1 and speaks_to_reader(left[0]):
            # Alone, a page has no report to be judged against: said here, and refused by extract
            # where no sentence of it reads as news.
            cluster.warn(
                f"article {left[0].article.id!r} speaks to its reader or as the site in half its sentences or more, "
                "as a consent, sign-in or error page does; with no other report to judge it by, it is summarized "
                "as news"
            )
        kept = [k for k, document in enumerate(reporting) if id(document) not in notices]
        if len(kept) >= 2 and similarity[np.ix_(kept, kept)].max() < OFF_STORY_DOCUMENT:
            # No consensus tells which is the story: say so rather than pass a mixture off as one.
            cluster.warn("no two of these reports share a story; the brief draws on each of them")
        _drop_off_story_blocks(cluster.documents, vocabulary)
        if not any(d.blocks for d in cluster.documents):
            markup = ", ".join(repr(d.article.id) for d in cluster.documents if _looks_like_html(d))
            hint = f"; the text of {markup} looks like HTML: send it as `html`" if markup else ""
            if notices:
                named = ", ".join(repr(d.article.id) for d in reporting if id(d) in notices)
                hint += f"; {named} read as notices to the reader (consent, sign-in or error pages)"
            raise InputError(f"no article has any readable prose to summarize{hint}")
        return cluster

    def _plain_text(
        self, cluster: Cluster, article_id: str, text: str | None, html: str | None, outlet: str | None
    ) -> tuple[str, str | None]:
        """The text the stages read, and for a page its own title (None for text)."""
        if text is None and html is None:
            raise InputError(f"article {article_id!r} has neither text nor html")
        if text is not None and html is not None:
            raise InputError(f"article {article_id!r} has both text and html; give one")
        if looks_binary(text if text is not None else html or ""):
            raise InputError(f"article {article_id!r} looks like binary data (a PDF?), not text")
        title = None
        if text is None:
            from service.html import read_page  # only HTML input pays for lxml and trafilatura

            page = read_page(html or "", article_id, [outlet] if outlet else [])
            text, title = page.text, page.title
            if page.warning:
                cluster.warn(page.warning)
        if len(text) > self.max_article_chars:
            cluster.warn(
                f"article {article_id!r} is {len(text):,} characters; only the first "
                f"{self.max_article_chars:,} were read"
            )
            text = text[: self.max_article_chars]
        readable = readable_text(text)
        if html is None and (entity := _ENTITY.search(readable)):
            # Decoded in place, "&amp;" would leave four blanks inside "AT&T": shown as sent, and said.
            cluster.warn(
                f"article {article_id!r} holds HTML entities ({entity.group()}) that are shown as written; "
                "send a page's markup as `html`"
            )
        if mangled := _MIS_DECODED.search(readable):
            cluster.warn(
                f"article {article_id!r} looks decoded with the wrong character set ({mangled.group()!r} is shown "
                "as written); send its text as UTF-8"
            )
        return readable, title

    @staticmethod
    def _split_blocks(document: Document) -> None:
        seen: set[str] = set()
        sign_up = False  # inside a sign-up box, from its prompt to the next line with a verb
        short_lines: list[Block] = []  # lines too short for prose (see _short_sentences)
        for start, line, credited in _passages(document.text):
            key = " ".join(line.lower().split())
            if _SECTION_MARKER.match(line) and document.blocks:
                break
            furniture = is_furniture(line)
            sign_up = sign_up or (furniture and _SIGN_UP.search(line) is not None)
            if key in seen or furniture or (credited and not document.blocks and _is_caption(line)):
                continue
            seen.add(key)
            if marker := _LIST_MARKER.match(line):
                line, start = line[marker.end() :], start + marker.end()
                if _STEP.match(line):
                    continue
            line = _SIGN_OFF.sub("", line)
            if not is_prose(line):
                short_lines.append(Block(text=line, start=start))
                # A link to another story above the lead is not this story's headline.
                if not document.blocks and 3 <= word_count(line) <= 25 and not _is_stamp(line) and not (
                    _LINK.match(line) or LOWER_CASE_OPENING.match(line)
                ):
                    document.headlines.append(_as_headline(line))
                continue
            # The box's blurb ("The best of the Courier, every morning before 7 a.m."). Above the story
            # the first such line may be a lead in few words ("Mayor resigns over tram crash."): kept.
            if sign_up and document.blocks and not has_words(line, FURNITURE_MAX_WORDS) and not has_finite_verb(line):
                continue
            sign_up = False
            line, start = _without_datelines(line, start)
            header = None if document.blocks else next(filter(None, (h.match(line) for h in _HEADER_DAYS)), None)
            if header and word_count(header.group("headline")) >= 3 and not header.group("headline").endswith(":"):
                document.headlines.append(_as_headline(header.group("headline")))
                # The dateline follows the header's day: "…Abu Ghraib Saturday, January 15, 2005 TEXAS, US – A …".
                line, start = _without_datelines(line[header.end() :], start + header.end())
            document.blocks.append(Block(text=line, start=start))
        document.blocks = document.blocks or _short_sentences(short_lines)
        if document.blocks:
            _cut_author_note(document)


def _short_sentences(lines: list[Block]) -> list[Block]:
    """The lines too short for prose that still state something ("Two people were hurt."): a
    report told in such lines, one a line, is read from them where it has no prose line at all."""
    return [
        block for block in lines
        if has_words(block.text, MIN_SHORT_WORDS) and ends_like_sentence(block.text) and has_finite_verb(block.text)
    ]


def _as_headline(line: str) -> str:
    """A page's headline line as the brief may show it: told once, without the editor's label."""
    return told_once(without_editors_label(line))


def _cut_author_note(document: Document) -> None:
    """Cut a note on the writer from the end of the report's last paragraph, which a flattened
    page may have run it into; a paragraph that is only the note goes."""
    last = document.blocks[-1]
    starts = [0, *(match.end() - 1 for match in _NEXT_SENTENCE.finditer(last.text))]
    for start in starts:
        note = last.text[start:].lstrip("\"“‘'`([")
        if _AUTHOR_NOTE.match(note) and not has_words(note, FURNITURE_MAX_WORDS):
            if start == 0:
                document.blocks.pop()
            else:
                last.text = last.text[:start].rstrip()
            return


# A page's markup sent as `text`: read as prose, its lines are tags, not sentences.
_MARKUP = re.compile(r"<(?:!doctype|html|body|div|p|span|a|br|article|section)\b[^<>]*>", re.IGNORECASE)
MIN_MARKUP_TAGS = 3


def _looks_like_html(document: Document) -> bool:
    text = document.article.text
    return text is not None and len(_MARKUP.findall(text[:20_000])) >= MIN_MARKUP_TAGS


# A line that is only a clock time: a live blog's entry ("10:42 GMT", "Updated 7:55 a.m. ET").
_CLOCK_LINE = re.compile(
    rf"(?:(?:Published|Posted|Updated|Last updated)(?: at)?:? )?{_CLOCK}(?:{_MERIDIEM})?(?:{_ZONE})?"
)


def _is_stamp(line: str) -> bool:
    """Whether the line is only a dateline or a publication stamp ("1 year ago", "10:42 GMT")."""
    stamp = _DATELINE.match(line + " ")
    return (stamp is not None and stamp.end() >= len(line)) or _CLOCK_LINE.fullmatch(line) is not None


def _without_datelines(line: str, start: int) -> tuple[str, int]:
    """The line after its dateline, and that rest's offset. An agency credit can stand before
    the dateline: "(Associated Press) NEW DELHI (AP) — "."""
    for _ in range(2):
        dateline = _DATELINE.match(line)
        if dateline and dateline.end():
            line, start = line[dateline.end() :], start + dateline.end()
    return line, start


def _passages(text: str) -> Iterator[tuple[int, str, bool]]:
    """(offset, stripped text, whether a picture's credit closes it) of each line or list
    item, cut where a widget sits inside them."""
    for line_start, line_end in _lines(text):
        widgets = [edge for span in _widget_spans(text, line_start, line_end) for edge in span]
        cuts = [line_start, *widgets, line_end]
        for begin, end in zip(cuts[::2], cuts[1::2]):
            if end < line_end and _PICTURE_LABEL.match(text, end):
                end = _caption_start(text, begin, end)
            piece = text[begin:end]
            if piece.strip():
                credited = end < line_end and _CREDIT_AT.match(text, end) is not None
                yield begin + len(piece) - len(piece.lstrip()), piece.strip(), credited


def _caption_start(text: str, begin: int, credit: int) -> int:
    """Where the caption that the picture's credit at `credit` closes starts in text[begin:credit]
    (see _PICTURED_NOW); `credit` where the text before it is no such caption."""
    piece = text[begin:credit].rstrip()
    last = max((found.end() for found in _SENTENCE_BREAK.finditer(piece)), default=0)
    return begin + last if _PICTURED_NOW.match(piece, last) else credit


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the text's lines, run on over the breaks inside a sentence, each cut before a
    bullet glyph and before the numbers of a numbered list run into it."""
    runs_on = _breaks_inside_sentences(text)
    start = 0
    for end in [*(m.start() for m in _NEWLINE.finditer(text) if m.start() not in runs_on), len(text)]:
        for item in _LIST_ITEM.finditer(text, start, end):
            cuts = [item.start(), *_numbered_items(text, *item.span()), item.end()]
            yield from zip(cuts, cuts[1:])
        start = end + 1


# A numbered list a flattened page ran into one line ("Trending Now 1. Man arrested for … 2.
# Gachagua allies storm out …"): numbers from 1 up, in order, each after a space and before a
# capital, three or more. Past the first, each follows the last word of an item, a headline's
# noun; a figure that ends a sentence follows a function word ("fell to 1. Then it rose to 2.").
# (The word is read from its start only: from every position of a long one, reading is quadratic.)
_ITEM_NUMBER = re.compile(r"(?<!\S)(\S+)\s(\d{1,2})\. (?=[\"“‘']?[A-Z])")
MIN_NUMBERED_ITEMS = 3


def _numbered_items(text: str, start: int, end: int) -> list[int]:
    """Where the items of a numbered list run into text[start:end] begin, if it holds one, past
    the first: the first item ends the text before it, and ends it as no sentence does."""
    cuts: list[int] = []
    for number in _ITEM_NUMBER.finditer(text, start, end):
        if int(number.group(2)) == len(cuts) + 1 and not (cuts and number.group(1).lower() in STOPWORDS):
            cuts.append(number.start(2))
    return cuts[1:] if len(cuts) >= MIN_NUMBERED_ITEMS else []


def _widget_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The widgets in text[start:end], in order, overlapping ones merged. Only the widgets
    whose hints the line holds are looked for: one pass per widget that may be there."""
    found = sorted(match.span() for pattern in _WIDGET_PATTERNS for match in pattern.finditer(text, start, end))
    merged: list[tuple[int, int]] = []
    for begin, finish in found:
        if merged and begin < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(finish, merged[-1][1]))
        else:
            merged.append((begin, finish))
    return merged


def _headline_first(document: Document) -> None:
    """Order headline candidates by how many of their content words the lead paragraph uses,
    then by how much of their vocabulary: above a story stand the site's name and menus as
    well as its headline, and a paper's name shares the place it is named after with the lead
    ("Cedar Falls Gazette" over "Fire guts Lincoln Elementary gym" over "A fire … in Cedar Falls")."""
    if len(document.headlines) < 2 or not document.blocks:
        return
    lead = {w.lower() for w in words(document.blocks[0].text)}

    def shared(line: str) -> tuple[int, float]:
        vocabulary = {w.lower() for w in words(line)}
        return len(vocabulary & lead - STOPWORDS), len(vocabulary & lead) / len(vocabulary)

    document.headlines.sort(key=shared, reverse=True)


# Markdown a newsletter tool may pass as text ("# Tram derails", "**Rescue teams …**",
# "[city officials](https://…)"): its marks are blanked, its words kept. Only marks that pair
# up around words count: "f***ing", "B****!!" and a "___" rule are no emphasis.
_MARKDOWN_LINK = re.compile(r"(!?)\[([^\[\]\n]{1,200})\]\((?:https?://|/|www\.)[^()\s]{0,500}\)")
_MARKDOWN_EMPHASIS = re.compile(
    r"(?<![\w*])(\*\*?|__?)(?=[\w\"“'‘(])((?:(?!\1)[^\n]){1,300}?)(?<=[\w.!?,;:'\"”’)])\1(?![\w*])"
)
_MARKDOWN_LINE_MARK = re.compile(r"(?m)^[ \t]{0,3}(?:#{1,6}|>(?:[ \t]*>)*)[ \t]+")
# Code is no prose: a fenced block goes whole; inline `code` keeps its words (not DUC's ``…'').
_MARKDOWN_FENCE = re.compile(r"(?ms)^[ \t]{0,3}(```|~~~).*?^[ \t]{0,3}\1[^\n]*$")
_MARKDOWN_CODE = re.compile(r"(?<!`)`([^`\n]{1,200})`(?!`)")
_EMPHASIS_OPENS = re.compile(r"[*_][\w\"“'‘(]")
_MARKDOWN_STRUCK = re.compile(r"~~[^~\n]{1,300}~~")  # struck-through words are withdrawn
# Inline HTML tags in text keep their words ("the <b>warehouse</b> burned"); a page's block
# structure sent as text is left for the hint to send it as `html`.
_INLINE_TAG = re.compile(
    r"</?(?:a|abbr|b|big|cite|em|font|i|mark|q|s|small|span|strike|strong|sub|sup|u)\b[^<>\n]{0,300}>", re.IGNORECASE
)
_NO_BREAK_ENTITY = re.compile(r"&nbsp;|&#160;|&#xa0;", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[\da-fA-F]{1,6}|[a-zA-Z]{2,8}\d?);")  # left once no-break spaces are blanked
# Text decoded with the wrong character set: UTF-8's bytes read as Windows-1252 or Latin-1
# ("â€™" for "’", "Ã©" for "é", "Â " for a no-break space), or characters lost to U+FFFD.
# Repaired in place, every offset after the first would move: shown as sent, and said.
_MIS_DECODED = re.compile(r"â€.|[ÃÂ][\u00a0-\u00bf]|\ufffd")


# A line a page put inside a sentence, between a line that stops mid-sentence and one that
# goes on in lower case: "… as families\nAdvertisement\nslept, and …".
_INTERRUPTION = re.compile(r"(?<=[,a-z])[ \t]*\n\s*(?P<line>[^\n]+?)[ \t]*\n\s*(?=[a-z])")
_LOWER_CASE_LINE = re.compile(r"\n\s*[a-z]")


def _without_interruption(match: re.Match[str]) -> str:
    """The interruption blanked with its line breaks, so the sentence reads whole, when it is
    furniture (a wrapped line of the sentence itself stays)."""
    return _blank(match) if is_furniture(match.group("line")) else match.group()


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _link_text(link: re.Match[str]) -> str:
    """A link's words where they stand, the rest blanked; an image's alt text goes too."""
    if link.group(1):
        return _blank(link)
    return " " + link.group(2) + " " * (len(link.group()) - 1 - len(link.group(2)))


def _emphasised(emphasis: re.Match[str]) -> str:
    mark = " " * len(emphasis.group(1))
    return mark + emphasis.group(2) + mark


def _code_words(code: re.Match[str]) -> str:
    return " " + code.group(1) + " "


def readable_text(text: str) -> str:
    """`text` with control characters, stock quotes and Markdown's marks blanked and lost
    closing quotes restored, every character where it was: offsets into the result are offsets
    into `text`."""
    # Each rule runs only where what every match holds is there: a regex is slow to fail on a
    # whole page, a check for its marks is fast.
    text = _OTHER_SPACE.sub(" ", _OTHER_LINE_BREAK.sub("\n", text))
    text = _CONTROL.sub(" ", text)
    if "%" in text or _MARKET_SYMBOL.search(text):
        text = _STOCK_QUOTE.sub(_blank, text)
    if "<" in text or "&" in text:
        text = _NO_BREAK_ENTITY.sub(_blank, _INLINE_TAG.sub(_blank, text))
    if "```" in text or "~~" in text:
        text = _MARKDOWN_STRUCK.sub(_blank, _MARKDOWN_FENCE.sub(_blank, text))
    if "`" in text.replace("``", ""):  # DUC's ``quotes'' hold no code
        text = _MARKDOWN_CODE.sub(_code_words, text)
    if "](" in text:
        text = _MARKDOWN_LINK.sub(_link_text, text)
    if _EMPHASIS_OPENS.search(text):  # not a wire's " _ " dash
        text = _MARKDOWN_EMPHASIS.sub(_emphasised, text)
    if "#" in text or ">" in text:
        text = _MARKDOWN_LINE_MARK.sub(_blank, text)
    if "[" in text:
        text = _FOOTNOTE_MARK.sub(_blank, text)
    if _TRAILING_MARK.search(text):
        text = _TRAILING_MARKS.sub(_blank, text)
    if _LOWER_CASE_LINE.search(text):
        text = _INTERRUPTION.sub(_without_interruption, text)
    if "\ufffd?" not in text:
        return text
    inside = False

    def restore(mark: re.Match[str]) -> str:
        nonlocal inside
        if mark.group() in "“”":
            inside = mark.group() == "“"
            return mark.group()
        if not inside:
            return mark.group()
        inside = False
        return "” "

    return _CURLY_OR_LOST_QUOTE.sub(restore, text)


# Text hard-wrapped at a fixed width (mail, a wire feed, a terminal's copy: 60-80 columns)
# breaks its sentences across lines; so does a page's <br> inside a paragraph, which
# trafilatura writes as a line break. Read line by line, those pieces would be no prose.
MAX_WRAP_WIDTH = 100
MIN_WRAPPED_LINES = 3  # breaks inside sentences: a headline as wide as its lead is no wrapping
_SOFT_BREAK_BEFORE = re.compile(r"[,a-z]$")
_NEWLINE = re.compile("\n")


def _breaks_inside_sentences(text: str) -> set[int]:
    """Where a line break falls inside a sentence, so that the line runs on over it. A line
    that does not end a sentence runs on where the next line starts in lower case after a
    comma or a lower-case word (a break inside a paragraph), or, in text wrapped at a width,
    where the next line's first word would not have fitted on it (a line the next word would
    have fitted, a headline over its lead, stays a line)."""
    lines = text.split("\n")
    width = max((len(line.rstrip()) for line in lines), default=0)
    wrapped: list[int] = []
    soft: list[int] = []
    position = 0
    for line, following in zip(lines, lines[1:]):
        position += len(line)
        head, rest = line.rstrip(), following.lstrip()
        if head and rest and not ends_like_sentence(head):
            if rest[0].islower() and _SOFT_BREAK_BEFORE.search(head) and has_words(head, 4):
                soft.append(position)
            elif len(head) + 1 + len(rest.split(maxsplit=1)[0]) > width:
                wrapped.append(position)
        position += 1
    at_a_width = width <= MAX_WRAP_WIDTH and len(soft) + len(wrapped) >= MIN_WRAPPED_LINES
    return set(soft + wrapped) if at_a_width else set(soft)


def _document_similarity(reporting: list[Document], vocabulary: dict[int, list[str]]) -> np.ndarray:
    """TF-IDF cosine between the reports, zero on the diagonal (all zeros for a lone report)."""
    if len(reporting) < 2:
        return np.zeros((len(reporting), len(reporting)))
    x = tfidf_rows([[w for b in d.blocks for w in vocabulary[id(b)]] for d in reporting])
    similarity = (x @ x.T).toarray()
    np.fill_diagonal(similarity, 0.0)
    return similarity


def _other_language_documents(documents: list[Document], vocabulary: dict[int, list[str]]) -> list[Document]:
    """Rule 3 for a page in another language: few of its words are English function words,
    where the other reports' are."""
    counted: dict[int, float] = {}
    for document in documents:
        tokens = [w for b in document.blocks for w in vocabulary[id(b)]]
        if len(tokens) >= MIN_LANGUAGE_WORDS:
            counted[id(document)] = sum(w in STOPWORDS for w in tokens) / len(tokens)
    foreign = []
    for document in documents:
        share = counted.get(id(document))
        if share is None or share >= FOREIGN_FUNCTION_WORDS:
            continue  # the others' median is needed only for a page with few function words
        others = [other for key, other in counted.items() if key != id(document)]
        if others and np.median(others) >= ENGLISH_FUNCTION_WORDS:
            foreign.append(document)
    return foreign


def speaks_to_reader(document: Document) -> bool:
    """Whether READER_NOTICE_SHARE of the page's sentences or more speak to its reader or as the site,
    or the page tells of web pages themselves (a web archive's note on its capture)."""
    if tells_of_web_pages(" ".join(block.text for block in document.blocks)):
        return True
    sentences = [
        sentence
        for block in document.blocks
        for sentence in _SENTENCE_BREAK.split(QUOTED_SPAN.sub("", block.text))  # a quotation may run on
        if sentence.strip()
    ]
    # A news page is told apart at once: reading stops where too many of its sentences are news
    # for the rest to reach the share.
    news_allowed = (1 - READER_NOTICE_SHARE) * len(sentences)
    news = 0
    for sentence in sentences:
        if not speaks_as_page(sentence):
            news += 1
            if news > news_allowed:
                return False
    return bool(sentences)


def _reader_notice_documents(reporting: list[Document], similarity: np.ndarray) -> list[Document]:
    """Rule 3 for a page that is a notice to its reader: see READER_NOTICE_SHARE. What it may
    share with other notices does not count (a widget on two pages, two sites' error pages)."""
    if len(reporting) < 2:
        return []
    # A page that shares a story with a report is kept whatever it says, so pages are read only as
    # far as that needs: the pages one shares a story with, those already read first, and then itself.
    speaking: dict[int, bool] = {}

    def speaks(k: int) -> bool:
        if k not in speaking:
            speaking[k] = speaks_to_reader(reporting[k])
        return speaking[k]

    notices = []
    for k, document in enumerate(reporting):
        sharing = [j for j in np.flatnonzero(similarity[k] >= STORY_SIMILARITY).tolist() if j != k]
        sharing.sort(key=lambda j: (j not in speaking, speaking.get(j, False)))
        if all(map(speaks, sharing)) and speaks(k):
            notices.append(document)
    return notices


def _off_story_documents(reporting: list[Document], similarity: np.ndarray) -> list[Document]:
    """Rule 3 for whole pages: those that share no story with a cluster that has one."""
    if len(reporting) < 3:
        return []
    story_pairs = (similarity >= STORY_SIMILARITY) & (similarity < COPY_SIMILARITY)
    pairs = story_pairs.sum()  # each pair counted twice: the matrix is symmetric
    return [
        document
        for k, document in enumerate(reporting)
        if similarity[k].max() < OFF_STORY_DOCUMENT and pairs - 2 * story_pairs[k].sum() > 0
    ]


def _smaller_story_documents(reporting: list[Document], similarity: np.ndarray) -> list[Document]:
    """Rule 3 for a second story: the pages of a story told at under SMALLER_STORY_SHARE of
    the length of the story the cluster is about (the one most reports tell, then the longest)."""
    stories = [
        story
        for story in connected(len(reporting), lambda i, j: similarity[i, j] >= STORY_SIMILARITY)
        if len(story) >= 2
    ]
    if len(stories) < 2:
        return []
    length = [sum(word_count(b.text) for b in d.blocks) for d in reporting]

    def told(story: list[int]) -> tuple[int, int]:
        """Independent reports, then their words: copies of one page count once."""
        copies = connected(len(story), lambda i, j: similarity[story[i], story[j]] >= COPY_SIMILARITY)
        return len(copies), sum(length[story[copy[0]]] for copy in copies)

    extent = [told(story) for story in stories]
    _, main_length = max(extent)
    # Only a story under the main one's length can be under a share of it: the main story stays.
    return [
        reporting[k]
        for story, (_, words_told) in zip(stories, extent)
        if words_told < SMALLER_STORY_SHARE * main_length
        for k in story
    ]


def _drop_off_story_blocks(documents: list[Document], vocabulary: dict[int, list[str]]) -> None:
    """Rule 3: cut what reads like another story appended to a report.

    Judged against the *other* reports, so a lone report keeps its paragraphs. An appended
    story is a run of weakly related paragraphs at the end, or one long paragraph, sharing
    almost no vocabulary with the other reports; a short paragraph that shares nothing at
    all is dropped wherever it stands. A single short closing paragraph (a witness quote)
    may share little, but it is the report's own and stays.
    """
    reporting = [d for d in documents if d.blocks]
    if len(reporting) < 2:
        return
    blocks = [b for d in reporting for b in d.blocks]
    owner = np.array([i for i, d in enumerate(reporting) for _ in d.blocks])
    x = tfidf_rows([vocabulary[id(b)] for b in blocks])
    membership = sparse.csr_matrix((np.ones(len(owner)), (owner, np.arange(len(owner)))))
    document_sums = (membership @ x).toarray()
    total = document_sums.sum(axis=0)
    # Similarity of each block to the sum of the other reports (total minus its own).
    others = total - document_sums
    dot = np.asarray(x @ others.T)[np.arange(len(owner)), owner]
    norm = np.linalg.norm(others, axis=1)[owner]
    similarity = np.divide(dot, norm, out=np.ones_like(dot), where=norm > 0)
    row = 0
    for document in reporting:
        scores = similarity[row : row + len(document.blocks)]
        row += len(document.blocks)
        if scores[0] < TRAILING_SIMILARITY:
            continue  # its lead shares no story with the others: nothing to judge the rest by
        lengths = [word_count(b.text) for b in document.blocks]
        end = len(scores)
        while end > 1 and scores[end - 1] < TRAILING_SIMILARITY:
            end -= 1
        if len(scores) - end < 2 and sum(lengths[end:]) < APPENDED_STORY_WORDS:
            end = len(scores)  # one short closing paragraph: the report's own aside
        # The first block is the report's own lead: other stories are appended after it.
        document.blocks = [document.blocks[0]] + [
            b
            for b, score, length in zip(document.blocks[1:end], scores[1:end], lengths[1:end])
            if score >= (OFF_STORY_SIMILARITY if length >= APPENDED_STORY_WORDS else UNRELATED_SIMILARITY)
        ]
