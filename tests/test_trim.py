"""Trim: a brief sentence loses the words that only served its report, never a claim's source."""

from __future__ import annotations

import pytest

from conftest import run_until, within_seconds
from service import Article, Options
from service.text import word_count
from service.trim import drop_weekdays, trim


@pytest.mark.parametrize(
    ("sentence", "trimmed"),
    [
        ("However, the ferry operator said it would appeal.", "The ferry operator said it would appeal."),
        ("Meanwhile, crews reopened two lanes of the bridge.", "Crews reopened two lanes of the bridge."),
        ("In response, the ferry operator cut its fares.", "The ferry operator cut its fares."),
        ("For its part, the council said it would rebuild the pier.", "The council said it would rebuild the pier."),
        ("Of course, the repairs may take longer.", "The repairs may take longer."),
        ("Finally, the literature prize went to the novelist Ana Roz.", "The literature prize went to the novelist Ana Roz."),
        ("For instance, in early 2014 one ferry ticket cost only $28.", "In early 2014 one ferry ticket cost only $28."),
        ("As a result, the harbour stayed closed until May.", "The harbour stayed closed until May."),
        ("Plus, the ferry had no lifeboats on board.", "The ferry had no lifeboats on board."),
        # An editor's label dates the page, not the story.
        ("Update: The ferry operator has since apologised.", "The ferry operator has since apologised."),
        ("UPDATE 2: Divers found the hull intact.", "Divers found the hull intact."),
        ("Story Tools Updated: Divers found the hull intact.", "Divers found the hull intact."),
        ("Update 10/15/2014: The ferry line agreed to pay.", "The ferry line agreed to pay."),
        ("ORIGINAL POST: The ferry ran aground off Calloway Island.", "The ferry ran aground off Calloway Island."),
        # …and one that files it.
        ("Breaking News: The ferry ran aground off Calloway Island.", "The ferry ran aground off Calloway Island."),
        ("EXCLUSIVE: Divers found the hull intact.", "Divers found the hull intact."),
        ("Fact check: The ferry carried no lifeboats.", "The ferry carried no lifeboats."),
        ("Note: The ferry operator confirmed that it would not sail again.",
         "The ferry operator confirmed that it would not sail again."),
        # A name before a colon says who speaks.
        ("Calder: The ferry must never sail again.", "Calder: The ferry must never sail again."),
        # …also as a kicker in capitals, with no colon; a word in capitals that names is no label.
        ("UPDATED The ferry ran aground off Calloway Island.", "The ferry ran aground off Calloway Island."),
        ("UPS Freight moved the ferry's cargo to Calloway Island.", "UPS Freight moved the ferry's cargo to Calloway Island."),
        ("By comparison, the old ferry carried 40 cars.", "The old ferry carried 40 cars."),
        ("What's more, the ferry had no radio.", "The ferry had no radio."),
        ("On the other hand, the crew was trained.", "The crew was trained."),
        # After the weekday only a range or a list keeps it.
        ("The mayor stunned the council Saturday morning by resigning.", "The mayor stunned the council by resigning."),
        ("The ferry operator said Tuesday it would appeal.", "The ferry operator said it would appeal."),
        ("The storm that hit the coast Thursday has killed eight people.",
         "The storm that hit the coast has killed eight people."),
        ("Voting is open Monday through Friday.", "Voting is open Monday through Friday."),
        # A named day is no date: "Black Friday" keeps its Friday; a place before one does not.
        ("Shoppers queued for Black Friday at the mall.", "Shoppers queued for Black Friday at the mall."),
        ("The ferry ran aground off Calloway Island Friday.", "The ferry ran aground off Calloway Island."),
        ("(The harbour office was closed to visitors this year.", "The harbour office was closed to visitors this year."),
        ("Divers found the hull intact.)", "Divers found the hull intact."),
        # What stands before a quotation is no word of it: an agency's credit, an opening
        # connective or day go even from a sentence that quotes.
        ('(AP) — The ferry "Marlow Star" ran aground off Calloway Island.',
         'The ferry "Marlow Star" ran aground off Calloway Island.'),
        ('(Nadia Brandt/Calloway Gazette) "We will rebuild the pier," the mayor said.',
         '"We will rebuild the pier," the mayor said.'),
        ("Meanwhile, the mayor told the council: “We will rebuild the pier on Monday.”",
         "The mayor told the council: “We will rebuild the pier on Monday.”"),
        ("On Monday, the minister said the country ``is faced with the danger of war.''",
         "The minister said the country ``is faced with the danger of war.''"),
        ("On Tuesday, the rebels took the town of Kindu.", "The rebels took the town of Kindu."),
        ("Late Sunday night, the storm reached the coast.", "The storm reached the coast."),
        ("The plane crashed late Monday near the airport, killing 12.", "The plane crashed near the airport, killing 12."),
        ("Crews worked through Saturday night, and the fire was out by 6 a.m.",
         "Crews worked through Saturday night, and the fire was out by 6 a.m."),
        ("The ship sank on Friday morning.", "The ship sank."),
        # The time zone the day is told in goes with it.
        ("The two men were released Wednesday evening local time after two years in prison.",
         "The two men were released after two years in prison."),
        ("The ferry sailed late Tuesday ET, the operator said.", "The ferry sailed, the operator said."),
        # An opening day needs no comma after "On" or "Late" to be only a date.
        ("On Tuesday the council voted to close the pier.", "The council voted to close the pier."),
        ("Late on Friday night the rebels seized the town.", "The rebels seized the town."),
        # A word before "on Friday" that is no preposition leaves it only a date.
        ("The editor said that on Friday he was handing out copies.", "The editor said that he was handing out copies."),
        # Set off by commas, the day goes with both.
        ("The rebels, late Friday, seized the town near the border.", "The rebels seized the town near the border."),
        ("The fire was under control at 4 a.m. on Wednesday.", "The fire was under control at 4 a.m."),
        ("The fire was under control at 4 a.m. Wednesday, officials said.",
         "The fire was under control at 4 a.m., officials said."),
        ("Senator Jane Roe (D-Ore.) voted against the bill.", "Senator Jane Roe voted against the bill."),
        ("The first ferry docked at 8:30 a.m. (0630 GMT).", "The first ferry docked at 8:30 a.m."),
        ("(Reuters) Senator Jane Roe voted against the bill.", "Senator Jane Roe voted against the bill."),
        # A credit in capitals is an aside too: it abbreviates nothing before it.
        ("SEOUL, South Korea (AP) Talks on the border failed.", "SEOUL, South Korea Talks on the border failed."),
    ],
)
def test_words_that_served_only_the_report_go(sentence: str, trimmed: str) -> None:
    assert trim(sentence) == trimmed


