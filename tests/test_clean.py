"""Clean: site furniture and appended stories go, the report's prose stays, offsets stay true."""

from __future__ import annotations

import textwrap

import pytest

from conftest import DEMO, EXTRACTIVE, read_cluster, run_until, within_seconds
from service import Article, InputError, Options, summarize
from service.cluster import Cluster, Document
from service.stages.clean import Clean, readable_text
from service.voice import tells_of_web_pages

LEAD = (
    "A tram derailed on a bend in central Velmora on Thursday morning, injuring 14 passengers, "
    "two of them seriously, city officials said."
)
SECOND = (
    "The Line 3 tram left the rails at the junction of Kessler Street and Old Market Square "
    "shortly after 8 a.m. and struck a lamp post."
)
THIRD = "Emergency crews closed Old Market Square to traffic while the Line 3 tram was lifted back onto the rails."
OTHER = (
    "Fourteen passengers were hurt when a Line 3 tram derailed near Old Market Square in Velmora "
    "on Thursday, and two of them were taken to hospital in a serious condition.\n"
    "Transport officials said the tram had struck a lamp post at the Kessler Street junction "
    "shortly after 8 a.m.\n"
)


def clean(*texts: str) -> list[Document]:
    """Clean a cluster of the given reports (ids a, b, ...), plus a companion report for relevance."""
    articles = [Article(id=chr(ord("a") + i), text=t) for i, t in enumerate(texts)]
    articles.append(Article(id="other", text=OTHER))
    return Clean()(Cluster(articles=articles, options=Options())).documents


def kept(document: Document) -> str:
    return "\n".join(b.text for b in document.blocks)


def paragraphs_after_lead(line: str) -> list[str]:
    """The paragraphs clean keeps of a report: LEAD, then `line` as a paragraph of its own."""
    return [b.text for b in clean(f"{LEAD}\n{line}\n")[0].blocks]


def test_blocks_and_sentences_point_into_the_original_text(tram):
    for articles in (tram, read_cluster(DEMO)):
        cluster = run_until(articles, "segment")
        for document in cluster.documents:
            original = document.article.text
            assert document.blocks
            for block in document.blocks:
                # A stripped sign-off shortens a block at its end, never at its start.
                assert original[block.start :].startswith(block.text)
            for sentence in document.sentences:
                assert original[sentence.start : sentence.end] == sentence.text


@pytest.mark.parametrize(
    "furniture",
    [
        "Share this article",
        "Sign up for the Courier Evening newsletter",
        "tram-derailment-old-market-square.jpg",
        "Photo: velmora_tram_0412.png",
        "Follow us on Facebook and X for live updates",
        "Markets | Weather | Traffic | Sport",
        "© 2024 Velmora Media Group. All rights reserved.",
        "Download our app for breaking news alerts",
        "Read the full story at https://example.com/tram",
        "• Tram services suspended across the city centre",
        "Correction: An earlier version of this article misspelled the name of the tram operator.",
        "Editor's note: This report has been updated with the operator's statement.",
        "This story has been updated to include a statement from the city council.",
        "Jan Horak and Ilse Varga in Velmora contributed to this report.",
        "Reporting by Jan Horak in Velmora; Editing by Ana Roz and Peter Kolar",
    ],
)
def test_furniture_lines_are_dropped(furniture):
    document = clean(f"{LEAD}\n{furniture}\n{SECOND}\n")[0]
    assert [b.text for b in document.blocks] == [LEAD, SECOND]
    assert furniture not in document.headlines


@pytest.mark.parametrize(
    ("bullet", "item"),
    [
        *((bullet, "Rescue teams reached the stranded passengers before noon.") for bullet in "•▪►■●*·-–—"),
        # A name ending in -ing before its verb is the sentence's subject, not a step of a list.
        ("•", "Kessling said the tram was running five minutes late."),
        ("•", "Reading reported that two more trams were damaged."),
    ],
)
def test_a_list_item_that_reads_as_a_sentence_is_prose_and_its_marker_no_part_of_it(bullet, item):
    text = f"{LEAD}\n{bullet} {item}\n{bullet} Traffic\n{bullet} Weather\n{SECOND}\n"
    document = clean(text)[0]
    assert [b.text for b in document.blocks] == [LEAD, item, SECOND]
    assert document.blocks[1].start == text.index(item)


def test_an_html_list_becomes_its_items_without_their_markers():
    item = "Rescue teams reached the stranded passengers before noon."
    html = f"<html><body><article><p>{LEAD}</p><ul><li>{item}</li><li>Traffic</li></ul><p>{SECOND}</p></article></body></html>"
    articles = [Article(id="a", html=html), Article(id="other", text=OTHER)]
    document = Clean()(Cluster(articles=articles, options=Options())).documents[0]
    assert [b.text for b in document.blocks] == [LEAD, item, SECOND]
    assert document.text[document.blocks[1].start :].startswith(item)


def test_a_list_flattened_into_a_line_is_told_apart_item_by_item():
    # The items run into the paragraph after its lead-in; links to other stories follow.
    items = [
        "Inspectors will check the brakes of every Line 3 tram this week.",
        "The operator will pay the injured passengers' hospital costs.",
    ]
    links = "► Jan. 12: Velmora buys new trams ► Jan. 10: Line 3 fares rise"
    step = "•Asking the transport ministry to review the safety of every tram in the city."  # no sentence
    text = f"{LEAD}\nThe operator announced two steps: •{items[0]} {step} •{items[1]} {links}\n{SECOND}\n"
    document = clean(text)[0]
    assert [b.text for b in document.blocks] == [LEAD, *items, SECOND]
    assert [b.start for b in document.blocks[1:3]] == [text.index(item) for item in items]


@pytest.mark.parametrize(
    "note",
    [
        "Jan Horak is a senior reporter at the Velmora Courier covering transport and city hall.",
        "Ines Calder is The Courier's transport correspondent, based in Velmora.",
        "Lucia Peters is VelmoraToday’s associate editor. Follow her on X.",
        "About the author: Ines Calder writes about cities and transport.",
        "Ines Calder covers transport and city hall for the Velmora Courier and is based in Velmora.",
        "Jan reports on Ostland from Velmora, covering transport and politics. He previously worked for Metro Wire.",
    ],
)
def test_a_note_on_the_writer_at_the_reports_end_is_cut_even_run_into_its_last_paragraph(note):
    assert paragraphs_after_lead(f"{SECOND}\n{note}")[1:] == [SECOND]
    assert paragraphs_after_lead(f"{SECOND} {note}")[1:] == [SECOND]


def test_who_someone_in_the_story_is_stays():
    fact = "Jan Horak is a freelance journalist who filmed the derailment from a cafe on the square."
    assert paragraphs_after_lead(f"{fact}\n{SECOND}") == [LEAD, fact, SECOND]


@pytest.mark.parametrize(
    "marker",
    [
        "Related Articles", "Comments (12)", "Most Read", "Read more", "Trending now", "No comments yet...",
        "Recommended for you", "You may also like", "More from", "More from Metro Wire",
    ],
)
def test_a_section_marker_ends_the_story(marker):
    # What follows the marker is on the same story (so relevance alone would keep it): only the marker cuts it.
    after = "Investigators examined the tram's brakes and the track at Kessler Street on Thursday afternoon."
    document = clean(f"{LEAD}\n{marker}\n{after}\n{SECOND}\n")[0]
    assert [b.text for b in document.blocks] == [LEAD]


