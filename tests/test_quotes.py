"""Who speaks a quote: the shapes news reports attribute quotes in, and the words that name nobody."""

from __future__ import annotations

import random

import pytest

from conftest import EXTRACTIVE, run_until, within_seconds
from service.models import Article
from service.pipeline import Pipeline
from service.stories.quotes import _document_quotes, _grouped, _Occurrence, _same, key_quote

QUOTE = "We will rebuild the harbour wall before the winter storms arrive"
LEADS = ("Storm waves broke the harbour wall at Velmora.", "The harbour wall at Velmora failed.")


def key_speaker(pipeline: Pipeline, report: str) -> str | None:
    """The key quote's speaker when two reports carry `report`, whose quote is QUOTE."""
    articles = [Article(id=str(k), text=f"{lead} {report}") for k, lead in enumerate(LEADS)]
    quote = pipeline.summarize(articles, EXTRACTIVE).quote
    assert quote is not None and quote.text == QUOTE
    return quote.speaker


@pytest.mark.parametrize(("report", "speaker"), [
    # A description between the name and its verb, or before the name.
    (f'"{QUOTE}," Rachel Reeves, the UK\'s finance minister, said on Tuesday.', "Rachel Reeves"),
    (f'Rachel Reeves, the UK\'s finance minister, said: "{QUOTE}."', "Rachel Reeves"),
    (f'"{QUOTE}," the finance minister, Rachel Reeves, said.', "Rachel Reeves"),
    (f'The town\'s mayor, Ines Calder, said: "{QUOTE}."', "Ines Calder"),
    (f'Rep. Henry Hyde, R-Ill., who toured the harbour, said after the vote: "{QUOTE}."', "Henry Hyde"),
    (f'Rep. John Lewis, D-Ga., said: "{QUOTE}."', "John Lewis"),
    # A title of a portfolio, and the particles and marks inside a name.
    (f'"{QUOTE}," U.S. Secretary of State Antony Blinken said.', "Antony Blinken"),
    (f'"{QUOTE}," said U.S. Secretary of State Antony Blinken.', "Antony Blinken"),
    (f'U.S. Secretary of State Antony Blinken said: "{QUOTE}."', "Antony Blinken"),
    (f'"{QUOTE}," said Ursula von der Leyen.', "Ursula von der Leyen"),
    (f'"{QUOTE}," said Abdul Muttaleb al-Ahmad, director general of the council.', "Abdul Muttaleb al-Ahmad"),
    (f'"{QUOTE}," said Blair also adding that the work would take a year.', "Blair"),
    # A place or body and a title before the name.
    (f'"{QUOTE}," said former Velmora captain Jan Horak.', "Jan Horak"),
    (f'"{QUOTE}," said University of Velmora political scientist Jan Horak.', "Jan Horak"),
    (f'"{QUOTE}," said U.S. Embassy spokesman Bill Palmer.', "Bill Palmer"),
    (f'"{QUOTE}," said U.S. Representative Jan Horak.', "Jan Horak"),
    (f'"{QUOTE}," Velmora Council Member Ines Calder said.', "Ines Calder"),
    (f'"{QUOTE}," Port Acting Administrator Jan Horak said.', "Jan Horak"),
    (f'Rep. Sherwood Boehlert of New York said "{QUOTE}."', "Sherwood Boehlert"),
    # A body named with "of" before a title: the titled person speaks, not the body's object.
    (f'"{QUOTE}," Bank of Velmora Governor Ines Calder said.', "Ines Calder"),
    (f'"{QUOTE}," said Bank of Velmora Governor Ines Calder.', "Ines Calder"),
    (f'Bank of Velmora Governor Ines Calder said: "{QUOTE}."', "Ines Calder"),
    # Two descriptions between the name and its verb.
    (f'"{QUOTE}," Jan Horak, 54, the former chief of Velmora Ferries, said.', "Jan Horak"),
    (f'Jan Horak, 54, the former chief of Velmora Ferries, said: "{QUOTE}."', "Jan Horak"),
    # A qualifier with no title after it is part of the name.
    (f'"{QUOTE}," the Foreign Ministry said in a statement.', "Foreign Ministry"),
    (f'North Korea said "{QUOTE}."', "North Korea"),
    # A title word between capitalised words: the name after it speaks.
    (f'Fire chief Kowalski praised the crews, saying "{QUOTE}."', "Kowalski"),
    # A word opening the sentence is no part of the name.
    (f'Bob Livingston quit. As Livingston said in his statement: "{QUOTE}."', "Bob Livingston"),
    # "According to …" opening the sentence.
    (f'According to Jan Horak, "{QUOTE}."', "Jan Horak"),
])
def test_the_speaker_is_read_from_the_shapes_reports_attribute_quotes_in(pipeline, report, speaker):
    assert key_speaker(pipeline, report) == speaker


