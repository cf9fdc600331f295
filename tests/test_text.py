"""Shared text helpers: word tests that stop early, content counts, hinted regexes."""

from __future__ import annotations

import re

import pytest

from service.text import Hinted, content_counts, has_words, tokenize, word_count


@pytest.mark.parametrize("text", ["", "Ferry", "The ferry sailed at dawn.", "Velmora's twice-weekly ferry, at 8 a.m."])
def test_has_words_agrees_with_the_word_count_at_every_threshold(text):
    for count in range(0, 10):
        assert has_words(text, count) == (word_count(text) >= count)


def test_a_possessive_is_its_word():
    # "Prodi's coalition" and "Prodi" name one man; an apostrophe inside a word stays.
    assert tokenize("Prodi's coalition, Kim’s envoy") == tokenize("Prodi coalition, Kim envoy")
    assert tokenize("it's the players' rock'n'roll") == ("it", "the", "player", "rock'n'rol")


def test_content_counts_keep_meaningful_tokens_in_first_seen_order_with_repeats():
    counts = content_counts([("the", "ferri", "sail", "the", "ferri"), ("a", "x", "harbour", "sail"), ()])
    # Columns: ferri, sail, harbour ("the", "a" are stopwords, "x" a single letter).
    assert counts.toarray().tolist() == [[2, 1, 0], [0, 1, 1], [0, 0, 0]]


def test_content_counts_of_nothing_meaningful_have_one_empty_column():
    assert content_counts([("the", "a")]).toarray().tolist() == [[0]]


def test_a_hinted_regex_finds_what_its_pattern_finds_where_a_hint_stands():
    credit = Hinted(r"\(photo: [^)]*\)", ("(photo",), re.IGNORECASE, fold=True)
    text = "The ferry sailed (PHOTO: Jan Horak) at dawn."
    assert credit.search(text).group() == "(PHOTO: Jan Horak)"
    assert [m.group() for m in credit.finditer(text, 0, len(text))] == ["(PHOTO: Jan Horak)"]
    # Without folding, the hint is looked for as written.
    assert Hinted(r"\(photo: [^)]*\)", ("(photo",), re.IGNORECASE).search(text) is None