def test_a_marker_above_the_story_is_a_page_heading_not_the_end():
    document = clean(f"Top stories\n{LEAD}\n{SECOND}\n")[0]
    assert [b.text for b in document.blocks] == [LEAD, SECOND]


def test_an_appended_story_without_a_marker_is_dropped_by_relevance(tram):
    courier = run_until(tram, "clean").documents[0]
    assert courier.article.id == "courier"
    text = kept(courier)
    assert "wine festival" not in text and "tasting marquee" not in text
    assert "Fourteen people were hurt" in text
    assert "speed recorder" in text


def test_an_unrelated_paragraph_inside_a_report_is_dropped():
    recipe = "Whisk the eggs with sugar and butter, then bake the sponge cake for forty minutes until golden."
    document = clean(f"{LEAD}\n{recipe}\n{SECOND}\n")[0]
    assert [b.text for b in document.blocks] == [LEAD, SECOND]


@pytest.mark.parametrize(
    "dateline",
    [
        "VELMORA, Oct 3 (AFP) - ", "VELMORA: ", "VELMORA (Reuters) - ", "VELMORA -- ", "NEW VELMORA, Oct. 3 — ",
        "VELMORA, Oct. 3, 2024 — ",
        "(CNN) ", "(CNN)", "(AP) — ", "Madrid (CNN) -- ", "Gaza City, Gaza (CNN) -- ",
        "VELMORA, Mont. (AP) — ", "VELMORA, New Zealand (Reuters) - ", "VELMORA, Ruritania (AP) _ ", "VELMORA (KVEL13) — ", "Photo ", "1 year ago (CNN) - ", "3 hours ago ", "Published on May 8, 2015 ",
        "Updated 10 June 2019, 14:05 ", "July 4 (UPI) -- ", "(Associated Press) NEW VELMORA (AP) — ",
        "VELMORA/KESSLER (Reuters) - ", "Tuesday, October 3, 2024 1:26 EST ", "October 3, 2024, 3:33 AM |",
        "Images ",
        # A live blog's entry time; an agency's bare credit before the lead.
        "7:55 a.m. ", "10:45 AM PT: ", "AP ",
        "VELMORA, Mont. (KVEL/KVTV) — ", "VelmoraNews.com Staff ",
        # The dash closed up to the lead.
        "VELMORA—", "NEW VELMORA, Ostland—",
        # No dash at all: the lead opens with an article.
        "VELMORA ", "NEW VELMORA, Oct. 3 ", "Updated at 11:02 p.m. ET VELMORA ",
    ],
)
def test_a_dateline_is_stripped_and_the_offset_follows(dateline):
    text = f"{dateline}{LEAD}\n{SECOND}\n"
    document = clean(text)[0]
    first = document.blocks[0]
    assert first.text == LEAD
    assert first.start == len(dateline)
    assert text[first.start : first.start + len(first.text)] == LEAD


@pytest.mark.parametrize("text", [
    f"1 year ago (CNN) - {LEAD}\n{SECOND}\n", f"LISTEN TO ARTICLE 4:34\n{LEAD}\n{SECOND}\n",
    # A menu's last item run into the headline.
    f"derails Tram derails in Velmora city centre, 14 hurt\n{LEAD}\n{SECOND}\n",
])
def test_a_publication_stamp_a_player_label_or_menu_text_above_the_lead_is_no_headline(text):
    document = clean(text)[0]
    assert document.headlines == []
    assert [b.text for b in document.blocks] == [LEAD, SECOND]


@pytest.mark.parametrize(
    "dateline",
    [
        "Velmora (CNN) ", "(CNN) ", "VELMORA, Ostland (AP) — ", "VELMORA (Reuters) - ",
        # Any credit, between a dateline in capitals and its dash.
        "THURSDAY, Oct. 3 (HealthDay News) -- ", "VELMORA (Courier Wire) — ",
    ],
)
def test_a_dateline_inside_a_line_ends_the_headline_run_into_it(dateline):
    headline = "Tram derails in Velmora city centre, 14 hurt"
    text = f"{headline} {dateline}{LEAD}\n{SECOND}\n"
    document = clean(text)[0]
    assert document.headlines == [headline]
    assert [b.text for b in document.blocks] == [LEAD, SECOND]
    assert document.blocks[0].start == text.index(LEAD)
    # Mid-paragraph prose that names an agency is no dateline.
    prose = f"{LEAD[:-1]}, the agency (AP) reported later on."
    assert [b.text for b in clean(f"{prose}\n{SECOND}\n")[0].blocks] == [prose, SECOND]


@pytest.mark.parametrize(
    "dateline", ["VELMORA - ", "NEW VELMORA -- ", "VELMORA, Ostland — ", "VELMORA/KESSLER – ", "VELMORA—"]
)
@pytest.mark.parametrize("before", ["Tram derails in Velmora city centre, 14 hurt", f"{SECOND}", "(0:45)"])
def test_a_capitals_dateline_with_only_its_dash_inside_a_line_is_cut(before, dateline):
    # After a headline run into the lead, after a sentence, after a player's clock.
    text = f"{before} {dateline}{LEAD}\n"
    blocks = clean(text)[0].blocks
    assert blocks[-1].text == LEAD
    assert blocks[-1].start == text.index(LEAD)
    assert not [b for b in blocks if dateline.strip() in b.text]


@pytest.mark.parametrize(
    "prose",
    [
        "The first trailer for Star Wars: Episode VII — The Force Awakens ran during the Velmora derby broadcast.",
        "The tram operator said it had called in the NFL - The league sent two investigators to Velmora on Friday.",
        # A dash closed up between two names joins them.
        "The tram maker's Velmora—Kessler line was shut after the derailment in Old Market Square on Friday.",
    ],
)
def test_a_roman_numeral_or_a_short_acronym_before_a_dash_is_no_dateline(prose):
    assert paragraphs_after_lead(prose) == [LEAD, prose]


def test_an_embedded_tweet_sign_off_separates_the_tweet_from_the_report():
    tweet = "Please keep away from Old Market Square while we deal with the derailment."
    signature = " — Velmora Police (@VelmoraPolice) October 3, 2024 "
    text = f"{LEAD} {tweet}{signature}{SECOND}\n"
    document = clean(text)[0]
    assert [b.text for b in document.blocks] == [f"{LEAD} {tweet}", SECOND]
    assert document.blocks[1].start == text.index(SECOND)
    assert not [b for b in document.blocks if "@VelmoraPolice" in b.text]