@pytest.mark.parametrize(("report", "speaker"), [
    (f'"{QUOTE}," Horak told reporters.', "Horak"),
    (f'"{QUOTE}," Horak told AFP.', "Horak"),
    (f'"{QUOTE}," added Horak.', "Horak"),
    (f'"{QUOTE}," remembered Ines Calder.', "Ines Calder"),
    (f'"{QUOTE}," Horak recalled.', "Horak"),
    (f'"The wall failed at the height of the storm," Horak said. "{QUOTE}," he continued.', "Horak"),
    (f'"The wall failed at the height of the storm," Horak said, "{QUOTE}."', "Horak"),
    (f'"{QUOTE}," Prime Minister Keir Starmer said.', "Keir Starmer"),
    (f'Dr. Jane Doe said: "{QUOTE}."', "Jane Doe"),
    (f'"{QUOTE}," said Charles de Gaulle.', "Charles de Gaulle"),
    (f'"{QUOTE}," Jean-Luc O\'Neill said.', "Jean-Luc O'Neill"),
    # A quote that is its sentence's whole speaks with the voice before it, as a brief sentence does.
    (f'"The wall failed at the height of the storm," Jan Horak said. "{QUOTE}."', "Jan Horak"),
    (f'Jan Horak said the wall had failed at the height of the storm. "{QUOTE}."', "Jan Horak"),
    # A feature tells in the present tense.
    (f'"{QUOTE}," Horak tells the Velmora Courier.', "Horak"),
    (f'Ines Calder writes: "{QUOTE}."', "Ines Calder"),
    # A sentence after the quote that says nothing but who spoke is the quote's credit; one that
    # says more is a sentence of its own.
    (f'"{QUOTE}." Horak said in a statement.', "Horak"),
    (f'"{QUOTE}." Horak said the harbour would reopen in May.', None),
    # A paper or agency that quotes someone relays the words: the one it quotes speaks them.
    (f'"{QUOTE}," the Velmora Courier quoted Mayor Ines Calder as saying.', "Ines Calder"),
    (f'The Velmora Courier quoted Ines Calder as saying: "{QUOTE}."', "Ines Calder"),
    (f'"{QUOTE}," Ines Calder is quoted by the Velmora Courier as saying.', "Ines Calder"),
    (f'"{QUOTE}," the Velmora Courier quoted him as saying.', None),
    (f'"{QUOTE}," the ministry said in a statement.', None),
    (f'"{QUOTE}," he said.', None),
    # A quote in the speech verb's own clause is its speaker's, whoever relays it.
    (f'Jan Horak told the council that "{QUOTE}," Velmora Radio said.', "Jan Horak"),
    # …also where "and" joins its objects, or "while" sets its time: neither breaks the clause.
    (f'Jan Horak told Ines Calder and Eva Novak that "{QUOTE}," Velmora Radio said.', "Jan Horak"),
    (f'Jan Horak said while touring the harbour that "{QUOTE}," Velmora Radio said.', "Jan Horak"),
    # People of a titled name are not the name ("Bank of England Governor" is a body's title).
    (f'Critics of Mayor Jan Horak said "{QUOTE}."', None),
    (f'Supporters of Governor Ines Calder told reporters "{QUOTE}."', None),
    # A quote after a clause break with an attribution of its own is that attribution's.
    (f'Jan Horak said the wall was weak, but "{QUOTE}," Eva Novak said.', "Eva Novak"),
])
def test_the_plain_shapes_keep_their_speaker(pipeline, report, speaker):
    assert key_speaker(pipeline, report) == speaker


@pytest.mark.parametrize(("before", "speaker"), [
    ('"The wall failed at the height of the storm," Jan Horak said.', "Jan Horak"),
    # A title's stop ends no sentence.
    ('"The wall failed at the height of the storm," Dr. Jan Horak said.', "Jan Horak"),
    ('Jan Horak said the wall "failed at the height of the storm."', "Jan Horak"),
    # Prose between the two quotes may name whom the pronoun means: nobody is credited.
    ('"The wall failed at the height of the storm," Jan Horak said. Ines Calder toured the harbour.', None),
    ('Jan Horak said the wall "failed at the height of the storm." Ines Calder toured the harbour.', None),
])
def test_a_quote_credited_to_a_pronoun_is_the_previous_quotes_speakers_with_no_prose_between(before, speaker):
    report = f'{LEADS[0]} {before} "{QUOTE}," she said.'
    report_0 = run_until([Article(id="0", text=report), Article(id="1", text=LEADS[1])], "clean").documents[0]
    occurrences = _document_quotes(report_0)
    assert [(o.text, o.speaker) for o in occurrences][-1] == (QUOTE, speaker)