@pytest.mark.parametrize(
    "sentence",
    [
        # A weekday in a range or a list says something.
        "The bridge will be closed from Monday to Friday.",
        "Talks were held on Monday and Tuesday.",
        "The couple welcomed their first child on Tuesday, June 19, in Los Angeles.",
        "The orbiters will pass over the rover, and late on Monday, the rover will call Earth.",
        "Tuesday's vote was delayed.",
        "On Tuesday night's show the host apologised to viewers.",
        "On Tuesday and Wednesday the committee met in private.",
        "On Tuesday June 19 the court ruled on the case.",
        "Tuesday was calm in the capital after the vote.",
        # A weekday that opens a clause before its verb is the clause's subject.
        "Her first baby came on 8-8-08, and, yes, Sunday was 10-10-10.",
        "The mayor said Monday was the last day of the sale.",
        # A weekday that a preposition, "be" or a determiner needs ("as soon as Monday", "would
        # be on Monday", "a Sunday morning"), or that is part of a name.
        "A completed deal could be announced as soon as Monday.",
        "His trial would be on Monday.",
        "Game 4 is set for Saturday at Minute Maid Park.",
        "The women were at home on a Sunday morning, while the men were at sea.",
        "Snow is expected Wednesday night into Friday morning.",
        "The deal was first reported by The Sunday Times.",
        "The plan for Endeavour's mission: On Saturday, Ross and Newman will connect cables.",
        # …or that another word takes as its object: a participle working as a preposition, a
        # possessive, a hedge, "spend".
        "Students will attend classes at Peet Junior High starting Monday, the district said.",
        "The pool was closed to visitors indefinitely, starting on Thursday night.",
        "The minister began his Friday on Twitter.",
        "The boards will not meet until at least Tuesday, maybe Wednesday.",
        "The envoy spent Friday in Brasilia.",
        "Last Thursday, the envoy bought a car.",
        # A parenthesis that a preposition needs.
        "She left one page apologizing to (her fiancé).",
        # The source of a claim stays: a brief must not make a claim its own.
        "The rebels took 500 prisoners, state media said.",
        "According to the ministry, the death toll rose to 50.",
        # Someone's words stay as they were said.
        '"We will rebuild on Monday," the mayor said.',
        "``However, we are ready (for now),'' he said.",
        # An acronym's definition stays: a later sentence may use it bare.
        "The World Food Program (WFP) said its trucks were stuck at the border.",
        "Aid groups and non governmental organizations (NGOs) left the city.",
        # Too little would be left.
        "But it rained.",
        # A quotation in lower case goes on from the connective: it cannot open a sentence.
        'For instance, "only a handful" of the ferry crews had ever sailed in a storm.',
        "However, “not one tram” of the Line 3 fleet had been inspected since the spring.",
    ],
)
def test_what_the_sentence_says_stays(sentence: str) -> None:
    assert trim(sentence) == sentence