@pytest.mark.parametrize(
    "widget",
    [
        "Image copyright AFP/Getty Image caption", "Image copyright Ritzau Foto Image caption", "Image copyright Reuters",
        "Media playback is unsupported on your device Media caption", "Enlarge this image toggle caption",
        "Media playback is not supported on this device", "Story highlights",
        "(Photo: Jan Horak, Velmora Courier)", "(Image: Velmora Courier)", "(credit: Velmora Courier)", "Advertisement",
        "Advertisement Continue reading the main story", "CLOSE", "EXCLUSIVE", "SEE MORE VIDEOS",
        "Hide Transcript Show Transcript", "Share on Facebook Share on Twitter", "SHARE THIS ARTICLE Share Tweet Post Email",
        "ADVERTISEMENT", "Story Continued Below", "Follow @VelmoraCourier", "Email This", "Continue reading the main story",
        "Story continues below advertisement", "Article continues below", "Continue Reading Below",
        "(VIDEO: Tram derails in Old Market Square)", "(PHOTOS: The derailment)", "Page 1 of 3",
        "Oct. 3, 2024 at 7:32 PM ET", "Oct. 3, 2024 at 7:32 PM ET Tweet email", "Story Highlights",
        "View Slideshow", "View Photos", "Play Slideshow", "Text Size - + reset", "Font Size A A",
        "FOR IMMEDIATE RELEASE", "For Immediate Release:", "Embargoed until 3 p.m. CT / 4 p.m. ET Tuesday, Oct. 8, 2024",
        "EMBARGOED UNTIL 00:01 GMT, 8 October 2024",
        # A hat tip to where the story was found.
        "h/t: Velmora Courier!", "H/T Velmora Courier.", "H/T @velmoracourier.", "Hat tip: Velmora Courier.",
        # A linked headline or an editor's aside in square brackets.
        "[Velmora opens a new Line 3 tram depot beside Old Market Square, with room for 40 trams]",
        "[Editor's aside: the Line 3 tram is the oldest on the network. It derailed twice last year.]",
        # A picture's credit: an agency's, labelled, bracketed, listed, or any outlet's given twice.
        "REUTERS/Jan Horak", "AP Photo/Jan Horak", "Jan Horak/AP Photo", "Jan Horak/AFP/Getty Images",
        "Photographer: Jan Horak/Bloomberg Photographer: Jan Horak/Bloomberg", "(Ines K. Calder/Getty Images)",
        "Photos by Jan Horak/Getty Images, Ines Calder/Reuters, and Tom Winter/AP", "J.H. Horak /KVEL J.H. Horak /KVEL",
        # …a source in capitals or a staff role after the agency, a picture from its files, and
        # the agency's name a page sets after the credit.
        "REUTERS/KCNA", "REUTERS/KCNA/Files", "REUTERS/Stringer", "REUTERS/JAN HORAK", "(AP Photo/Jan Horak, File)",
        "(AP Photo/Jan Horak) (Associated Press)",
    ],
)
def test_a_widget_inside_a_paragraph_is_cut_out(widget):
    # Below the lead paragraph: above it, a sentence a picture's credit closes is the caption.
    text = f"{LEAD}\n{THIRD} {widget} {SECOND}\n"
    document = clean(text)[0]
    assert [b.text for b in document.blocks] == [LEAD, THIRD, SECOND]
    assert document.blocks[2].start == text.index(SECOND)


@pytest.mark.parametrize(("caption", "kept"), [
    # A caption that tells in the present what its picture shows goes with the credit after it…
    ("Tram driver Jan Horak waves to riders after the Line 3 tram was lifted back onto the rails.", False),
    ("Velmora Courier Ines Calder, 54, carries a rider's bag away from Old Market Square.", False),
    # …one in the past reads as news, and so does a sentence of the story a page credits a picture after.
    ("Tram driver Jan Horak learned on Friday that the Line 3 tram would be back on the rails by noon.", True),
    ("The council says the Line 3 tram will run again from Monday, after the depot checks its brakes.", True),
])
def test_a_present_tense_caption_goes_with_the_picture_credit_after_it(caption, kept):
    for credit in ("(Photo: Tom Winter, Velmora Courier)", "(Image: Velmora Courier)"):
        text = f"{LEAD}\n{THIRD} {caption} {credit} {SECOND}\n"
        document = clean(text)[0]
        assert [b.text for b in document.blocks] == [LEAD, f"{THIRD} {caption}" if kept else THIRD, SECOND]


@pytest.mark.parametrize(
    "prose",
    [
        "A Velmora Times/KVEL News poll found that most riders still trust the Line 3 trams after the crash.",
        "The tram maker Royal Velmora/Kessler Group said its engineers would inspect every Line 3 tram.",
        "A Reuters/Ipsos poll found that most riders still trust the Line 3 trams after the crash.",
        # Capitals before an article in capitals are a shouted quotation, not a dateline.
        "HE SAW THE TRAM LEAVE THE RAILS AND CALLED A DOCTOR, one witness wrote on the city's forum.",
        # A sentence may open on a press release's word.
        "Embargoed until 1999, the Line 3 tram files were opened to the public on Thursday.",
        # A hat tip's letters inside a sentence, and a hat tip told in prose.
        "The riders' forum thread, titled h/t to the tram crew, was read 40,000 times on Thursday.",
        "A hat tip to the tram crew, who cleared Old Market Square by noon, came from the mayor.",
    ],
)
def test_a_slash_between_names_or_capitals_before_an_article_are_prose(prose):
    assert paragraphs_after_lead(prose) == [LEAD, prose]


def test_a_sentence_above_the_lead_that_a_credit_closes_is_the_pictures_caption():
    caption = "Rescuers lift a passenger from the derailed Line 3 tram in Velmora, Thursday, Oct. 3, 2024."
    document = clean(f"{caption} (AP Photo/Jan Horak) (Associated Press) {LEAD} {SECOND}\n")[0]
    assert kept(document) == f"{LEAD} {SECOND}"
    # Below the lead a credit closes no caption (the picture sits between paragraphs), and a
    # lead with a caption after it stays whole.
    assert paragraphs_after_lead(f"{SECOND} REUTERS/Jan Horak {caption}") == [LEAD, SECOND, caption]
    assert kept(clean(f"{LEAD} (L-R) {caption} REUTERS/Jan Horak {SECOND}\n")[0]).startswith(LEAD)


def test_a_bracketed_credit_at_a_paragraphs_end_is_cut_out_and_brackets_inside_prose_stay():
    assert [b.text for b in clean(f"{LEAD} [h/t Velmora Courier]\n{SECOND}\n")[0].blocks] == [LEAD, SECOND]
    inside = [
        'The driver said "[the brakes] failed" as the Line 3 tram entered Old Market Square on Thursday.',
        '"[The tram] was late all week," one passenger said. "It was [...] never on time," said another.',
    ]
    assert [b.text for b in clean(f"{LEAD}\n{inside[0]}\n{inside[1]}\n")[0].blocks] == [LEAD, *inside]


def test_an_advert_label_before_a_quotation_is_cut_out():
    quotation = '"We will have every line running again by Monday," the mayor said.'
    text = f"{LEAD} ADVERTISEMENT {quotation}\n"
    assert [b.text for b in clean(text)[0].blocks] == [LEAD, quotation]


@pytest.mark.parametrize("before", ["Watch: tram derails in Velmora", "Is the Line 3 safe?", "Trams halted in the U.S."])
def test_a_clips_running_time_after_its_title_ends_the_title(before):
    text = f"{before} 02:18 {LEAD}\n"
    assert kept(clean(text)[0]) == LEAD


def test_a_live_blog_entry_time_at_a_lines_start_is_cut():
    assert paragraphs_after_lead(f"19:29 {SECOND}") == [LEAD, SECOND]


@pytest.mark.parametrize(
    "prose",
    [
        "The replacement tram, set for 09:40 Velmora time on Friday, will run from the depot to the square.",
        "At 17:30 BST the line reopened to passengers travelling between the depot and the square.",
        "Passengers who took the 07:30 Line 3 tram were told to expect delays at the square all week.",
        "The line reopened 09:30 GMT on Friday, the operator said after the repairs to the square.",
        "The first tram runs 7:30 Friday morning from the depot to Old Market Square, the operator said.",
        # A timeline's entry at a line's start, its hour of one digit, is the story's own time.
        "9:03 The Line 3 tram leaves the rails at the junction of Kessler Street and Old Market Square.",
    ],
)
def test_a_clock_time_in_prose_stays(prose):
    assert paragraphs_after_lead(prose) == [LEAD, prose]


