"""Stories: grouping a mixed feed, wire copies, disagreements, the key quote and headline."""

from __future__ import annotations

import importlib.util
import json
import textwrap
from pathlib import Path

import msgspec
import pytest

from conftest import EXTRACTIVE, SHARED, within_seconds
from service.cli import main
from service.errors import InputError
from service.inputs import read_inputs
from service.models import Article
from service.stages.render import render
from service.stories import group_stories, summarize_feed, summarize_stories
from service.stories.grouping import is_story
from service.headline import shorten
from service.stories.dates import days, is_reporting_date
from service.numbers import figures

FEED = Path(__file__).parent / "fixtures" / "stories" / "feed.json"
FERRY = ["wire-ferry", "gazette-ferry", "times-ferry", "radio-ferry"]
TRAM = ["courier-tram", "metro-tram", "radio-tram"]


def load_feed() -> list[Article]:
    return [msgspec.convert(a, Article) for a in json.loads(FEED.read_text(encoding="utf-8"))["articles"]]


@pytest.fixture(scope="module")
def feed() -> list[Article]:
    return load_feed()


@pytest.fixture(scope="module")
def result(feed, pipeline):
    return summarize_feed(feed, EXTRACTIVE, pipeline)


def test_two_mixed_stories_are_split_biggest_first_and_a_lone_report_stays_single(feed):
    grouping = group_stories(feed)
    assert [sorted(s) for s in grouping.stories] == [sorted(FERRY), sorted(TRAM)]
    assert grouping.singletons == ["bakery"]


def test_pages_that_share_only_page_text_are_handed_back_as_singletons(feed, pipeline):
    # Two failed scrapes of an embedded post: the widget's own words, and nothing of a story.
    widget = ("Post with a location. You can add location information to your posts, such as your city or precise "
              "location, from the web and via third-party applications. You always have the option to delete your "
              "post location history. Learn more")
    pages = [Article(id=f"embed-{k}", text=f"{widget}\n{tail}") for k, tail in enumerate(("Turn on", "Not now"))]
    # The grouping puts them together: their shared words are rare in the feed.
    assert ["embed-0", "embed-1"] in [sorted(s) for s in group_stories([*feed, *pages]).stories]
    result = summarize_feed([*feed, *pages], EXTRACTIVE, pipeline)
    assert {"embed-0", "embed-1"} <= set(result.singletons)
    assert [sorted(s.article_ids) for s in result.stories] == [sorted(FERRY), sorted(TRAM)]
    # Summarized on their own, they are refused as what they are.
    with pytest.raises(InputError, match="'embed-0', 'embed-1' read as notices to the reader"):
        pipeline.summarize(pages, EXTRACTIVE)


def test_grouping_does_not_depend_on_feed_order(feed):
    assert group_stories(feed) == group_stories(list(reversed(feed)))


def test_two_reports_from_one_outlet_are_not_a_story():
    one = [Article(id="a", text="x", outlet="Gazette"), Article(id="b", text="y", outlet="gazette ")]
    assert not is_story(one)
    assert is_story([Article(id="a", text="x", outlet="Gazette"), Article(id="b", text="y", outlet="Times")])
    assert is_story([Article(id="a", text="x"), Article(id="b", text="y")])
    assert not is_story([Article(id="a", text="x")])


def test_each_story_has_a_brief_its_article_ids_and_a_stable_id(result, feed, pipeline):
    assert [s.article_ids for s in result.stories] == [FERRY, TRAM]
    assert result.singletons == ["bakery"]
    assert all(s.brief.sentences and s.id.startswith("story-") for s in result.stories)
    assert [s.id for s in summarize_stories(list(reversed(feed)), EXTRACTIVE, pipeline)] == [s.id for s in result.stories]


def test_a_reprint_with_a_changed_headline_and_boilerplate_is_collapsed(result):
    ferry = result.stories[0]
    assert ferry.reprints == {"gazette-ferry": "wire-ferry"}
    # Four articles from four outlets, but only three independent reports.
    assert (ferry.reports, ferry.outlets) == (3, 4)
    sources = {s.id: s.reprint_of for s in ferry.brief.sources}
    assert sources["gazette-ferry"] == "wire-ferry" and sources["times-ferry"] is None


def test_different_injury_counts_are_a_conflict_shown_in_markdown_and_html(result):
    ferry = result.stories[0].brief
    assert [(c.about, [(v.value, v.article_ids) for v in c.values]) for c in ferry.conflicts] == [
        ("passengers injured", [("Twelve", ["wire-ferry", "gazette-ferry"]), ("Fifteen", ["times-ferry"])])
    ]
    markdown = render(ferry, "md")
    assert "**Sources differ:**" in markdown and "- passengers injured: Twelve ([1], [2]); Fifteen ([3])" in markdown
    assert "Sources differ" in render(ferry, "html")


def test_the_same_number_written_differently_is_no_conflict(result):
    # "600" vs "around 600" passengers, "10,000" vs "ten thousand" litres, 31 to 14 vs 31 votes to 14.
    ferry, tram = (s.brief for s in result.stories)
    assert [c.about for c in ferry.conflicts] == ["passengers injured"]
    assert tram.conflicts == []


# Invented: three reports of one fire; two put it on different days, the third files on Saturday.
FIRE_ON = "A fire broke out in the engine room of the ferry Saltmarsh Star early on {day}, forcing the crew to evacuate 600 passengers, the harbour authority said. "
FIRE_REPORTS = {
    "coast": FIRE_ON.format(day="Friday") + "The operator said crossings would resume next week after inspections of the engine room.",
    "herald": FIRE_ON.format(day="Thursday") + "Investigators from the maritime board will examine the ship and interview the crew about the blaze.",
    "radio": "The harbour authority said on Saturday that a fire had broken out in the engine room of the ferry Saltmarsh "
             "Star, forcing the crew to evacuate 600 passengers. Passengers described thick smoke on the stairs.",
}


def test_reports_that_date_one_event_differently_are_a_conflict_and_a_filing_day_is_not(pipeline):
    brief = pipeline.summarize([Article(id=k, text=v) for k, v in FIRE_REPORTS.items()], EXTRACTIVE)
    assert [(c.about, [(v.value, v.article_ids) for v in c.values]) for c in brief.conflicts] == [
        ("when a fire broke out in the engine room of the …",
         [("Friday", ["coast"]), ("Thursday", ["herald"])])
    ]


def test_figures_in_an_aside_the_brief_trims_are_still_compared(pipeline):
    aside = ("A fire broke out in the engine room of the ferry Saltmarsh Star (the crew evacuated {n} passengers), "
             "the harbour authority said.")
    reports = {"coast": aside.format(n=600), "herald": aside.format(n=450), "radio": aside.format(n=600)}
    brief = pipeline.summarize([Article(id=k, text=v) for k, v in reports.items()], EXTRACTIVE)
    assert [[(v.value, v.article_ids) for v in c.values] for c in brief.conflicts] == [
        [("450", ["herald"]), ("600", ["coast", "radio"])]
    ]


