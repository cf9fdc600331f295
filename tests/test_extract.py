"""Extract: the length budget, no fact twice, reading order, and every extractor by name."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from conftest import DEMO, EXTRACTIVE, read_cluster, run_until, within_seconds
from service import Article, Options, Pipeline, Settings, summarize
from service.cluster import Cluster
from service.extractors import EXTRACTORS, Budget, get_extractor
from service.extractors.coverage import concept_weights
from service.generators import GeneratorSlot
from service.stages.extract import (
    DEFAULT_SENTENCES,
    DEFAULT_WORDS,
    NO_BRIEF_SENTENCES,
    budget_for,
    has_run_in_header,
    is_eligible,
)


def eligibility(report: str) -> list[bool]:
    """Whether each fact of a one-report cluster may be a brief sentence."""
    return [is_eligible(f.representative) for f in run_until([Article(id="a", text=report)], "group").facts]


@pytest.fixture(scope="module")
def harbour():
    return read_cluster(DEMO)


def extract(articles, **options) -> Cluster:
    return run_until(articles, "extract", Options(method="extractive", **options))


def chosen_words(cluster: Cluster) -> int:
    return sum(len(f.representative.tokens) for f in cluster.selected)


def assert_well_formed(cluster: Cluster) -> None:
    ids = [f.id for f in cluster.selected]
    assert len(set(ids)) == len(ids), "a fact chosen twice"
    texts = [f.representative.text for f in cluster.selected]
    assert len(set(texts)) == len(texts)
    assert all(f in cluster.facts for f in cluster.selected)
    order = [min((s.position, s.index) for s in f.sentences) for f in cluster.selected]
    assert order == sorted(order), "not in reading order"


@pytest.mark.parametrize("n", [1, 2, 4])
def test_a_sentence_budget_is_met_exactly_when_there_is_enough_to_say(harbour, n):
    cluster = extract(harbour, sentences=n)
    assert len(cluster.selected) == n
    assert_well_formed(cluster)


@pytest.mark.parametrize("words", [30, 60, 120])
def test_a_word_budget_is_never_exceeded_and_mostly_used(harbour, words):
    cluster = extract(harbour, words=words)
    assert cluster.selected
    assert words - 30 < chosen_words(cluster) <= words
    assert_well_formed(cluster)


@pytest.mark.parametrize("ratio", [0.1, 0.25])
def test_a_ratio_is_a_share_of_the_clusters_facts(harbour, ratio):
    cluster = extract(harbour, ratio=ratio)
    assert len(cluster.selected) == max(1, round(ratio * len(cluster.facts)))
    assert_well_formed(cluster)


def test_the_default_is_a_short_brief(harbour):
    cluster = extract(harbour)
    assert 3 <= len(cluster.selected) <= DEFAULT_SENTENCES
    assert chosen_words(cluster) <= DEFAULT_WORDS
    assert_well_formed(cluster)


def test_sentences_and_words_together_both_bind(harbour):
    cluster = extract(harbour, sentences=5, words=40)
    assert 1 <= len(cluster.selected) <= 5 and chosen_words(cluster) <= 40


def test_budget_for_each_kind_of_option():
    assert budget_for(Options(), 30) == Budget(sentences=DEFAULT_SENTENCES, words=DEFAULT_WORDS)
    assert budget_for(Options(sentences=3), 30) == Budget(sentences=3, words=None)
    assert budget_for(Options(words=80), 30) == Budget(sentences=None, words=80)
    assert budget_for(Options(ratio=0.1), 30) == Budget(sentences=3, words=None)
    assert budget_for(Options(ratio=0.01), 30) == Budget(sentences=1, words=None)


def test_syndicated_copies_are_never_chosen_twice(tram):
    cluster = extract(tram, sentences=10)
    texts = [f.representative.text.replace("center", "centre").replace("kilometers", "kilometres")
             .replace("traveling", "travelling") for f in cluster.selected]
    assert len(set(texts)) == len(texts)
    assert_well_formed(cluster)


STORM = [
    "At least 231 people have been confirmed dead in Velmora from storm Ada, bringing the storm's death toll "
    "in the region to 357, the emergency commission said.\n"
    "Storm Ada cut through the coast for a third day, flattening harbour sheds and uprooting trees.",
    "In Velmora, at least 231 deaths have been blamed on storm Ada, the emergency commission said.\n"
    "Rescue teams reached the flooded villages of the Kessel valley by boat.",
    "Storm Ada has killed at least 231 people in Velmora, and 357 across the region, officials said.\n"
    "Rescue teams reached the flooded Kessel valley villages by boat, the emergency commission said.",
    "The emergency commission blamed 231 deaths in Velmora on storm Ada.\n"
    "Storm Ada cut through the coast for a third day, its winds flattening harbour sheds.",
]


# Two outlets retell one lead in their own words: 11 of the shorter's 16 content words.
CHAIR = [
    "Councillor Ada Kessel ended her bid to become the next harbour board chair, leaving deputy Tom Varga as the only "
    "candidate to replace Lina Ost, who lost her seat in the spring vote.\n"
    "Kessel told colleagues she could not win enough votes on the board before the ballot next Tuesday.",
    "Port councillor Ada Kessel said she was dropping out of the race for harbour board chair, leaving just one "
    "candidate in the contest to replace Lina Ost.\n"
    "Varga, who has run the harbour's budget committee for six years, is expected to win the ballot next Tuesday.",
    "Tom Varga is now certain to lead the harbour board after his only rival, Ada Kessel, withdrew on Monday.\n"
    "The board chair oversees the dredging contract and the new ferry terminal, both behind schedule.",
]


# One firing told twice: 7 of the shorter wording's 12 content words, 0.58.
FIRED = [
    "Mayor Ilse Varga fired transport chief Jan Horak on March 2 after the two differed over the tram budget.\n"
    "The Line 3 tram extension to the airport is now two years behind schedule and 40 million euros over budget.",
    "Varga fired Horak on March 2 from his post as tram transport chief, saying he had misled the council.\n"
    "Horak's deputy, Lina Ost, will run the transport department until a new chief is appointed in the autumn.",
]


# One payout told twice with the same figures: 5 of the shorter wording's 10 content words, 0.5.
PAYOUT = [
    "Each of the 52 ferry crew members will receive 2,500 euros for every season they worked in the two years "
    "covered by the lawsuit.\n"
    "The harbour board approved the settlement with the ferry crew after three months of mediation.",
    "Under the deal, the 52 deckhands who sued get 2,500 euros apiece for each season worked.\n"
    "Crew members who worked night shifts on the ferry may claim an extra payment, the harbour board said.",
]

# One charge sheet told twice with the same two figures: 6 of the shorter wording's 17 content words, 0.35.
CHARGES = [
    "A Velmora fisherman known for his long feud with the port authority was charged with six counts of arson "
    "and five counts of attempted murder over the harbour blaze.\n"
    "The blaze destroyed the harbour master's office and two ferries moored at the quay on Sunday night.",
    "Court documents identified the man as Jan Horak, 27, and charged him with six murder counts and five counts "
    "of attempted murder with a stolen boat near the quay.\n"
    "Ferry services from the quay will resume next month, once divers have checked the harbour wall.",
]

# Two facts of one story that share only a small count, "two suspects" (also 0.5): both stay.
SUSPECTS = [
    "Police questioned two suspects about the fire that destroyed the old harbour warehouse at Velmora.\n"
    "The warehouse fire destroyed grain stored for the Kessel valley farms, a loss put at 3 million euros.",
    "Two suspects arrested after the Velmora warehouse fire will appear before a judge in the port city next month.\n"
    "Firefighters from three towns fought the warehouse fire through the night, Velmora police said.",
]


@pytest.mark.parametrize("words", [80, 150])  # 150: the extractor stops short and the fill adds the rest
@pytest.mark.parametrize("name", sorted(EXTRACTORS))
@pytest.mark.parametrize(
    ("reports", "one", "other"),
    [
        # The commission's 231 dead in Velmora.
        (STORM, STORM[0].splitlines()[0],
         "In Velmora, at least 231 deaths have been blamed on storm Ada, the emergency commission said."),
        (CHAIR, CHAIR[0].splitlines()[0], CHAIR[1].splitlines()[0]),
        (FIRED, FIRED[0].splitlines()[0], FIRED[1].splitlines()[0]),
        (PAYOUT, PAYOUT[0].splitlines()[0], PAYOUT[1].splitlines()[0]),
        (CHARGES, CHARGES[0].splitlines()[0], CHARGES[1].splitlines()[0]),
    ],
    ids=["storm", "chair", "fired", "payout", "charges"],
)
def test_a_fact_reworded_too_much_to_group_is_still_told_once(pipeline, name, words, reports, one, other):
    # Grouping keeps the two wordings apart, yet one says most of what the other does.
    brief = pipeline.summarize([Article(id=str(k), text=t) for k, t in enumerate(reports)],
                               Options(method="extractive", words=words, extractor=name))
    texts = [s.text for s in brief.sentences]
    assert len(texts) >= 3
    assert one in texts or other in texts, texts
    assert not (one in texts and other in texts), texts


@pytest.mark.parametrize("name", sorted(EXTRACTORS))
def test_two_facts_that_share_only_a_small_count_are_both_told(pipeline, name):
    brief = pipeline.summarize([Article(id=str(k), text=t) for k, t in enumerate(SUSPECTS)],
                               Options(method="extractive", words=150, extractor=name))
    texts = [s.text for s in brief.sentences]
    assert all(report.splitlines()[0] in texts for report in SUSPECTS), texts


@pytest.mark.parametrize("name", ["lexrank", "textrank", "lsa"])
def test_sumy_rates_sentences_that_nothing_links_alike_and_without_a_warning(name):
    # Two unrelated sentences: LexRank's power method once divided zero by zero and rated both NaN.
    reports = [Article(id=str(k), text=report.splitlines()[1]) for k, report in enumerate(FIRED)]
    facts = run_until(reports, "group").facts
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ratings = get_extractor(name).rate(facts)
    assert np.isfinite(ratings).all() and ratings.max() == 1.0


@pytest.mark.parametrize("name", sorted(EXTRACTORS))
def test_each_extractor_by_name_fills_the_budget_with_distinct_facts(harbour, name):
    cluster = extract(harbour, sentences=3, extractor=name)
    assert len(cluster.selected) == 3
    assert_well_formed(cluster)
    # Only real sentences of the story: no furniture, nothing from the appended stories.
    text = " ".join(f.representative.text for f in cluster.selected)
    assert "cycle lane" not in text and "Rail strike" not in text
    words = extract(harbour, words=50, extractor=name)
    assert 0 < chosen_words(words) <= 50


def test_the_configured_extractor_is_the_default_and_options_override_it(harbour):
    with pytest.raises(ValueError, match="unknown extractor 'nope'"):
        Settings(extractor="nope")  # refused when configured, not blamed on each request

    def brief(extractor: str, asked: str | None = None) -> list[str]:
        pipeline = Pipeline.from_settings(Settings(extractor=extractor), generator=GeneratorSlot(None, "none"))
        return [s.text for s in pipeline.summarize(harbour, Options(method="extractive", words=60, extractor=asked)).sentences]

    assert brief("lsa") != brief("coverage")  # the two choose differently here, so the test can tell them apart
    assert brief("lsa") == brief("coverage", "lsa") and brief("lsa", "coverage") == brief("coverage")


def test_an_unknown_extractor_is_a_value_error(tram):
    with pytest.raises(ValueError, match="unknown extractor 'nope'"):
        get_extractor("nope")
    with pytest.raises(ValueError, match="unknown extractor"):
        extract(tram, extractor="nope")


def test_the_headline_is_one_most_reports_agree_with(tram):
    cluster = extract(tram)
    assert cluster.headline in ("Tram derails in Velmora city centre, 14 hurt",
                                "Tram derails in Velmora city center, injuring 14")


def test_a_headline_that_introduces_what_follows_loses_its_colon(pipeline):
    lead = "A Line 3 tram derailed near Old Market Square in Velmora on Thursday, injuring 14 passengers."
    articles = [Article(id=k, title="Velmora tram derailment: what we know:", text=lead) for k in ("a", "b")]
    assert pipeline.summarize(articles, EXTRACTIVE).headline == "Velmora tram derailment: what we know"


def test_a_headline_shows_no_invisible_character(pipeline):
    lead = "A Line 3 tram derailed near Old Market Square in Velmora on Thursday, injuring 14 passengers."
    articles = [Article(id=k, title="Velmora tram de\u00adrail\u00adment in\u200b Old Market Square", text=lead)
                for k in ("a", "b")]
    assert pipeline.summarize(articles, EXTRACTIVE).headline == "Velmora tram derailment in Old Market Square"


def headline_of(pipeline: Pipeline, lead: str, other: str) -> str:
    """The extractive brief's headline for two reports given as text, neither with a headline line."""
    return pipeline.summarize([Article(id="a", text=lead), Article(id="b", text=other)], EXTRACTIVE).headline