def test_a_date_and_time_after_a_preposition_is_prose():
    prose = "The tram left the depot on Oct. 3, 2024 at 7:32 PM ET The driver reported no faults."
    assert paragraphs_after_lead(prose) == [LEAD, prose]


BAKERY = ("A bakery in Dunmore Lane won the regional bread prize on Saturday for its rye sourdough.\n"
          "The owners said they would use the prize money to train two apprentices next spring.\n")


NOTICE = ("These crawls are part of an effort to archive pages as they are created and archive the pages "
          "that they refer to, so that links stay valid long after the pages themselves have gone.")


DUTCH = ("Een tram van lijn 3 is donderdagochtend in het centrum van Velmora ontspoord, waarbij veertien "
         "passagiers gewond raakten.\nDe tram raakte bij de kruising van Kessler Street en Old Market Square "
         "een lantaarnpaal, meldden medewerkers van de stad.\n")


@pytest.mark.parametrize(("page", "why"), [
    (BAKERY, "shares nothing with the other reports"),
    # It names the same tram, street and square: only its language tells it apart.
    (DUTCH, "is not in the language of the other reports"),
])
def test_a_page_off_the_story_or_in_another_language_is_left_out_with_a_warning(page, why):
    cluster = Cluster(articles=[Article(id="a", text=f"{LEAD}\n{SECOND}\n"), Article(id="page", text=page),
                                Article(id="b", text=OTHER)], options=Options())
    documents = Clean()(cluster).documents
    assert [d.article.id for d in documents if d.blocks] == ["a", "b"]
    assert cluster.warnings == [f"article 'page' {why} and was left out"]


def test_a_page_off_the_story_is_left_out_when_the_reports_tell_the_story_in_their_own_words():
    # The two reports share only the place, the tram and the inquiry's day: TF-IDF cosine 0.06.
    aftermath = ("Transport chiefs in Velmora promised an inquiry on Friday into the derailment, saying the brakes "
                 "of the tram had been inspected in March.\nUnion leaders blamed years of cuts to maintenance budgets "
                 "and called for the oldest vehicles at the depot to be withdrawn until the inquiry reports.\n")
    cluster = Cluster(articles=[Article(id="a", text=f"{LEAD}\n{SECOND}\n"), Article(id="bakery", text=BAKERY),
                                Article(id="b", text=aftermath)], options=Options())
    documents = Clean()(cluster).documents
    assert [d.article.id for d in documents if d.blocks] == ["a", "b"]
    assert cluster.warnings == ["article 'bakery' shares nothing with the other reports and was left out"]


# Another short story two pages tell, sharing nothing with the story.
BAKERY_RETOLD = "Dunmore Lane's bakery took the regional bread prize for its rye sourdough on Saturday."


def test_a_second_story_two_pages_share_in_few_words_is_left_out_with_a_warning():
    inquiry = ("Transport chiefs in Velmora promised an inquiry into the derailment, saying the brakes of the tram "
               "had been inspected in March and the driver had twenty years of service on the line.")
    cluster = Cluster(articles=[Article(id="a", text=f"{LEAD}\n{SECOND}\n{inquiry}\n"),
                                Article(id="n1", text=BAKERY_RETOLD), Article(id="b", text=OTHER),
                                Article(id="n2", text=BAKERY)], options=Options())
    documents = Clean()(cluster).documents
    assert [d.article.id for d in documents if d.blocks] == ["a", "b"]
    assert cluster.warnings == [
        f"article {page!r} tells another, shorter story than the one the brief is about and was left out"
        for page in ("n1", "n2")
    ]


def test_copies_of_one_page_are_one_short_story_beside_two_reports():
    cluster = Cluster(articles=[Article(id="a", text=f"{LEAD}\n{SECOND}\n"), Article(id="n1", text=BAKERY),
                                Article(id="b", text=OTHER), Article(id="n2", text=BAKERY)], options=Options())
    documents = Clean()(cluster).documents
    assert [d.article.id for d in documents if d.blocks] == ["a", "b"]


def test_two_stories_told_at_like_length_are_both_kept():
    # A mixture of two stories, two reports each: which one the brief is about is no page's to lose.
    ferry = ("A ferry ran aground off Calloway Island on Sunday with 40 people aboard, the coast guard reported.\n"
             "Everyone aboard was taken off by lifeboat, and divers found the hull intact.\n")
    ferry_retold = ("The coast guard took 40 people off a ferry that ran aground near Calloway Island on Sunday.\n"
                    "Divers who inspected the ferry found its hull intact, and lifeboats brought everyone ashore.\n")
    cluster = Cluster(articles=[Article(id="a", text=f"{LEAD}\n{SECOND}\n"), Article(id="f1", text=ferry),
                                Article(id="b", text=OTHER), Article(id="f2", text=ferry_retold)], options=Options())
    assert all(d.blocks for d in Clean()(cluster).documents)
    assert not any("another" in warning for warning in cluster.warnings)


def test_reports_all_in_another_language_are_kept():
    second = DUTCH.replace("donderdagochtend", "donderdag").replace("veertien", "14")
    cluster = Cluster(articles=[Article(id="nl1", text=DUTCH), Article(id="nl2", text=second)], options=Options())
    assert all(d.blocks for d in Clean()(cluster).documents)
    assert not cluster.warnings


def test_copies_of_one_page_do_not_make_a_story_that_outvotes_the_report():
    cluster = Cluster(articles=[Article(id="report", text=f"{LEAD}\n{SECOND}\n"), Article(id="p1", text=BAKERY),
                                Article(id="p2", text=BAKERY)], options=Options())
    documents = Clean()(cluster).documents
    assert [b.text for b in documents[0].blocks] == [LEAD, SECOND]
    assert not cluster.warnings


def test_reports_that_share_no_story_are_kept_and_the_brief_says_so():
    cluster = Cluster(articles=[Article(id="report", text=f"{LEAD}\n{SECOND}\n"), Article(id="other", text=BAKERY)],
                      options=Options())
    documents = Clean()(cluster).documents
    assert [d.article.id for d in documents if d.blocks] == ["report", "other"]
    assert cluster.warnings == ["no two of these reports share a story; the brief draws on each of them"]


# A web archive's notes on its capture, scraped in place of a story: they tell of pages, links
# and crawls, speaking to no one.
ARCHIVE_NOTE = ("Starting in 2001, partner sites have been donating their crawl data to the Web Archive. Flowing "
                "in every day, these data are added to the archive after an embargo period.")


# A web archive's note on a collection, and news of the web: the news names pages and
# browsers among much else.
COLLECTION_NOTE = ("Official Velmora council websites and related social media sites make up the bulk of the "
                   "collection. Among these are department sites and sites for visitors, residents and businesses. "
                   "Records were harvested through the archive beginning in July 2012.")
BROWSER_NEWS = ("America Online agreed on Tuesday to buy Netscape Communications, the maker of a popular Web browser, "
                "for $4.2 billion in stock. The deal gives AOL a portal site visited by millions and a software "
                "business, and it puts the company in direct competition with Microsoft. Analysts said the price was "
                "high, but shares of both companies rose in early trading in New York.")