# Invented: a storm's toll on one island against its toll in the whole region.
STORM = {
    "island": "Vellan officials said 14 people had died on that small island alone, as the storm flattened "
              "most of its houses. The storm moved west over the Orrin region on Monday.",
    "region": "Officials in the Orrin region said about 700 people had died in the storm, as it flattened houses. "
              "Vellan officials asked for tents, water and medicine for the island.",
    "wire": "Rescue teams reached the small island on Tuesday and found most of its houses flattened by the storm, "
            "Vellan officials said. Aid flights to the Orrin region resumed on Wednesday.",
}


def test_counts_for_different_places_are_no_conflict_though_a_place_opens_the_sentence(pipeline):
    brief = pipeline.summarize([Article(id=k, text=v) for k, v in STORM.items()], EXTRACTIVE)
    assert brief.conflicts == []
    # The same opening name on both sides: one toll, two figures.
    island_toll = "Vellan officials said on Tuesday that 20 people had died on the small island. "
    same_place = dict(STORM, region=island_toll + STORM["region"].split(". ", 1)[1])
    brief = pipeline.summarize([Article(id=k, text=v) for k, v in same_place.items()], EXTRACTIVE)
    assert [[(v.value, v.article_ids) for v in c.values] for c in brief.conflicts] == [
        [("14", ["island"]), ("20", ["region"])]
    ]


@pytest.mark.parametrize("reports", [
    # One Fact, two events: the disappearance and the rescue; the sinking and the search.
    ("The hiker who went missing on Saturday near Velmora was found alive.",
     "The hiker who went missing near Velmora was found alive on Monday."),
    ("Rescuers searched for fishermen missing after their boat sank off Calloway Island on Thursday.",
     "Rescuers searched on Friday for fishermen missing after their boat sank off Calloway Island."),
    ("The suspect was charged on Wednesday with the murder of a man in Velmora.",
     "The suspect was charged with the murder of a man who was killed in Velmora on Sunday."),
])
def test_days_that_date_different_events_of_one_fact_are_no_conflict(pipeline, reports):
    brief = pipeline.summarize([Article(id=k, text=t) for k, t in zip("ab", reports)], EXTRACTIVE)
    assert brief.conflicts == []


@pytest.mark.parametrize("revised", [
    "The landslide near Velmora has killed 45 people, officials said, up from an initial count of 38.",
    "The landslide near Velmora had killed 38 people by Wednesday; by Thursday the toll had risen to 45.",
])
def test_a_figure_a_report_says_has_changed_is_no_conflict_with_an_earlier_one(pipeline, revised):
    reports = ("The landslide near Velmora killed 38 people, officials said.", revised)
    assert pipeline.summarize([Article(id=k, text=t) for k, t in zip("ab", reports)], EXTRACTIVE).conflicts == []


@pytest.mark.parametrize("reports", [
    # Two changes over periods the sentences may not name.
    ("Shares in Velmora Transit fell 4 percent to $21 on Monday.",
     "Shares in Velmora Transit fell to $21 on Monday, down 9 percent this year."),
    # Two clock times in two time zones: one moment, two days.
    ("The earthquake struck off Calloway Island at 17:40 GMT on Tuesday, triggering a tsunami warning.",
     "The earthquake struck off Calloway Island at 00:40 local time on Wednesday, triggering a tsunami warning."),
    # Two rates over two periods.
    ("Officials say 300 migrants a day are arriving on Calloway Island.",
     "Officials say 2,000 migrants a week are arriving on Calloway Island."),
    # Thousands grouped as another language groups them: 1,500 or 1.5.
    ("The floods in Velmora forced 1,500 people from their homes on Sunday.",
     "The floods in Velmora forced 1.500 people from their homes on Sunday."),
])
def test_changes_rates_time_zones_and_foreign_grouping_are_no_conflict(pipeline, reports):
    assert pipeline.summarize([Article(id=k, text=t) for k, t in zip("ab", reports)], EXTRACTIVE).conflicts == []


def test_one_disagreement_told_by_two_sentences_of_a_report_is_shown_once(pipeline):
    base = ("The mayor of Velmora said on Monday that the city council approved a $5 million plan to rebuild the old "
            "bridge after the flood. ")
    a = base + "Residents cheered the decision, and one said it was great news for the town."
    b = base + "The council said the $5 million plan would be paid from the state flood fund, and work would start soon."
    c = b.replace("5 million", "7 million")
    brief = pipeline.summarize([Article(id=k, text=t) for k, t in zip("abc", (a, b, c))], EXTRACTIVE)
    assert [[(v.value, v.article_ids) for v in x.values] for x in brief.conflicts] == [
        [("$5 million", ["a", "b"]), ("$7 million", ["c"])]
    ]


def test_an_amount_with_no_noun_after_it_is_a_disagreement_about_its_currency(pipeline):
    said = "Velmora Rovers signed the striker Ivo Berg from Ostland City for a fee of £{} million, the club said."
    brief = pipeline.summarize([Article(id=k, text=said.format(fee)) for k, fee in (("a", 85), ("b", 100))], EXTRACTIVE)
    assert [(c.about, [v.value for v in c.values]) for c in brief.conflicts] == [
        ("pounds", ["£85 million", "£100 million"])
    ]


def test_counts_for_different_places_in_one_fact_are_no_conflict_whatever_name_both_share(pipeline):
    reports = ("Floods killed 14 people in Vellan on Monday.", "Floods killed 26 people in Ostland on Monday.")
    assert pipeline.summarize([Article(id=k, text=t) for k, t in zip("ab", reports)], EXTRACTIVE).conflicts == []


def test_one_day_written_two_ways_or_said_on_different_days_is_no_conflict(pipeline):
    same_day = {
        "coast": FIRE_ON.format(day="Nov. 20"),
        "herald": FIRE_ON.format(day="20 November"),
        "wire": "A fire broke out in the engine room of the ferry Saltmarsh Star, forcing the crew to evacuate "
                "600 passengers, the harbour authority said Tuesday.",
        "radio": "A fire broke out in the engine room of the ferry Saltmarsh Star, forcing the crew to evacuate "
                 "600 passengers, the harbour authority said Wednesday.",
    }
    assert pipeline.summarize([Article(id=k, text=v) for k, v in same_day.items()], EXTRACTIVE).conflicts == []


def test_days_are_read_as_written_and_counts_after_a_month_are_not_days():
    assert [(d.kind, d.value, d.text) for d in days("They met on Saturday, Nov. 20, and again on 3 Dec at noon.")] == [
        ("weekday", "saturday", "Saturday"), ("date", "nov 20", "Nov. 20"), ("date", "dec 3", "3 Dec")
    ]
    assert days("Troops arrived in May 2024 and Nov. 20,000 people marched.") == []
    sentence = "The ministry said Tuesday the talks went well."
    assert is_reporting_date(sentence, days(sentence)[0])