def test_without_headlines_the_headline_is_built_from_the_first_sentence(pipeline):
    lead = ("The city council in Velmora on Tuesday approved a plan to extend the Line 3 tram to the "
            "airport by 2029, the transport department said.")
    other = ("Velmora's council backed the airport extension of Line 3 on Tuesday, and construction of "
             "the tram line is due to start next spring.")
    # Weekday and attribution tail gone, cut at a clause boundary: a headline, not a cut sentence.
    assert headline_of(pipeline, lead, other) == "The city council in Velmora approved a plan to extend the Line 3 tram"


def test_a_headline_printed_twice_and_run_into_the_lead_is_the_headline_once(pipeline):
    lead = ("Tram Derails in Velmora City Centre Tram Derails in Velmora, 14 Passengers Hurt A Line 3 tram "
            "derailed in central Velmora on Thursday, injuring 14 passengers.")
    other = "Fourteen passengers were hurt when a Line 3 tram derailed in Velmora on Thursday morning."
    assert headline_of(pipeline, lead, other) == "Tram Derails in Velmora City Centre"


def test_a_headline_built_from_the_first_sentence_reads_it_as_the_brief_does(pipeline):
    lead = ("However, the harbour study (the first of its kind in Velmora) measured how far 52 ferries "
            "drift in winter storms.")
    other = "The Velmora harbour study measured how far 52 ferries drift when winter storms hit the coast."
    brief = pipeline.summarize([Article(id="a", text=lead), Article(id="b", text=other)], EXTRACTIVE)
    assert brief.sentences[0].text == "The harbour study measured how far 52 ferries drift in winter storms."
    # The aside and the connective the sentence lost are not back in the headline.
    assert brief.headline == "The harbour study measured how far 52 ferries drift in winter storms"


