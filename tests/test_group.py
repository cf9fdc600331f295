"""Group: the same fact told by several reports becomes one Fact; different facts stay apart."""

from __future__ import annotations

import msgspec
import pytest

from conftest import run_until
from service import Article
from service.cluster import Cluster
from service.stages.group import Group
from service.stories.reprints import _longest_chain


def facts_by_text(cluster: Cluster) -> dict[str, set[str]]:
    """Sentence text -> ids of the articles in that sentence's fact."""
    return {s.text: set(f.article_ids) for f in cluster.facts for s in f.sentences}


def test_syndicated_copies_land_in_one_fact_with_both_article_ids(tram):
    cluster = run_until(tram, "group")
    wire, reprint = (d for d in cluster.documents if d.article.id in ("wire", "reprint"))
    # The reprint changed spellings and a verb ("struck" -> "hit"): still the same facts.
    for ours, theirs in zip(wire.sentences[:4], reprint.sentences[:4]):
        assert ours.fact == theirs.fact
        assert {"wire", "reprint"} <= set(cluster.facts[ours.fact].article_ids)


def test_a_syndicated_copy_is_marked_as_a_reprint_of_the_wire_story(tram):
    reprint_of = {d.article.id: d.reprint_of for d in run_until(tram, "group").documents}
    assert reprint_of["courier"] is None
    assert {reprint_of["wire"], reprint_of["reprint"]} in ({None, "wire"}, {None, "reprint"})


@pytest.mark.parametrize(
    ("wire_at", "reprint_at"),
    [
        # Compared as times, not as strings: 08:00 in Paris is 07:00 UTC, before 07:30 UTC.
        ("2025-03-04T08:00:00+01:00", "2025-03-04T07:30:00Z"),
        # A time without a zone is read as UTC, and a date alone is its midnight.
        ("2025-03-04", "2025-03-04T07:30:00"),
    ],
)
def test_the_earlier_published_copy_is_the_original(tram, wire_at, reprint_at):
    dated = [
        msgspec.structs.replace(a, published_at={"wire": wire_at, "reprint": reprint_at}.get(a.id)) for a in tram
    ]
    reprint_of = {d.article.id: d.reprint_of for d in run_until(dated, "group").documents}
    assert reprint_of == {"courier": None, "wire": None, "reprint": "wire"}
    reversed_order = [msgspec.structs.replace(a, published_at={"wire": reprint_at, "reprint": wire_at}.get(a.id))
                      for a in tram]
    swapped = {d.article.id: d.reprint_of for d in run_until(reversed_order, "group").documents}
    assert swapped == {"courier": None, "wire": "reprint", "reprint": None}


def test_a_publication_time_that_is_no_iso_date_is_refused():
    with pytest.raises(ValueError, match="published_at: expected an ISO 8601 date or time, got 'March 4'"):
        Article(id="a", text="x", published_at="March 4")
    with pytest.raises(msgspec.ValidationError, match=r"published_at: .*'yesterday'.* - at `\$\[0\]`"):
        msgspec.json.decode(b'[{"id": "a", "text": "x", "published_at": "yesterday"}]', type=list[Article])


def test_distinct_facts_of_one_report_are_not_merged(tram):
    cluster = run_until(tram, "group")
    for document in cluster.documents:
        facts = [s.fact for s in document.sentences]
        assert len(set(facts)) == len(facts), document.article.id
    texts = facts_by_text(cluster)
    lead = next(t for t in texts if t.startswith("A tram derailed"))
    where = next(t for t in texts if t.startswith("The Line 3 tram left the rails"))
    assert cluster.documents[1].sentences[0].fact != cluster.documents[1].sentences[1].fact
    assert texts[lead] == texts[where] == {"wire", "reprint"}


def test_every_sentence_is_in_exactly_one_fact_and_knows_it(tram):
    cluster = run_until(tram, "group")
    members = [s for f in cluster.facts for s in f.sentences]
    assert sorted(id(s) for s in members) == sorted(id(s) for s in cluster.sentences)
    assert [f.id for f in cluster.facts] == list(range(len(cluster.facts)))
    for fact in cluster.facts:
        assert all(s.fact == fact.id for s in fact.sentences)
        assert fact.representative is fact.sentences[0]


def test_the_representative_is_the_medoid_not_the_first_wording():
    outlier = "Fire crews in Halloran fought a large warehouse blaze on the quay through the night and into Wednesday."
    common = "Fire crews fought a large warehouse blaze on the quay through the night."
    articles = [Article(id="first", text=outlier), Article(id="b", text=common), Article(id="c", text=common)]
    cluster = run_until(articles, "group")
    assert len(cluster.facts) == 1
    fact = cluster.facts[0]
    assert fact.article_ids[0] in ("b", "c")
    assert fact.representative.text == common
    assert set(fact.article_ids) == {"first", "b", "c"}


MORNING = "A landslide buried 38 homes in the hill village of Taloma on Monday, the regional governor said."
EVENING = "A landslide buried 45 homes in the hill village of Taloma on Monday, the regional governor said."