def test_the_whole_a_part_is_counted_out_of_is_no_count_to_compare(pipeline):
    reports = {
        "coast": "The Velmora harbour board voted on Thursday to close the old pier after a narrow vote. Four "
                 "members of the harbour board, including its chairwoman Ines Calder, voted to keep the old pier open.",
        "herald": "The Velmora harbour board voted on Thursday to close the old pier. Five of the nine members of the "
                  "harbour board voted to close it, while four, including chairwoman Ines Calder, wanted to keep the "
                  "old pier open.",
    }
    assert [(f.text, f.whole) for f in figures(reports["herald"].split(". ")[1])] == [("nine", True)]
    assert pipeline.summarize([Article(id=k, text=v) for k, v in reports.items()], EXTRACTIVE).conflicts == []


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("They sent 10,000 troops.", "They sent ten thousand troops.", True),
        ("600 passengers were evacuated.", "Around 600 passengers were evacuated.", True),
        ("It deployed more than 10,000 troops.", "It deployed 12,000 troops.", True),
        ("The deal was worth $1.5 billion.", "The deal was worth 1,500,000,000 dollars.", True),
        ("Twelve passengers were injured.", "Fifteen passengers were injured.", False),
        ("It deployed 10,000 troops.", "It deployed 12,000 troops.", False),
        ("Up to 30 people died.", "45 people died.", False),
        # A range written out holds every value in it.
        ("Gunmen killed between 30 and 35 people.", "Gunmen killed 31 people.", True),
        ("Gunmen killed 30 to 35 people.", "Gunmen killed 31 people.", True),
        ("Gunmen killed 30\u201335 people.", "Gunmen killed 31 people.", True),
        ("Two or three yachts sank.", "Three yachts sank.", True),
    ],
)
def test_figures_are_ranges_so_one_number_written_two_ways_matches(a, b, same):
    (x,), (y,) = figures(a), figures(b)
    assert x.unit == y.unit
    assert (x.low <= y.high and y.low <= x.high) is same  # the ranges the wordings allow meet


@pytest.mark.parametrize(
    "sentence",
    [
        "The summit was held in June 2024 at 11:00 on July 13.",
        "He was 82.",
        "The 11th-hour talks took place near M-13 prison during COVID-19.",
        "One of the men spoke.",
        "Thousands of troops and dozens of tanks crossed.",
        # A fraction's parts: read alone, "a million" would be the whole.
        "The flood displaced half a million people and a quarter of a million cattle.",
        "Two thirds of the 300 workers and half a dozen managers left.",
    ],
)
def test_dates_ages_names_and_vague_plurals_and_fractions_are_not_figures(sentence):
    assert figures(sentence) == []


def test_the_key_quote_is_the_most_reported_one_with_its_speaker(result):
    ferry, tram = (s.brief for s in result.stories)
    assert ferry.quote.text == "The crew did everything right, and that is why everyone is alive tonight"
    assert ferry.quote.speaker == "Ines Calder"
    assert ferry.quote.article_ids == FERRY
    assert tram.quote.speaker == "Anouk Brandt" and tram.quote.article_ids == ["courier-tram", "metro-tram"]
    assert "— Ines Calder" in render(ferry, "md")


def test_the_speaker_stops_at_the_end_of_the_sentence_but_not_at_an_initial(pipeline):
    said = "\"We will rebuild the harbour wall before the winter storms arrive,\" said {who} Officials met on Monday."
    for who, speaker in (("Mayor Ines Calder.", "Ines Calder"), ("J.R. Calder.", "J.R. Calder")):
        articles = [Article(id=k, text=said.format(who=who) + " " + rest) for k, rest in
                    (("a", "The port reopened to freight traffic."), ("b", "Repairs will cost the town dearly."))]
        assert pipeline.summarize(articles, EXTRACTIVE).quote.speaker == speaker


def test_who_was_told_is_not_the_speaker(pipeline):
    # "he" names nobody; the paper he spoke to is not the speaker, nor is the next sentence's subject.
    told = ("\"We will rebuild the harbour wall before the winter storms arrive,\" he told The Velmora Gazette. "
            "Calder said the work would start in May.")
    articles = [Article(id=k, text=f"{lead} {told}") for k, lead in
                (("a", "Storm waves broke the harbour wall at Velmora."), ("b", "The harbour wall at Velmora failed."))]
    quote = pipeline.summarize(articles, EXTRACTIVE).quote
    assert quote.text.startswith("We will rebuild") and quote.speaker is None


@pytest.mark.parametrize(("said", "speaker"), [
    # A surname shaped like a nationality stands alone before its verb; a nationality does not.
    ('"We will rebuild the harbour wall before the winter storms arrive," Kowalski said.', "Kowalski"),
    ('"We will rebuild the harbour wall before the winter storms arrive," Velmoran officials said.', None),
    # A participle of speech speaks for the subject that opens the sentence, not for its object.
    ('Harbour master Ines Calder welcomed the grant, saying the town would "rebuild the harbour wall before the '
     'winter storms arrive."', "Ines Calder"),
    ('Police arrested Horak after the storm, saying he would "rebuild the harbour wall before the winter storms '
     'arrive."', None),
    # A title runs to its last title word.
    ('"We will rebuild the harbour wall before the winter storms arrive," Chief District Officer Ines Calder told '
     'the Gazette.', "Ines Calder"),
    # A place before the title is no speaker; a day after the name is no name.
    ('"We will rebuild the harbour wall before the winter storms arrive," said Velmora harbour master Ines Calder.',
     "Ines Calder"),
    ('"We will rebuild the harbour wall before the winter storms arrive," said Calder on Monday.', "Calder"),
])
def test_the_speaker_is_the_name_that_governs_the_quote(pipeline, said, speaker):
    articles = [Article(id=k, text=f"{lead} {said}") for k, lead in
                (("a", "Storm waves broke the harbour wall at Velmora."), ("b", "The harbour wall at Velmora failed."))]
    quote = pipeline.summarize(articles, EXTRACTIVE).quote
    assert quote.text.endswith("before the winter storms arrive") and quote.speaker == speaker


WALL = [
    "Storm waves broke through the harbour wall at Velmora on Sunday night. {who} said: \"The wall failed at the "
    "height of the storm. Engineers will rebuild the harbour wall at Velmora before the winter storms. Nobody was "
    "hurt, and that is what matters.\"",
    "The harbour wall at Velmora collapsed in Sunday's storm, and engineers will rebuild the harbour wall before "
    "the winter storms, the port said.",
    "Engineers will rebuild the harbour wall at Velmora before the winter storms, after it failed on Sunday.",
]
PIECE = "“Engineers will rebuild the harbour wall at Velmora before the winter storms.”"