def test_a_sentence_that_answers_one_left_out_is_no_headline(pipeline):
    report = ("Is Velmora's Line 3 the slowest tram in Europe? Judging from the replies to the council's post, "
              "many riders think so. The Line 3 tram takes 40 minutes to cross the city centre, twice as long "
              "as the bus that runs beside it.")
    brief = pipeline.summarize([Article(id="a", text=report)], EXTRACTIVE)
    assert brief.sentences[0].text.endswith("many riders think so.")
    assert brief.headline == "The Line 3 tram takes 40 minutes to cross the city centre"


def brief_sentences(pipeline: Pipeline, reports: list[str]) -> list[str]:
    """The extractive brief's sentences for reports given as text; never an empty brief."""
    brief = pipeline.summarize([Article(id=str(k), text=t) for k, t in enumerate(reports)], EXTRACTIVE)
    assert brief.sentences
    return [s.text for s in brief.sentences]


def test_chronology_entries_are_not_brief_sentences(pipeline):
    # The profile's timeline repeats the story's key facts, so coverage would pick an entry.
    reports = [
        "Velmora's council approved the Line 3 tram extension to the airport on Tuesday. "
        "Mayor Ilse Varga said construction of the extension would start next spring.",
        "The Line 3 tram extension to the airport was approved by Velmora's council on Tuesday. "
        "The extension will cost 240 million euros, the transport department said.",
        "Mayor Ilse Varga won approval for the Line 3 tram extension to the airport on Tuesday.\n\n"
        "Ilse Varga: a timeline\n\n"
        "2019: Elected mayor of Velmora, promising the Line 3 tram extension to the airport.\n\n"
        "2023: Wins council approval for the Line 3 tram extension to the airport at 240 million euros.",
    ]
    assert not [text for text in brief_sentences(pipeline, reports) if text.startswith(("2019:", "2023:"))]


def test_photo_captions_are_not_brief_sentences(pipeline):
    caption = ("In this Oct. 3, 2024 photo, the Line 3 tram that derailed near Old Market Square in Velmora "
               "lies against a lamp post after the accident that injured 14 passengers.")
    credit = ("The derailed Line 3 tram lies against a lamp post near Old Market Square in Velmora after 14 "
              "passengers were injured. (AP Photo/Jan Horak)")
    reports = [
        f"A Line 3 tram derailed near Old Market Square in Velmora on Thursday, injuring 14 passengers.\n{caption}",
        "Fourteen passengers were injured when a Line 3 tram derailed and hit a lamp post in Velmora on Thursday.\n"
        f"{credit}",
        "The Line 3 tram derailed near Old Market Square and struck a lamp post, injuring 14 passengers, officials said.\n"
        "The second photograph shows the Line 3 tram's driver being helped from the cab by two paramedics.",
    ]
    assert not [text for text in brief_sentences(pipeline, reports) if "photo" in text.lower()]


@pytest.mark.parametrize(
    "residue",
    [
        "Velmora tram crash | Photo by Jan Horak",
        "RELATED: Velmora Opens Line 3 Tram Extension To The Airport",
        "Click image above to view graphic",
        "VIDEO: Velmora tram derails in city centre",
        "PICS: Velmora's trams through the years",
        "Jan Horak > Occupation: Velmora tram driver",
        "The Velmora Tram™ Ride of the Day, sponsored by Kessler Cola",
        "The derailed tram Jan Horak/Instagram",
        "Mayor Ilse Varga Ilse VargaVelmora opens tram line: report MORE (Ind.) said on Friday that",
    ],
)
def test_a_sentence_with_page_furniture_glued_in_is_not_a_brief_sentence(pipeline, residue):
    # The page flattened a widget into the lead; the sentence it made says the most shared things.
    glued = (f"{residue} A Line 3 tram derailed near Old Market Square in Velmora, injuring 14 passengers and "
             "the driver, as it turned into the square at the end of the morning rush hour.")
    reports = [
        glued + "\nThe tram struck a lamp post, the transport department said.",
        "A Line 3 tram derailed near Old Market Square in Velmora, and 14 passengers and the driver were hurt.",
        "Fourteen passengers and the driver were hurt when a Line 3 tram derailed in Velmora, officials said.",
    ]
    assert not [text for text in brief_sentences(pipeline, reports) if "rush hour" in text]


def test_a_caption_behind_its_catalogue_number_is_not_a_brief_sentence():
    report = ("A Line 3 tram derailed near Old Market Square in Velmora on Thursday, injuring 14 passengers. "
              "ID: 5876273 Interior of the derailed Line 3 tram after the driver found its brakes had failed.")
    assert eligibility(report) == [True, False]


