"""Extract: choose which facts make the brief, within the length budget, in reading order."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

import numpy as np

from service.cluster import Cluster, Fact, Sentence
from service.errors import InputError
from service.extractors import Budget, get_extractor
from service.extractors.base import RepeatGuard, fits
from service.headline import choose_headline
from service.models import Options
from service.stages.clean import (
    FURNITURE_MAX_WORDS,
    LINK_LABEL,
    LOWER_CASE_OPENING,
    MIN_SHORT_WORDS,
    NEWSROOM_CREDIT,
    SECTION_OPENING,
    is_furniture,
    speaks_to_reader,
)
from service.text import (
    CITED_GROUPS,
    MONTH,
    MONTH_DATE,
    PICTURED_ACTS,
    QUOTED_SPAN,
    SENTENCE_OPENERS,
    STOPWORDS,
    WEEKDAY,
    Hinted,
    ends_like_sentence,
    has_finite_verb,
    iter_words,
    tfidf_rows,
)
from service.voice import speaks_first_person, speaks_to_reader_or_as_site

DEFAULT_SENTENCES = 6
# A report's opening: its lead and the sentences that explain it, where other reports echo a lead.
OPENING_SENTENCES = 3
DEFAULT_WORDS = 150
MIN_WORDS, MAX_WORDS = 10, 60
NO_BRIEF_SENTENCES = (
    "no sentence of these reports reads as one of a news brief (they are page text such as prompts, captions "
    "and lists); the brief is made of what there is"
)
# A sentence that opens by pointing back ("He also said", "But it", "Or there could be") reads
# badly out of context: it stays eligible only when nothing that reads alone is left. (Deprioritising
# direct quotes the same way gained on TAC 2011 but lost 1.7 ROUGE-2 on Multi-News, whose
# references quote freely, so quotes compete like any other sentence.)
_DANGLING_START = re.compile(r"^[\"“‘']?(He|She|It|They|This|That|These|Those|But|And|Or|Nor|Yet|Also|However)\b")
# So does a quotation credited to a pronoun ("``This is really part of the daily life,'' she
# said.", '"We won." He said.'): whose words they are is in a sentence the brief does not show.
_PRONOUN_CREDIT = re.compile(r"[,.!?](?:''|[\"”’'])\s+(?:[Hh]e|[Ss]he|[Tt]hey)\s+[a-z]+\b")
# …and so does an answer whose "so" stands for a question or claim before it ("Judging from the
# replies on his Twitter page, it would appear many think so.").
_ANSWERS_BEFORE = re.compile(
    r"\b(?:think|thinks|thought|believe|believes|believed|hope|hopes|hoped|suspect|suspects|guess|imagine"
    r"|seem|seems|seemed|appear|appears|appeared|expect|expects)(?: not)? so[.!?]['’”\"]*$"
)
# Chronologies and link lists ("1990-92: Serves as housing minister...", "Aug. 15: Priests
# used..."): an entry under a dated label of a few words is a note, not a sentence of a brief.
_LIST_ENTRY = re.compile(r"^(?=[^:]*\d)(?:[^\s:]+ ){0,3}[^\s:]+: ")
# So is a page's tag list or a reference's names: a short label, then four or more short items
# and nothing else ("Topics: Velmora, trams, transport, Line 3, public transport.", "In: King AM,
# Adams MJ, Carstens EB, editors.").
_TAG_LIST = re.compile(r"^[A-Z][\w'’-]*(?: [\w'’-]+)?: (?:[^,:;.!?]{1,40}, ){3,}[^,:;.!?]{1,40}[.!?]?$")
# A signpost to what the page shows next ("Following are excerpts from the report:", "The following
# is an excerpt from …", "Here's what we know:", "Here are Johnson's tweets: …"): it announces
# text, it states no fact.
_SIGNPOST = re.compile(r"^(?:(?:The [Ff]|F)ollowing (?:is|are)|Here(?:'s|’s| is| are)|Below (?:is|are))\b")
# A review's credits ("Written by Joe Penhall, based on the novel by Cormac McCarthy.", "Directed
# by Tarsem Singh."): who made the work, with no verb of its own to tell anything.
_CREDIT_LINE = re.compile(
    r"^(?:(?:Written|Directed|Produced|Edited|Screenplay|Music|Cinematography|Photography|Illustrated|Translated)"
    r"(?: and (?:written|directed|produced|edited))? by|Starring)\s"
)
# An interview printed as questions and answers ("Q. Why are you skeptical?", "A. Well, Mobil
# has…"): a line of it says neither who asks nor who answers.
_INTERVIEW_LINE = re.compile(r"^[QA][.:]\s")
# A memo's header or a menu, its fields labelled in capitals ("TO: Interested Parties FROM:
# Neil Newhouse … RE: State of the Race"): two such labels make a form, not a sentence.
_LABELLED_FIELDS = re.compile(r"(?:^|\s)[A-Z]{2,}:\s(?:.*\s)?[A-Z]{2,}:\s")
# A header in Title Case run into the sentence after it: the sentence's opening word stands
# capitalised right after a word of the header ("The Kind of Guy Who Bilks Taxpayers for His
# Own Enrichment In 2007, after leaving the CIA, …", "… Stood Still On Friday morning a …",
# "Breaking News Alerts From FOX 29 It was …", a picture credit "…/Getty Images There is …"),
# or a plural of the people news cites as its subject ("Girl Dragged by School Bus Investigators
# are also looking", "Related: 11 Ways to Fight Ebola Doctors at the hospital"; not "Police",
# which ends a body's name: "New York City Police said"). Prose puts such a word after
# punctuation. ("According" is no such word: "``The Gospel According to Jesus Christ,''".)
# A body's name ends before such a plural too ("U.S. Border Patrol Agents arrested", "World
# Health Organization Experts said"): that plural runs in only from a header marked as none, by a
# lower-case word that joins no name ("Dragged by", "operation"), a credit's "/" or a label's ":".
_CITED_PEOPLE_WORDS = frozenset(group.capitalize() for group in CITED_GROUPS)
_CITED_PEOPLE = "|".join(sorted(_CITED_PEOPLE_WORDS))
_MARKS_A_HEADER = re.compile(r"[/:]|(?<!\S)(?!(?:of|for|and|the)\s)[a-z]")
_RUN_IN_OPENER = re.compile(
    rf"(?<=[a-z\d] )(?:{SENTENCE_OPENERS}|On|Before|Since|During|Once|Although|Despite|With|From|By|As|For"
    rf"|Last|Earlier|One|Two|Three|Some|Many|Most|{_CITED_PEOPLE})"
    rf"(?= (?:[a-z]|\d|(?:{WEEKDAY}|{MONTH})\b))"
)
MIN_HEADER_WORDS = 3
TITLE_CASE_SHARE = 0.6  # of a header's words capitalised; prose before a name has fewer
# Where a picture was taken, as a caption names it: "Baltimore", "the U.S. Capitol", "the
# Squirrel Hill section of Pittsburgh", "Madrid, Spain".
_PICTURED_PLACE = r"(?:the )?(?-i:[A-Z][\w.'’-]*(?:,? (?:[A-Z][\w.'’-]*|the|(?:[a-z]+ )?of))*)"
# Photo captions ("In this Oct. 27, 2012 file photo, ...", "... (AP Photo/Jane Doe)") describe
# a picture the brief does not show.
_CAPTION = Hinted(
    r"^(?:In )?(?:this|these)\b.{0,60}?\b(?:photos?|images?|pictures?|frame grab|screenshot|screen ?grab)"
    # …and then a verb or, after the picture, its subject ("In this file photo Jill Kelley leaves …").
    r"(?:,| (?:shows?|provided|released|taken|made|from|by|obtained|posted)| (?-i:[A-Z][a-z]))"
    r"|\((?:[A-Z]+ )?Photos?\b|\bPhoto(?:graph)?:|\bGetty Images\b"
    r"|^The (?:\w+ )?(?:photo(?:graph)?|image|picture)s? (?:is|are|shows?)\b"  # "The first photograph is a …"
    r"|^(?:photo(?:graph)?|image|picture)s? (?:taken|by|courtesy)\b"  # "Photo taken in Santa Rosa, on Monday."
    # "An undated photograph of …", "A file photo of …": a picture named by a caption's word ("An
    # image of the cover serves as her avatar" is prose).
    # ("A family photo of the Horaks hangs above …" is prose: the photo is a thing the story tells of.)
    r"|^An? (?:undated|file|handout|courtesy) (?:photo(?:graph)?|image|picture) of\b"
    # …or one whose words after it only describe and name what it shows: "A photo of the teen who
    # went missing on April 14, Kristian Perez." ("A photo of the couple was published …" is prose.)
    r"|^An? (?:photo(?:graph)?|image|picture) of\b[^.!?]*, (?-i:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3})\.$"
    # "Linda Roe holds a photo of her mother.": a person who holds up a picture, as it is shown; a
    # company "holds an image rights licence" or "a picture-perfect record" (no "\b": it stops at "-").
    r"|^(?-i:(?!The )[A-Z][\w'’-]*(?: [A-Z]\.)?(?: [A-Z][\w'’-]*){1,2}"
    r"(?<!Company)(?<!Inc)(?<!Group)(?<!Corp)(?<!Ltd)(?<!Bank))"
    r" hold(?:s|ing) (?:up )?an? (?:[\w-]+ )?(?:photo(?:graph)?|image|picture)(?![\w-])"
    # A wire caption ends on the picture's full date, and maybe its place: "Members of the
    # National Guard patrol Wednesday, April 29, 2015, in Baltimore.", "…, in the Squirrel Hill
    # section of Pittsburgh." Prose dates by weekday or by date, not both with the year.
    rf"|\b(?:{WEEKDAY}),? {MONTH_DATE}(?:,? (?:in|at|near) {_PICTURED_PLACE})?\.[\"”’']?$"
    # …or on its place and then the date with the year, where prose puts "on" between them:
    # "…at the U.S. Capitol in Washington June 11, 2014.", "…in London, Britain, December 12, 2018.",
    # "…in the outskirts of Lahore January 31, 2012."
    rf"|\b(?:in|at|near) (?:the [a-z]+ of )?{_PICTURED_PLACE},? {MONTH_DATE}\.[\"”’']?$",
    # "day": every weekday's name; " 19", " 20": a year.
    ("photo", "image", "picture", "frame grab", "screen", "getty", "day", " 19", " 20"),
    re.IGNORECASE,
    fold=True,
)
# So does one that tells in the present what the picture shows, where it was taken: "Ukrainian
# emergency workers carry a victim's body … near the village of Hrabove in eastern Ukraine.",
# "Douglas attends the One Centennial Sensation … at the Hudson Theatre.", "Deposits are seen on a
# road in Puna, Hawaii." News tells such acts in the past; a pronoun's ("He walks the ball …") or a
# stative present ("Perry sits on the board of …") is prose, and so is a subject with a verb of
# its own ("Saramago had planned to leave Frankfurt …", "The two sides held three rounds …").
# A capitalised word of a place; its stops are inner ones ("St. Louis", "D.C."), the sentence's its own.
_PLACE_WORD = r"[A-Z](?:[\w'’-]|\.(?!$))*"
# Anchored at the start, it fails faster than its verbs are looked for.
_PRESENT_CAPTION = re.compile(
    r"^(?!(?:He|She|It|They|We|I|You|This|That|There|These|Those)\s)(?:[A-Z][\w'’.-]*|[a-z]+)"
    r"(?:\s(?:[A-Z][\w'’.-]*|(?!(?:to|had|has|have|was|were|is|are|be|been|will|would|held|made|took|said|led|saw)"
    r"\b)[a-z]+(?<!ed))){0,8}?"
    rf"\s(?:{PICTURED_ACTS})\b(?!\s(?:of|and)\b)[^.!?;\"“”]*?"
    rf"\s(?:in|at|near|outside|inside)\s(?:the\s)?(?:[a-z]+\s)?{_PLACE_WORD}"
    rf"(?:,?\s(?:{_PLACE_WORD}|of|the|[a-z]+(?=\s[A-Z])))*+\.$"
)
# So does one that says where a named person stands in the picture: "Joey Wilson, left, rings
# up …", "Shayne (left) and Bria Murphy attended …", "Sirkka-Liisa Love, second left, and …".
# Searched before trimming, which drops the parenthesis.
_PLACE_IN_PICTURE = Hinted(
    r"\b[A-Z][\w'’.-]*(?:, | \((?:pictured )?)(?:(?:second|third|2nd|3rd) (?:from )?)?"
    r"(?:left|right|center|centre|top|bottom)(?:\)|(?=[,.;]| and\b))",
    ("left", "right", "cent", "top", "bottom"),
)

# Page furniture left inside a sentence when a page is flattened, where its extent is unclear
# and clean cannot cut it out: a separator bar ("… Sheen. | Photo by Reuters"), a breadcrumb or
# an infobox's arrow ("1. Anthony Scaramucci > Occupation: White House …"), a link label
# ("RELATED: <headline> <sentence>"), a prompt to the reader ("Click image above to view"), a
# picture credit clean cannot tell from prose ("Scout Willis/Twitter"). Such a sentence still
# counts as support.
_PAGE_RESIDUE = Hinted(
    rf"\s\|\s|\s[>»]\s(?=[A-Z])|\b{LINK_LABEL}"
    r"|\b(?:Click|Tap) (?:here|image|on|to|the|above|below)\b"
    r"|[a-z]/(?:Getty|Instagram|Twitter|Facebook|Reuters|AFP|AP|EPA|Shutterstock)\b"
    # A name's hover card, its headlines run into the text: "Sen. Dick Durbin Richard (Dick)
    # Joseph DurbinSenate passes… MORE (Ill.)".
    r"|(?<=[a-z,':]) MORE (?=[a-z(])"
    # A link, or the markup of an embedded player ('poster="http://…jpg" true'): a link is
    # no one's words even inside quotation marks.
    r"|https?://|\bwww\.|\bpic\.twitter\.com/|\b[a-z]+=[\"']"
    # A trademark sign: news style leaves it out, marketing copy keeps it ("The FIFA World
    # Cup™ Goal of the Day, sponsored by Powerade.").
    r"|[™®]"
    # An empty quotation or a doubled comma, where a linked title or name was lost: 'who starred
    # in "" before …', "Parker's lawyer,, tells TMZ".
    r'|""|“”|, ?,'
    # A picture's or an item's catalogue number: "ID: 5876273 Interior of the police SUV …".
    r"|\bID: ?\d",
    # ":" ends every link label and the catalogue number's label.
    ("|", ">", "»", ":", "Click ", "Tap ", "/", " MORE ", "www.", "=", "™", "®", '""', "“”", ",,", ", ,"),
)


# A sentence set in capitals is a broadcast transcript's line or a chyron ("POLICE SAY THE
# TEEN WAS SHOT FOUR TIMES."), shouted in a brief.
SHOUTED_SHARE = 0.6
# So is a run of words in capitals that holds a function word, where acronyms do not: a
# byline or chyron run into a sentence ("… at Volusia Jail EVAN LAMBERT IN ORANGE COUNTY."), a
# subhead ("SURFING IN THE VOG Local meteorologists said"), emphasis ("KATE GOSSELIN GOT A JOB.").
_CAPITALS_RUN = re.compile(r"\b[A-Z][A-Z'’.&-]*(?: [A-Z][A-Z'’.&-]*){2,}\b")
# "A" ends a run where the next sentence opens on it ("FATHER OF FOUR KILLED A father of four").
_SHOUTED_FUNCTION_WORDS = frozenset("THE OF IN ON AT TO FOR AND BY WITH FROM IS ARE WAS A AN".split())
TITLE_CASE_WORDS = 4  # fewer content words may all be names: "Gov. Steven Beshear is a Democrat."
# To count letters in C, not Python: what deleting their runs leaves out.
_CAPITALS, _SMALL_LETTERS = re.compile(r"[A-Z]+"), re.compile(r"[a-z]+")


def budget_for(options: Options, unique_sentences: int) -> Budget:
    if options.ratio is not None:
        return Budget(sentences=max(1, round(options.ratio * unique_sentences)), words=options.words)
    if options.sentences is None and options.words is None:
        return Budget(sentences=DEFAULT_SENTENCES, words=DEFAULT_WORDS)
    return Budget(sentences=options.sentences, words=options.words)


def choose_shown_wording(fact: Fact) -> bool:
    """Make the wording the brief would show `fact` in its representative; False when no
    report words the fact as a brief sentence.

    Group's representative is the wording closest to the others (or the earliest), which may be
    one report's short, captioned or dangling telling of a fact that another report states
    as a whole sentence ("The coast guard rescued all 40 passengers." against "… from the
    rough sea."). The first eligible wording in the fact's order stands in for it, the first
    that reads alone if any does. Showing another report's eligible wording rather than leaving
    the fact out gained on DUC 2004 and Multi-News and changed no TAC 2011 brief (README,
    "Evaluation").
    """
    # Read in order and stopped at the first eligible wording that reads alone: a wire story's
    # fact has a wording from every outlet that ran it, and the rest need no check.
    shown = None
    for k, sentence in enumerate(fact.sentences):
        if is_eligible(sentence):
            if _reads_alone(sentence.brief_text):
                shown = k
                break
            if shown is None:
                shown = k
    if shown is None:
        return False
    fact.sentences.insert(0, fact.sentences.pop(shown))
    return True


def is_eligible(sentence: Sentence, min_words: int = MIN_WORDS) -> bool:
    """Whether `sentence` reads as one of a news brief: a whole sentence of prose, not page text."""
    length = len(sentence.tokens)
    return (
        min_words <= length <= MAX_WORDS
        and ends_like_sentence(sentence.text)
        # An ellipsis at the end marks text cut off (a teaser, a truncated caption); at the
        # start, text picked up mid-way (a quotation resumed, a live blog's "… BREAKING 3PM… ").
        and not sentence.text.rstrip("\"”’' ").endswith(("...", "…"))
        and not sentence.text.lstrip("\"“‘' ").startswith(("...", "…"))
        and "?" not in sentence.text[-3:]
        # A trimmed sentence has no more words than its text: a long one is no furniture.
        and not (length < FURNITURE_MAX_WORDS and is_furniture(sentence.text))
        and not NEWSROOM_CREDIT.search(sentence.text)  # however long the sentence it ends
        and not _LIST_ENTRY.match(sentence.text)
        and not _TAG_LIST.match(sentence.text)
        and not SECTION_OPENING.match(sentence.text)
        and not _INTERVIEW_LINE.match(sentence.text)
        and not _LABELLED_FIELDS.search(sentence.text)
        and not _SIGNPOST.match(sentence.brief_text)
        and not (_CREDIT_LINE.match(sentence.brief_text) and not has_finite_verb(sentence.brief_text))
        and not has_run_in_header(sentence.brief_text)
        and not LOWER_CASE_OPENING.match(sentence.brief_text)
        and not _CAPTION.search(sentence.brief_text)  # after any agency credit before it
        and not _PRESENT_CAPTION.search(sentence.brief_text)
        and not _PLACE_IN_PICTURE.search(sentence.text)
        and not _PAGE_RESIDUE.search(sentence.text)
        and not speaks_to_reader_or_as_site(sentence.text)
        and not _shouted(sentence.text)
        and not _title_cased(sentence.text)
    )


def _reads_as_short_news(sentence: Sentence) -> bool:
    """Whether a sentence too short for a brief of longer ones would read as news: a short
    line of page text is most often a call to act with no verb of its own ("Connect with KARE
    11 Online!"), a short report's sentence states something ("The mayor resigned.")."""
    return is_eligible(sentence, min_words=MIN_SHORT_WORDS) and has_finite_verb(sentence.brief_text)


def _title_cased(text: str) -> bool:
    """A title, a caption or a reference set in Title Case: past its first word, every word
    but a function word is capitalised ("Escape Maneuver in Fly #2 from Michael Dickinson on
    Vimeo.", "Mariah Carey at the 2014 Fresh Air Fund Honoring Our American Hero …"). Prose has
    lower-case words besides its function words."""
    # Initials ("L.") and figures say nothing about the case a text is set in. Prose is told
    # apart at its first lower-case content word, most often among the first few.
    capitalised = 0
    for word in islice(iter_words(text), 1, None):
        if len(word) > 1 and word[0].isalpha() and word.lower() not in STOPWORDS:
            if not word[0].isupper():
                return False
            capitalised += 1
    return capitalised >= TITLE_CASE_WORDS


def _shouted(text: str) -> bool:
    capitals = len(text) - len(_CAPITALS.sub("", text))
    small = len(text) - len(_SMALL_LETTERS.sub("", text))
    return capitals > SHOUTED_SHARE * (capitals + small) or any(
        _SHOUTED_FUNCTION_WORDS.intersection(run.group().split()[:-1]) for run in _CAPITALS_RUN.finditer(text)
    )


class Extract:
    name = "extract"

    def __init__(self, default_extractor: str = "coverage"):
        self.default_extractor = default_extractor

    def __call__(self, cluster: Cluster) -> Cluster:
        candidates = [f for f in cluster.facts if choose_shown_wording(f)]
        if not candidates:
            left = [d for d in cluster.documents if d.blocks]
            if len(left) == 1 and speaks_to_reader(left[0]):
                # A lone notice (an error page, a consent wall) with no sentence of news is no report.
                raise InputError(
                    f"no article has any readable prose to summarize; {left[0].article.id!r} reads as a notice to "
                    "the reader (a consent, sign-in or error page) and no sentence of it reads as news"
                )
            # Short reports: better a brief of short sentences than none. Where no sentence would read
            # as news even at that length, the brief says what it is made of.
            candidates = [f for f in cluster.facts if len(f.representative.tokens) >= MIN_SHORT_WORDS]
            if not any(_reads_as_short_news(s) for f in candidates for s in f.sentences):
                cluster.warn(NO_BRIEF_SENTENCES)
        preferred: list[Fact] = []
        others: list[Fact] = []
        for fact in candidates:
            (preferred if _reads_alone(fact.representative.brief_text) else others).append(fact)
        try:
            extractor = get_extractor(cluster.options.extractor or self.default_extractor)
        except ValueError as exc:
            raise InputError(str(exc)) from None
        budget = budget_for(cluster.options, len(cluster.facts))
        # Every candidate in the order the fill takes them; one guard keeps repeats out of both.
        fill_order = sorted(preferred, key=_reading_order) + sorted(others, key=_reading_order)
        repeats = RepeatGuard(fill_order)
        place = {id(f): k for k, f in enumerate(fill_order)}
        pool = preferred or candidates
        anchor = central_lead(cluster, pool, budget)
        if anchor is None:
            chosen = extractor(cluster, pool, budget)
        else:
            # The rest of the budget goes to the extractor. It may re-cover the lead's
            # concepts: references repeat key content too (this scored higher on TAC 2011
            # and Multi-News than counting them covered), and facts never repeat anyway.
            repeats.choose(place[id(anchor)])
            rest = [f for f in pool if f is not anchor and not repeats.blocked[place[id(f)]]]
            chosen = [anchor, *extractor(cluster, rest, budget.without(len(anchor.representative.tokens)))]
        chosen = _fill(chosen, fill_order, budget, repeats)
        if not chosen and candidates and budget.words is not None:
            # The budget leaves a sentence longer than it out rather than cut it: where every one is
            # longer, the brief is empty, and the reader is told why and what to ask for.
            shortest = min(len(f.representative.tokens) for f in candidates)
            cluster.warn(f"no sentence of these reports fits in {budget.words} words (the shortest has {shortest}); "
                         f"ask for {shortest} words or more")
        cluster.selected = sorted(chosen, key=_reading_order)
        # "…, it would appear many think so." may open a brief, after the question it answers was
        # left out, but it is no headline.
        texts = [f.representative.brief_text for f in cluster.selected]
        lead = next((t for t in texts if _reads_alone(t)), texts[0] if texts else "")
        cluster.headline = choose_headline(cluster, lead)
        return cluster


def central_lead(cluster: Cluster, candidates: list[Fact], budget: Budget) -> Fact | None:
    """The lead sentence closest to all the reports' leads: news states what happened in
    its first sentence, and the brief should open with that. Anchoring the brief on it
    gained on all three evaluation sets (README, "Evaluation")."""
    leads = [f for f in candidates if any(s.index == 0 for s in f.sentences)]
    leads = [f for f in leads if budget.words is None or len(f.representative.tokens) <= budget.words]
    if not leads or budget.sentences == 0:
        return None
    reporting = [d for d in cluster.documents if d.sentences]
    firsts = [d.sentences[0].tokens for d in reporting]
    vectors = tfidf_rows(firsts + [f.representative.tokens for f in leads])
    centroid = np.asarray(vectors[: len(firsts)].sum(axis=0)).ravel()
    agreement = np.round(vectors[len(firsts) :] @ centroid, 9)
    # Leads tie when each matches only itself, as two reports' leads always do (1 + s each):
    # then the lead the other reports' openings echo most opens the brief, rather than
    # whichever rounding favours (it had opened briefs with an archive's crawl notice).
    openings = tfidf_rows(
        [[t for s in d.sentences[:OPENING_SENTENCES] for t in s.tokens] for d in reporting]
        + [f.representative.tokens for f in leads]
    )
    echo = (openings[len(reporting) :] @ openings[: len(reporting)].T).toarray()
    # A report echoes a lead it does not open with, also where it tells the lead's fact
    # further down ("Floodwaters drove about 300 Marlow families out …" after its own lead).
    opened_by = [{s.article_id for s in f.sentences if s.index == 0} for f in leads]
    outside = [[d.article.id not in own for d in reporting] for own in opened_by]
    echoed = np.round((echo * np.array(outside)).sum(axis=1), 9)
    # Where no other report echoes any lead (reports that share no story), the fullest
    # report's lead opens the brief: a page's two-line notice says less than an article.
    length = {d.article.id: sum(len(s.tokens) for s in d.sentences) for d in reporting}
    fullest = [max(length[a] for a in own) for own in opened_by]
    return leads[max(range(len(leads)), key=lambda k: (agreement[k], echoed[k], fullest[k]))]


def _fill(chosen: list[Fact], candidates: list[Fact], budget: Budget, repeats: RepeatGuard) -> list[Fact]:
    """Room the extractor left (it stops where nothing adds shared content) goes to the
    remaining candidates in reading order, preferred ones first: asked for 250 words, a
    reader gets about 250; with no shared content at all, the brief is the reports' leads.
    `repeats` guards `candidates`, of which `chosen` are some."""
    chosen = list(chosen)
    used = sum(len(f.representative.tokens) for f in chosen)
    taken = {id(f) for f in chosen}
    for index, fact in enumerate(candidates):
        if id(fact) in taken:
            repeats.choose(index)
    for index, fact in enumerate(candidates):
        if id(fact) in taken or repeats.blocked[index]:
            continue
        if fits(used, len(chosen), len(fact.representative.tokens), budget):
            chosen.append(fact)
            taken.add(id(fact))
            used += len(fact.representative.tokens)
            repeats.choose(index)
    return chosen


def has_run_in_header(text: str) -> bool:
    """Whether `text` opens with a Title Case header (most of its words capitalised) that
    runs into the sentence after it."""
    opener = _RUN_IN_OPENER.search(text)
    if not opener:
        return False
    if opener.group() in _CITED_PEOPLE_WORDS and not _MARKS_A_HEADER.search(text, 0, opener.start()):
        return False
    header = text[: opener.start()].split()
    capitalised = sum(word[:1].isupper() or word[:1].isdigit() for word in header)
    return len(header) >= MIN_HEADER_WORDS and capitalised >= TITLE_CASE_SHARE * len(header)


@lru_cache(maxsize=4096)  # a fact's wording is read for its choice, its preference and the headline
def _reads_alone(text: str) -> bool:
    return not (
        _DANGLING_START.match(text)
        or _PRONOUN_CREDIT.search(text)
        or _ANSWERS_BEFORE.search(text)
        or speaks_first_person(text)
    )


def _reading_order(fact: Fact) -> tuple[float, int]:
    """Earliest relative position any report gives the fact; ties by report order."""
    first = min(fact.sentences, key=lambda s: (s.position, s.index))
    return (first.position, first.index)
