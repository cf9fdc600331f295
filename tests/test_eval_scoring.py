"""The eval suite's measuring parts: tokenizer, ROUGE scorer, protocols' cuts, sentence
splitter and aggregation, on hand-computed cases."""

from __future__ import annotations

import pytest
from rouge_score import rouge_scorer

from eval.aggregate import Aggregator
from eval.protocols import DUC, MULTINEWS
from eval.scoring import MEASURES, RougeScorer, Score, Tokenizer
from eval.text import split_sentences, truncate_words, word_count


@pytest.fixture(scope="module")
def scorer() -> RougeScorer:
    return RougeScorer()


def test_tokenizer_keeps_non_ascii_letters_and_stems_like_rouge_score():
    text = "Zürich's trams: Señora Ødegaard RUNNING!"
    assert Tokenizer().tokenize(text) == ["zürich", "s", "tram", "señora", "ødegaard", "run"]
    # The trap being avoided: rouge-score's own tokenizer splits words at every non-ASCII letter.
    default = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)._tokenizer
    assert default.tokenize(text)[:2] == ["z", "rich"]


def test_non_ascii_words_match_as_whole_words(scorer):
    score = scorer.score(["Zürich approved trams"], "Zürich rejected trams")["rouge1"]
    assert score.recall == pytest.approx(2 / 3)
    # rouge-score alone would count z + rich as two matches out of four tokens.
    plain = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    assert plain.score("Zürich approved trams", "Zürich rejected trams")["rouge1"].recall == pytest.approx(3 / 4)


def test_hand_computed_single_reference(scorer):
    scores = scorer.score(["the cat sat on the mat"], "the cat lay on the mat")
    # unigrams: the x2, cat, on, mat match -> 5 of 6; bigrams: "the cat", "on the", "the mat" -> 3 of 5;
    # LCS "the cat on the mat" -> 5 of 6.
    assert scores["rouge1"] == Score(precision=5 / 6, recall=5 / 6, f=pytest.approx(5 / 6))
    assert scores["rouge2"].recall == pytest.approx(3 / 5)
    assert scores["rougeL"].recall == pytest.approx(5 / 6)


def test_clipped_counts_do_not_credit_repeats(scorer):
    score = scorer.score(["police said"], "police police police")["rouge1"]
    assert (score.recall, score.precision) == (pytest.approx(1 / 2), pytest.approx(1 / 3))


def test_references_pool_counts_rather_than_average_recalls(scorer):
    references = ["storm hits coast town power lost", "storm passes"]
    counts = scorer.counts(references, "storm hits")["rouge1"]
    assert [(c.hits, c.reference, c.summary) for c in counts] == [(2, 6, 2), (1, 2, 2)]
    pooled = scorer.score(references, "storm hits")["rouge1"]
    assert pooled.recall == pytest.approx(3 / 8)  # (2 + 1) / (6 + 2)
    assert pooled.precision == pytest.approx(3 / 4)  # (2 + 1) / (2 + 2)
    mean_of_recalls = (2 / 6 + 1 / 2) / 2
    assert pooled.recall != pytest.approx(mean_of_recalls)


def test_rouge_lsum_reads_sentences_from_newlines(scorer):
    swapped = scorer.score(["rain fell\nroads closed"], "roads closed\nrain fell")
    # Whole-text LCS of "rain fell roads closed" / "roads closed rain fell" is 2 of 4; per
    # sentence every reference sentence is found whole.
    assert swapped["rougeL"].recall == pytest.approx(0.5)
    assert swapped["rougeLsum"].recall == pytest.approx(1.0)
    one_line = scorer.score(["rain fell roads closed"], "roads closed rain fell")
    assert one_line["rougeLsum"].recall == pytest.approx(0.5)


def test_union_lcs_is_rouge_papers_example(scorer):
    # Lin (2004), section 3.2: r = w1..w5, c1 = w1 w2 w6 w7 w8, c2 = w1 w3 w8 w9 w5 -> union LCS 4.
    score = scorer.score(["w1 w2 w3 w4 w5"], "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5")["rougeLsum"]
    assert (score.recall, score.precision) == (pytest.approx(4 / 5), pytest.approx(4 / 10))