@pytest.mark.parametrize(
    ("sentence", "eligible"),
    [
        ("Watch the video below to see the derailed Line 3 tram being lifted from Old Market Square.", False),
        ("Follow the Velmora Courier on Twitter for updates on the Line 3 tram derailment in the square.", False),
        # A link's prompt, also in brackets.
        ("(See a map of the Line 3 tram route through Old Market Square and the site of the derailment.)", False),
        ("Read next: the Line 3 tram derailment is the third on Velmora's tram network since the spring.", False),
        ("Reach transport reporter Jan Horak at jhorak@courier.example about the Line 3 tram derailment.", False),
        ("For more information about the Line 3 tram replacement buses, please review the council's timetable.",
         False),
        # A site's greeting run into its own blurb…
        ("Welcome to Velmora Tram Memories, the museum that is adding the derailed Line 3 tram to its collection.",
         False),
        # …where prose says who is welcome.
        ("The mayor said riders were welcome to the Line 3 trams again once Old Market Square reopened.", True),
        # "Please" as a verb is news.
        ("The council said a free Line 3 tram on Sundays would please shoppers in Old Market Square in Velmora.",
         True),
        # A linked title lost, its quotation marks left empty: the sentence no longer says what it did.
        ('Jan Horak, who drove trams in "" before he came to Velmora, derailed the Line 3 tram on Thursday.', False),
        ("Jan Horak, who drove trams in “” before he came to Velmora, derailed the Line 3 tram on Thursday.", False),
        ("The tram driver's lawyer,, told the Velmora Courier that the brakes of the Line 3 tram had failed.", False),
        ('Jan Horak, who drove trams in "Tramway Nights" before coming to Velmora, derailed the Line 3 tram.', True),
        # A picture's button run into its caption.
        ("Enlarge Family photo Jan Horak stands beside the derailed Line 3 tram in Old Market Square on Thursday.",
         False),
        # Long enough that clean keeps the line: the link, not its length, rules it out.
        ("Photos of the Line 3 tram that derailed in Old Market Square in Velmora on Thursday morning, injuring 14 "
         "passengers, are at https://courier.example/tram today.", False),
        ("@velmoratrams The Line 3 tram will run again on Monday once the derailment repairs are finished.", False),
        # An embedded player's markup, its link quoted: a link is no one's words.
        ('poster="https://courier.example/player/4638" true Velmora firefighters lifted the derailed Line 3 tram '
         "back onto the rails in Old Market Square late on Thursday night after a six-hour operation.", False),
        # The newsroom's credit run into the last sentence (clean drops a line of its own).
        ("The Line 3 tram in Velmora was carrying 14 passengers when it derailed in the square. --Ana Roz "
         "contributed to this report, which was updated at 11:41 a.m.", False),
        # Prose that says what contributed to what, or credits a paper's reporting, is news.
        ("Ice on the rails contributed to the Line 3 tram derailment in Old Market Square, the inquiry found.", True),
        ("The tram had been late all week, according to reporting by the Velmora Courier on the Line 3 service.", True),
        # Prose that begins like a prompt, or names an address as a fact, is news.
        ("Following the derailment, the Line 3 tram stayed out of Old Market Square in Velmora for a week.", True),
        ("See's Candies shut its shop in Old Market Square after the Line 3 tram derailed outside it on Thursday.",
         True),
        ("Enlarged by the council last year, Old Market Square held the Line 3 tram stop where the derailment began.",
         True),
        ("Police traced the threats about the Line 3 tram in Velmora to the address tramfan@mail.example.", True),
        # The rest of a sentence a page broke, and a name that carries its capital inside.
        ("slept, and the Line 3 tram crews were still working in Old Market Square in Velmora at dawn.", False),
        ("eBay sellers in Velmora offered pieces of the derailed Line 3 tram within a day of the crash.", True),
    ],
)
def test_a_prompt_a_link_a_credit_or_a_damaged_line_is_not_a_brief_sentence(sentence, eligible):
    assert eligibility(sentence) == [eligible]


@pytest.mark.parametrize(
    ("sentence", "eligible"),
    [
        # A broadcast transcript's line, in capitals; acronyms in prose are no shouting.
        ("POLICE SAY THE LINE 3 TRAM DERAILED IN OLD MARKET SQUARE AFTER ITS BRAKES FAILED.", False),
        ("NATO and EU envoys met IMF and UN staff in Velmora about the Line 3 tram plan on Thursday.", True),
        # A byline run into a sentence, or emphasis, in capitals with a function word; a name in capitals has none.
        ("The Line 3 tram driver was held overnight at Velmora Jail ANA ROZ IN OLD MARKET SQUARE.", False),
        ("Big news, tram fans of Velmora: THE LINE 3 TRAM IS BACK on the rails in Old Market Square.", False),
        ("The Line 3 tram runs from Old Market Square to the VELMORA NAVY YARD and back every day.", True),
        # A signpost to what the page shows next; "following" as a word of the story is news.
        ("Following are excerpts from the inquiry's report on the Line 3 tram derailment: its brakes failed.", False),
        ("Here's what we know about the Line 3 tram that derailed in Old Market Square on Thursday.", False),
        ("Here are the mayor's tweets: the Line 3 tram will run again in Old Market Square on Monday.", False),
        ("The following week the Line 3 tram ran again through Old Market Square in Velmora.", True),
        # A review's credits; made by someone, with a verb, is news.
        ("Written by Jan Horak and Ines Calder, based on the inquiry's report on the Line 3 tram derailment.", False),
        ("Directed by Jan Horak, the Line 3 tram film was shot in Old Market Square in Velmora last year.", True),
        # A memo's header run into its first sentence; one acronym before a colon is prose.
        ("TO: Velmora council FROM: Line 3 tram operator RE: Old Market Square derailment Brakes failed on the tram.",
         False),
        ("The Line 3 tram inquiry reported to the council, not to the EU: its brakes had failed in Old Market Square.",
         True),
    ],
)
def test_a_transcripts_line_or_a_signpost_is_not_a_brief_sentence(sentence, eligible):
    assert eligibility(sentence) == [eligible]


PROMO = "Breaking News Emails Get breaking news alerts about the Line 3 tram and other Velmora transport stories."


@pytest.mark.parametrize(
    ("report", "eligible"),
    [
        # A user name or tag list left before the text; a brand's capital may sit inside it.
        ("tramfan Posted by Velmora Courier readers who saw the Line 3 tram derail in Old Market Square.", [False]),
        ("eBay listed a seat from the derailed Line 3 tram of Velmora for sale on Friday night.", [True]),
        # A newsletter promo run into the report.
        (f"{PROMO} The Line 3 tram derailed near Old Market Square on Thursday, injuring 14 passengers, officials "
         "said.", [False, True]),
    ],
)
def test_page_text_run_into_a_report_is_no_brief_sentence(report, eligible):
    assert eligibility(report) == eligible