@pytest.mark.parametrize(("who", "speaker"), [
    ("Harbour master Ines Calder", "Ines Calder"),
    ("The harbour master", None),
    ("Dutch engineers", None),  # a nationality is nobody
    ("Harbour news Ines CalderSunday Ines Calder", None),  # a page's widget glued onto the name
])
def test_a_piece_of_a_quotation_in_the_brief_credits_who_speaks_when_the_report_names_them(pipeline, who, speaker):
    articles = [Article(id=str(k), text=t.format(who=who)) for k, t in enumerate(WALL)]
    brief = pipeline.summarize(articles, EXTRACTIVE)
    piece = next(s for s in brief.sentences if s.text == PIECE)
    assert piece.speaker == speaker
    assert all(s.speaker is None for s in brief.sentences if s is not piece)  # they speak for themselves
    shown = f"- {PIECE} — {speaker} [" if speaker else f"- {PIECE} ["
    assert any(line.startswith(shown) for line in render(brief, "md").splitlines())
    assert (f"{PIECE} — {speaker}" in render(brief, "html")) == (speaker is not None)


@pytest.mark.parametrize("width", [44, 48, 60])
def test_a_piece_of_a_quotation_in_a_wrapped_report_credits_the_whole_name(pipeline, width):
    # Mail or a wire feed wraps its lines wherever they fill: "Ines\nCalder said:" is one name.
    report = textwrap.fill(WALL[0].format(who="Harbour master Ines Calder"), width)
    assert report.count("\n") >= 3
    articles = [Article(id="0", text=report), *(Article(id=str(k), text=t) for k, t in enumerate(WALL[1:], start=1))]
    brief = pipeline.summarize(articles, EXTRACTIVE)
    assert next(s for s in brief.sentences if s.text == PIECE).speaker == "Ines Calder"


@pytest.mark.parametrize(("report", "speaker"), [
    # A paragraph runs on one speaker's words: the next quote is hers too.
    ('"The wall failed at the height of the storm," harbour master Ines Calder said. "Engineers will rebuild '
     'the harbour wall at Velmora before the winter storms."', "Ines Calder"),
    # Nobody is named around the quotation; the name inside it is the speaker's own source.
    ('"The wall failed at the height of the storm, according to Jan Horak. Engineers will rebuild the harbour '
     'wall at Velmora before the winter storms."', None),
    # …nor around the next quotation, of two sentences: it runs on her words too.
    ('"The wall failed at the height of the storm," harbour master Ines Calder said. "Engineers will rebuild '
     'the harbour wall at Velmora before the winter storms. Nobody was hurt."', "Ines Calder"),
    # A quote credited to a pronoun speaks with the voice before it, named further back…
    ('"The wall failed at the height of the storm," harbour master Ines Calder said. "Nobody was hurt," she '
     'added. "Engineers will rebuild the harbour wall at Velmora before the winter storms."', "Ines Calder"),
    ('"The wall failed at the height of the storm," harbour master Ines Calder said. "Engineers will rebuild '
     'the harbour wall at Velmora before the winter storms. Nobody was hurt," she continued.', "Ines Calder"),
    # …or in the prose before it, where she speaks: news gives a paraphrase, then the words…
    ('Harbour master Ines Calder said the wall had failed at the height of the storm. "Engineers will rebuild '
     'the harbour wall at Velmora before the winter storms."', "Ines Calder"),
    ('Harbour master Ines Calder said on Monday that the wall had failed. "Nobody was hurt," she said. '
     '"Engineers will rebuild the harbour wall at Velmora before the winter storms."', "Ines Calder"),
    # …but not where the prose tells of nobody speaking: "she" is never guessed…
    ('Harbour master Ines Calder spoke on Monday. "The wall failed at the height of the storm," she said. '
     '"Engineers will rebuild the harbour wall at Velmora before the winter storms."', None),
    ('Harbour master Ines Calder watched the wall fail. "Engineers will rebuild the harbour wall at Velmora '
     'before the winter storms."', None),
    # …nor from another paragraph.
    ('Harbour master Ines Calder said the wall had failed at the height of the storm.\n\n"Engineers will '
     'rebuild the harbour wall at Velmora before the winter storms."', None),
    # It names its own speaker, who is nobody by name: not hers.
    ('"The wall failed at the height of the storm," harbour master Ines Calder said. "Engineers will rebuild '
     'the harbour wall at Velmora before the winter storms. Nobody was hurt," a protester shouted.', None),
])
def test_a_quote_is_credited_only_from_the_words_around_its_quotation(pipeline, report, speaker):
    articles = [Article(id="0", text=f"Storm waves broke through the harbour wall at Velmora on Sunday night. {report}"),
                *(Article(id=str(k), text=t) for k, t in enumerate(WALL[1:], start=1))]
    brief = pipeline.summarize(articles, EXTRACTIVE)
    piece = next(s for s in brief.sentences if "Engineers will rebuild" in s.text and s.text[0] in "\"“")
    assert piece.speaker == speaker


def test_headlines_are_short_and_lose_the_attribution():
    lead = ("North Korean leader Kim Jong Un has offered his full backing for Russia's war in Ukraine during "
            "talks with Russian Foreign Minister Sergei Lavrov, according to state media in Pyongyang on Sunday.")
    assert shorten(lead) == "North Korean leader Kim Jong Un has offered his full backing for Russia's war in Ukraine"
    assert shorten("On Monday, the council said the budget passed.") == "The council said the budget passed"


