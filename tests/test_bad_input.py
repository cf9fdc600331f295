"""Bad and odd input: a clear InputError or a sensible brief with warnings, never another exception."""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXTRACTIVE, assert_citations_slice
from service import Article, InputError, Options, render
from service.cluster import Cluster
from service.stories import summarize_feed

FIRE = (
    "A fire destroyed a warehouse at the port of Halloran overnight, injuring two dock workers and "
    "shutting part of the harbour, officials said on Wednesday.\n"
    "Firefighters battled the blaze for more than six hours before bringing it under control early on Wednesday.\n"
)


def prose(chars: int, seed: int = 0) -> str:
    """Varied, invented harbour-news prose of about `chars` characters, in paragraphs."""
    rng = random.Random(seed)
    subjects = ["The harbour authority", "Fire crews", "A port spokeswoman", "Residents of Eastgate", "The council",
                "Dock workers", "Police investigators", "The ferry operator", "Calder Logistics", "Engineers"]
    verbs = ["said", "reported", "warned", "confirmed", "announced", "estimated", "denied", "expected", "noted"]
    nouns = ("warehouse quay berth ferry smoke timber pulp tanks depot crane container hospital budget insurance "
             "inspection shift union contract cargo freight river bridge tide wind rain market school road").split()
    adjectives = "large small northern eastern damaged closed temporary rising new old".split()
    parts, size = [], 0
    while size < chars:
        things = " and the ".join(f"{rng.choice(adjectives)} {rng.choice(nouns)}" for _ in range(rng.randint(2, 5)))
        sentence = f"{rng.choice(subjects)} {rng.choice(verbs)} that the {things} would need {rng.randint(2, 900)} more days."
        parts.append(sentence + ("\n" if rng.random() < 0.3 else " "))
        size += len(sentence) + 1
    return "".join(parts)


def run(pipeline, articles: list[Article]) -> Cluster:
    cluster = pipeline.run(articles, EXTRACTIVE)
    assert cluster.brief is not None
    assert_citations_slice(cluster.brief, articles, cluster)
    return cluster


def test_an_empty_cluster_is_an_input_error(pipeline):
    with pytest.raises(InputError, match="no articles"):
        pipeline.run([], EXTRACTIVE)


def test_duplicate_article_ids_are_an_input_error(pipeline):
    with pytest.raises(InputError, match="repeated: a$"):
        pipeline.run([Article(id="a", text=FIRE), Article(id="b", text=FIRE), Article(id="a", text=FIRE)], EXTRACTIVE)


@pytest.mark.parametrize(
    ("articles", "options", "message"),
    [
        # msgspec checks limits when it decodes, not when Python builds a Struct: the Python
        # API checks them itself, as the HTTP API and the CLI do.
        ([Article(id="a", text=FIRE)], Options(sentences=0), "options: Expected `int` >= 1 - at `$.sentences`"),
        ([Article(id="a", text=FIRE)], Options(method="bogus"), "options: Invalid enum value 'bogus' - at `$.method`"),
        ([Article(id="", text=FIRE)], None, "articles: Expected `str` of length >= 1 - at `$[0].id`"),
        (["a report"], None, "articles: Expected `object`, got `str` - at `$[0]`"),
        ([{"id": "a", "text": FIRE, "body": "x"}], None, "articles: Object contains unknown field `body` - at `$[0]`"),
        ([Article(id="a", text=FIRE)], {"words": 5}, "options: Expected `int` >= 10 - at `$.words`"),
        # Valid ISO 8601 whose zone moves it past the calendar's ends, where no UTC time exists.
        ([{"id": "a", "text": FIRE, "published_at": "9999-12-31T23:59:59-01:00"}], None,
         "articles: published_at: '9999-12-31T23:59:59-01:00' is out of range once converted to UTC - at `$[0]`"),
        ([{"id": "a", "text": FIRE, "published_at": "0001-01-01T00:00:00+01:00"}], None,
         "articles: published_at: '0001-01-01T00:00:00+01:00' is out of range once converted to UTC - at `$[0]`"),
        # Refused before grouping: a story's brief must not fail and leave its reports singletons.
        ([Article(id="a", text=FIRE)], {"extractor": "foo"},
         "options: unknown extractor 'foo'; choose one of coverage, lexrank, textrank, lsa"),
    ],
)
def test_what_a_python_caller_builds_is_checked_like_a_request(pipeline, articles, options, message):
    with pytest.raises(InputError) as raised:
        pipeline.run(articles, options)
    assert str(raised.value) == message
    with pytest.raises(InputError):
        summarize_feed(articles, options, pipeline)