@pytest.mark.parametrize(
    ("sentence", "eligible"),
    [
        # A wire caption ends on the picture's full date, and maybe its place.
        ("Passengers wait beside the derailed Line 3 tram near Old Market Square, Thursday, Oct. 3, 2024, in Velmora.",
         False),
        ("(Associated Press) A crane lifts the derailed Line 3 tram back onto the rails in Velmora, Friday, Oct. 4, 2024.",
         False),
        ("Police tape closes the square after the Line 3 tram derailed on Thursday, Oct. 3, 2024, in the Old Town "
         "section of Velmora.", False),
        # …or on its place and then the date with the year: prose puts "on" between them.
        ("Passengers wait beside the derailed Line 3 tram at Old Market Square in Velmora October 3, 2024.", False),
        ("Mayor Ines Calder speaks at the council chamber in Old Market Square, Velmora, Ostland, October 3, 2024.",
         False),
        ("A technician is silhouetted as he works on the tram lines in the outskirts of Velmora October 3, 2024.",
         False),
        ("The Line 3 tram derailed at Old Market Square in Velmora on October 3, 2024, injuring 14 passengers.", True),
        ("Velmora's council approved the Line 3 tram extension in a vote held in May 2024.", True),
        # Prose dates what it reports, and may name an issue's date.
        ("The Line 3 tram derailed on Thursday, Oct. 3, 2024 at 8:05 local time, injuring 14 of its passengers.", True),
        ("The tram crash figures in a study in the Monday, Oct. 7, 2024, issue of the Velmora Transport Review.", True),
        ("The driver of the derailed Line 3 tram died of his injuries on Thursday, Oct. 10, 2024, in hospital.", True),
        ("The Line 3 tram derailed on Thursday, Oct. 3, 2024, in Velmora, injuring several of its passengers.", True),
        # A caption that opens on its picture, its subject right after it.
        ("In this Oct. 3, 2024 file photo Jan Horak leaves the Line 3 tram depot in Velmora after the derailment.",
         False),
        ("In this case the Line 3 tram operator in Velmora was fined for the derailment in Old Market Square.", True),
        ("This screengrab from the driver's Facebook page, taken before it went offline, shows him at the depot.",
         False),
        # A picture named by a caption's word, or held up by whom it shows: a caption; a picture a
        # sentence tells of is prose.
        ("An undated photograph of Jan Horak at the Line 3 tram depot in Velmora, where he drove for years.", False),
        ("A file photo of the derailed Line 3 tram at Old Market Square in Velmora, taken by a passenger.", False),
        ("A photo of the driver who was at the wheel of the Line 3 tram on Thursday night, Jan Horak.", False),
        ("A photo of the derailed Line 3 tram was shared 40,000 times on Thursday, the council said.", True),
        ("An image of the derailed Line 3 tram in Velmora currently serves as the council's banner online.", True),
        ("Ines Calder holds a photo of her father, who drove the Line 3 tram in Velmora for 30 years.", False),
        # …but a family's photo is a thing the story tells of, and a company holds no picture up.
        ("A family photo of the Horaks hangs above the fireplace in the Velmora home they lost.", True),
        ("Velmora Ferries holds a picture-perfect safety record this quarter, analysts said.", True),
        ("The Velmora Ferries Company holds an image rights licence for the old harbour posters.", True),
        ("The pictures of the derailed Line 3 tram in Velmora are part of the inquiry's report into the crash.", True),
        ("A photographer at Old Market Square in Velmora filmed the Line 3 tram as it left the rails.", True),
        # A caption says where each named person stands in the picture; prose's "left" and "right" are no places.
        ("Tram driver Jan Horak, left, and inspector Ines Calder walk past the derailed Line 3 tram in Velmora.", False),
        ("Mayor Ines Calder (right) visits passengers hurt when the Line 3 tram derailed in Old Market Square.", False),
        ("Councillors on the left, right and centre of Velmora's council blamed the tram operator for the crash.", True),
        ("The derailed Line 3 tram turned right, and its last carriage hit a bus shelter in Old Market Square.", True),
        # A caption tells in the present what the picture shows and where; prose tells acts in the
        # past, and a pronoun's present, a stative present or a subject's own verb is prose.
        ("Rescue workers carry an injured passenger from the derailed Line 3 tram in central Velmora.", False),
        ("Mayor Ines Calder attends a vigil for the victims of the tram crash at the Velmora Cathedral.", False),
        ("Debris and broken glass are seen on the tracks of the Line 3 tram in Old Market Square, Velmora.", False),
        ("Rescue workers carried an injured passenger from the derailed Line 3 tram in central Velmora.", True),
        ("He walks past the derailed Line 3 tram every morning on his way to work in Old Market Square.", True),
        ("Ines Calder sits on the board of the tram operator that runs Line 3 through Old Market Square.", True),
        ("The inspectors had planned to leave the tram depot before the crash for their offices in Dunmere.", True),
        ("The two operators held three rounds of talks on the Line 3 timetable at the council in Velmora.", True),
        # A title or caption in Title Case: every word but the function words capitalised; a short
        # sentence of names is prose.
        ("Velmora Tram Derailment in Old Market Square from Velmora Transport Authority on Vimeo.", False),
        ("Jan Horak and Ines Calder at the Velmora Harbour Festival Gala Dinner in Old Market Square.", False),
        ("Gov. Ines K. Calder is a Democrat, and she was born in the harbour town of Velmora.", True),
    ],
)
def test_a_caption_told_by_its_date_or_by_who_stands_where_is_not_a_brief_sentence(sentence, eligible):
    assert eligibility(sentence) == [eligible]


def test_a_caption_that_opens_on_its_picture_is_not_a_brief_sentence():
    caption = "Photo taken at Old Market Square in Velmora on Thursday after the Line 3 tram derailed there."
    prose = "Photographers took pictures at Old Market Square in Velmora after the Line 3 tram derailed there."
    cluster = run_until([Article(id="a", text=caption), Article(id="b", text=prose)], "group")
    assert [(f.representative.article_id, is_eligible(f.representative)) for f in cluster.facts] == [("a", False), ("b", True)]


FERRY_LEAD = "A ferry carrying 40 passengers capsized off the coast of Crete, port officials said on Sunday."


@pytest.mark.parametrize(
    ("told", "retold"),
    [
        # Too short a wording for a brief sentence (under MIN_WORDS)…
        ("The coast guard rescued all 40 passengers.", "The coast guard rescued all 40 passengers from the rough sea."),
        # …a caption's…
        ("In this photo, the coast guard rescues all 40 passengers after a two-hour search in rough seas.",
         "The coast guard rescued all 40 passengers after a two-hour search in rough seas."),
        # …or one that points back to a sentence the brief does not show.
        ("But the coast guard rescued all 40 passengers after a two-hour search in rough seas.",
         "The coast guard rescued all 40 passengers after a two-hour search in rough seas."),
        ("Or the coast guard rescued all 40 passengers after a two-hour search in rough seas.",
         "The coast guard rescued all 40 passengers after a two-hour search in rough seas."),
        ("Yet the coast guard rescued all 40 passengers after a two-hour search in rough seas.",
         "The coast guard rescued all 40 passengers after a two-hour search in rough seas."),
    ],
)
def test_a_fact_is_shown_in_the_wording_of_the_report_that_tells_it_as_a_brief_sentence(told, retold):
    reports = [Article(id="a", text=f"{FERRY_LEAD} {told}"), Article(id="b", text=f"{FERRY_LEAD} {retold}")]
    cluster = extract(reports)
    rescue = next(f for f in cluster.facts if len(f.sentences) == 2 and f.sentences[1].index == 1)
    assert rescue in cluster.selected
    assert rescue.representative.brief_text == retold
    assert {s.article_id for s in rescue.sentences} == {"a", "b"}  # both reports still back it