@pytest.mark.parametrize(("text", "told"), [
    (NOTICE, True),
    (ARCHIVE_NOTE, True),
    (COLLECTION_NOTE, True),
    ("The goal is to fix all broken links on the web.", True),
    (BROWSER_NEWS, False),
    # Quoted, the words are someone's.
    ('"Our pages and links are archived on the web," the librarian said on Tuesday.', False),
])
def test_a_page_that_tells_of_web_pages(text, told):
    assert tells_of_web_pages(text) is told


CONSENT_WALL = ("We value your privacy\n\nWe and our partners store and access information on a device, such as "
                "cookies, and process personal data for personalised advertising and content measurement.\n\n"
                "ACCEPT ALL\nREJECT ALL")
SCRIPT_NOTICE = ("You need to enable JavaScript to run this app.\n"
                 "Please enable JavaScript in your browser settings and reload the page.")
ERROR_PAGE = ("404 - Page Not Found\nSorry, the page you are looking for does not exist or has been moved.\n"
              "It may have been removed, had its name changed, or is temporarily unavailable.")

# A paywall speaks as the site of what it sells.
PAYWALL = ("Subscribe to read\nComplete digital access to quality FT journalism on any device.\n"
           "Cancel anytime during your trial.\nAlready a subscriber? Log in.")


@pytest.mark.parametrize("page", [CONSENT_WALL, SCRIPT_NOTICE, ERROR_PAGE, PAYWALL, NOTICE, ARCHIVE_NOTE, COLLECTION_NOTE])
def test_a_page_that_speaks_to_its_reader_and_shares_no_story_is_left_out_even_beside_one_report(page):
    brief = summarize([Article(id="report", text=f"{LEAD}\n{SECOND}\n"), Article(id="page", text=page)],
                      Options(method="extractive"))
    assert {c.article_id for s in brief.sentences for c in s.citations} == {"report"}
    assert brief.warnings == ["article 'page' reads as a notice to the reader (a consent, sign-in or error page), "
                              "not a report, and was left out"]


def test_a_cluster_of_notices_is_refused_naming_them():
    with pytest.raises(InputError, match="'js', 'error' read as notices to the reader"):
        summarize([Article(id="js", text=SCRIPT_NOTICE), Article(id="error", text=ERROR_PAGE)])
    # Two sites' error pages share their words, and no story.
    other_site = ("Page not found\nSorry, the page you requested could not be found or has been moved.\n"
                  "It may have been removed, or its address may have changed.")
    with pytest.raises(InputError, match="'error', 'missing' read as notices to the reader"):
        summarize([Article(id="error", text=ERROR_PAGE), Article(id="missing", text=other_site)])


def test_a_first_person_report_of_the_story_is_kept():
    column = ("We were on the Line 3 tram when it derailed near Old Market Square in Velmora on Thursday.\n"
              "Our carriage struck a lamp post at the Kessler Street junction, and we helped two injured passengers "
              "out before the emergency crews arrived.\n")
    cluster = Cluster(articles=[Article(id="report", text=f"{LEAD}\n{SECOND}\n"), Article(id="column", text=column)],
                      options=Options())
    assert all(d.blocks for d in Clean()(cluster).documents)
    assert not cluster.warnings
    # Two reports of one story raise no such note.
    related = Cluster(articles=[Article(id="a", text=f"{LEAD}\n{SECOND}\n"), Article(id="b", text=OTHER)],
                      options=Options())
    Clean()(related)
    assert not related.warnings


def test_a_report_whose_lead_shares_nothing_with_the_others_is_kept_whole():
    # The other "reports" are page notices; there is no shared story to judge paragraphs by.
    notices = [
        "These crawls are part of an effort to archive pages as they are created and archive the pages they refer to.",
        "Add a location to your Tweets When you tweet with a location, Twitter stores that location.",
    ]
    articles = [Article(id="report", text=f"{LEAD}\n{SECOND}\n")] + [
        Article(id=f"notice{k}", text=t) for k, t in enumerate(notices)
    ]
    report = Clean()(Cluster(articles=articles, options=Options())).documents[0]
    assert [b.text for b in report.blocks] == [LEAD, SECOND]


@pytest.mark.parametrize("sign_off", ["AFP", "— AFP", "rdm/jbk", "kjl/pt/dhw", "(AP)"])
def test_a_sign_off_line_is_not_prose(sign_off):
    document = clean(f"{LEAD}\n{SECOND}\n{sign_off}\n")[0]
    assert [b.text for b in document.blocks] == [LEAD, SECOND]


@pytest.mark.parametrize("sign_off", [" — AFP", " - Reuters", " (AP)"])
def test_a_sign_off_after_the_last_paragraph_is_stripped_and_the_paragraph_kept(sign_off):
    document = clean(f"{LEAD}\n{SECOND}{sign_off}\n")[0]
    assert [b.text for b in document.blocks] == [LEAD, SECOND]


def test_headlines_are_the_short_lines_before_the_story_once_each():
    headline = "Tram derails in Velmora city centre, 14 hurt"
    document = clean(f"{headline}\n{headline}\n{LEAD}\nTram services suspended\n{SECOND}\n")[0]
    assert document.headlines == [headline]
    assert [b.text for b in document.blocks] == [LEAD, SECOND]


@pytest.mark.parametrize(("line", "headline"), [
    ("Tram Derails in Velmora, 14 Hurt Tram Derails -- 14 Hurt in Velmora", "Tram Derails in Velmora, 14 Hurt"),
    # A name said twice is not a headline printed twice.
    ("Velmora Council sues Velmora Courier over tram story", "Velmora Council sues Velmora Courier over tram story"),
    # An editor's kicker dates the page and a label files it: neither is the story's.
    ("UPDATES Velmora Tram Derails, 14 Hurt", "Velmora Tram Derails, 14 Hurt"),
    ("Analysis: why Velmora's trams derail", "Why Velmora's trams derail"),
])
def test_a_headline_printed_twice_in_two_versions_is_told_once(line, headline):
    assert clean(f"{line}\n{LEAD}\n{SECOND}\n")[0].headlines == [headline]


@pytest.mark.parametrize("byline", ["By Jan Horak", "/ Updated By Ines K. Calder",
                                    "By Ann Lee, Tom Winter and Ben O'Hara", "By Lynn Hulsey , Staff Writer",
                                    "By Pia Dahl, Associated Press Writer", "By Stefano Esposito Staff Reporter",
                                    "By Jan Horak - Tweet"])
def test_a_byline_between_the_headline_and_the_lead_separates_them(byline):
    headline = "Tram derails in Velmora city centre, 14 hurt"
    document = clean(f"{headline} {byline} {LEAD}\n{SECOND}\n")[0]
    assert document.headlines == [headline]
    assert [b.text for b in document.blocks] == [LEAD, SECOND]


def test_a_link_to_another_story_above_the_lead_is_not_a_headline():
    document = clean(f"Related: Velmora Orders New Trams For Line 3\n{LEAD}\n{SECOND}\n")[0]
    assert document.headlines == []
    assert [b.text for b in document.blocks] == [LEAD, SECOND]


def test_a_repeated_paragraph_is_kept_once():
    document = clean(f"{LEAD}\n{SECOND}\n{LEAD}\n")[0]
    assert [b.text for b in document.blocks] == [LEAD, SECOND]