def test_headlines_drop_the_weekday_too() -> None:
    assert drop_weekdays("Storm hits the coast on Sunday") == "Storm hits the coast"


REPORTS = [
    Article(id="wire", text="A ferry ran aground off Kessel Point on Tuesday evening (local time), "
            "and all 212 passengers were taken off by lifeboat crews.\n"
            "However, the operator said the hull was not breached and the ship would be towed to port."),
    Article(id="post", text="All 212 passengers were taken off a ferry that ran aground off Kessel Point "
            "on Tuesday, lifeboat crews said.\nThe operator said the hull of the ship was not breached."),
]


def test_the_brief_shows_trimmed_sentences_and_cites_the_whole_source_sentence() -> None:
    cluster = run_until(REPORTS, "render")
    assert cluster.brief is not None
    first = cluster.brief.sentences[0]
    assert first.text == ("A ferry ran aground off Kessel Point, and all 212 passengers were taken off by "
                          "lifeboat crews.")
    citation = first.citations[0]
    assert REPORTS[0].text[citation.start : citation.end] == REPORTS[0].text.splitlines()[0]


def test_the_word_budget_counts_the_words_the_brief_shows() -> None:
    # The wire's first sentence is 22 words as written, 18 as the brief shows it.
    lead = REPORTS[0].text.splitlines()[0]
    assert word_count(lead) > 20 >= word_count(trim(lead))
    cluster = run_until(REPORTS, "extract", Options(method="extractive", words=20))
    assert [f.representative.text for f in cluster.selected] == [lead]


def test_a_sentence_whose_connective_is_trimmed_reads_alone_and_competes() -> None:
    # The shared point comes after "However," in both reports; untrimmed, it would point back
    # to a sentence the brief does not show and lose to the lone report's aside.
    reports = [
        Article(id="wire", text="A ferry ran aground off Kessel Point with 212 passengers aboard.\n"
                "The ferry's captain has sailed past Kessel Point for eleven years.\n"
                "However, divers found the hull intact and the ferry will be towed to Dunmere harbour."),
        Article(id="post", text="A ferry with 212 passengers aboard ran aground off Kessel Point.\n"
                "The coastguard sent two lifeboats to the ferry from its station near Kessel Point.\n"
                "However, divers who inspected it found the hull intact, and it will be towed to Dunmere harbour."),
    ]
    cluster = run_until(reports, "extract", Options(method="extractive", sentences=2))
    assert [f.representative.brief_text for f in cluster.selected][1].startswith("Divers")