def test_a_line_of_a_printed_interview_is_not_a_brief_sentence(pipeline):
    # The answer is the only other candidate: the brief would otherwise take it to fill up.
    reports = [
        "Velmora's council approved the Line 3 tram extension to the airport on Tuesday.\n"
        "Q. When will the work start?\n"
        "A. Diggers move in next spring at the Kessler Street depot of the Line 3 tram, and 400 workers will be hired.",
        "The council approved the Line 3 tram extension to the airport on Tuesday. Work on the tram line starts in spring.",
        "Velmora's council backed the Line 3 tram extension to the airport. The Kessler Street depot will grow.",
    ]
    assert not [text for text in brief_sentences(pipeline, reports) if text.startswith(("Q.", "A."))]


def test_a_page_without_prose_offers_no_headline(pipeline):
    lead = ("The city council in Velmora on Tuesday approved a plan to extend the Line 3 tram to the "
            "airport by 2029, the transport department said.")
    widget_page = "See more of Velmora Transport on Facebook"
    expected = "The city council in Velmora approved a plan to extend the Line 3 tram"
    assert headline_of(pipeline, lead, widget_page) == expected


@pytest.mark.parametrize(
    "cut_off",
    [
        "A Line 3 tram derailed near Old Market Square in Velmora on Thursday, injuring 14 passengers and...",
        # Picked up mid-way: a live blog's label before the entry.
        "… BREAKING 3PM… A Line 3 tram derailed near Old Market Square in Velmora on Thursday, injuring 14.",
    ],
)
def test_a_sentence_cut_off_by_an_ellipsis_is_not_a_brief_sentence(pipeline, cut_off):
    reports = [
        cut_off + "\nThe tram struck a lamp post near Old Market Square, the transport department said.",
        "A Line 3 tram derailed near Old Market Square in Velmora on Thursday, and 14 passengers were hurt.",
        "Fourteen passengers were hurt when a Line 3 tram derailed in Velmora on Thursday, officials said.",
    ]
    assert not [text for text in brief_sentences(pipeline, reports) if "..." in text or "…" in text]


def test_a_piece_of_a_longer_quotation_reads_as_a_quote_in_the_brief(pipeline):
    quotation = ('The harbour master said: "The wall failed at the height of the storm on Sunday night. '
                 'Engineers will rebuild the harbour wall at Velmora before the winter storms. '
                 'Nobody was hurt, and that is what matters," she told reporters.')
    reports = [
        f"Storm waves broke through the harbour wall at Velmora on Sunday night. {quotation}",
        "The harbour wall at Velmora collapsed in Sunday's storm, and engineers will rebuild the harbour wall "
        "before the winter storms, the port said.",
        "Engineers will rebuild the harbour wall at Velmora before the winter storms, after it failed on Sunday.",
    ]
    texts = brief_sentences(pipeline, reports)
    assert "“Engineers will rebuild the harbour wall at Velmora before the winter storms.”" in texts
    for text in texts:
        assert text.count('"') % 2 == 0 and text.count("“") == text.count("”"), text


BRAKES_ALONE = "The city's transport department said the tram's brakes had failed as it entered the square."


# Three reports of one derailment, each with its own lead and close, so that none is a copy
# of another.
TRAM_REPORTS = (
    ("A Line 3 tram derailed in Old Market Square in Velmora on Friday, injuring 14 passengers.",
     "Services on the rest of the network ran normally, and buses replaced trams on the closed section."),
    ("Fourteen people were hurt when a packed tram came off its rails in the centre of Velmora on Friday.",
     "Shopkeepers on the square described a loud bang followed by screaming from inside the carriage."),
    ("Velmora's Line 3 was closed after a derailment on Friday morning that sent 14 riders to hospital.",
     "The operator apologised to passengers and promised a full inquiry within a month of the crash."),
)


def second_of_two(pipeline, shared: str) -> str:
    """The second sentence of a two-sentence brief where two independent reports carry
    `shared` after their lead and one carries BRAKES_ALONE: `shared` has the wider support, so
    it wins unless it needs a sentence the brief does not show."""
    middles = (shared, shared, BRAKES_ALONE)
    reports = [f"{lead} {middle} {close}" for (lead, close), middle in zip(TRAM_REPORTS, middles)]
    cluster = pipeline.run([Article(id=str(k), text=t) for k, t in enumerate(reports)],
                           Options(method="extractive", sentences=2))
    assert not any(d.reprint_of for d in cluster.documents)
    return cluster.brief.sentences[1].text


@pytest.mark.parametrize(
    ("shared", "reads_alone"),
    [
        ("He said the tram's brakes had failed as it entered Old Market Square in the morning rush hour.", False),
        ('"The brakes failed as the tram entered Old Market Square in the morning rush hour," she said.', False),
        ('"The brakes failed as the tram entered Old Market Square in the morning rush hour." She said.', False),
        ('"The brakes failed as the tram entered Old Market Square in the morning rush hour." Horak said.', True),
        ("Judging from the tram's skid marks in Old Market Square in the morning rush hour, the inspectors think so.",
         False),
        # Whose "we" or "I" it is, the brief does not say…
        ("We found that the tram's brakes had failed as it entered Old Market Square in the morning rush hour.", False),
        ("I saw the tram's brakes fail as it entered Old Market Square in the morning rush hour.", False),
        ("When I saw the tram's brakes fail, it was entering Old Market Square in the morning rush hour.", False),
        ("The tram's brakes failed as it entered Old Market Square in the morning rush hour, our reporter saw.", False),
        # …unless it is in someone's quoted words; nor are a numeral, a country's initials, a mine or a name.
        ('"We found that the brakes had failed as the tram entered the square," the inspector said.', True),
        ("‘We found that the brakes had failed as the tram entered the square,’ the inspector said.", True),
        ("'We found that the brakes hadn't held as the tram entered the square,' the inspector said.", True),
        ("The tram that derailed had carried World War I veterans to a memorial service in the square.", True),
        ("The tram's brakes failed as it entered the square, the US maker of the brakes said.", True),
        ("The derailed tram had carried a Level I trauma team and a mine clearance crew to the square.", True),
        ("The Line 3 tram was named after Our Lady of Velmora, whose church stands in the square.", True),
    ],
)
def test_a_sentence_that_needs_the_one_before_it_gives_way_to_one_that_reads_alone(pipeline, shared, reads_alone):
    assert second_of_two(pipeline, shared) == (shared if reads_alone else BRAKES_ALONE)


