"""Disagreements: counts and days that reports give for different things are no "Sources differ"."""

from __future__ import annotations

import pytest

from conftest import within_seconds
from service import Article, Options, summarize

Flags = list[tuple[str, list[tuple[str, list[str]]]]]


def flags(*reports: str) -> Flags:
    brief = summarize([Article(id=k, text=t) for k, t in zip("abc", reports)], Options(method="extractive"))
    return [(c.about, [(v.value, v.article_ids) for v in c.values]) for c in brief.conflicts]


@pytest.mark.parametrize("reports", [
    ("Solent Energy, which employs 3,000 people at the Hamble plant, will close it next year, the union said.",
     "Solent Energy will close the Hamble plant next year and 1,200 people will lose their jobs, the union said."),
    ("Solent Energy, which employs 3,000 workers at the Hamble plant, will close it next year, the union said.",
     "Solent Energy will close the Hamble plant next year and 1,200 workers will lose their jobs, the union said."),
    ("Solent Energy has 3,000 workers at the Hamble plant, which will close next year, the union said.",
     "Solent Energy will close the Hamble plant next year and 1,200 workers will lose their jobs, the union said."),
    ("The Hamble plant, with 3,000 workers, will close next year, the union said.",
     "The Hamble plant will close next year, and 1,200 workers will be laid off, the union said."),
    ("Solent Energy will close the Hamble plant, which has 3,000 jobs, the company said.",
     "Solent Energy will close the Hamble plant and 1,200 jobs will go, the company said."),
])
def test_a_workforce_is_no_count_of_the_jobs_lost(reports):
    assert flags(*reports) == []


@pytest.mark.parametrize(("told", "about"), [
    ("Solent Energy, which employs {} people at the Hamble plant, will close it next year.", "people employed"),
    ("Solent Energy will close the Hamble plant next year and {} workers will lose their jobs, the union said.",
     "workers laid off"),
    ("Solent Energy will cut {} jobs at the Hamble plant, the company said on Monday.", "jobs cut"),
])
def test_two_workforces_or_two_job_losses_are_still_compared(told, about):
    assert flags(told.format("3,000"), told.format("3,500")) == [(about, [("3,000", ["a"]), ("3,500", ["b"])])]


def test_a_degree_of_an_outcome_counts_a_part_of_it():
    told = "{} people were {}injured in the blast at the Velmora refinery on Monday, police said."
    assert flags(told.format("Twelve", "seriously "), told.format("Thirty", "")) == []
    assert flags(told.format("Twelve", "seriously "), told.format("Fifteen", "seriously ")) == [
        ("people seriously injured", [("Twelve", ["a"]), ("Fifteen", ["b"])])
    ]


def test_a_count_of_some_of_a_kind_is_a_part_of_the_count_of_all():
    told = "{} were killed when their bus overturned on the mountain road near Velmora on Monday, police said."
    assert flags(told.format("Twelve foreign tourists"), told.format("Thirty tourists")) == []
    assert flags(told.format("Twelve tourists"), told.format("Thirty tourists")) == [
        ("tourists killed", [("Twelve", ["a"]), ("Thirty", ["b"])])
    ]


@pytest.mark.parametrize(("first", "second", "flagged"), [
    # Who does a thing and the thing done are two counts, though their stems are one.
    ("two spacewalkers", "three spacewalks", False),
    ("four officers", "six offices", False),
    # A singular and a plural count one thing.
    ("1 tram driver", "2 tram drivers", True),
    ("1 bus", "2 buses", True),
    ("1 person", "2 people", True),
])
def test_the_counted_noun_is_one_only_as_a_singular_and_its_plural(first, second, flagged):
    told = "The Velmora council said {} would be needed for the harbour repairs planned for the spring."
    found = flags(told.format(first), told.format(second))
    assert bool(found) is flagged


def test_counts_of_events_the_sentences_only_point_back_to_are_not_compared():
    first = ("Hundreds of dock workers protested against the port sale on Sunday, and two people were killed in "
             "that unrest, police said.")
    second = ("Dock workers have protested against the port sale for weeks. Three people were killed in those "
              "protests, police said.")
    assert flags(first, second) == []
    # Told outright, the same counts of one protest are a disagreement.
    told = [first.replace("that unrest", "the protest"), second.replace("those protests", "the protest")]
    assert flags(*told) == [("people killed", [("two", ["a"]), ("Three", ["b"])])]