def test_the_given_title_comes_first_among_headlines():
    articles = [Article(id="a", title="  Velmora tram crash  ", text=f"Tram derails in Velmora\n{LEAD}\n"),
                Article(id="b", text=OTHER)]
    document = Clean()(Cluster(articles=articles, options=Options())).documents[0]
    assert document.headlines == ["Velmora tram crash", "Tram derails in Velmora"]


def test_control_characters_become_spaces_so_offsets_hold():
    text = f"{LEAD[:20]}\x00{LEAD[21:40]}\x1b{LEAD[41:]}\n{SECOND}\n"
    document = clean(text)[0]
    assert len(document.text) == len(text)
    assert "\x00" not in document.text and "\x1b" not in document.text
    first = document.blocks[0]
    assert first.start == 0 and len(first.text) == len(LEAD)


def test_markdown_marks_are_blanked_and_its_words_kept_where_they_stand():
    lead = LEAD.replace("city officials", "[city officials](https://velmora.example/news)")
    text = (
        "# Tram derails in Velmora\n\n![The tram](https://velmora.example/tram.jpg)\n\n"
        f"{lead}\n\n**{SECOND}**\n\n> {THIRD}\n"
    )
    document = clean(text)[0]
    assert len(document.text) == len(text)
    assert document.headlines == ["Tram derails in Velmora"]
    assert [" ".join(b.text.split()) for b in document.blocks] == [LEAD, SECOND, THIRD]
    assert all(document.text[b.start :].startswith(b.text) for b in document.blocks)


@pytest.mark.parametrize(
    "prose",
    [
        "He said the f***ing tram was late again and called the mayor a B****!! on the radio.",
        "Fares rise 5% * terms apply * and the council will vote on the plan in March next year.",
        "The tram left the rails at 8 a.m. ___ The line reopened at noon, the operator said.",
    ],
)
def test_stars_and_underscores_that_pair_up_around_no_words_are_no_markdown(prose):
    assert readable_text(prose) == prose


@pytest.mark.parametrize("rule", ["___", "###"])
def test_notes_after_a_rule_at_the_end_of_a_story_are_not_part_of_it(rule):
    note = "Jan Horak can be reached at http://twitter.com/janhorak"
    document = clean(f"{LEAD} {rule} {note}\n{SECOND}\n")[0]
    assert [b.text for b in document.blocks] == [LEAD, SECOND]


def test_a_closing_quote_lost_to_a_wrong_code_page_is_restored_in_place():
    mangled = "The mayor called it a \u201cdirect attack\ufffd? on the budget. Was it fair\ufffd? Nobody said."
    restored = readable_text(mangled)
    assert restored == "The mayor called it a \u201cdirect attack\u201d  on the budget. Was it fair\ufffd? Nobody said."
    assert len(restored) == len(mangled)
    # Where no quotation is open, no closing mark is missing: "\ufffd?" stays as sent.
    balanced = "She called it \u201cfair\u201d. Was the caf\ufffd? open late? No."
    assert readable_text(balanced) == balanced


def test_a_stock_quote_after_a_company_is_blanked_where_it_stands():
    report = ("Kessler Tram Works Inc. KTW, -1.29% and its supplier Horak Brakes Corp. US:HBRK said the tram that "
              "derailed in Velmora on Thursday had passed inspection. Shares of Rail Parts 4391.KU -2.22% fell.\n")
    cluster = run_until([Article(id="a", text=report), Article(id="b", text=OTHER)], "segment")
    document = cluster.documents[0]
    assert len(document.text) == len(report)
    assert [" ".join(s.text.split()) for s in document.sentences] == [
        "Kessler Tram Works Inc. and its supplier Horak Brakes Corp. said the tram that derailed in Velmora on "
        "Thursday had passed inspection.",
        "Shares of Rail Parts fell.",
    ]


@pytest.mark.parametrize("prose", [
    "The tram operator's shares fell 1.29% on Thursday, and the index lost -0.4 points.",
    "Velmora voters backed the tram plan by 51%-45%, a poll for the Courier found.",
    "The GMT:BST switch and the 10:30 AM tram, Psalm 23:4 and the UK: a tram story.",
])
def test_figures_and_colons_in_prose_are_no_stock_quote(prose):
    assert readable_text(prose) == prose


def test_an_overlong_article_is_cut_with_a_warning():
    long_text = (LEAD + "\n") * 3 + SECOND + "\n"
    cluster = Clean(max_article_chars=len(LEAD) + 1)(
        Cluster(articles=[Article(id="a", text=long_text), Article(id="b", text=OTHER)], options=Options())
    )
    assert cluster.documents[0].text == LEAD + "\n"
    assert any("'a'" in w and "characters" in w for w in cluster.warnings)


def test_html_input_is_reduced_to_text_and_offsets_refer_to_that_text():
    html = (
        "<html><head><title>Tram derails</title></head><body><nav>Home | News | Sport</nav>"
        f"<article><h1>Tram derails in Velmora</h1><p>{LEAD}</p><p>{SECOND}</p></article>"
        "<footer>© 2024 Velmora Media</footer></body></html>"
    )
    documents = Clean()(
        Cluster(articles=[Article(id="a", html=html), Article(id="b", text=OTHER)], options=Options())
    ).documents
    document = documents[0]
    assert [b.text for b in document.blocks] == [LEAD, SECOND]
    for block in document.blocks:
        assert document.text[block.start : block.start + len(block.text)] == block.text


@pytest.mark.parametrize("width", [60, 72, 80])
def test_text_wrapped_at_a_width_is_read_as_its_paragraphs(width):
    headline = "Tram derails in Velmora"
    paragraphs = [LEAD, SECOND, THIRD]
    text = headline + "\n\n" + "\n\n".join(textwrap.fill(p, width) for p in paragraphs) + "\n"
    document = clean(text)[0]
    # A block runs on over the wrapped lines; its text is still the report's, line breaks and all.
    assert [" ".join(b.text.split()) for b in document.blocks] == paragraphs
    assert all(text[b.start : b.start + len(b.text)] == b.text for b in document.blocks)
    assert document.headlines == [headline]


def test_a_line_break_inside_a_sentence_is_read_as_a_space():
    # A <br> in a paragraph, as trafilatura writes it, and a headline over its lead.
    text = (
        "Tram derails in Velmora\n"
        "A tram derailed on a bend in central Velmora on Thursday\n"
        "morning, injuring 14 passengers, two of them seriously, city officials said.\n"
        f"{SECOND}\n"
    )
    document = clean(text)[0]
    assert [" ".join(b.text.split()) for b in document.blocks] == [LEAD, SECOND]
    assert document.headlines == ["Tram derails in Velmora"]
    brief = run_until([Article(id="a", text=text), Article(id="other", text=OTHER)], "segment")
    # The brief reads the sentence as one line: "on Thursday morning" goes whole.
    assert brief.documents[0].sentences[0].brief_text == (
        "A tram derailed on a bend in central Velmora, injuring 14 passengers, two of them seriously, city officials said."
    )


@pytest.mark.parametrize(
    "articles",
    [
        [Article(id="a")],
        [Article(id="a", text="")],
        [Article(id="a", text="Share this\nSubscribe\nRelated Articles"), Article(id="b", text="  \n\n")],
    ],
    ids=["neither-text-nor-html", "empty", "only-furniture"],
)
def test_nothing_readable_is_an_input_error(articles):
    with pytest.raises(InputError):
        Clean()(Cluster(articles=articles, options=Options()))