@pytest.mark.parametrize(
    ("lead", "headline"),
    [
        ("In a late-night debate with her rivals for one of Velmora's two council seats, candidate Ines Calder "
         "promised to reopen the harbour ferry within a year.",
         "Candidate Ines Calder promised to reopen the harbour ferry within a year"),
        ("One day earlier this month, Jan Horak bought 1,000 fake accounts for 58 euros from an online vendor.",
         "Jan Horak bought 1,000 fake accounts for 58 euros from an online vendor"),
        ("The suspect — described as tall, in his 30s and wearing a green coat — is believed to have robbed six "
         "shops in Velmora, Kessler and Old Market since May.",
         "The suspect is believed to have robbed six shops in Velmora"),
        # A flattened page writes the dashes "--".
        ("The fire at the Velmora harbour warehouse -- in which the night watchman was hurt -- started in the old "
         "boiler room.",
         "The fire at the Velmora harbour warehouse started in the old boiler room"),
        # "around" ends the phrase; a headline only loses dangling words ("the", "of", "was").
        ("The old harbour crane that stood over Velmora for a century may no longer be around, but fishermen "
         "still tell stories about it every summer.",
         "The old harbour crane that stood over Velmora for a century may no longer be around"),
        ("At least 231 people have been confirmed dead in Velmora from storm Ada, bringing the toll in the "
         "region to 357, the commission said.",
         "At least 231 people have been confirmed dead in Velmora from storm Ada"),
        # Cut at sixteen words, a clause must not end on its subject.
        ("Ines Calder has visited every harbour town on the coast since it was confirmed that she would "
         "stand for a second term.",
         "Ines Calder has visited every harbour town on the coast since it was confirmed"),
        # Sixteen words would cut a phrase in two ("over a suspected structural"): end before it.
        ("Harbour master Ines Calder won the council's backing for closing the pier over a suspected structural "
         "fault in its supports, and she warned that repairs would take a year.",
         "Harbour master Ines Calder won the council's backing for closing the pier"),
        # A date with its year is one opener, though a comma sits inside it.
        ("On May 22, 2010, Ines Calder asked the harbour board to sell the old crane for scrap.",
         "Ines Calder asked the harbour board to sell the old crane for scrap"),
        # A participle opens with what it governs; an elapsed time with what it dates.
        ("Stunned by the storm's early landfall, harbour crews worked through the night to secure the ferries.",
         "Harbour crews worked through the night to secure the ferries"),
        ("A week after the council fell in a budget row, Mayor Ines Calder asked a veteran councillor to form a "
         "new cabinet.",
         "Mayor Ines Calder asked a veteran councillor to form a new cabinet"),
        ("Moments later, the harbour board claimed it had never been told of the fault in the pier.",
         "The harbour board claimed it had never been told of the fault in the pier"),
        # An aside between the subject and its verb goes: a headline says who did what.
        ("Jan Horak, the man the police are seeking as a witness in the harbour fire, is known to dock workers as "
         "a troublemaker.",
         "Jan Horak is known to dock workers as a troublemaker"),
        ("Harbour master Ines Calder, who closed the pier last week, said repairs would take a year and cost the "
         "town more than it can afford.",
         "Harbour master Ines Calder said repairs would take a year"),
        ("Nations adopting the new currency, the euro, dropped key interest rates, effectively setting the rate "
         "for the whole zone.",
         "Nations adopting the new currency dropped key interest rates"),
        # …a description without an article too; not a list's next items.
        ("Ines Calder, long-serving harbour master and unofficial voice of the fishing fleet, has been rebuilding "
         "the pier for a year.",
         "Ines Calder has been rebuilding the pier for a year"),
        ("Ferries, tugs and trawlers, which were moored in the old harbour, were wrecked by the storm on Friday.",
         "Ferries, tugs and trawlers, which were moored in the old harbour, were wrecked by the storm"),
        # An appositive to the name an opener ends on belongs to the opener; a day is no name.
        ("As his lawyers in London fought an arrest warrant for Jan Horak, the former harbour master, efforts "
         "began in Kessler to have him extradited.",
         "Efforts began in Kessler to have him extradited"),
        ("On Friday, the council, which met for six hours, approved the harbour plan and the new ferry timetable "
         "for the coming winter.",
         "The council approved the harbour plan and the new ferry timetable for the coming winter"),
        # An appositive inside the aside ("a family firm") does not end it: the verb does.
        ("The report said Jan Horak, who owns Velmora Ferries, a family firm, also runs two tugs out of the old "
         "harbour on the coast.",
         "The report said Jan Horak also runs two tugs out of the old harbour on the coast"),
        # The aside's comma may stand inside a quotation's closing mark.
        ("Ines Calder, who was best known for her role as the harbour master in “The Velmora Tides,” has died.",
         "Ines Calder has died"),
        ('Jan Horak, the last surviving member of the crew whose rescue was the basis for "The Long Night," has '
         "died.",
         "Jan Horak has died"),
        # So does a participle's phrase before a past tense.
        ("Harbour master Ines Calder, angered by a council vote that closed the old pier to fishing boats for the "
         "winter, called an emergency meeting of the harbour board.",
         "Harbour master Ines Calder called an emergency meeting of the harbour board"),
        # A name set beside a role is kept, closed up as headlines write it; one after a name (a place) goes.
        ("The former chief executive of Velmora Ferries, Jan Horak, was charged on Tuesday with fraud over the "
         "collapse of the company, prosecutors said.",
         "The former chief executive of Velmora Ferries Jan Horak was charged with fraud over the collapse"),
        ("Kessler, Velmora, recorded up to ten inches of snow in the storm, the heaviest fall the town has seen "
         "since the winter of 1987.",
         "Kessler recorded up to ten inches of snow in the storm"),
        # A relative clause with no comma between the subject and its verb goes when the clause the verb
        # opens would not fit with it; a verb after a pronoun is the relative clause's own ("as he was").
        ("A man convicted of four harbour robberies who escaped from the prison outside Kessler was captured in "
         "Velmora.",
         "A man convicted of four harbour robberies was captured in Velmora"),
        ("The group of teenagers who filmed and mocked a swimmer as he was struggling in the harbour will face "
         "charges after all.",
         "The group of teenagers will face charges after all"),
        # However long the opener.
        ("In the first council vote on the harbour since the mayor drew criticism from the fishermen's union over "
         "her remarks about the old ferry crews, the plan has gained support.",
         "The plan has gained support"),
        # Where the main clause's subject is a pronoun, the opener names who: its own clause is the headline,
        # when it tells a fact ("If …" only supposes one).
        ("When Velmora harbour master Ines Calder closed the old pier on Friday, she said the town could not afford "
         "the repairs it needed.",
         "Velmora harbour master Ines Calder closed the old pier"),
        ("If the council closes the old pier next winter, it will cost the fishing fleet its only harbour berth.",
         "It will cost the fishing fleet its only harbour berth"),
        # An elapsed time opens like a date does.
        ("Nearly 30 years after his disappearance, a Velmora man solved his own cold case when he remembered "
         "his name.",
         "A Velmora man solved his own cold case when he remembered his name"),
        ("Twenty-five years after the famed heist at the Velmora museum, police released new video of a visitor "
         "entering the museum.",
         "Police released new video of a visitor entering the museum"),
        # A clause that is a preposition's object goes with the preposition.
        ("Velmora's councillors tore into each other over who was to blame for the failure to finish the harbour "
         "wall on time.",
         "Velmora's councillors tore into each other"),
        # No cut inside a quotation; one cut short is closed.
        ("Harbour master Ines Calder said: “Repairs and inspections will take at least a year, and they will cost "
         "the town more than it can afford.”",
         "Harbour master Ines Calder said: “Repairs and inspections will take at least a year”"),
        # "said" without a comma before it is the story's own clause, not an attribution tail.
        ("Harbour master Ines Calder won the council's backing, but more than half of the town's fishermen said "
         "the pier should stay open all winter.",
         "Harbour master Ines Calder won the council's backing"),
        # The sixteen-word cut took the preposition's object: the preposition goes too, and the participle
        # whose complement it opened.
        ("Scientists from Velmora and Kessler are seeking to map the old tunnel system hidden inside the harbour "
         "wall of the old fishing town.",
         "Scientists from Velmora and Kessler are seeking to map the old tunnel system"),
        # A clause two words over the limit runs over rather than lose its last words: here its verb.
        ("A Velmora ferry captain missing in the storm at sea for more than ten days has been found and flown "
         "home, the coastguard said.",
         "A Velmora ferry captain missing in the storm at sea for more than ten days has been found"),
        # A determiner opens the object the words before it leave open: the cut goes back to a phrase.
        ("The Velmora council says the harbour trust has the right under its old charter to sell the quay to "
         "developers from the town of Kessler next spring.",
         "The Velmora council says the harbour trust has the right"),
        # Further back than a preposition would be, a cut inside a phrase goes back to the clause it is in.
        ("The Velmora ferry company failed to convince the council that it has the right to rebuild the old pier "
         "at the harbour before the summer.",
         "The Velmora ferry company failed to convince the council"),
        # A relative clause whose verb the cut took goes whole; what someone said stays ("said that …").
        ("Velmora police have just released this page of the harbour master's logbook that they say was found in "
         "the water near the old pier.",
         "Velmora police have just released this page of the harbour master's logbook"),
        ("The Velmora ferry company may find it harder to convince Kessler judges that the shape of its old harbour "
         "crane is worth protecting.",
         "The Velmora ferry company may find it harder to convince Kessler judges"),
        ("Kessler candidate Jan Horak suggested that storms wrecking the harbour were “something that God "
         "intended” in a debate on Tuesday night in Velmora.",
         "Kessler candidate Jan Horak suggested that storms wrecking the harbour were “something that God "
         "intended”"),
        ("Two harbour reports written the night that the ferry sank off Velmora said that Horak had left the bridge "
         "early before the storm broke.",
         "Two harbour reports written the night that the ferry sank off Velmora said that Horak"),
        # A two-word preposition goes whole with its object, whether the sixteen-word cut or the
        # end before a phrase took it.
        ("Velmora's mayor will open the rebuilt harbour wall at the old ferry landing ahead of the town's 300th "
         "anniversary.",
         "Velmora's mayor will open the rebuilt harbour wall at the old ferry landing"),
        ("Ines Calder will unveil the new statue at the Velmora harbour ahead of the town's 300th annual Regatta "
         "Festival in June.",
         "Ines Calder will unveil the new statue at the Velmora harbour"),
        # A colon before a lower-case word ends a clause; before a quotation or a capital it does not (above).
        ("The harbour plan is getting serious: the council is asking the government to fund a new sea wall "
         "before the winter storms.",
         "The harbour plan is getting serious"),
        # "as" that compares opens no clause.
        ("Several storm surges, lifting as many as 40 boats and two tugs onto the quay at Velmora overnight, flooded "
         "the harbour town.",
         "Several storm surges, lifting as many as 40 boats"),
        ("The storm wrecked the harbour walls of several fishing towns such as Velmora and Kessler, and the council "
         "asked the government for help.",
         "The storm wrecked the harbour walls of several fishing towns such as Velmora and Kessler"),
        # A comma inside a quotation's closing mark does not end a headline.
        ('Velmora\'s council has launched a "Harbour Clean-Up Challenge," and is calling on residents to pick up '
         "litter along the old sea wall.",
         'Velmora\'s council has launched a "Harbour Clean-Up Challenge"'),
        # "in connection with" is one preposition: its first words go with it.
        ("Velmora police say harbour pilot Jan Horak is wanted in a smuggling investigation in connection with the "
         "seizure of a cargo ship.",
         "Velmora police say harbour pilot Jan Horak is wanted in a smuggling investigation"),
        # Wire copy's " _ " is a dash.
        ("Police said the two men arrested this week are suspected of running the smuggling ring _ the clearest "
         "sign yet that the port's smuggling trade is being broken up.",
         "Police said the two men arrested this week are suspected of running the smuggling ring"),
        # What reads like a participle's phrase is the claim when a source follows it ("Operating profit"):
        # no opener to drop.
        ("Operating profit at Velmora Ferries rose to 4.2 million crowns from 3.1 million a year earlier, the "
         "company said, above the 3.8 million analysts had expected.",
         "Operating profit at Velmora Ferries rose to 4.2 million crowns from 3.1 million a year earlier"),
        # A modal's capital after a name or a number is a name or a month, not a verb left hanging.
        ("Kessler's harbour master resigned after a row with the Velmora council leader Ines May, the town hall "
         "said.",
         "Kessler's harbour master resigned after a row with the Velmora council leader Ines May"),
        ("The rebuilt Velmora ferry will make its first crossing to Kessler on 24 May.",
         "The rebuilt Velmora ferry will make its first crossing to Kessler on 24 May"),
        # A word another preposition takes is an adverb, not the preposition a clause was the object of.
        ("The Velmora ferry crew came from behind after Jan Horak's early goal, with Ines Calder's free-kick "
         "bringing them level.",
         "The Velmora ferry crew came from behind"),
        # A sentence told whole ends where its writer ended it, on a verb or a preposition too.
        ("Ines Calder said the harbour board was surprised by how strong the storm was.",
         "Ines Calder said the harbour board was surprised by how strong the storm was"),
        # …but not where a page cut it off with an ellipsis.
        ("Ines Calder says the harbour board knew about the cracks, and that...",
         "Ines Calder says the harbour board knew about the cracks"),
        # A participle the cut left without its complement goes, where its clause has a verb already.
        ("The Velmora council has found new evidence linking the owner of a Kessler warehouse destroyed in the "
         "harbour fire to a smuggling ring.",
         "The Velmora council has found new evidence linking the owner of a Kessler warehouse"),
        # …not in a clause of its own, whose verb it may be ("that the number … peaked").
        ("Velmora's harbour master has told the council that the number of passengers on the ferry peaked in the "
         "summer of the year 2019 for the first time.",
         "Velmora's harbour master has told the council that the number of passengers on the ferry peaked"),
        # A word no sentence ends on goes from a sentence told whole too: a page cut it short.
        ("Ines Calder told the harbour board about the cracks in the old pier and the",
         "Ines Calder told the harbour board about the cracks in the old pier"),
    ],
)
def test_a_headline_starts_with_who_did_what(lead, headline):
    assert shorten(lead) == headline