FERRY = "The ferry Saltmarsh Star sank {} off Calloway Island with 300 people aboard, the coastguard said in a statement."


@pytest.mark.parametrize(("first", "second"), [
    ("late Tuesday", "early Wednesday"),
    ("late Tuesday", "shortly after midnight on Wednesday"),
    ("on Tuesday night", "on Wednesday"),
    ("on Tuesday", "in the early hours of Wednesday"),
    ("late on Nov. 30", "early on Dec. 1"),
])
def test_days_in_a_row_either_side_of_a_midnight_are_one_night(first, second):
    assert flags(FERRY.format(first), FERRY.format(second)) == []


@pytest.mark.parametrize(("first", "second"), [
    ("on Tuesday", "on Wednesday"),
    ("late on Tuesday", "late on Wednesday"),  # the same time of day, a day apart
    ("late Tuesday", "early Thursday"),
])
def test_days_a_midnight_does_not_explain_are_still_a_disagreement(first, second):
    assert [c for c, _ in flags(FERRY.format(first), FERRY.format(second))] == ["when the ferry Saltmarsh Star sank"]


@pytest.mark.parametrize("told", [
    "On {day} the floods in Velmora killed {n} people, officials said.",
    "The floods in Velmora killed {n} people on {day}, officials said.",
    "The floods in Velmora killed {n} people in {day}, officials said.",
])
def test_counts_for_different_days_or_years_are_two_tolls(told):
    days = ("2019", "2020") if "in {day}" in told else ("Monday", "Tuesday")
    assert flags(told.format(day=days[0], n=10), told.format(day=days[1], n=12)) == []
    # The same day: one toll, two figures.
    assert [c for c, _ in flags(told.format(day=days[0], n=10), told.format(day=days[0], n=12))] == ["people killed"]


BLAST = "{} people were injured in the blast at the Velmora refinery on Monday."


def test_a_report_that_gives_the_other_value_as_well_takes_no_side():
    whole = BLAST.format("Twelve") + " In all 30 people were hurt, the hospital said."
    assert flags(whole, BLAST.format("Thirty")) == []
    # A report that gives the part alone still disputes the whole.
    assert flags(whole, BLAST.format("Thirty"), BLAST.format("Twelve")) == [
        ("people injured", [("Twelve", ["c"]), ("Thirty", ["b"])])
    ]


def test_a_count_another_fire_gives_excuses_no_report_and_at_least_takes_no_side():
    told = ("A fire swept through the Velmora dance hall on the harbour front, killing {} people, police said. "
            "In 1978, 20 people died in a hotel fire in the town of Boraas.")
    assert flags(told.format("at least 60"), told.format("60"), told.format("65")) == [
        ("people killed", [("60", ["b"]), ("65", ["c"])])
    ]


@pytest.mark.parametrize("reports", [
    ("Health officials in Velmora said another 12 people were infected with cholera in the northern district.",
     "Health officials in Velmora said 30 people were infected with cholera in the northern district."),
    ("Health officials in Velmora reported 12 new cases of cholera in the city's northern district.",
     "Health officials in Velmora reported 30 cases of cholera in the city's northern district."),
    # "At least 10" allows 12.
    ("At least 10 people were killed in the blast at the Velmora refinery, police said.",
     "Twelve people were killed in the blast at the Velmora refinery, police said."),
])
def test_a_count_added_to_another_or_a_floor_is_no_rival(reports):
    assert flags(*reports) == []


@pytest.mark.parametrize("clause", ["{n} people were hurt in the town", "{n} people were hurt in 19{n:02d}"])
def test_a_report_with_a_long_line_of_figures_is_read_at_once(clause):
    # Every figure a report states is read for its outcome: from the whole line, a line of a
    # thousand figures took a thousand reads of its length (20 s for 40,000 characters).
    line = "Police said that " + ", and then ".join(clause.format(n=k % 90 + 2) for k in range(1000)) + "."
    with within_seconds(5, "reading the figures took too long"):
        # The line gives 12 as well as 30: its report takes no side, so the line was read.
        assert flags(BLAST.format("Thirty") + " " + line, BLAST.format("Twelve")) == []
