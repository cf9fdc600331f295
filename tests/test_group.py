"""Group: the same fact told by several reports becomes one Fact; different facts stay apart."""

from __future__ import annotations

from conftest import run_until
from service import Article
from service.cluster import Cluster
from service.stages.group import Group


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