def test_a_byline_over_the_lead_is_no_headline(pipeline):
    # Reports printed without a headline: the byline over one lead names its writer, not the story.
    lead = ("Flash floods swept through villages near Velmora early on Wednesday, killing at least 14 people, "
            "the harbour authority said.")
    articles = [Article(id="wire", text=lead),
                Article(id="local", text="By Tomas Berg, Velmora Courier\n" + lead.replace("14", "fourteen"))]
    headline = "Flash floods swept through villages near Velmora, killing at least 14 people"
    assert pipeline.summarize(articles, EXTRACTIVE).headline == headline


def test_a_hostile_lead_is_shortened_fast():
    # The source after a participle's phrase, and the participle a cut leaves, are read in linear time.
    leads = ["Operating " + "profit " * 2800 + ", the company said, above",
             "Operating profit, " + "a " * 9000 + "said, x",
             "He has " + "published " * 2200 + "in", "On Friday, " + "published destroyed " * 900 + "in"]
    with within_seconds(1):
        for lead in leads:
            shorten(lead)


def test_a_headline_is_not_cut_inside_a_name_joined_by_and():
    lead = ("Facing a court challenge, the Truth and Reconciliation Commission will withhold, at least for now, "
            "the parts of its report that implicate the last apartheid-era president in illegal acts.")
    assert shorten(lead) == "The Truth and Reconciliation Commission will withhold"
    lead = "Police arrested three men in Velmora and charged them with arson at the harbour warehouse that burned last week."
    assert shorten(lead) == "Police arrested three men in Velmora"