def test_the_headline_that_matches_the_lead_comes_before_the_site_name():
    headline = "Tram derails in central Velmora, fourteen passengers hurt"
    document = clean(f"Velmora Radio News\n{headline}\n{LEAD}\n{SECOND}\n")[0]
    assert document.headlines[0] == headline
    assert "Velmora Radio News" in document.headlines


def test_a_page_header_run_into_the_lead_becomes_a_headline():
    text = f"Tram derails in central Velmora, injuring 14 Thursday, October 3, 2024 {LEAD}\n{SECOND}\n"
    document = clean(text)[0]
    assert document.headlines == ["Tram derails in central Velmora, injuring 14"]
    assert [b.text for b in document.blocks] == [LEAD, SECOND]
    assert document.blocks[0].start == text.index(LEAD)
    # The dateline after the header's day goes too.
    dated = f"Tram derails in central Velmora, injuring 14 Thursday, October 3, 2024 VELMORA, Ostland – {LEAD}\n{SECOND}\n"
    document = clean(dated)[0]
    assert [b.text for b in document.blocks] == [LEAD, SECOND]
    assert document.blocks[0].start == dated.index(LEAD)
    # A date in the headline itself is not the day the page was published, which has its weekday.
    remembered = f"Velmora remembers the October 3 2023 Line 3 crash Thursday, October 3, 2024 {LEAD}\n{SECOND}\n"
    document = clean(remembered)[0]
    assert document.headlines == ["Velmora remembers the October 3 2023 Line 3 crash"]
    assert [b.text for b in document.blocks] == [LEAD, SECOND]
    # A date inside prose is not a header.
    prose = "The council met on Tuesday, March 3, 2020 and approved the Line 3 extension to the airport."
    assert [b.text for b in clean(f"{prose}\n")[0].blocks] == [prose]


@pytest.mark.parametrize("marker", ["+", "1.", "2)", "a)", "§", "→", "✅", "🔴", "* *", "> >"])
def test_other_list_and_quotation_markers_are_no_part_of_an_item(marker):
    item = "Rescue teams reached the stranded passengers before noon."
    text = f"{LEAD}\n{marker} {item}\n{marker} {SECOND}\n"
    document = clean(text)[0]
    assert [" ".join(b.text.split()) for b in document.blocks] == [LEAD, item, SECOND]
    assert document.text[document.blocks[1].start :].startswith(item)


@pytest.mark.parametrize("mark", ["[1]", "[^2]", " ¹", " †", " *", " #Velmora", " @VelmoraNews", " 🚋", " ✅"])
def test_what_closes_a_line_after_its_last_stop_does_not_make_it_no_prose(mark):
    # A footnote's mark, or what a post ends on, after every sentence of a lone report.
    text = "\n".join(f"{line}{mark}" for line in (LEAD, SECOND, THIRD))
    document = Clean()(Cluster(articles=[Article(id="a", text=text)], options=Options())).documents[0]
    assert [b.text.strip() for b in document.blocks] == [LEAD, SECOND, THIRD]
    assert len(document.text) == len(text)


@pytest.mark.parametrize("line_break", ["\r", "\u2028", "\x85", "\x0c"])
def test_any_line_break_ends_a_line(line_break):
    text = f"Tram derails in Velmora, 14 hurt{line_break}VELMORA, Oct 3 (AFP) - {LEAD}{line_break}{SECOND}"
    document = Clean()(Cluster(articles=[Article(id="a", text=text)], options=Options())).documents[0]
    assert document.headlines == ["Tram derails in Velmora, 14 hurt"]
    assert [b.text for b in document.blocks] == [LEAD, SECOND]


def test_a_no_break_space_or_a_tab_is_a_space_to_every_rule():
    text = f"Tram\tderails\tin\tVelmora\nVELMORA,\u00a0Oct\u00a03 (AFP) - {LEAD}\n{SECOND}\n"
    document = clean(text)[0]
    assert document.headlines == ["Tram derails in Velmora"]
    assert document.blocks[0].text == LEAD


def test_inline_markup_in_text_keeps_its_words_and_code_is_no_prose():
    code = '```\nprint("The tram was lifted back onto the rails by noon.")\n```'
    second = SECOND.replace("lamp", "<b>lamp</b>").replace("Kessler", "`Kessler`").replace("rails", "_rails_").replace("tram", "~~bus~~ tram")
    text = f"{LEAD}\n{code}\n{second}\n{THIRD.replace('traffic', 'traffic&nbsp;')}\n"
    document = clean(text)[0]
    assert [" ".join(b.text.split()) for b in document.blocks] == [LEAD, SECOND, THIRD]
    assert len(document.text) == len(text)


def test_an_html_fragment_of_nested_blocks_is_read():
    # trafilatura reads nothing from nested blocks without a <body> around them.
    html = f"<div><div><p>{LEAD}</p><p>{SECOND}</p></div></div>"
    document = Clean()(Cluster(articles=[Article(id="a", html=html)], options=Options())).documents[0]
    assert [b.text for b in document.blocks] == [LEAD, SECOND]


def test_the_marks_that_set_a_direction_of_writing_are_not_shown():
    text = LEAD.replace("Velmora", "Vel\u202emora\u202c")
    brief = summarize([Article(id="a", text=text), Article(id="b", text=OTHER)], Options(sentences=2))
    assert all("\u202e" not in s.text and "\u202c" not in s.text for s in brief.sentences)
    assert any("Velmora" in s.text for s in brief.sentences)


def test_html_entities_in_text_are_shown_as_sent_and_said():
    text = LEAD.replace("city officials", "city&#8217;s officials &amp; police")
    brief = summarize([Article(id="a", text=text), Article(id="b", text=OTHER)], Options(sentences=2))
    assert brief.warnings == [
        "article 'a' holds HTML entities (&#8217;) that are shown as written; send a page's markup as `html`"
    ]
    assert not summarize([Article(id="a", text=LEAD), Article(id="b", text=OTHER)], Options(sentences=2)).warnings


@pytest.mark.parametrize(("mangled", "shown"), [
    ("city\u00e2\u20ac\u2122s officials", "â€™"),  # UTF-8's bytes read as Windows-1252
    ("Caf\u00c3\u00a9 owners", "Ã©"),
    ("city\ufffds officials", "\ufffd"),  # a character lost to the replacement mark
])
def test_text_decoded_with_the_wrong_character_set_is_shown_as_sent_and_said(mangled, shown):
    brief = summarize([Article(id="a", text=LEAD.replace("city officials", mangled)), Article(id="b", text=OTHER)],
                      Options(sentences=2))
    # "Ã©" holds a copyright sign: its sentence may read as a picture's credit, and the warning says why.
    assert (f"article 'a' looks decoded with the wrong character set ({shown!r} is shown as written); "
            "send its text as UTF-8") in brief.warnings


@pytest.mark.parametrize("advert", ["Advertisement", "\nStory continues below advertisement\n"])
def test_an_advert_line_inside_a_sentence_is_blanked_and_the_sentence_reads_whole(advert):
    text = (f"{LEAD}\nMost of the injured were standing near the doors when the tram\n{advert}\n"
            "left the rails, the operator said.\n")
    documents = clean(text)
    assert [" ".join(b.text.split()) for b in documents[0].blocks] == [
        LEAD, "Most of the injured were standing near the doors when the tram left the rails, the operator said."
    ]