def test_a_title_case_header_run_into_a_sentence_is_not_a_brief_sentence(pipeline):
    header = "The Night Velmora's Trams Stood Still"
    run_in = (f"{header} On Friday morning a Line 3 tram derailed in Old Market Square in Velmora, "
              "injuring 14 passengers and the driver.")
    # Two pages of one site carry it, so it shares the most with the story.
    reports = [
        f"{run_in}\nThe tram struck a lamp post, the transport department said.",
        f"{run_in}\nThe tram struck a lamp post, officials said.",
        "Fourteen passengers and the driver were hurt when a Line 3 tram derailed in Old Market Square.",
    ]
    assert not [text for text in brief_sentences(pipeline, reports) if header in text]


@pytest.mark.parametrize("run_in", [
    "Text 4637 To Get Breaking News Alerts From Velmora 29 It was an all-day mess on the harbour road.",
    "Jan Horak/Velmora Photo Agency There is no question that the ferry was late again.",
    "Velmora Tram Crash Live Updates They finally reopened Line 3 on Friday morning.",
    "Harbour Master Profiles 6 Before he was out of his teens, Jan Horak had run three ferries.",
    "Tram Camera Captures Cyclist Dragged by Line 3 Investigators are also looking for a blue van.",
    "Velmora Harbour operation Authorities said they traced the ferry's owner through his phone.",
    "Related: 9 Ways to Stay Safe on Velmora Trams Doctors at the hospital said 14 people were hurt.",
    "Jan Horak/The Velmora Gazette Researchers found rust on the derailed tram's brakes.",
])
def test_a_header_or_credit_run_into_a_pronoun_or_after_a_number_is_a_run_in_header(run_in):
    assert has_run_in_header(run_in)


@pytest.mark.parametrize("prose", [
    "Velmora's council approved Plan A on Tuesday after a long debate over the tram budget.",
    "Ilse Varga, the Mayor of Velmora, said the tram network would reopen on Monday morning.",
    "Trade envoys of Vice Premier Liu He are holding talks in Velmora on the tram contract.",
    "In the novel ``The Gospel According to Ines,'' the harbour floods and the trams stop.",
    # A body's name ends before the plural of the people it sends.
    "Ostland Border Patrol Agents arrested 40 people near the Velmora crossing on Monday.",
    "Port Velmora City Firefighters battled the blaze at the ferry terminal for six hours on Monday.",
    "Ostland Emergency Management Agency Officials said aid would reach Velmora on Friday.",
    "World Harbour Organization Experts said the outbreak in Velmora had peaked in June.",
    "Ostland Defense Forces Soldiers were seen near the border town of Velmora on Friday.",
    "Department of Harbour Safety Officials declined to comment on the ferry report.",
])
def test_a_capitalised_word_inside_prose_is_no_run_in_header(prose):
    assert not has_run_in_header(prose)


def test_coverage_prefers_a_fact_the_reports_state_early_over_one_that_covers_as_much_late():
    early = "Builders will repair the new ferry ramp at Velmora next year."
    late = "Engineers will rebuild the old harbour wall at Kessler this year."
    reports = []
    for k in range(3):
        notes = [f"Pier {k}{i} posted its tide table for the week ahead at noon." for i in range(7)]
        reports.append(Article(id=str(k), text=" ".join(
            [f"Report {k} opens on the storm over the coast of region {k}.", *notes[:2], early, *notes[2:6], late,
             notes[6]])))
    cluster = run_until(reports, "group", Options(method="extractive"))
    facts = {f.representative.text: f for f in cluster.facts}
    weights, by_sentence = concept_weights(cluster)

    def gain_and_length(text: str) -> tuple[float, int]:
        sentence = facts[text].representative
        return sum(weights.get(c, 0.0) for c in by_sentence[id(sentence)]), len(sentence.tokens)

    assert gain_and_length(late) == gain_and_length(early) > (0, 0)  # alike but for where they stand
    chosen = get_extractor("coverage")(cluster, [facts[late], facts[early]], Budget(sentences=1, words=None))
    assert [f.representative.text for f in chosen] == [early]


@pytest.mark.parametrize("order", [1, -1])
def test_of_two_reports_the_brief_opens_with_the_lead_the_other_report_echoes(order):
    # Two leads always tie on agreement with the leads (each matches itself and the other
    # alike): the one the other report's opening retells is the story's.
    story = Article(id="wire", text=(
        "Floodwaters forced 300 families from their homes in the river town of Marlow on Tuesday. "
        "The river rose two metres overnight after a week of heavy rain. "
        "Emergency crews set up shelters in the Marlow school gymnasium."))
    page = Article(id="page", text=(
        "The county emergency office published its annual preparedness checklist for households last spring. "
        "Floodwaters drove about 300 Marlow families out of their homes on Tuesday as the river burst its banks. "
        "Shelters opened in the town's school gymnasium for the night."))
    cluster = extract([story, page][::order], sentences=2)
    assert cluster.selected[0].representative.text.startswith("Floodwaters forced 300 families")
    assert cluster.headline.startswith("Floodwaters forced 300 families")


@pytest.mark.parametrize("order", [1, -1])
def test_of_reports_that_share_no_story_the_fullest_ones_lead_opens_the_brief(order):
    notice = Article(id="notice", text=(
        "Starting in 1998, the Kessler Library Trust has been copying its catalogue cards to microfilm archives. "
        "Every month these reels are added to the reading room shelves after a short delay."))
    report = Article(id="report", text=(
        "Floodwaters forced 300 families from their homes in the river town of Marlow on Tuesday. "
        "The river rose two metres overnight after a week of heavy rain. "
        "Emergency crews set up shelters in the Marlow school gymnasium. "
        "Officials warned that more rain was expected over the weekend."))
    cluster = extract([notice, report][::order], sentences=3)
    assert cluster.selected[0].representative.text.startswith("Floodwaters forced 300 families")


def test_a_brief_left_empty_by_the_word_budget_says_why(pipeline):
    # The budget never cuts a sentence: where none fits, the brief is empty and the warning says how long to ask for.
    lead = ("The city council voted on Wednesday to close the old harbour bridge to traffic after engineers "
            "found deep cracks in its main supports.")
    articles = [Article(id="a", text=lead), Article(id="b", text=lead.replace("Wednesday", "Tuesday"))]
    brief = pipeline.summarize(articles, Options(method="extractive", words=10))
    assert (brief.headline, brief.sentences) == ("", [])
    assert brief.warnings == ["no sentence of these reports fits in 10 words (the shortest has 21); "
                              "ask for 21 words or more"]
    enough = pipeline.summarize(articles, Options(method="extractive", words=21))
    assert len(enough.sentences) == 1 and enough.warnings == []


# A lone report's story, and the page text a scrape leaves after it.
TRAM_STORY = ("A tram derailed on a bend in central Velmora on Thursday morning, injuring 14 passengers, two of them "
              "seriously, city officials said.\nThe Line 3 tram left the rails at the junction of Kessler Street and "
              "Old Market Square shortly after 8 a.m. and struck a lamp post.\n")