@pytest.mark.parametrize("evening_at", ["2025-03-04T18:00:00Z", None])
def test_a_fact_dated_reports_count_differently_is_told_in_the_newest_words(evening_at):
    articles = [
        Article(id="morning", text=MORNING, published_at="2025-03-04T08:00:00Z"),
        Article(id="evening", text=EVENING, published_at=evening_at),
        Article(id="radio", text=MORNING, published_at="2025-03-04T09:00:00Z"),
    ]
    fact = run_until(articles, "group").facts[0]
    assert set(fact.article_ids) == {"morning", "evening", "radio"}
    # A running count is updated by a later report; without its date nothing says which is later.
    assert fact.representative.text == (EVENING if evening_at else MORNING)


def test_a_fact_dated_reports_count_alike_keeps_its_medoid():
    worded = "The landslide buried 38 homes in Taloma, a hill village, on Monday, the regional governor said."
    articles = [
        Article(id="morning", text=MORNING, published_at="2025-03-04T08:00:00Z"),
        Article(id="evening", text=worded, published_at="2025-03-04T18:00:00Z"),
        Article(id="radio", text=MORNING, published_at="2025-03-04T09:00:00Z"),
    ]
    fact = run_until(articles, "group").facts[0]
    assert len(fact.sentences) == 3 and fact.representative.text == MORNING


def test_the_threshold_decides_what_counts_as_the_same_fact(tram):
    clustered = run_until(tram, "segment")
    apart = Group(threshold=1.01)(clustered)
    assert len(apart.facts) == len(apart.sentences)
    together = Group(threshold=0.6)(clustered)
    assert len(together.facts) < len(together.sentences)


def test_no_sentences_no_facts(tram):
    cluster = run_until(tram, "segment")
    for document in cluster.documents:
        document.sentences = []
    assert Group()(cluster).facts == []


# Invented: an agency story, a desk rewrite that rewords every sentence but keeps the
# agency's facts and order, and a reporter's own account of the same event.
AGENCY = (
    "Flood water breached the river wall at Tarrow Bridge early on Tuesday, forcing the evacuation of "
    "about 400 homes in the lower town, the county council said. "
    "Rescue crews used boats to reach residents trapped on upper floors along Mill Lane and Quay Street. "
    "The council opened the Tarrow leisure centre as an emergency shelter and said 120 people had spent the night there. "
    "Forecasters said the river would peak on Wednesday afternoon after two more days of heavy rain in the hills. "
    "The main road to Kelby was closed after a section of the embankment collapsed near the old mill. "
    "Engineers will inspect the damaged river wall once the water level falls, a council spokesman said. "
    "The town last flooded in 2009, when the same wall gave way during a winter storm."
)
REWRITE = (
    "About 400 homes in the lower town of Tarrow Bridge were evacuated on Tuesday morning after flood water "
    "broke through the river wall, according to the county council. "
    "Residents stranded on the upper floors of houses on Mill Lane and Quay Street were reached by rescue crews in boats. "
    "Some 120 people spent the night in the Tarrow leisure centre, which the council opened as an emergency shelter. "
    "The river is expected to peak on Wednesday afternoon, forecasters said, after two more days of heavy rain in the hills. "
    "A collapsed section of embankment near the old mill has closed the main road to Kelby. "
    "Once the water level falls, engineers will inspect the damaged wall, the council said. "
    "The same wall gave way during a winter storm in 2009, the last time the town flooded."
)
OWN_REPORT = (
    "Shopkeepers on Quay Street spent Tuesday carrying stock upstairs as the river rose around them. "
    "\"We have had water in here before, but never this fast,\" said baker Alys Morgan, whose shop sits a street from the bank. "
    "Insurers said claims from the 2009 flood took more than a year to settle, and several traders said they had never been paid in full. "
    "The local member of parliament called for an inquiry into why repairs to the river wall, promised after 2009, were never finished. "
    "Volunteers from the rowing club joined the council's boats to ferry elderly residents to safety. "
    "By nightfall sandbags were stacked along the road to Kelby, which remained closed."
)


def test_a_desk_rewrite_of_agency_copy_is_marked_and_an_own_report_is_not():
    articles = [
        Article(id="agency", text=AGENCY, published_at="2025-03-04T06:10:00Z"),
        Article(id="desk", text=REWRITE, published_at="2025-03-04T08:30:00Z"),
        Article(id="own", text=OWN_REPORT, published_at="2025-03-04T07:00:00Z"),
    ]
    documents = {d.article.id: d for d in run_until(articles, "group").documents}
    # Reworded sentence by sentence: no reprint, but the earlier agency copy retold in its order.
    assert {i: d.reprint_of for i, d in documents.items()} == {"agency": None, "desk": None, "own": None}
    assert {i: d.rewrite_of for i, d in documents.items()} == {"agency": None, "desk": "agency", "own": None}


def test_the_same_sentences_in_another_order_are_no_rewrite():
    sentences = REWRITE.split(". ")
    shuffled = ". ".join(sentences[i] for i in (6, 2, 4, 0, 5, 1, 3)).rstrip(".") + "."
    articles = [Article(id="agency", text=AGENCY), Article(id="desk", text=shuffled)]
    assert [d.rewrite_of for d in run_until(articles, "group").documents] == [None, None]


def test_longest_chain_keeps_pairs_increasing_on_both_sides():
    assert _longest_chain([]) == 0
    assert _longest_chain([(0, 0), (1, 1), (2, 2)]) == 3
    # One sentence matching two of the other's counts once; crossing pairs do not chain.
    assert _longest_chain([(0, 0), (0, 1), (1, 0), (2, 2)]) == 2
    assert _longest_chain([(0, 2), (1, 1), (2, 0)]) == 1