@pytest.mark.parametrize(
    ("sentence", "trimmed"),
    [
        # A participle whose clause the weekday ends needs it ("a study published."), after a preposition's
        # noun phrase, a comma the day's own comma closes, or a relative pronoun.
        ("Ferry crossings fell by a third, according to a survey published on Wednesday.",
         "Ferry crossings fell by a third, according to a survey published on Wednesday."),
        ("In a letter to the harbour board released Monday, Ines Calder asked for repairs.",
         "In a letter to the harbour board released Monday, Ines Calder asked for repairs."),
        ("The harbour report, released on Thursday, is the fullest yet.",
         "The harbour report, released on Thursday, is the fullest yet."),
        # A verb after its subject, or after an aside the day does not close, is the sentence's own; words
        # going on after the day complete the participle.
        ("The survey was published Wednesday in the Velmora Gazette.",
         "The survey was published in the Velmora Gazette."),
        ("Jan Horak, who owns the ferry, warned Thursday that the pier was unsafe.",
         "Jan Horak, who owns the ferry, warned that the pier was unsafe."),
        ("A small band of ferry owners vowed on Thursday that they would not sail.",
         "A small band of ferry owners vowed that they would not sail."),
        ("The shelling, which the army started, continued on Wednesday.",
         "The shelling, which the army started, continued."),
        ("The ferry sank in the storm, the Velmora Department of Transport reported Tuesday.",
         "The ferry sank in the storm, the Velmora Department of Transport reported."),
        ("The mayor of Velmora resigned on Monday.", "The mayor of Velmora resigned."),
        # After the weekday a range or list goes on to another day; the same words going on with the
        # sentence leave it only a date.
        ("The council voted 7-0 on Friday to close the old pier.", "The council voted 7-0 to close the old pier."),
        ("The parties broke the deadlock Friday and agreed to share the harbour.",
         "The parties broke the deadlock and agreed to share the harbour."),
        ("Ines Calder was sentenced Tuesday to three years in prison.",
         "Ines Calder was sentenced to three years in prison."),
        ("The ferry resumed sailing last Thursday and will stop again tomorrow.",
         "The ferry resumed sailing last Thursday and will stop again tomorrow."),
        ("The mayor met Jan Horak on Thursday, and the harbour board Friday.",
         "The mayor met Jan Horak on Thursday, and the harbour board Friday."),
        ("The mayor toured the harbour on Saturday and visited the pier on Monday.",
         "The mayor toured the harbour on Saturday and visited the pier on Monday."),
        # A connective set inside the sentence points back as an opening one does; the comma that closes an
        # opening phrase stays.
        ("Jan Horak, however, rejected the offer.", "Jan Horak rejected the offer."),
        ("Ferry sales fell 9%, however, as fuel prices rose.", "Ferry sales fell 9% as fuel prices rose."),
        ("In Velmora, meanwhile, the ferry kept running.", "In Velmora, the ferry kept running."),
        ("The crew, though, stayed on board.", "The crew stayed on board."),
        # A sentence set whole in brackets reads as one without them.
        ("(The harbour office declined to comment.)", "The harbour office declined to comment."),
    ],
)
def test_what_only_points_back_or_dates_goes_and_what_a_clause_needs_stays(sentence: str, trimmed: str) -> None:
    assert trim(sentence) == trimmed


@pytest.mark.parametrize(
    "sentence",
    [
        # After an earlier comma, what the words before the connective are is not told.
        "The harbour master, a former captain, said, however, that the pier was safe.",
        # "though" before a clause, "however" before an adjective, are no connectives set between commas.
        "The ferry won the race, though the margin was small.",
        "The new pier, however long it takes, will be built in stone.",
        # A bracketed credit with no stop of its own is no sentence.
        "(Reporting by Ines Calder; Editing by Jan Horak)",
    ],
)
def test_a_connective_or_bracket_that_is_not_one_stays(sentence: str) -> None:
    assert trim(sentence) == sentence


def test_weekdays_connectives_and_brackets_are_read_in_linear_time() -> None:
    # Each weekday is judged by the few words around it, not by the whole line before it.
    lines = ["Monday " * 2900, "on Monday, Black Friday " * 800, "Monday and " * 1800, "a, however," * 1800,
             "(" + "a. " * 6600 + "x", "the report, released Monday, " * 700,
             "according to a poll published " + "on Monday, " * 1800]
    with within_seconds(1):
        for line in lines:
            trim(line)


@pytest.mark.parametrize(
    ("sentence", "trimmed"),
    [
        # A byline run into the sentence it heads: a name, maybe a title and a co-author, then a clause.
        ("By Ines Calder, Head of Harbour Safety Policy, and Jan Horak, Deputy General Counsel Every day, "
         "ferries carry thousands of people across the bay.",
         "Every day, ferries carry thousands of people across the bay."),
        ("By Ines Calder and Jan Horak, Associated Press Writers Police said the ferry ran aground.",
         "Police said the ferry ran aground."),
        ("By INES CALDER Police said the ferry ran aground.", "Police said the ferry ran aground."),
        ("By Ines K. Calder The ferry ran aground off Calloway Island.", "The ferry ran aground off Calloway Island."),
        ("By Sean O'Dowd, Staff Writer The harbour board voted to close the pier.",
         "The harbour board voted to close the pier."),
        # "By contrast, " goes as a connective, not as a byline.
        ("By contrast, Ines Calder said the pier was safe.", "Ines Calder said the pier was safe."),
        # …before a quotation too: the byline is no word of it.
        ('By Ines Calder The mayor said: "We will rebuild the pier."', 'The mayor said: "We will rebuild the pier."'),
    ],
)
def test_a_byline_run_into_the_sentence_goes(sentence: str, trimmed: str) -> None:
    assert trim(sentence) == trimmed