@pytest.mark.parametrize("teaser", [
    "Complete digital access to quality FT journalism on any device.",
    "Subscribe for unlimited access to award-winning journalism.",
    "Already a subscriber? Log in.",
])
def test_a_paywall_teaser_after_a_lone_report_is_no_brief_sentence(pipeline, teaser):
    brief = pipeline.summarize([Article(id="a", text=f"{TRAM_STORY}{teaser}\n")], Options(method="extractive"))
    assert [s.text for s in brief.sentences if "tram" not in s.text] == []
    assert len(brief.sentences) == 2


@pytest.mark.parametrize(
    ("sentence", "eligible"),
    [
        # An offer of the site's journalism, as an imperative or as a phrase with no verb.
        ("Start getting full access to our signature journalism for just 99 cents for the first four weeks.", False),
        ("Try 30 days of full digital access to the Velmora Courier for free, then pay just $5 a month.", False),
        ("Support independent journalism today by becoming a member of the Velmora Courier.", False),
        ("Create a free account to continue reading the Courier's coverage of the derailment in Velmora.", False),
        ("Keep up with the latest news from Velmora by subscribing to the Courier today.", False),
        ("Unlimited access to all articles about the Line 3 tram on any device for just £1 a week.", False),
        ("Unlimited digital access to trusted journalism in May for just $1 a week.", False),  # "May": no "may"
        # News of subscriptions, access and journalism has a subject and a verb; a noun opens it.
        ("Netflix added 9 million subscribers in the third quarter, beating Wall Street forecasts.", True),
        ("Digital subscriptions to the Velmora Courier grew 12 percent last year, to 210,000.", True),
        ("Support for the Line 3 tram extension fell to 41 percent in a poll of Velmora voters.", True),
        ("Access to Old Market Square was blocked for hours after the Line 3 tram derailed on Thursday.", True),
        ("Free access to the city's tram museum ended in June after the council vote on its budget.", True),
        ("Free access to the tram museums ends in May under the new Velmora council budget.", True),
        ("Internet access in rural Velmora remains patchy despite years of promises by the council.", True),
        ("Internet access in the outer districts of Velmora grew fourfold in the decade to 2024.", True),
        ("Independent journalism in Ostland is under threat, a press freedom group warned on Monday.", True),
        ("Save the Children said access to the flooded region remained cut off for a third day.", True),
        ("Discover Financial said subscribers to its Velmora tram pass would get unlimited rides in 2025.", True),
        ("Stay-at-home orders cut access to journalism classes at Velmora University last spring.", True),
        ("There's no access to Old Market Square for the Line 3 trams until the inquiry into the derailment ends.",
         True),
    ],
)
def test_an_offer_of_the_sites_journalism_is_not_a_brief_sentence_and_news_of_subscriptions_is(sentence, eligible):
    assert eligibility(sentence) == [eligible]


@pytest.mark.parametrize(
    ("sentence", "eligible"),
    [
        # A note on how the page was made or kept.
        ("This article was amended on 4 October 2024 to correct the number of passengers hurt on the tram.", False),
        ("A version of this story first appeared in the June 10 issue of the Velmora Courier magazine.", False),
        ("Information from the Associated Press was used in this story about the Line 3 tram.", False),
        ("An earlier version said 16 passengers were hurt when the Line 3 tram derailed in Velmora.", False),
        ("Comments are closed on this article, but readers can share their views on the Courier's page.", False),
        ("This issue is available now on newsstands, and online via All Access, the Courier's premium plan.", False),
        # The site's "we" about its journalism or the data it keeps.
        ("We stand by our reporting on the Line 3 tram and thank the passengers who spoke to us.", False),
        ("We and our partners store and access information on a device, such as cookies, for advertising.", False),
        # A story's own words about the page, or a report's and a bill's versions, are news.
        ("The tram operator's lawyers could not be reached for comment on this story on Friday.", True),
        ("This report was published by the Velmora transport inquiry in 2019 and updated last year.", True),
        ("An earlier version of the tram safety bill passed the Velmora council in May last year.", True),
        ("We will keep the Line 3 trams off the bend until the inquiry reports, the operator's chief said.", True),
        ("Google will stop using third-party cookies in its Chrome browser in Velmora next year, it said.", True),
    ],
)
def test_a_note_on_the_page_or_the_sites_we_is_not_a_brief_sentence(sentence, eligible):
    assert eligibility(sentence) == [eligible]


@pytest.mark.parametrize(
    ("sentence", "eligible"),
    [
        # A section's label run into the headline it links to, a tag list, a signpost in lower case.
        ("Related Coverage Velmora tram derailment: what we know so far about Thursday's crash.", False),
        ("More on this story: Velmora's trams have derailed four times in the past ten years.", False),
        ("Topics: Velmora, trams, transport, Line 3, accidents, Old Market Square, public transport.", False),
        ("The following is an excerpt from the inquiry report into the Line 3 tram derailment in Velmora.", False),
        # Prose that opens on such words goes on in lower case, or without a colon.
        ("More in Velmora now ride the bus than the tram since the Line 3 tram derailed on Thursday.", True),
        ("Comments by the mayor about the Line 3 tram derailment drew criticism from the union on Friday.", True),
        ("Among the injured: two children, a driver and a nurse who were aboard the Line 3 tram in Velmora.", True),
    ],
)
def test_a_section_label_a_tag_list_or_a_signpost_is_not_a_brief_sentence(sentence, eligible):
    assert eligibility(sentence) == [eligible]


@pytest.mark.parametrize("junk", [
    f"Get {'access ' * 4000}.",
    f"Complete digital {'a' * 20000} access to journalism.",
    f"Topics: {'Velmora, ' * 3000}trams",
    f"Related {'Coverage ' * 3000}: what we know.",
    f"Free access to {'museums ' * 4000}opens.",
    f"We stand by our {'our ' * 5000}reporting.",
])
def test_a_long_line_of_page_text_is_judged_at_once(junk):
    with within_seconds(5):
        eligibility(f"{TRAM_STORY}{junk}\n")


def test_a_short_report_is_briefed_without_a_warning_and_page_text_with_one():
    short = summarize([Article(id="a", text="The mayor of Halloran resigned on Monday. She gave no reason.")],
                      Options(method="extractive"))
    assert [s.text for s in short.sentences] == ["The mayor of Halloran resigned.", "She gave no reason."]
    assert short.warnings == []
    captions = ("Mariah Carey At The Fresh Air Fund Honoring Our American Hero Awards In New York.\n"
                "Escape Maneuver In Fly Two From Michael Dickinson On Vimeo Today.")
    calls = "Connect with the Halloran Courier Online! Like the Courier on Facebook! Watch our harbour fire videos.\n"
    for page in (captions, calls):  # short lines of page text name no one doing anything
        paged = summarize([Article(id="a", text=page)], Options(method="extractive"))
        assert paged.sentences and paged.warnings == [NO_BRIEF_SENTENCES]