@pytest.mark.parametrize(
    "reference,summary",
    [
        (
            "Fire gutted a harbour warehouse on Tuesday.\nNo one was hurt, the fire service said.\nShips were diverted.",
            "No one was injured, the fire service said.\nThe fire began on Tuesday.\nThe harbour warehouse burned.",
        ),
        ("a b c a b c d\ne f a b", "a b a\nc d e f a b\nb c"),
        ("Zürich's council approved trams.", "The Zürich council approved the trams on Monday."),
    ],
)
def test_single_reference_scores_equal_rouge_score_with_our_tokenizer(scorer, reference, summary):
    theirs = rouge_scorer.RougeScorer(list(MEASURES), tokenizer=Tokenizer()).score(reference, summary)
    ours = scorer.score([reference], summary)
    for measure in MEASURES:
        assert ours[measure].precision == pytest.approx(theirs[measure].precision)
        assert ours[measure].recall == pytest.approx(theirs[measure].recall)
        assert ours[measure].f == pytest.approx(theirs[measure].fmeasure)


def test_empty_summary_scores_zero_and_references_are_required(scorer):
    assert all(s == Score(0.0, 0.0, 0.0) for s in scorer.score(["some words"], "").values())
    with pytest.raises(ValueError):
        scorer.score([], "a summary")
    with pytest.raises(ValueError):
        RougeScorer(["rouge3x"])


def test_duc_cuts_summaries_and_references_to_100_words_keeping_lines():
    text = " ".join(f"a{i}" for i in range(60)) + "\n" + " ".join(f"b{i}" for i in range(60))
    cut = DUC.prepare_summary(text)
    assert word_count(cut) == 100
    assert cut.split("\n")[1].split() == [f"b{i}" for i in range(40)]
    assert DUC.prepare_reference(text) == cut


def test_duc_ignores_words_past_the_cut(scorer):
    reference = DUC.prepare_reference("storm " * 10)
    padded = DUC.prepare_summary("calm " * 100 + "storm " * 10)
    assert scorer.score([reference], padded)["rouge1"].recall == 0.0
    assert scorer.score([reference], MULTINEWS.prepare_summary("calm " * 100 + "storm " * 10))["rouge1"].recall == 1.0


def test_multinews_keeps_length_and_splits_one_paragraph_references():
    long = "word " * 400
    assert MULTINEWS.prepare_summary(long) == long
    assert MULTINEWS.prepare_reference("– The dam opened. It cost a lot.") == "– The dam opened.\nIt cost a lot."
    assert MULTINEWS.prepare_reference("First.\nSecond. Third.") == "First.\nSecond. Third."


def test_truncate_words_short_text_is_unchanged():
    assert truncate_words("one two\nthree", 100) == "one two\nthree"
    assert truncate_words("one two\n\nthree four", 3) == "one two\nthree"


def test_sentence_splitter_handles_abbreviations_quotes_and_newlines():
    text = (
        'Dr. Anna Kowalski met U.S. officials in New York. The talks ended. He said "no." '
        "Then he left! Was it J. Smith? Gov. Reyes flew to Calif. on Jan. 5.\nA new line"
    )
    assert split_sentences(text) == [
        "Dr. Anna Kowalski met U.S. officials in New York.",
        "The talks ended.",
        'He said "no."',
        "Then he left!",
        "Was it J. Smith?",
        "Gov. Reyes flew to Calif. on Jan. 5.",
        "A new line",
    ]


def test_bootstrap_interval_is_seeded_and_brackets_the_plain_mean():
    values = [0.1, 0.4, 0.35, 0.2, 0.5, 0.3, 0.25, 0.45]
    interval = Aggregator(seed=3).interval(values)
    assert interval.mean == pytest.approx(sum(values) / len(values))
    assert interval.low < interval.mean < interval.high
    assert Aggregator(seed=3).interval(values) == interval
    assert Aggregator(seed=4).interval(values) != interval
    narrow = Aggregator(seed=3, confidence=0.5).interval(values)
    assert interval.low < narrow.low and narrow.high < interval.high
    constant = Aggregator().interval([0.3] * 5)
    assert (constant.low, constant.mean, constant.high) == pytest.approx((0.3, 0.3, 0.3))


def test_paired_comparison_finds_consistent_gains_and_not_noise():
    baseline = [0.30, 0.25, 0.40, 0.35, 0.28, 0.33, 0.31, 0.27, 0.36, 0.29] * 3
    better = [b + 0.02 + 0.005 * (i % 3) for i, b in enumerate(baseline)]
    aggregator = Aggregator(seed=0, samples=2000)
    gain = aggregator.compare(better, baseline)
    assert gain.difference.mean == pytest.approx(0.025, abs=1e-9)
    assert gain.difference.low > 0
    assert gain.p_value < 0.01
    same = aggregator.compare(baseline, baseline)
    assert same.difference.mean == 0 and same.p_value == 1.0
    noisy = aggregator.compare([b + (0.01 if i % 2 else -0.01) for i, b in enumerate(baseline)], baseline)
    assert noisy.p_value > 0.5