@pytest.mark.parametrize(
    "sentence",
    [
        # "By" opens a real sentence: a time, a manner, a comparison, a name's count.
        "By Monday afternoon, the harbour board seemed to crumble.",
        "By the end of the year, 40 ferries will stop sailing.",
        "By law, the council must vote on the pier.",
        "By Tuesday, Ines Calder had resigned from the board.",
        "By Christmas Ines Calder had resigned from the board.",
        "By Election Day Calder had lost the harbour vote.",
        "By Ines Calder's count, 40 ferries have sunk in the bay.",
        "By Velmora Gazette standards, the ferry was small.",
        # A longer run of capitals leaves where the name ends untold.
        "By Ines Calder Horak Velmora officials said the ferry sank.",
        # Two capitalised words read as a name, but are a time, a place or a figure: only a determiner or
        # pronoun after them opens the clause, and a day or a number goes on with them.
        "By Super Bowl Sunday, fans had bought every ticket in the city.",
        "By Late July Calder had left the school.",
        "By July Calder had left the school.",
        "By Ferry Terminal Two there were hundreds of people waiting.",
        "By Bus Station Three, people were running.",
        "By Spring Training Horak had lost twenty pounds.",
        "By Father Time Horak was beaten, the coach said.",
    ],
)
def test_a_sentence_opening_on_by_stays(sentence: str) -> None:
    assert trim(sentence) == sentence


@pytest.mark.parametrize(
    ("sentence", "trimmed"),
    [
        # A credit or a hat tip in brackets after the sentence's stop, even where it quotes.
        ('The mayor spoke about the ferry on Tuesday\'s "Harbour Hour." (h/t Jan Horak.)',
         'The mayor spoke about the ferry on Tuesday\'s "Harbour Hour."'),
        ('The mayor called the pier "a disgrace." (via Velmora Gazette)', 'The mayor called the pier "a disgrace."'),
        ('The mayor called the pier "a disgrace." (H/T: Velmora Gazette)', 'The mayor called the pier "a disgrace."'),
        ('Crowds gathered at the pier to watch the "Marlow Star" leave. (Photo: Ines Calder/AP)',
         'Crowds gathered at the pier to watch the "Marlow Star" leave.'),
        ('The ferry "Marlow Star" ran aground off Calloway Island. (Reporting by Ines Calder in Velmora; additional '
         'reporting by Jan Horak in Dunmere; Editing by Sean O\'Dowd and Tom Hale)',
         'The ferry "Marlow Star" ran aground off Calloway Island.'),
        ('The ferry "Marlow Star" ran aground. (Ines Calder/Getty Images)', 'The ferry "Marlow Star" ran aground.'),
        ('The ferry "Marlow Star" ran aground. (Xinhua/Ines Calder)', 'The ferry "Marlow Star" ran aground.'),
        ('The ferry "Marlow Star" ran aground. (Ines Calder/WireImage)', 'The ferry "Marlow Star" ran aground.'),
        # A bracketed sentence of the story after the stop is trimmed as before, not as a credit.
        ("The harbour board voted to close the pier. (The mayor abstained.)",
         "The harbour board voted to close the pier."),
    ],
)
def test_a_credit_in_brackets_after_the_stop_goes(sentence: str, trimmed: str) -> None:
    assert trim(sentence) == trimmed


@pytest.mark.parametrize(
    "sentence",
    [
        # A bracket of the story's own words, in a sentence that quotes, stays with the quotation.
        'The mayor called the pier "a disgrace." (The board had built it in 1998.)',
        # …and so does one inside the quotation.
        '"We will rebuild the pier. (via the old road)" the mayor said.',
    ],
)
def test_a_bracket_of_the_story_stays(sentence: str) -> None:
    assert trim(sentence) == sentence


def test_bylines_and_credits_are_read_in_linear_time() -> None:
    lines = ["By " + "Calder " * 2900, "By " * 6600, "By Ines Calder, " + "Head Of " * 2500,
             "By " + "Ines Calder and " * 1300, "A. (" * 5000 + "via", "The pier. (h/t " + "x " * 9000 + ")"]
    with within_seconds(1):
        for line in lines:
            trim(line)