@pytest.mark.parametrize("report", [
    # A name that modifies a noun: the noun's owner speaks, and is not named.
    f'"{QUOTE}," said one senior U.S. intelligence official.',
    f'Appeal judges said "{QUOTE}."',
    f'A Velmora statement said "{QUOTE}."',
    f'"{QUOTE}," declared North Korea\'s leading newspaper.',
    # A preposition's object, or one of several speakers.
    f'A spokesman for Velmora 2030 said "{QUOTE}."',
    f'The Ministry of Defence said "{QUOTE}."',
    f'However, Ivanov and Sergeyev said "{QUOTE}."',
    # A word opening the sentence, a day, a pronoun: nobody.
    f'Although the government said police would "{QUOTE}."',
    f'Police said: "{QUOTE}."',
    f'Officials said: "{QUOTE}."',
    f'Monday said: "{QUOTE}."',
    # A collective source capitalised after the quote is no more a name than "police said".
    f'"{QUOTE}," Police said.',
    f'"{QUOTE}," Officials told reporters.',
    f'"{QUOTE}," the Ministry said.',
    f'The website on Wednesday said "{QUOTE}."',
    f'"{QUOTE}," said an editorial Saturday in the Velmora Gazette.',
    f'Lauri Love came with his girlfriend Sylvia Mann They said: "{QUOTE}."',
    # A full stop after the closing mark ends the quote's sentence: the next one is not its attribution.
    f'"{QUOTE}". Horak said the town would pay for the work.',
    # After the quote, "According to" opens the next sentence.
    f'"{QUOTE}." According to the Velmora Council, repairs start in May.',
    # After a speech verb it names who relays the words.
    f'"{QUOTE}," he said, according to the Velmora Courier.',
    f'"{QUOTE}," Jan Horak\'s deputy said, according to Velmora Radio.',
    # An earlier speech verb claims no quote that another speech verb, or its own attribution, governs.
    f'Police said the man was armed. "{QUOTE}," a witness said.',
    f'Jan Horak said the wall was weak, and "{QUOTE}," a witness said.',
    f'Jan Horak said the wall was weak when a witness told him "{QUOTE}."',
    f'Jan Horak said the wall was weak; a diver said "{QUOTE}."',
])
def test_words_that_name_nobody_credit_nobody(pipeline, report):
    assert key_speaker(pipeline, report) is None


@pytest.mark.parametrize(("context", "said", "speaker"), [
    # A lone capitalised word opening its sentence is a surname where the report also names it
    # inside a sentence and never in lower case.
    ("Fire chief Anna Kowalski toured the harbour.", 'Kowalski thanked the crews, saying "{q}."', "Anna Kowalski"),
    ("Fire chief Anna Kowalski toured the harbour.", 'Kowalski said: "{q}."', "Anna Kowalski"),
    ("Speaker Newt Gingrich toured the harbour.", 'Gingrich thanked the crews, saying "{q}."', "Newt Gingrich"),
    ("Shares of AT&T rose.", 'AT&T said in a statement that it would "{q}."', "AT&T"),
    # A word the report writes in lower case too is a common noun; a nationality is nobody.
    ("The officials toured the harbour.", 'Officials thanked the crews, saying "{q}."', None),
    ("Police inspected the wall, and the police closed the harbour.", 'Police thanked the crews, saying "{q}."', None),
    ("The North Korean envoy toured the harbour.", 'Korean thanked the crews, saying "{q}."', None),
])
def test_a_lone_word_opening_the_sentence_speaks_only_as_a_surname_the_report_names(pipeline, context, said, speaker):
    assert key_speaker(pipeline, f"{context} {said.format(q=QUOTE)}") == speaker


