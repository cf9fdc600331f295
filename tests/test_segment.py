"""Segment: sentence boundaries (abbreviations, initials, quotes, CJK) and offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import run_until, within_seconds
from service import Article
from service.stages.segment import is_run_in_headline, split_sentences


def split(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. Navy sent a tug. Gen. Ortiz arrived on Jan. 5 with Dr. Lee and Det. Const. Horak. The ship left.",
            ["The U.S. Navy sent a tug.", "Gen. Ortiz arrived on Jan. 5 with Dr. Lee and Det. Const. Horak.",
             "The ship left."],
        ),
        (
            # A court case's "v." names the other side.
            "The ruling in Horak v. Velmora Transit stands. Berg v. Holt was settled.",
            ["The ruling in Horak v. Velmora Transit stands.", "Berg v. Holt was settled."],
        ),
        (
            # A month a page dots like an abbreviation, before its day and year; "in May." ends one.
            "The river rose on May. 6, 2025 in Velmora. It fell in May. 7 people died.",
            ["The river rose on May. 6, 2025 in Velmora.", "It fell in May.", "7 people died."],
        ),
        (
            "Loads such as e.g. Timber burn fast. Crews knew that.",
            ["Loads such as e.g. Timber burn fast.", "Crews knew that."],
        ),
        (
            "Mayor Anna K. Berg spoke first. J. R. Holt answered. Mrs. Holt and St. Clair nodded. "
            "Reps. Ada Holt and Jan Berg left. A court martial found Army Spc. Ivo Berg guilty. Drs. Holt and Berg "
            "met Ald. Ivo Berg.",
            ["Mayor Anna K. Berg spoke first.", "J. R. Holt answered.", "Mrs. Holt and St. Clair nodded.",
             "Reps. Ada Holt and Jan Berg left.", "A court martial found Army Spc. Ivo Berg guilty.",
             "Drs. Holt and Berg met Ald. Ivo Berg."],
        ),
        (
            '"We are ready," she said. "The fire is out." Then he left.',
            ['"We are ready," she said.', '"The fire is out."', "Then he left."],
        ),
        (
            "He said: “It is over.” Crews left. ‘Go home.’ (The road reopened.) It rained.",
            ["He said: “It is over.”", "Crews left.", "‘Go home.’", "(The road reopened.)", "It rained."],
        ),
        (
            "Prices rose 2.5 percent. The index was 3.14 at noon. 40 people were hurt.",
            ["Prices rose 2.5 percent.", "The index was 3.14 at noon.", "40 people were hurt."],
        ),
        ("Is it safe? Nobody knows! Wait... then go.", ["Is it safe?", "Nobody knows!", "Wait... then go."]),
        ("火灾发生在港口。两名工人受伤。消防员赶到现场！", ["火灾发生在港口。", "两名工人受伤。", "消防员赶到现场！"]),
        ("Tram derails in Velmora city centre", ["Tram derails in Velmora city centre"]),
        ("   ", []),
        (
            'The tram left the rails.Fourteen people were hurt, "seriously."Crews came. Mrs.Holt joined Velmora.Com. '
            "The driver was 33.The line reopened.On Friday, trams ran.We're lucky, one said.I've ridden it since.",
            ["The tram left the rails.", 'Fourteen people were hurt, "seriously."', "Crews came.",
             "Mrs.Holt joined Velmora.Com.", "The driver was 33.", "The line reopened.", "On Friday, trams ran.",
             "We're lucky, one said.", "I've ridden it since."],
        ),
        (
            'The driver posted a photo."Back at work," he wrote.',
            ["The driver posted a photo.", '"Back at work," he wrote.'],
        ),
        (
            "Few takers for free ferry tickets in Velmora A winter storm closed the harbour. "
            "Crews worked through the night The pier reopened at dawn. He wore it like the scarlet A on her coat. "
            "The tram, similar to this one A police inquiry has begun.",
            ["Few takers for free ferry tickets in Velmora", "A winter storm closed the harbour.",
             "Crews worked through the night", "The pier reopened at dawn.", "He wore it like the scarlet A on her coat.",
             "The tram, similar to this one", "A police inquiry has begun."],
        ),
        (
            'She starred in the play "9 to 5."The run ended in May. It was 5."Back at work" was all he wrote.',
            ['She starred in the play "9 to 5."', "The run ended in May.", "It was 5.", '"Back at work" was all he wrote.'],
        ),
        (
            # A pronoun that opens sentences, after a word or a forum post's clock time; not the
            # first word of a quoted title.
            "Velmora divers reach the stranded crew They ask how long the repairs take. The choir sang "
            "``Let There be Light'' at the quay. Posted June 12, 2010, 08:14:44 PM This is an open offer. "
            "Velmora Divers Save the Stranded Crew My dive took an hour. The choir sang In My Life at the quay.",
            ["Velmora divers reach the stranded crew", "They ask how long the repairs take.",
             "The choir sang ``Let There be Light'' at the quay.", "Posted June 12, 2010, 08:14:44 PM",
             "This is an open offer.", "Velmora Divers Save the Stranded Crew", "My dive took an hour.",
             "The choir sang In My Life at the quay."],
        ),
        (
            "The operator answered her tweet. @janhorak The ferry sails again on Friday. She thanked them.",
            ["The operator answered her tweet.", "@janhorak The ferry sails again on Friday.", "She thanked them."],
        ),
        (
            "Scenes after the tram crash on July 7 A court has been shown the footage. "
            "WATCH Storm hits Velmora 02:29 The harbour stayed shut.",
            ["Scenes after the tram crash on July 7", "A court has been shown the footage.",
             "WATCH Storm hits Velmora 02:29", "The harbour stayed shut."],
        ),
        (
            "The ferry sailed for the U.S. They reached Boston, Mass. on Friday. The U.S. Steel plant at Velmora, "
            "N.Y. He toured it.",
            ["The ferry sailed for the U.S.", "They reached Boston, Mass. on Friday.", "The U.S. Steel plant at Velmora, N.Y.",
             "He toured it."],
        ),
        (
            # A state's abbreviation before a noun ends no sentence; after a town it may.
            "Crews closed the Pa. Turnpike near Erie, Pa. The ferry did not sail.",
            ["Crews closed the Pa. Turnpike near Erie, Pa.", "The ferry did not sail."],
        ),
        (
            # A caption run into the paragraph's lead, which names the same ferry.
            "Crews towed the Ostland Star back to port The Velmora Ferry Company's Ostland Star ran aground on "
            "Friday. The Ostland Star was towed in. One of the Ostland Star's crew was hurt.",
            ["Crews towed the Ostland Star back to port",
             "The Velmora Ferry Company's Ostland Star ran aground on Friday.", "The Ostland Star was towed in.",
             "One of the Ostland Star's crew was hurt."],
        ),
        (
            # A subhead run into a paragraph that opens with a preposition; a title keeps its nouns capitalised.
            "Local death tolls Near the epicenter the toll may reach 80,000. The film Gone With the Wind played.",
            ["Local death tolls", "Near the epicenter the toll may reach 80,000.", "The film Gone With the Wind played."],
        ),
        (
            # A headline run into a lead that opens on the headline's own opening name, after a
            # lower-case word, or after a headline in Title Case; headlines may come stacked.
            "Jan Horak waves to the crowd at the quay Jan Horak has sold the ferry to the city.",
            ["Jan Horak waves to the crowd at the quay", "Jan Horak has sold the ferry to the city."],
        ),
        (
            "Ostland Star Returns to Velmora Port Ostland Star's Crew Back Home Breaking News Ostland Star's "
            "crew -- two sailors and a cook -- landed on Friday.",
            ["Ostland Star Returns to Velmora Port", "Ostland Star's Crew Back Home Breaking News",
             "Ostland Star's crew -- two sailors and a cook -- landed on Friday."],
        ),
        # Prose names someone again after a title or a verb, or not first: one sentence.
        (
            "Jan Horak sold the ferry, and the mayor thanked Harbour Master Jan Horak for it.",
            ["Jan Horak sold the ferry, and the mayor thanked Harbour Master Jan Horak for it."],
        ),
        (
            "Jan Horak sold the ferry to Velmora after the city council met Jan Horak on Friday.",
            ["Jan Horak sold the ferry to Velmora after the city council met Jan Horak on Friday."],
        ),
        # No name repeated, or the word before is a function word: one sentence.
        (
            "Crews towed the ferry back to port The Velmora Ferry Company said it ran aground.",
            ["Crews towed the ferry back to port The Velmora Ferry Company said it ran aground."],
        ),
        (
            "Crews towed the Ostland Star to The Velmora Ferry Company's yard near the Ostland Star's berth.",
            ["Crews towed the Ostland Star to The Velmora Ferry Company's yard near the Ostland Star's berth."],
        ),
        (
            # Any abbreviation ends its sentence before a word that only opens one; a title's
            # surname may be such a word; a label standing alone keeps its answer.
            "Jan Berg joined Velmora Ferries Inc. The firm grew. Trams stop on Harbour Ave. If it rains, they wait. "
            "Crews loaded rope, timber, etc. Then they sailed. It was sold by Ostland Ltd. Later, it sank. "
            "Cheers greeted Ms. He and her crew. Q. Why did it sink? A. In the storm it listed.",
            ["Jan Berg joined Velmora Ferries Inc.", "The firm grew.", "Trams stop on Harbour Ave.",
             "If it rains, they wait.", "Crews loaded rope, timber, etc.", "Then they sailed.",
             "It was sold by Ostland Ltd.", "Later, it sank.", "Cheers greeted Ms. He and her crew.",
             "Q. Why did it sink?", "A. In the storm it listed."],
        ),
        (
            "Msgr. Ivo Berg prayed. Atty. Gen. Ada Holt spoke. The Rt. Hon. Jan Berg sat with Sgts. Holt and Berg. "
            "The crate weighs 43 lbs. (20 kg) in all.",
            ["Msgr. Ivo Berg prayed.", "Atty. Gen. Ada Holt spoke.",
             "The Rt. Hon. Jan Berg sat with Sgts. Holt and Berg.", "The crate weighs 43 lbs. (20 kg) in all."],
        ),
        (
            # A title, a month or a day in lower case is a word; "EST" in capitals is a time zone.
            "Climbers crossed the col. Snow fell. The driver gave the engine a rev. Smoke rose. The dog sat. Crews "
            "waited. It left at 9 a.m. EST. It docked.",
            ["Climbers crossed the col.", "Snow fell.", "The driver gave the engine a rev.", "Smoke rose.",
             "The dog sat.", "Crews waited.", "It left at 9 a.m. EST.", "It docked."],
        ),
        (
            "Asked to resign, Berg said no. Nobody asked again. Velmora signed a deal with Sun. As part of it, Sun "
            "builds ferries. The No. 2 ferry sailed on Sept. 11 and on Sat. Oct. 3, as Fig. S2 shows.",
            ["Asked to resign, Berg said no.", "Nobody asked again.", "Velmora signed a deal with Sun.",
             "As part of it, Sun builds ferries.",
             "The No. 2 ferry sailed on Sept. 11 and on Sat. Oct. 3, as Fig. S2 shows."],
        ),
        (
            # After a name's abbreviation or a dotted acronym a quotation opens a sentence; after an
            # initial it is a nickname.
            "said Jan Berg of Holt & Co. ``It sank fast.'' Rep. Ada Holt, D-N.Y., agreed with Ivo Berg Jr. "
            '"We must act." The ferry sailed for the U.S. "Time to go," Berg said. Pvt. Ivan L. "Chip" Berg testified.',
            ["said Jan Berg of Holt & Co.", "``It sank fast.''", "Rep. Ada Holt, D-N.Y., agreed with Ivo Berg Jr.",
             '"We must act."', "The ferry sailed for the U.S.", '"Time to go," Berg said.',
             'Pvt. Ivan L. "Chip" Berg testified.'],
        ),
        (
            # A clock time ends the sentence before a capitalised word that neither dates nor zones it.
            "The blast came at 8 a.m. Police said two died. Talks began at 4 p.m. Tuesday and 3 p.m. ET, or 9 p.m. "
            "Velmora time. Polls open at 6 a.m. Election Day and at 5 p.m. Saturdays. It airs at 8 p.m. Eastern. It "
            "closed at 10 p.m. ``We are done,'' she said. They met at 10 a.m. Mountain View police said nothing.",
            ["The blast came at 8 a.m.", "Police said two died.",
             "Talks began at 4 p.m. Tuesday and 3 p.m. ET, or 9 p.m. Velmora time.",
             "Polls open at 6 a.m. Election Day and at 5 p.m. Saturdays.", "It airs at 8 p.m. Eastern.",
             "It closed at 10 p.m.", "``We are done,'' she said.", "They met at 10 a.m.",
             "Mountain View police said nothing."],
        ),
        (
            # In capitals outside capitalised text, a title's letters are an acronym.
            "The dinner marked a decade of the network RT. Another guest sat nearby. FROM AUG. 13: FERRY SINKS.",
            ["The dinner marked a decade of the network RT.", "Another guest sat nearby.",
             "FROM AUG. 13: FERRY SINKS."],
        ),
        (
            "She told HOLA! USA she was happy. Watch it on Yahoo! Sports. He left Yahoo! The firm said no. Wow! Fine.",
            ["She told HOLA! USA she was happy.", "Watch it on Yahoo! Sports.", "He left Yahoo!", "The firm said no.",
             "Wow!", "Fine."],
        ),
        ("He paused… Then he spoke. Wait… then go.", ["He paused…", "Then he spoke.", "Wait… then go."]),
        (
            # The sentences of a parenthesis opened mid-sentence are the sentence's.
            "Berg runs a site (which is basically a blog… well, no. It's a blog.) Crews left.",
            ["Berg runs a site (which is basically a blog… well, no. It's a blog.)", "Crews left."],
        ),
        (
            # A CJK stop inside a quotation, before the words that report it.
            "「今日は晴れ。」と彼は言った。次の日も晴れた。",
            ["「今日は晴れ。」と彼は言った。", "次の日も晴れた。"],
        ),
        (
            "Llegó tarde. ¿Qué pasó? ¡Nadie sabe! Il a dit «Non.» Puis il est parti.",
            ["Llegó tarde.", "¿Qué pasó?", "¡Nadie sabe!", "Il a dit «Non.»", "Puis il est parti."],
        ),
        (
            # A question of a noun alone is answered in the words after it; a question that
            # asks something stands apart.
            "Ridership fell. The main reason? A slower tram. Horak's theory? Nobody rides at night. "
            "Who knows? What's the forecast? Rain. The Jets? They won.",
            ["Ridership fell.", "The main reason? A slower tram.", "Horak's theory? Nobody rides at night.",
             "Who knows?", "What's the forecast?", "Rain.", "The Jets?", "They won."],
        ),
        (
            # A sentence that only credits the quotation before it is that quotation's; one that
            # says something, or follows no quotation, stands apart.
            "“The tram is faster than we ever imagined.” Ines Horak, the chief engineer of Velmora "
            "Transit, said in a statement on Monday. “Is it safe?” He said. “Ask me.” Horak told AFP. "
            "“We won.” Horak said the line was late. “It ran.” Fares rose as riders noted. "
            "“It ran.” Berg was told there would be delays. The tram ran. Horak said in a statement.",
            ["“The tram is faster than we ever imagined.” Ines Horak, the chief engineer of Velmora "
             "Transit, said in a statement on Monday.", "“Is it safe?” He said.", "“Ask me.” Horak told AFP.",
             "“We won.”", "Horak said the line was late.", "“It ran.”", "Fares rose as riders noted.",
             "“It ran.”", "Berg was told there would be delays.", "The tram ran.", "Horak said in a statement."],
        ),
        (
            # The letter as a label, before a word no article stands before; an article before "few".
            "Plan A was approved on Sunday. The ferry carried vitamin A and iron. Crews said A few boats sank.",
            ["Plan A was approved on Sunday.", "The ferry carried vitamin A and iron.", "Crews said",
             "A few boats sank."],
        ),
    ],
    ids=["acronym-title-month", "court-case", "dotted-month", "e.g.", "initials", "quotes", "curly-quotes-brackets", "decimals", "?!", "cjk",
         "headline-no-stop", "blank", "paragraphs-run-together", "run-together-before-a-quote", "run-in-headline",
         "run-together-after-a-quote", "run-in-pronoun", "tweet-reply", "run-in-after-a-number", "dotted-acronym-ends-a-sentence",
         "state-before-a-noun",
         "caption-run-into-the-lead", "run-in-subhead-before-a-preposition", "headline-opening-name-repeated",
         "stacked-title-case-headlines", "name-repeated-after-a-title", "name-repeated-as-an-object", "no-name-repeated",
         "function-word-before", "abbreviation-before-a-sentence-opener", "titles-and-units", "lower-case-word",
         "abbreviation-before-a-number", "quotation-after-a-name", "clock-time", "capitals",
         "name-with-an-exclamation-mark", "ellipsis", "parenthesis", "cjk-quotation", "spanish-and-french-marks",
         "question-answered-after-it", "bare-credit-after-a-quotation", "the-letter-a-as-a-label"],
)
def test_sentence_boundaries(text, expected):
    assert split(text) == expected


@pytest.mark.parametrize(
    ("text", "is_headline"),
    [
        ("Lady Velmora in A Star is Born Lady Velmora makes her film debut in a remake.", True),
        ("Tram Derails in Velmora City Centre A tram derailed on Thursday.", True),
        # A caption is written as a sentence; a stamp and a share bar are page furniture.
        ("Crews towed the Ostland Star back to port The Velmora Ferry Company's Ostland Star ran aground.", False),
        ("Date Posted: Dec 12, 2011 Photo Gallery A new ferry sails from Velmora.", False),
        ("Share | Email | Print A new ferry sails from Velmora.", False),
        ("A new ferry sails from Velmora.", False),
    ],
    ids=["title-case", "title-case-before-an-article", "caption", "stamp", "share-bar", "one-sentence"],
)
def test_a_headline_run_into_a_paragraph_is_told_by_title_case(text, is_headline):
    assert is_run_in_headline(text, list(split_sentences(text))) is is_headline


PIECES = st.sampled_from(list("ab A.!?。\"”)( \n\t1") + ["U.S.", "Gen.", "Dr.", " e.g. ", "J. "])


@given(st.lists(PIECES, max_size=60).map("".join))
def test_spans_are_trimmed_ordered_and_cover_every_visible_character(text):
    spans = list(split_sentences(text))
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip()
        assert not text[previous_end:start].strip()
        previous_end = end
    assert not text[previous_end:].strip()


def test_sentences_carry_article_index_position_offsets_and_stems(tram):
    cluster = run_until(tram, "segment")
    for document in cluster.documents:
        sentences = document.sentences
        assert [s.index for s in sentences] == list(range(len(sentences)))
        assert all(s.article_id == document.article.id for s in sentences)
        assert sentences[0].position == 0.0
        assert all(0.0 <= a.position < b.position < 1.0 for a, b in zip(sentences, sentences[1:]))
        assert all(document.article.text[s.start : s.end] == s.text for s in sentences)
    lead = cluster.documents[1].sentences[0]
    assert lead.text.startswith("A tram derailed on a bend")  # the reprint's headlines are not sentences
    assert lead.tokens[:4] == ("a", "tram", "derail", "on")


def test_a_headline_without_a_full_stop_is_not_glued_to_the_lead():
    headline = "Tram derails in Velmora city centre"
    lead = "A tram derailed on a bend in central Velmora on Thursday morning, injuring 14 passengers."
    cluster = run_until([Article(id="a", text=f"{headline}\n{lead}\n")], "segment")
    document = cluster.documents[0]
    assert document.headlines == [headline]
    assert [s.text for s in document.sentences] == [lead]
    assert document.sentences[0].start == len(headline) + 1


def test_an_article_left_without_sentences_is_warned_about():
    good = "A tram derailed on a bend in central Velmora on Thursday morning, injuring 14 passengers."
    furniture_only = "Share this article\nSign up for our newsletter"
    cluster = run_until([Article(id="good", text=good), Article(id="junk", text=furniture_only)], "segment")
    assert [len(d.sentences) for d in cluster.documents] == [1, 0]
    assert cluster.warnings == ["article 'junk' has no usable sentences and was skipped"]


def test_pieces_of_a_quotation_over_several_sentences_know_they_are_quoted():
    text = ('She said: "2010 was the best year. I fell in love with my best friend. An amazing woman," '
            'James said. He left. "We will rebuild," the mayor said. Up to 6" of rain fell. It stopped.')
    cluster = run_until([Article(id="a", text=text)], "segment")
    states = [(s.opens_quoted, s.ends_quoted) for s in cluster.sentences]
    assert states == [(False, True), (True, True), (True, False), (False, False), (False, False), (False, False),
                      (False, False)]
    assert [s.brief_text for s in cluster.sentences[:3]] == [
        'She said: "2010 was the best year."',
        "“I fell in love with my best friend.”",
        '"An amazing woman," James said.',
    ]
    assert cluster.sentences[3].brief_text == "He left."
    # Some papers close a quote with two curly singles: it closes, and what follows is not quoted.
    doubled = "“I stayed out of contracting,’’ said Leslie Norton. Four firms applied for the contract."
    assert [(s.opens_quoted, s.ends_quoted) for s in run_until([Article(id="b", text=doubled)], "segment").sentences] == [
        (False, False), (False, False)]


def test_a_quoted_phrase_that_lost_its_closing_mark_ends_with_its_sentence():
    text = ('Jan Horak, known as "the Tram King, retired on Friday. The depot closed. '
            'Staff called him "the Tram King," a title he liked.')
    cluster = run_until([Article(id="a", text=text)], "segment")
    assert [(s.opens_quoted, s.ends_quoted) for s in cluster.sentences] == [(False, False)] * 3
    assert cluster.sentences[1].brief_text == "The depot closed."
    # What someone said may run over sentences: a mark lost there leaves the quotation open.
    said = 'He said, "We will rebuild. The tram runs on Monday. Staff called it "the best line," she added.'
    states = [(s.opens_quoted, s.ends_quoted) for s in run_until([Article(id="b", text=said)], "segment").sentences]
    assert states[:2] == [(False, True), (True, True)]


def test_a_quotation_opening_right_after_a_run_together_stop_is_known_as_one():
    text = 'The driver posted a photo."Back at work. I feel fine," he wrote. He left.'
    cluster = run_until([Article(id="a", text=text)], "segment")
    assert [(s.opens_quoted, s.ends_quoted) for s in cluster.sentences] == [
        (False, False), (False, True), (True, False), (False, False)]
    assert cluster.sentences[1].brief_text == '"Back at work."'


def test_prose_after_a_quotation_whose_closing_mark_was_mangled_is_not_quoted():
    text = ("The mayor called the plan a “direct attack\ufffd? on the city budget. "
            "Officials met on Monday to discuss the budget.")
    cluster = run_until([Article(id="a", text=text)], "segment")
    assert [(s.opens_quoted, s.ends_quoted) for s in cluster.sentences] == [(False, False), (False, False)]
    # The restored mark keeps the offsets by taking the mangled pair's two characters; the
    # brief shows the sentence single-spaced.
    assert cluster.sentences[0].brief_text == "The mayor called the plan a “direct attack” on the city budget."
    assert cluster.sentences[1].brief_text == "Officials met to discuss the budget."


def test_the_brief_closes_up_the_space_a_link_left_before_a_stop():
    text = ("The council, led by Mayor Ilse Varga , approved the Line 3 tram ; the vote was 31 to 4 . "
            "\"We waited . . . for years ,\" she said . Officials cited a .45 caliber pistol , and left: a vote ?")
    cluster = run_until([Article(id="a", text=text)], "segment")
    assert [s.brief_text for s in cluster.sentences] == [
        "The council, led by Mayor Ilse Varga, approved the Line 3 tram; the vote was 31 to 4.",
        '"We waited... for years," she said.',
        "Officials cited a .45 caliber pistol, and left: a vote ?",
    ]
    # The offsets still point at the report's own text.
    first = cluster.sentences[0]
    assert text[first.start : first.end].endswith("31 to 4 .")


def test_characters_that_show_nothing_leave_the_brief_and_the_words_whole():
    # A soft hyphen and a zero-width space inside words, a zero-width space before one.
    text = "The \u200bFlight Crew won the\u200bir pay fight with the Jets after a three-year le\u00adgal battle on Monday."
    cluster = run_until([Article(id="a", text=text)], "segment")
    sentence = cluster.sentences[0]
    assert sentence.brief_text == "The Flight Crew won their pay fight with the Jets after a three-year legal battle."
    assert {"their", "legal"} <= set(sentence.tokens)
    assert sentence.text == text  # offsets still point at the report's own text


@pytest.mark.parametrize(
    "sentences",
    [
        ["Пожар уничтожил склад в порту.", "Два рабочих пострадали.", "Причина пожара расследуется."],
        ["Η φωτιά κατέστρεψε την αποθήκη.", "Δύο εργάτες τραυματίστηκαν."],
        ["اندلع حريق في المستودع.", "أصيب عاملان بجروح؟", "التحقيق جار."],  # Arabic has no capitals
        ["서울에서 화재가 발생했다.", "두 명이 다쳤다."],  # nor has Korean, stopped as English is
        ["गोदाम में आग लगी।", "दो मज़दूर घायल हुए।"],
        ["Հրդեհը ոչնչացրեց պահեստը։", "Երկու աշխատող վիրավորվեց։"],
        ["እሳቱ መጋዘኑን አወደመ።", "ሁለት ሰራተኞች ተጎዱ።"],
        ["Policja w Łodzi zatrzymała kierowcę.", "Świadkowie widzieli wypadek.", "Żaden pasażer nie ucierpiał."],
    ],
    ids=["cyrillic", "greek", "arabic", "korean", "hindi", "armenian", "amharic", "polish"],
)
def test_sentences_of_other_scripts_are_told_apart(sentences):
    text = " ".join(sentences)
    assert [text[start:end] for start, end in split_sentences(text)] == sentences


@pytest.mark.parametrize(
    "line",
    [
        "Mr. Inc. a.m. No. Sun. A. RT. Yahoo! " * 550,
        "x (" + "a. B. " * 3300 + ")",
        "x (a. B.) " * 2000,
        "at 8 a.m. New New New " * 1000,
        "… A. ¿ «" * 2500,
    ],
    ids=["abbreviations", "long-parenthesis", "parentheses", "clock", "marks"],
)
def test_a_hostile_line_is_split_in_linear_time(line):
    with within_seconds(5):
        assert list(split_sentences(line))
