"""The key quote: the direct quote most reports carry, who said it, and which reports.

Quotes are read from the cleaned text between quotation marks (“…”, "…", ``…'', ‘…’ and
'…' as British outlets write them). Reports trim and re-punctuate the same quote, so two
quotes are one when most of the shorter one's words are in the longer one; a title in the
marks ("Star Wars: The Force Awakens", every content word capitalised) is none. The speaker is
the name governing the quote in its sentence ("Kim told Lavrov that …", "…, Graham said",
"according to TASS", the subject of "…, saying …"), voted across the reports that carry it:
"Kim told Lavrov that '…', KCNA said" credits Kim, and the news agency that relayed it only
when nothing else names a speaker. The same reading credits a brief sentence that is only
someone's words (`speaker_of_quote`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from service.cluster import Cluster, Document, Sentence
from service.models import Quote
from service.stages.segment import in_title_case, is_abbreviation, split_sentences
from service.text import OPENS_A_QUOTE, QUOTATION_MARK, QUOTED_SPAN, content, tokenize

MIN_QUOTE_WORDS = 5
# A longer quote is a statement read out in full: the brief keeps its opening sentences.
MAX_QUOTE_WORDS = 40
# Share of the shorter quote's content words that the longer one must contain.
SAME_QUOTE = 0.7

# A straight quote mark opens after a space or bracket and closes before a non-letter, and a
# ``...'' quote holds no other mark: one unpaired or short quote earlier in a page must not
# turn the prose between two quotes into a "quote".
_OPENS = rf"(?<![^{OPENS_A_QUOTE}])"
_QUOTE = re.compile(
    rf"“([^”“\"]{{8,}}?)”|{_OPENS}\"(?=\S)([^\"]{{8,}}?)(?<=\S)\"(?!\w)|``((?:(?!''|``).){{8,}}?)''"
    rf"|‘([^’]{{8,}}?)’(?!\w)|{_OPENS}'(?=\S)([^']{{8,}}?)(?<=\S)'(?!\w)"
)
_SPEECH_VERBS = (
    "said|says|told|added|adding|stated|warned|declared|wrote|tweeted|insisted|argued|explained|noted|stressed"
    "|announced|quoted|urged|lauded|praised|expressed|reaffirmed"
)
_SPEECH = rf"(?:{_SPEECH_VERBS})"
_NAME = r"((?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|al|bin|de|van|von|der|la))*)"
# A subject pronoun: the speech verb's subject, and so no part of a name or title before it.
_PRONOUN = "he|she|they|it|we|i|you"
# "Lavrov told Kim that …" / "Graham said: …": the last name + speech verb before the quote.
# A pronoun between them is the verb's subject: "Afterwards he said: …" names nobody.
_BEFORE = re.compile(_NAME + r"\s+(?:(?!(?:" + _PRONOUN + r")\s)\w+\s+){0,2}?" + _SPEECH + r"\b[^.!?]*$")
# "…," Graham said / "…," said Graham / "…," KCNA said.
# "harbour master Ines Calder said", "said mayor Anouk Brandt"; never a pronoun or a speech
# verb ("…," he told The Associated Press. Yarkoni said …" names no speaker).
_TITLE = rf"(?:(?!(?:{_PRONOUN}|{_SPEECH_VERBS})\s)[a-z]+\s+){{0,3}}"
# "Amadou, 35, from Mauritania told AFP": an age and a home town between name and verb.
_WHO_MORE = r"(?:,\s\d{1,3},)?(?:\s+from\s+[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?)?"
# "said Brackenford fire chief Dana Whitcombe": a place or body before the title, then a full name.
_TITLE_PLACE = r"(?:[A-Z][\w'’-]*\s+(?=(?:[a-z]+\s+){1,3}[A-Z][\w'’.-]*\s+[A-Z]))?"
_AFTER = re.compile(
    r"^[\s,.!?]*(?:" + _TITLE + _NAME + _WHO_MORE + r"\s+" + _SPEECH
    + r"|" + _SPEECH + r"\s+" + _TITLE_PLACE + _TITLE + _NAME + r")"
)
# "Finance minister Rachel Reeves welcomed the cut, saying it would "…"": a participle of
# speech after the main clause speaks for that clause's subject, the name opening the sentence
# (two words at least, or one after a title: a lone capitalised first word may be any noun,
# "Officials welcomed …"), before its verb and with no other clause between them. The title
# is a role, not any word ("Police arrested John Smith after …, saying" is no Smith's), and a
# possessive is no subject ("Netanyahu's office promised …, saying").
_ROLE = (
    "minister|secretary|chief|spokesman|spokeswoman|spokesperson|president|director|leader|chairman|chairwoman"
    "|governor|mayor|master|officer|commissioner|chancellor|ambassador|senator|manager|coach|captain|executive"
)
_SUBJECT_SAYING = re.compile(
    rf"^\s*(?P<title>(?:[A-Z][\w'’.-]*\s+){{0,2}}(?:{_ROLE})\s+)?" + _NAME
    + rf"(?<!['’]s)\s+(?!(?:{_PRONOUN}|the|a|an|of|and|or|to|in|on|at)\s)[a-z]+\b[^,;:.!?“”\"]*,\s+"
    r"(?:saying|adding|noting|warning|writing|arguing|insisting|stressing|explaining)\b[^.!?]*$"
)
_ENDS_A_SENTENCE = re.compile(r"\.(?:''|’’|[”\"’'])$")
_ACCORDING = re.compile(r"according to\s+(?:the\s+)?" + _NAME)
TITLES = frozenset(
    "Mr Mrs Ms Dr Prof Sen Rep Gen Col President Prime Minister Foreign Secretary General Senator "
    "Governor Chancellor Chief Leader Spokesman Spokeswoman Director Chairman Ambassador Mayor Judge "
    "King Queen Pope Prince Premier Commissioner Deputy Republican Democratic Russian North South The "
    "A An He She It They This In On But And Officer Speaker Executive Attorney Justice Sheriff Inspector "
    "Superintendent Commander Captain Colonel Lieutenant Sergeant".split()
)
# Title words that qualify another ("Foreign Ministry", "Prime Minister") or open a sentence.
_QUALIFIERS = frozenset(
    "Prime Foreign Deputy Republican Democratic Russian North South The A An He She It They This In On But And".split()
)
# What may follow a surname before its verb: "Kowalski also said", "Erdogan later told".
_NAME_THEN = re.compile(rf"\s+(?:{_SPEECH_VERBS}|also|then|later|earlier|again|once|had|has|was|would|will|\w+ly)\b")


# Not a speaker: words a flattened page ran together ("Lindsey Olin GrahamSunday"), or a
# nationality standing alone ("Israeli officials said" -> "Israeli").
_GLUED = re.compile(r"[a-z]{3}[A-Z]")
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:an|ese|ish|i|ch)$")
_SUFFIX = re.compile(r"^(?:Jr|Sr|[IVX]+)\.?$")


@dataclass(frozen=True, slots=True)
class _Occurrence:
    text: str
    words: frozenset[str]
    speaker: str | None
    article_id: str


def _speaker(match: re.Match[str] | None, group: int = 1) -> str | None:
    """The speaker that `match.group(group)` names: "Russian Foreign Minister Sergei Lavrov" ->
    "Sergei Lavrov"; a pronoun or title alone -> None."""
    if match is None or not match.group(group):
        return None
    words = match.group(group).replace("’", "'").split()
    # A full stop that closes no abbreviation ends the sentence, and the name: "Blair. In".
    end = next((k for k, w in enumerate(words) if w.endswith(".") and not is_abbreviation(w)), None)
    if end is not None:
        words = [*words[:end], words[end].rstrip(".")]
    # "Israeli Prime Minister Benjamin Netanyahu": titles go, and a nationality before a title;
    # so does a title's qualifier ("Chief District Officer Suresh Sunar"): the title runs to its
    # last title word before the name, a suffix being no name ("Martin Luther King Jr.").
    titled = 0
    while titled < len(words) and (
        words[titled].rstrip(".") in TITLES
        or (titled + 1 < len(words) and _DEMONYM.match(words[titled]) and words[titled + 1].rstrip(".") in TITLES)
    ):
        titled += 1
    for k, word in enumerate(words[:-1]):
        if word.rstrip(".") in TITLES - _QUALIFIERS and not all(map(_SUFFIX.match, words[k + 1 :])):
            titled = max(titled, k + 1)
    lead = " ".join([match.string[: match.start(group)], *words[:titled]]).rstrip()
    words = words[titled:]
    while words and words[-1].endswith(("'s", "'")):
        words.pop()
    if any(_GLUED.search(w) for w in words):
        return None
    # A nationality alone is nobody ("Israeli officials said", "said an Israeli official", "the
    # Chinese said"), but a surname of that shape stands alone before its verb ("Kowalski said").
    rest = match.string[match.end(group) :]
    modifies = re.match(r"\s+[a-z]", rest) is not None and _NAME_THEN.match(rest) is None
    after_article = re.search(r"\b(?:the|an?)$", lead, re.IGNORECASE) is not None
    if len(words) == 1 and _DEMONYM.match(words[0]) and (modifies or after_article):
        return None
    return " ".join(words) or None


def _find_speaker(text: str, start: int, end: int) -> str | None:
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    before = text[sentence_start:start]
    # Another quote between the speaker and this one belongs to that quote.
    before = re.split(r"[“”\"]", before)[-1] if re.search(r"[“”\"]", before) else before
    match = _BEFORE.search(before)
    if match:
        return _speaker(match)
    match = _SUBJECT_SAYING.match(before)
    if match and (len(match.group(2).split()) > 1 or match.group("title")):  # group 2: the name
        return _speaker(match, 2)
    # A quote whose own words end with a full stop ends its sentence: a name and a speech verb
    # after it start the next one ("…conditions.'' Gray said about 56 sailors …").
    match = None if _ENDS_A_SENTENCE.search(text, start, end) else _AFTER.match(text[end : end + 80])
    if match:
        return _speaker(match, 1 if match.group(1) else 2)
    # "According to …" outside the quote: inside it, it names the speaker's own source.
    after = text[end : text.find(".", end) if "." in text[end:] else len(text)]
    return _speaker(_ACCORDING.search(before) or _ACCORDING.search(after))


def quotes(cluster: Cluster) -> list[_Occurrence]:
    found = []
    for document in cluster.documents:
        for block in document.blocks:
            # A paragraph's line breaks fall inside its sentences (clean runs the lines on).
            paragraph = block.text.replace("\n", " ")
            for match in _QUOTE.finditer(paragraph):
                quoted = " ".join(_opening(next(g for g in match.groups() if g is not None)).split()).strip(" ,.")
                words = content(tokenize(quoted))
                if len(quoted.split()) < MIN_QUOTE_WORDS or not words or _is_title(quoted):
                    continue
                speaker = _find_speaker(paragraph, match.start(), match.end())
                found.append(_Occurrence(quoted, frozenset(words), speaker, document.article.id))
    return found


def _is_title(quoted: str) -> bool:
    """A title in quotation marks ("Star Wars: The Force Awakens") is no one's words. Words
    that thank a list of names are ("Thanks to Jenna Bush Hager, Rory McIlroy, and …")."""
    return "," not in quoted and in_title_case(quoted.split())


def _opening(quoted: str) -> str:
    """The quote's leading whole sentences, up to MAX_QUOTE_WORDS words ("" when even its
    first sentence is longer)."""
    kept = ""
    for _, end in split_sentences(quoted):
        if len(quoted[:end].split()) > MAX_QUOTE_WORDS:
            break
        kept = quoted[:end]
    return kept


def _same(a: _Occurrence, b: _Occurrence) -> bool:
    shorter = min(len(a.words), len(b.words))
    return len(a.words & b.words) / shorter >= SAME_QUOTE


def _vote(speakers: list[str]) -> str | None:
    """The most named speaker; a surname alone counts for the full name that contains it."""
    if not speakers:
        return None
    full = {s: max((t for t in speakers if s.split()[-1] in t.split()), key=len) for s in speakers}
    return Counter(full[s] for s in speakers).most_common(1)[0][0]


def key_quote(cluster: Cluster) -> Quote | None:
    """The quote carried by the most independent reports (ties: one with a named speaker,
    then the longer one)."""
    found = quotes(cluster)
    groups: list[list[_Occurrence]] = []
    for occurrence in found:
        home = next((g for g in groups if _same(g[0], occurrence)), None)
        if home is None:
            groups.append([occurrence])
        else:
            home.append(occurrence)
    if not groups:
        return None

    # Among quotes as widely carried, one whose speaker the reports name tells the reader more.
    def weight(group: list[_Occurrence]) -> tuple[int, bool, int]:
        reports = len(cluster.independent_ids([o.article_id for o in group]))
        return reports, any(o.speaker for o in group), max(len(o.words) for o in group)

    best = max(groups, key=weight)
    # The wording closest to all the others: the quote as most reports give it.
    medoid = max(best, key=lambda o: sum(len(o.words & p.words) / len(o.words | p.words) for p in best))
    return Quote(
        text=medoid.text,
        speaker=_vote([o.speaker for o in best if o.speaker]),
        article_ids=list(dict.fromkeys(o.article_id for o in best)),
    )


def speaker_of_quote(cluster: Cluster, sentence: Sentence) -> str | None:
    """Who speaks `sentence` when it is nothing but someone's words, as its report tells:
    - a piece of a longer quotation: the name governing the whole quotation ('Hyde said: "It
      was a debate. It was about truth."' credits Hyde with "It was about truth."),
    - a quote right after another quote of the same paragraph: that quote's speaker, since a
      paragraph runs on one speaker's words ('"We will rebuild," Calder said. "Nobody was hurt."').
    None for any other sentence: a speaker is never guessed from prose around a quote."""
    if re.search(r"\w", QUOTED_SPAN.sub("", sentence.brief_text)):
        return None
    document = next(d for d in cluster.documents if d.article.id == sentence.article_id)
    text = _run_on(document)
    if sentence.opens_quoted or sentence.ends_quoted:
        return _quotation_speaker(document, text, sentence.index)
    index = sentence.index
    if index == 0 or "\n" in text[document.sentences[index - 1].end : sentence.start]:
        return None
    return _quotation_speaker(document, text, index - 1)


def _run_on(document: Document) -> str:
    """The document's text with each paragraph's line breaks read as spaces, as clean ran a
    wrapped paragraph's lines on; offsets hold, and a line break is left only between paragraphs."""
    pieces, done = [], 0
    for block in document.blocks:
        end = block.start + len(block.text)
        pieces += [document.text[done : block.start], document.text[block.start : end].replace("\n", " ")]
        done = end
    return "".join(pieces) + document.text[done:]


def _quotation_speaker(document: Document, text: str, index: int) -> str | None:
    """The speaker of the last quotation in sentence `index` of `document`, whose text is
    `text`; the quotation may run over several sentences."""
    sentences = document.sentences
    first = last = index
    while first > 0 and sentences[first].opens_quoted:
        first -= 1
    # A quotation may be left open at the end of its paragraph, as papers do when it goes on.
    while last + 1 < len(sentences) and sentences[last].ends_quoted and sentences[last + 1].opens_quoted:
        last += 1
    marks = list(QUOTATION_MARK.finditer(text, sentences[first].start, sentences[first].end))
    if first == last:  # within one sentence: its last pair of marks
        if len(marks) < 2:
            return None
        return _find_speaker(text, marks[-2].start(), marks[-1].end())
    closing = next(QUOTATION_MARK.finditer(text, sentences[last].start, sentences[last].end), None)
    start = marks[-1].start() if marks else sentences[first].start
    return _find_speaker(text, start, closing.end() if closing else sentences[last].end)