@pytest.mark.parametrize(("said", "speaker"), [
    # A surname credits the full name the report gives it, but not one of two namesakes.
    ('Mayor Petr Dusek toured the harbour. "{q}," Dusek said.', "Petr Dusek"),
    ('Reps. Petr Dusek and Eva Novak toured the harbour. "{q}," Dusek said.', "Petr Dusek"),
    ('Ald. Petr Dusek toured the harbour. "{q}," Dusek said.', "Petr Dusek"),
    ('The Prime Minister of the Velmora Islands Petr Dusek toured the harbour. "{q}," Dusek said.', "Petr Dusek"),
    ('In Velmora Petr Dusek toured the harbour. Petr Dusek is its mayor. "{q}," Dusek said.', "Petr Dusek"),
    ('Petr Dusek and Eva Dusek toured the harbour. "{q}," Dusek said.', "Dusek"),
    # A possessive is no given name, nor a word the report gives a full name by ("Oh Petr", but "Petr Dusek").
    ("Velmora's Dusek toured the harbour. \"{q},\" Dusek said.", "Dusek"),
    ('Eva Novak called out "Oh Petr, the wall is gone" to Petr Dusek. "{q}," Petr said.', "Petr"),
    # The first word of one full name credits it: a given name, or a family name written first;
    # not where it opens two names, or also ends one.
    ('Harbour master Bill Hudson toured the harbour. "{q}," Bill said.', "Bill Hudson"),
    ('North Korean leader Kim Jong Un toured the harbour. "{q}," Kim said.', "Kim Jong Un"),
    ('Kim Jong Un and Kim Yo Jong toured the harbour. "{q}," Kim said.', "Kim"),
    ('Petr Dusek left Dusek Tower for the harbour. "{q}," Dusek said.', "Dusek"),
    # …nor the first word of a body's name, nor a surname the report sets after a title.
    ('Mayor Dusek opened Dusek Bridge over the harbour. "{q}," Dusek said.', "Dusek"),
    ('"{q}," Dusek said. The Dusek Foundation paid for the harbour wall.', "Dusek"),
    ('Senator Dusek toured Dusek Ferries. "{q}," Dusek said.', "Dusek"),
    # A surname that is also a word stays a surname ("It may rain"); a plural is a common noun (above).
    ('Prime Minister May toured the harbour. "{q}," May said. It may rain.', "May"),
    ('"{q}," Gray said. The sky over the harbour was gray.', "Gray"),
    # April, May, June and August are given names too; the other months are dates.
    ('Harbour master April Calder toured the harbour. "{q}," April Calder said.', "April Calder"),
    ('"{q}," Dusek said on July 4. The harbour opened in July.', "Dusek"),
    # A title's words before the name go, a title of two words and a place's abbreviation too.
    ('"{q}," said Harbour Master Jan Horak. Horak left the harbour.', "Jan Horak"),
    ('"{q}," said Port Authority Chair Jan Horak. Horak left. The port was closed.', "Jan Horak"),
    ('"{q}," Horak said. U.S. Jan Horak arrived at the harbour.', "Jan Horak"),
    # Words before a name that the report then leaves off are a title, when they are shaped like
    # one or the report writes them in lower case; a body's name keeps its words.
    ('"{q}," Englishman Tom Hale said. Hale finished second.', "Tom Hale"),
    ('"{q}," President-elect Ines Calder said. Calder won the vote.', "Ines Calder"),
    ('"{q}," Senior Meteorologist Jane Doe said. Doe expects more rain.', "Jane Doe"),
    ('"{q}," said CEO Sofia Lindgren. Lindgren joined in 2019.', "Sofia Lindgren"),
    ('Velmora Ferries CEO Sofia Lindgren said: "{q}." Lindgren ran two ferries.', "Sofia Lindgren"),
    ('"{q}," Cleric Omar Haddad said. The cleric, Haddad, led prayers.', "Omar Haddad"),
    ('"{q}," the National Harbour Service said. The national service runs the port.', "National Harbour Service"),
    ('"{q}," the Prime Minister\'s Office said. Office staff left the harbour.', "Prime Minister's Office"),
    ('"{q}," the VNA World Service said.', "VNA World Service"),
    # A collective noun the report writes in lower case names nobody.
    ('The lifeguards worked all night. "{q}," Lifeguards said.', None),
])
def test_a_report_shows_who_a_speaker_is(pipeline, said, speaker):
    assert key_speaker(pipeline, said.format(q=QUOTE)) == speaker


def test_a_description_before_the_verb_credits_a_piece_of_a_quotation_in_the_brief(pipeline):
    reports = [
        'Storm waves broke through the harbour wall at Velmora on Sunday night. Ines Calder, the harbour master, '
        'said: "The wall failed at the height of the storm. Engineers will rebuild the harbour wall at Velmora '
        'before the winter storms. Nobody was hurt, and that is what matters."',
        "The harbour wall at Velmora collapsed in Sunday's storm, and engineers will rebuild the harbour wall before "
        "the winter storms, the port said.",
        "Engineers will rebuild the harbour wall at Velmora before the winter storms, after it failed on Sunday.",
    ]
    brief = pipeline.summarize([Article(id=str(k), text=t) for k, t in enumerate(reports)], EXTRACTIVE)
    piece = next(s for s in brief.sentences if s.text.startswith("“Engineers will rebuild"))
    assert piece.speaker == "Ines Calder"