def test_a_python_caller_may_pass_plain_dicts(pipeline):
    brief = pipeline.summarize([{"id": "a", "text": FIRE, "outlet": "Harbour Post"}], {"method": "extractive"})
    assert brief.method == "extractive" and [s.outlet for s in brief.sources] == ["Harbour Post"]


LONE = FIRE + (
    "Two dock workers were taken to St Brigid's Hospital with burns and smoke inhalation, and both were stable.\n"
    "Residents of the Eastgate district were told to keep their windows closed until the smoke cleared.\n"
    "The harbour authority closed three berths while engineers inspected the quay wall for damage.\n"
)


def test_one_article_gives_a_brief_citing_it(pipeline):
    brief = run(pipeline, [Article(id="only", text=LONE)]).brief
    assert brief.sentences and not brief.warnings
    # The report's lead, its weekday trimmed.
    assert brief.sentences[0].text == FIRE.splitlines()[0].replace(" on Wednesday", "")
    assert {c.article_id for s in brief.sentences for c in s.citations} == {"only"}


def test_one_article_keeps_all_its_paragraphs(pipeline):
    cluster = run(pipeline, [Article(id="only", text=LONE)])
    assert len(cluster.documents[0].sentences) == 5


def test_an_article_with_no_sentences_is_skipped_with_a_warning(pipeline):
    brief = run(pipeline, [Article(id="fire", text=FIRE), Article(id="menu", text="Home\nNews | Sport\nSubscribe")]).brief
    assert brief.sentences
    assert brief.warnings == ["article 'menu' has no usable sentences and was skipped"]
    assert [s.id for s in brief.sources] == ["fire", "menu"]


def test_a_page_sent_as_text_is_skipped_with_a_warning_that_says_to_send_it_as_html(pipeline):
    page = "".join(f"<p>{line}</p>" for line in FIRE.splitlines())
    page = f'<html><body><div class="nav"><a href="/">Home</a></div>{page}</body></html>'
    brief = run(pipeline, [Article(id="fire", text=FIRE), Article(id="page", text=page)]).brief
    assert brief.warnings == [
        "article 'page' has no usable sentences and was skipped; its text looks like HTML: send it as `html`"
    ]
    with pytest.raises(InputError, match=r"the text of 'a', 'b' looks like HTML: send it as `html`"):
        pipeline.run([Article(id=k, text=page) for k in ("a", "b")], EXTRACTIVE)
    # Sent as html, the same page is read.
    brief = pipeline.summarize([Article(id="fire", text=FIRE), Article(id="page", html=page)], EXTRACTIVE)
    assert brief.warnings == [] and {c.article_id for s in brief.sentences for c in s.citations} >= {"page"}


@pytest.mark.parametrize(
    "articles",
    [[Article(id="a", text="")], [Article(id="a", text="  \n\t ")], [Article(id="a")],
     [Article(id="a", text="Breaking news"), Article(id="b", text="Share | Tweet | Email")]],
    ids=["empty-text", "whitespace", "no-text-no-html", "headlines-only"],
)
def test_nothing_to_summarize_is_an_input_error(pipeline, articles):
    with pytest.raises(InputError):
        pipeline.run(articles, EXTRACTIVE)


GERMAN = (
    "Ein Feuer hat in der Nacht ein Lagerhaus im Hafen von Halloran zerstört und zwei Hafenarbeiter verletzt.\n"
    "Die Feuerwehr kämpfte mehr als sechs Stunden gegen die Flammen, bevor sie den Brand unter Kontrolle brachte.\n"
    "Die Ursache des Feuers ist noch unklar, teilte die Polizei am Mittwoch in Halloran mit.\n"
)
CHINESE = "周二晚间，哈洛兰港的一座仓库发生大火，两名码头工人受伤。消防部门出动八十名消防员，大火于周三凌晨四时左右被控制。警方表示，火灾原因正在调查中。\n"


def test_german_reports_give_a_german_brief(pipeline):
    reprint = GERMAN.replace("zerstört", "vernichtet").replace("kämpfte", "rang")
    brief = run(pipeline, [Article(id="de1", text=GERMAN), Article(id="de2", text=reprint)]).brief
    assert 1 <= len(brief.sentences) <= 3
    assert all(s.text.split()[0] in ("Ein", "Die") for s in brief.sentences)
    assert {c.article_id for c in brief.sentences[0].citations} == {"de1", "de2"}