def test_a_short_backtick_quote_does_not_run_on_into_the_next_one(pipeline):
    # DUC-style ``...'' quotes: neither the closing '' of a short quote nor its `` may pair
    # with a later mark and make the prose between them a quote.
    text = ("Officials said the town wants a ``clear'' plan before the harbour wall is rebuilt, the town hall "
            "reported, and the builders' union agreed. ``We will rebuild the harbour wall by spring,'' the mayor said.")
    articles = [Article(id=k, text=text) for k in ("a", "b")]
    assert pipeline.summarize(articles, EXTRACTIVE).quote.text == "We will rebuild the harbour wall by spring"


def test_cli_pools_jsonl_clusters_into_one_feed(tmp_path, capsys):
    articles = json.loads(FEED.read_text(encoding="utf-8"))["articles"]
    # Two "clusters" that reuse ids, as Multi-News does: ids get their cluster's prefix.
    lines = [{"id": "day1", "docs": articles[:4] + articles[7:]},
             {"id": "day2", "docs": [*articles[4:7], {**articles[7], "text": "A bakery notice."}]}]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    assert main(["stories", str(path), "--method", "extractive"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"stories", "singletons"}
    assert set(out["stories"][0]) >= {"id", "article_ids", "reprints", "brief"}
    assert out["stories"][0]["article_ids"] == FERRY
    assert out["singletons"] == ["day1/bakery", "day2/bakery"]


def test_summarize_group_writes_markdown_per_story(tmp_path, capsys):
    for article in json.loads(FEED.read_text(encoding="utf-8"))["articles"]:
        (tmp_path / f"{article['id']}.txt").write_text(article["text"], encoding="utf-8")
    assert main(["summarize", "--group", str(tmp_path), "--format", "md", "--method", "extractive"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n## ") + out.startswith("## ") == 2
    assert "Single reports, in no story: `bakery`" in out


HOSTILE_ID = "<img src=x onerror=alert(1)>"


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        # Ids are code spans, as in a brief's sources, where markup is shown, not run.
        (["stories", "--format", "md"], f"\nSingle reports, in no story: `{HOSTILE_ID}`\n"),
        (["summarize", "--group", "--format", "html"],
         '\n<p class="chorus-singletons">Single reports, in no story: &lt;img src=x onerror=alert(1)&gt;</p>\n'),
        (["summarize", "--group", "--format", "text"], f"\nSingle reports, in no story: {HOSTILE_ID}\n"),
    ],
    ids=["md", "html", "text"],
)
def test_a_lone_report_id_is_escaped_for_the_format_written(tmp_path, capsys, command, shown):
    for article in json.loads(FEED.read_text(encoding="utf-8"))["articles"]:
        name = HOSTILE_ID if article["id"] == "bakery" else article["id"]
        (tmp_path / f"{name}.txt").write_text(article["text"], encoding="utf-8")
    assert main([*command, str(tmp_path), "--method", "extractive"]) == 0
    out = capsys.readouterr().out
    assert out.endswith(shown)
    if "text" not in command:
        assert out.count(HOSTILE_ID) == out.count(f"`{HOSTILE_ID}`")  # never as raw markup


SEEDS = SHARED / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present")
def test_real_seed_reports_form_one_story_with_the_wire_copy_found_and_no_false_conflict(pipeline):
    (cluster,), _ = read_inputs([str(SEEDS)])
    result = summarize_feed(cluster.articles, EXTRACTIVE, pipeline)
    assert result.singletons == [] and len(result.stories) == 1
    story = result.stories[0]
    ids = {a.id[:3]: a.id for a in cluster.articles}
    assert sorted(story.article_ids) == sorted(ids.values())
    # 003 runs whole paragraphs of the AFP copy that 000 carries (a reprint, counted once);
    # 002 (signed AFP) and 004 reword it sentence by sentence in its order; 001 is Reuters.
    assert story.reprints == {ids["003"]: ids["000"]}
    assert story.rewrites == {ids["002"]: ids["000"], ids["004"]: ids["000"]}
    assert story.reports == 4
    # Checked by hand: the reports agree ("around 600" killed in 000 and 002; 003's "more
    # than 10,000 troops" against "thousands" is no figure to compare), so no conflict.
    assert story.brief.conflicts == []
    quote = story.brief.quote
    assert quote.speaker == "Kim Jong Un" and "unconditionally support" in quote.text and len(quote.article_ids) >= 3


def _bench():
    spec = importlib.util.spec_from_file_location("bench_stories", Path(__file__).parents[1] / "bench" / "stories.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_scores_match_known_values():
    bench = _bench()
    truth = ["a", "a", "b", "b"]
    assert bench.adjusted_rand_index(truth, ["x", "x", "y", "y"]) == pytest.approx(1.0)
    assert bench.adjusted_rand_index(truth, ["x", "y", "x", "y"]) == pytest.approx(-0.5)
    assert bench.v_measure(truth, ["x", "x", "y", "y"])[0] == pytest.approx(1.0)
    # One cluster for everything: complete but not homogeneous.
    v, homogeneity, completeness = bench.v_measure(truth, ["x"] * 4)
    assert (homogeneity, completeness, v) == (pytest.approx(0.0), pytest.approx(1.0), pytest.approx(0.0))


def test_prose_between_two_quotes_is_not_taken_for_a_quote(pipeline):
    # An unpaired mark ('6" of rain') puts the straight quotes out of step: the prose between
    # 'ashore."' and '"Today"' would read as a quote carried by every report.
    text = ('Up to 6" of rain fell overnight. "The crew did everything right," said Ines Calder. '
            'Harbour officials closed the outer pier for the whole of Tuesday while divers inspected the hull. '
            'The ferry will be towed to the Velmora yard, the NBC "Today" show reported.')
    articles = [Article(id=k, text=text) for k in ("a", "b")]
    quote = pipeline.summarize(articles, EXTRACTIVE).quote
    assert quote.text == "The crew did everything right" and quote.speaker == "Ines Calder"


def test_a_title_in_quotation_marks_is_no_quote_and_thanks_to_named_people_are(pipeline):
    # Both reports name the film; one report quotes the mayor.
    film = ('The ferry appears in the film "The Last Ferry to Velmora Harbour", '
            'shot on the pier last summer before the storm.')
    said = '"We will rebuild the pier before the winter storms," Mayor Ines Calder said.'
    articles = [Article(id="a", text=f"{film} {said}"), Article(id="b", text=film)]
    quote = pipeline.summarize(articles, EXTRACTIVE).quote
    assert (quote.text, quote.speaker) == ("We will rebuild the pier before the winter storms", "Ines Calder")
    thanks = '"Thanks to Ines Calder, Jan Horak, and Captain Ana Roz for the Harbour Challenge," Berg wrote.'
    quote = pipeline.summarize([Article(id=k, text=thanks) for k in ("a", "b")], EXTRACTIVE).quote
    assert quote.text.startswith("Thanks to Ines Calder") and quote.speaker == "Berg"


def test_a_quote_in_text_wrapped_at_a_width_is_read_as_one_line(pipeline):
    text = textwrap.fill(
        "A storm wrecked the harbour wall at Velmora overnight, flooding the old town and the quay. Mayor Ines "
        'Calder said: "We will rebuild the wall before the winter storms come back." Engineers began work on Monday.',
        40,
    )
    quote = pipeline.summarize([Article(id=k, text=text) for k in ("a", "b")], EXTRACTIVE).quote
    assert (quote.text, quote.speaker) == ("We will rebuild the wall before the winter storms come back", "Ines Calder")


def test_a_long_statement_is_quoted_by_its_opening_sentences(pipeline):
    opening = "We remain committed to one goal: the return of the ferry service to Velmora before the winter."
    inspection = "Our engineers are inspecting every hull plate, every weld and every seal on the vessel."
    text = f'The operator said in a statement: "{opening} {" ".join([inspection] * 4)}" Repairs began on Monday.'
    articles = [Article(id=k, text=text) for k in ("a", "b")]
    # 17 + 15 words fit in 40; a third sentence would not.
    assert pipeline.summarize(articles, EXTRACTIVE).quote.text == f"{opening} {inspection}".rstrip(".")


def test_a_curly_quote_closed_by_a_straight_mark_does_not_run_on(pipeline):
    text = ('The skipper told the crew “stay below deck." Then the harbour officials closed the pier for the night. '
            '“We will reopen the harbour on Friday,” the mayor said.')
    articles = [Article(id=k, text=text) for k in ("a", "b")]
    assert pipeline.summarize(articles, EXTRACTIVE).quote.text == "We will reopen the harbour on Friday"


def test_the_name_after_a_quote_is_its_speaker_only_within_its_sentence(pipeline):
    # "…conditions.'' Gray said about 56 sailors…": the full stop inside the marks ended the
    # quote's sentence; the name opens the next one. Before a comma the name is the speaker.
    ended = ("``We had one sailor survive for five hours in 1993 in very severe conditions.'' Gray said about 56 "
             "sailors had been winched to safety.")
    attributed = ("``We had one sailor survive for five hours in 1993 in very severe conditions,'' race spokesman "
                  "Peter Campbell said.")
    # A pronoun says the verb's subject: the capitalised word before it names nobody.
    pronoun = ("The skipper finished third. Afterwards he said: ``We had one sailor survive for five hours in 1993 "
               "in very severe conditions.''")
    # An age and a home town may stand between the name and the verb.
    described = ("``We had one sailor survive for five hours in 1993 in very severe conditions,'' Amadou, 35, "
                 "from Mauritania told reporters.")
    for text, speaker in ((ended, None), (attributed, "Peter Campbell"), (described, "Amadou"), (pronoun, None)):
        quote = pipeline.summarize([Article(id=k, text=text) for k in ("a", "b")], EXTRACTIVE).quote
        assert quote.text.startswith("We had one sailor survive") and quote.speaker == speaker


@pytest.mark.parametrize("herald", [
    "A fire swept through the Velmora dance hall on the harbour front and 65 people were killed, police said.",
    # One outcome in other words: "died" and "killed" count the same dead.
    "Sixty-five people died when a fire swept through the Velmora dance hall on the harbour front, police said.",
])
def test_a_disagreement_names_its_outcome_the_same_way_whatever_the_report_wrote(pipeline, herald):
    reports = {
        "coast": "A fire swept through the Velmora dance hall on the harbour front, killing 60 people, police said.",
        "herald": herald,
    }
    brief = pipeline.summarize([Article(id=k, text=v) for k, v in reports.items()], EXTRACTIVE)
    assert [c.about for c in brief.conflicts] == ["people killed"]


@pytest.mark.parametrize(("first", "second", "quote"), [
    # Both quotes have one report each; the longer one names nobody. The speaker loses her
    # nationality and title, not her given name.
    ('"We watched the water come over the wall and into the streets of the old town for hours," one resident wrote.',
     '"Engineers will rebuild the wall before the winter," Velmoran Mayor Ines Calder said.',
     ("Engineers will rebuild the wall before the winter", "Ines Calder", ["1"])),
    # "haven't" is all the short quote's content: two quotes of one report each, and the longer wins.
    ('"I haven\'t been by myself," resident Ines Calder said of the night she spent on the quay.',
     '"I haven\'t seen the sea come over the wall like this in twenty years," harbour master Jan Horak said.',
     ("I haven't seen the sea come over the wall like this in twenty years", "Jan Horak", ["1"])),
    # A quote that is a sentence of its own reads alone; a longer piece of one does not.
    ('Mayor Ines Calder said the town was "ready to rebuild every metre of the harbour wall before the winter '
     'storms come back."',
     '"Engineers will start on the harbour wall on Monday," harbour master Jan Horak said.',
     ("Engineers will start on the harbour wall on Monday", "Jan Horak", ["1"])),
])
def test_of_quotes_carried_as_widely_the_key_quote_is_one_whose_speaker_is_named(pipeline, first, second, quote):
    reports = [f"Storm waves broke through the harbour wall at Velmora on Sunday night. {first}",
               f"The harbour wall at Velmora collapsed in Sunday's storm. {second}"]
    key = pipeline.summarize([Article(id=str(k), text=t) for k, t in enumerate(reports)], EXTRACTIVE).quote
    assert (key.text, key.speaker, key.article_ids) == quote