@pytest.mark.parametrize("run", [
    "Jan " * 5000,  # capitalised words, each once a name's start
    "Jan von der " * 1700,  # particles, each a name's possible end
    "Rep. Jan " * 2200,  # titles' full stops, which end no sentence
    "Jan Of " * 2900,  # a body's "of" before each word
])
def test_a_long_run_of_name_words_before_a_quote_is_read_at_once(pipeline, run):
    with within_seconds(5):
        assert key_speaker(pipeline, f'{run}"{QUOTE}," Kowalski said.') == "Kowalski"


def _grouped_by_trying_every_group(found):
    groups = []
    for occurrence in found:
        home = next((g for g in groups if _same(g[0], occurrence)), None)
        if home is None:
            groups.append([occurrence])
        else:
            home.append(occurrence)
    return groups


def _occurrences(count, vocabulary, seed):
    draw = random.Random(seed)
    return [
        _Occurrence(f"quote {k}", frozenset(draw.sample(vocabulary, draw.randint(1, 7))), None, str(k % 5))
        for k in range(count)
    ]


@pytest.mark.parametrize("seed", range(5))
def test_quotes_are_grouped_as_trying_every_group_would(seed):
    # A small vocabulary makes many quotes one, and many share a word or two without being one.
    found = _occurrences(400, [f"word{k}" for k in range(12)], seed)
    assert _grouped(found) == _grouped_by_trying_every_group(found)


def test_thousands_of_different_quotes_are_grouped_without_trying_each_against_all():
    # Three words of its own and two of a few common ones: no two quotes are one. Tried against
    # every group, 20,000 such quotes take minutes.
    found = [
        _Occurrence(f"quote {k}", frozenset({f"own{k}a", f"own{k}b", f"own{k}c", f"common{k % 7}", f"common{k % 11}"}),
                    None, "0")
        for k in range(20_000)
    ]
    with within_seconds(5, "grouping quotes tried each against every group"):
        assert len(_grouped(found)) == 20_000


def test_a_page_of_thousands_of_one_quote_gives_its_key_quote_in_linear_time():
    # Each wording weighed against every other, 2,500 wordings of one quote took 15 s.
    repeated = " ".join(f'"We will rebuild the harbour wall number {k} before the winter storms."' for k in range(2_500))
    cluster = run_until([Article(id="0", text=f"{LEADS[0]} {repeated}"), Article(id="1", text=LEADS[1])], "segment")
    with within_seconds(8, "the key quote's wordings were each weighed against every other"):
        quote = key_quote(cluster)
    assert quote.text == "We will rebuild the harbour wall number 0 before the winter storms"


@pytest.mark.parametrize(("first", "second", "key"), [
    # As widely carried, a quote whose speaker a report names wins over a longer unnamed one…
    ('"The sea took the wall and most of the old quay with it in one night," a witness said.',
     '"The harbour will open again by spring," Mayor Ines Calder said.',
     ("The harbour will open again by spring", "Ines Calder")),
    # …and where none is named, the longer one.
    ('"The sea took the wall and most of the old quay with it in one night," a witness said.',
     '"The harbour will open again by spring," a fisherman said.',
     ("The sea took the wall and most of the old quay with it in one night", None)),
    # A quote more widely carried wins whoever speaks it.
    ('"The sea took the wall and most of the old quay with it in one night," a witness said.',
     None, ("The sea took the wall and most of the old quay with it in one night", None)),
])
def test_the_key_quote_among_as_widely_carried_ones_is_named_then_whole_then_longer(first, second, key):
    third = second or '"The harbour will open again by spring," Mayor Ines Calder said.'
    articles = [
        Article(id="0", text=f"{LEADS[0]} {first}"),
        Article(id="1", text=f"{LEADS[1]} The storm struck overnight. {first}"),
        Article(id="2", text=f"{LEADS[0]} Crews worked through the day. {third}"),
    ]
    if second:
        articles.append(Article(id="3", text=f"{LEADS[1]} The quay was closed. {second}"))
    quote = key_quote(run_until(articles, "segment"))
    assert quote is not None and (quote.text, quote.speaker) == key