def test_chinese_reports_give_an_input_error_or_a_brief(pipeline):
    articles = [Article(id="zh1", text=CHINESE), Article(id="zh2", text=CHINESE.replace("大火", "火灾"))]
    try:
        run(pipeline, articles)
    except InputError as error:
        assert str(error)


def test_chinese_reports_give_a_brief(pipeline):
    articles = [Article(id="zh1", text=CHINESE), Article(id="zh2", text=CHINESE.replace("大火", "火灾"))]
    assert run(pipeline, articles).brief.sentences


@pytest.mark.timeout(15)
@pytest.mark.parametrize("shape", ["paragraphs", "one-line", "one-sentence-repeated"])
def test_five_megabytes_of_text_is_cut_with_a_warning_and_does_not_hang(pipeline, shape):
    text = {
        "paragraphs": lambda: prose(5_000_000),
        "one-line": lambda: prose(5_000_000).replace("\n", " "),
        "one-sentence-repeated": lambda: (FIRE.splitlines()[1] + " ") * 50_000,
    }[shape]()
    assert len(text) >= 5_000_000
    started = time.perf_counter()
    brief = run(pipeline, [Article(id="huge", text=text), Article(id="fire", text=FIRE)]).brief
    assert time.perf_counter() - started < 10
    assert brief.sentences
    assert any("'huge'" in w and "only the first" in w for w in brief.warnings)


@pytest.mark.slow
@pytest.mark.timeout(20)
def test_a_cluster_at_the_api_limits_finishes_in_seconds(pipeline):
    # service.api.schemas allows MAX_ARTICLES=50 articles of MAX_ARTICLE_CHARS=100,000 characters.
    articles = [Article(id=f"a{i}", text=prose(100_000, seed=i)) for i in range(50)]
    assert run(pipeline, articles).brief.sentences


@pytest.mark.parametrize(
    "noise",
    ["\x00\x01\x02", "\x1b[31m", "\x7f\x85\x9f", "\ufeff", "\ufffd\ufffd", "\u200b\u200d", "\u2028"],
    ids=["nul", "ansi", "del-c1", "bom", "replacement", "zero-width", "line-separator"],
)
def test_binary_bytes_and_control_characters_inside_text(pipeline, noise):
    lines = FIRE.splitlines()
    text = f"{noise}{lines[0][:30]}{noise}{lines[0][30:]}\n{noise}\n{lines[1]}{noise}\n"
    cluster = run(pipeline, [Article(id="noisy", text=text), Article(id="clean", text=FIRE)])
    assert cluster.brief.sentences
    for sentence in cluster.brief.sentences:
        assert not any(ch in sentence.text for ch in "\x00\x01\x02\x1b\x7f\x85\x9f")


def test_a_lone_surrogate_gives_an_input_error_or_an_encodable_brief(pipeline):
    try:
        brief = pipeline.summarize([Article(id="a", text=FIRE.replace("dock", "do\ud800ck"))], EXTRACTIVE)
    except InputError:
        return
    assert render(brief, "json")


WORDS = st.sampled_from(("fire harbour warehouse crews depot police blaze smoke residents berths ferry Halloran "
                         "Calder the a of and was were said on in at two 80 4 a.m. U.S. Gen. Dr. e.g. “quoted”").split())
NOISE = st.one_of(st.sampled_from([".", "!", "?", "。", '"', "—", "|", "©", "\n", "\x00", "\t", "\r"]), st.text(max_size=3))
SENTENCE = st.builds(
    "{}{}".format,
    st.lists(st.one_of(WORDS, WORDS, WORDS, NOISE), min_size=3, max_size=20).map(" ".join),
    st.sampled_from([".", "!", "?", "。", ".”", "", " — AFP"]),
)
LINE = st.one_of(
    st.lists(SENTENCE, min_size=1, max_size=3).map(" ".join),
    st.sampled_from(["Related Articles", "Comments (3)", "Share this", "kjl/pt", "photo.jpg", ""]),
    st.text(max_size=20),
)
ARTICLE_TEXT = st.lists(LINE, max_size=8).map("\n".join)


@settings(max_examples=80, deadline=None)
@given(texts=st.lists(ARTICLE_TEXT, min_size=1, max_size=4))
def test_any_texts_give_a_brief_with_true_spans_or_an_input_error(pipeline, texts):
    articles = [Article(id=f"r{i}", text=t) for i, t in enumerate(texts)]
    try:
        cluster = pipeline.run(articles, EXTRACTIVE)
    except InputError:
        return
    assert_citations_slice(cluster.brief, articles, cluster)
    assert render(cluster.brief, "json")