def test_a_line_of_the_sentence_itself_between_two_broken_lines_is_not_blanked():
    text = f"{LEAD}\nMost of the injured were standing near the doors of the\nLine 3 tram\nwhen it left the rails.\n"
    assert readable_text(text) == text


def test_the_headline_above_the_lead_comes_before_the_papers_name_that_shares_its_place():
    document = clean(f"Velmora Courier\nTram derails on Old Market Square bend\n{LEAD}\n{SECOND}\n")[0]
    assert document.headlines[0] == "Tram derails on Old Market Square bend"


@pytest.mark.parametrize("stamp", ["10:42 GMT", "Updated 10:42 GMT", "7:55 a.m. ET"])
def test_a_live_blogs_clock_time_is_no_headline(stamp):
    assert clean(f"{stamp}\n{LEAD}\n{SECOND}\n")[0].headlines == []


def test_a_numbered_list_run_into_a_line_is_split_at_its_numbers_and_its_links_dropped():
    trending = ("Trending Now 1. Man arrested for stealing milk in Velmora 2. Ferry strike ends after ten days "
                "3. Velmora Stars name squad for the cup")
    document = clean(f"{LEAD} {SECOND} {trending}\n")[0]
    first_item = "Trending Now 1. Man arrested for stealing milk in Velmora"
    assert [b.text for b in document.blocks] == [f"{LEAD} {SECOND} {first_item}"]
    # …which ends in no sentence: the brief shows the report's two.
    brief = summarize([Article(id="a", text=f"{LEAD} {SECOND} {trending}\n"), Article(id="b", text=OTHER)],
                      Options(method="extractive", words=250))
    assert not any("arrested" in s.text or "strike" in s.text for s in brief.sentences)


def test_figures_that_end_sentences_are_no_numbered_list():
    prose = ("The Line 3 tram's speed fell to 1. Then it rose to 2. Near Old Market Square it rose to 3. The tram "
             "then struck a lamp post.")
    assert paragraphs_after_lead(prose) == [LEAD, prose]


@pytest.mark.parametrize(("page_text", "read"), [
    # Matched both ways, each asterisk one mark or part of a run, 25 of them took the
    # trailing-marks rule 6 s to give up.
    (f"{'*' * 40} Jan Horak is a senior reporter at the Velmora Courier covering transport.", readable_text),
    # Links run together into one 60,000-character word: read from each of its positions, the
    # word before a list's number took time growing with the square of its length.
    (f"{'http://courier.example/' * 2600} The Line 3 tram reopened on Friday, officials said.",
     lambda text: clean(text)),
    # A run of opening marks, each read on to the end for its closing one; a run of words before
    # a lone "I", each read from every position.
    *((f"{marks * 20000} Jan Horak said the Line 3 tram would run again on Friday.",
       lambda text: summarize([Article(id="a", text=text), Article(id="b", text=OTHER)], Options(method="extractive")))
      for marks in ("``", "“", ";")),
])
def test_a_long_run_of_page_text_is_read_at_once(page_text, read):
    with within_seconds(5):
        read(f"{LEAD} {page_text}")


LONE_ERROR_PAGE = ("Page not found. Sorry, the page you are looking for may have been removed, had its name changed, "
                   "or is temporarily unavailable. Please check the URL or return to our homepage.")


@pytest.mark.parametrize("page", [LONE_ERROR_PAGE, CONSENT_WALL, SCRIPT_NOTICE, PAYWALL])
def test_a_lone_notice_with_no_sentence_of_news_is_refused_naming_it(page):
    with pytest.raises(InputError, match="'page' reads as a notice to the reader .* no sentence of it reads as news"):
        summarize([Article(id="page", text=page)], Options(method="extractive"))


LONE_NOTICE_WARNING = ("article 'page' speaks to its reader or as the site in half its sentences or more, as a "
                       "consent, sign-in or error page does; with no other report to judge it by, it is summarized as "
                       "news")


def test_a_lone_report_that_speaks_to_its_reader_is_summarized_with_a_warning():
    # A column, or an error page with a sentence that reads as news: the brief is made of what there is, and says so.
    column = ("If you have ever waited for the Line 3 tram in the rain, you know the feeling.\n"
              "You stand in Old Market Square and you watch the board count down, and then it counts up again.\n"
              f"{LEAD}\nYou would think the council would have fixed the bend by now.\n")
    error_page = ("The page you requested could not be found.\n"
                  "It may have been moved or deleted, or the address may have been mistyped.\n")
    for page, shown in ((column, LEAD), (error_page, "It may have been moved or deleted")):
        brief = summarize([Article(id="page", text=page)], Options(method="extractive"))
        assert [s.text[:32] for s in brief.sentences] == [shown[:32]]
        assert brief.warnings == [LONE_NOTICE_WARNING]
    # A lone report of others, and a notice beside a report, are told nothing of the kind.
    assert summarize([Article(id="report", text=f"{LEAD}\n{SECOND}\n")], Options(method="extractive")).warnings == []


def test_a_sign_up_boxs_blurb_is_cut_and_a_paragraph_after_the_box_kept():
    def paragraphs(text: str) -> list[str]:  # of a lone report: no other report to judge relevance by
        cluster = Clean()(Cluster(articles=[Article(id="a", text=text)], options=Options()))
        return [b.text for b in cluster.documents[0].blocks]

    blurb = "The best of the Velmora Courier, every morning before 7 a.m., free of charge."
    box = f"Sign up to our daily newsletter\nThe Velmora Briefing\n{blurb}"
    assert paragraphs(f"{LEAD}\n{box}\n{SECOND}\n") == [LEAD, SECOND]
    # Only a sign-up prompt opens such a box: a line without a verb after another page line stays.
    assert paragraphs(f"{LEAD}\nAdvertisement\n{blurb}\n{SECOND}\n") == [LEAD, blurb, SECOND]
    # Above the story, a lead in few words may show no verb the rule sees ("resigns"): it stays.
    lead = "Velmora's mayor resigns over the Line 3 tram crash in Old Market Square, citing ill health."
    assert paragraphs(f"Sign up to our daily newsletter\n{lead}\n{SECOND}\n") == [lead, SECOND]


def test_a_report_told_in_short_lines_one_sentence_each_is_read_from_them(pipeline):
    # Each line is too short for prose; a report with no longer line is read from those that
    # state something, not refused. Menu lines state nothing, and a report with prose keeps
    # short lines out.
    lines = "Home\nNews\nA tram derailed in Velmora.\nTwo riders were hurt.\nThe line will reopen on Monday.\nContact us"
    document = clean(lines)[0]
    assert [b.text for b in document.blocks] == [
        "A tram derailed in Velmora.", "Two riders were hurt.", "The line will reopen on Monday."
    ]
    assert [b.start for b in document.blocks] == [lines.index(b.text) for b in document.blocks]
    brief = pipeline.summarize([Article(id="a", text=lines)], EXTRACTIVE)
    assert [s.text for s in brief.sentences][:1] == ["A tram derailed in Velmora."]
    assert [b.text for b in clean(f"{LEAD}\nTwo riders were hurt.")[0].blocks] == [LEAD]
    with pytest.raises(InputError):
        pipeline.summarize([Article(id="a", text="Home\nNews\nSports\nContact us")], EXTRACTIVE)
