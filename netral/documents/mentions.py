"""Where a text names an instrument: a type word with a number, a date, or an event.

"Surat Edaran Bupati Sleman Nomor 800/123/BKPSDM", "Keputusan Bersama ... Nomor 2 Tahun
2022, Nomor 800-5474 Tahun 2022, ...", "SE 800/3066.1", "instruksi ... tertanggal
5 Januari 2024", a letter's heading ("SURAT EDARAN" over "Nomor: 800/...") and a pact or
pledge signed or read at an event ("membacakan ikrar netralitas, Senin kemarin").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from netral.documents.dates import (
    DateMention,
    bare_weekdays,
    news_date,
    resolve_weekday,
)
from netral.documents.keywords import keywords
from netral.documents.loader import DataFileError, check_fields, load_data
from netral.documents.model import Span
from netral.documents.numbers import BARE_CODE, CODE, NUMBER_WORD
from netral.documents.phrases import PhraseMatch, PhraseMatcher
from netral.documents.sentences import Layout

_NUMBERED = re.compile(rf"(?<!\w){NUMBER_WORD}(?P<number>{CODE})")
_CONTINUED = re.compile(rf"\s*[,;]?\s*(?:(?i:dan|serta)\s+)?{NUMBER_WORD}(?P<number>{CODE})")
_BARE_CODE = re.compile(rf"\s+(?P<number>{BARE_CODE})")
_NUMBER_LINE = re.compile(rf"{NUMBER_WORD}(?P<number>{CODE})")
# Issuer words between the type and its number: capitalised words and joints, or a few words.
_TITLE_GAP = re.compile(r"(?:[\s,()/\-]|(?i:dan|serta|dengan)\b|[A-Z0-9][\w.\-]*)*")
_WORD = re.compile(r"\w+")
# "surat tersebut", "edaran itu": the instrument the text has just named.
_ANAPHOR = re.compile(r"\s+(?i:tersebut|itu|ini)(?!\w)")
# "akan menandatangani pakta": not signed yet.
_FUTURE = re.compile(r"(?i:akan|rencana|direncanakan|hendak)\s+$")
# A letter's place and date line: "Purbalingga, 27 Februari 2023".
_PLACE_DATE = re.compile(r"[A-Z][^,\n\d]{1,40},\s*$")
_ENACTED = re.compile(r"(?i:ditetapkan|dikeluarkan)\s+di\b[^\n]{0,60}\n?[^\n]{0,40}$")
_RELATED_LINK = re.compile(
    r"^[ \t]*(?i:baca\s+juga|lihat\s+juga|berita\s+terkait|simak\s+juga|artikel\s+terkait)\b[^\n]*",
    re.MULTILINE,
)
_DEGREE = re.compile(
    r"(?<=[a-z] )SE(?=,?\s*(?:M\.?\s?Si|M\.?M|M\.?H|M\.?Ak|M\.?AP|M\.?Pd|M\.?T|Ak)\b)"
)
# The verb that issues or signs an instrument, up to a few words before its type word
# ("menerbitkan surat edaran", "meneken instruksi") or right after it ("SE itu diteken").
_GOVERNING_REACH_WORDS = 4
_PAUSE = re.compile(r"[\d,;.:()\n]")
_MAX_FREE_GAP_WORDS = 12
_MAX_DATE_GAP_WORDS = 10
_MAX_EVENT_GAP_WORDS = 40
_MAX_TITLE_WORDS = 10
_TITLE_NUMBER_LINES_AFTER = 3
_HEADER_NUMBER_LINES_BEFORE = 15
_HEADER_LINES = 20
_VOTE_DAY_REACH = 45  # characters before a date searched for an election or vote word


@dataclass
class Mention:
    type: str
    type_span: Span
    number: str | None
    number_span: Span | None
    parts: list[str]
    date: DateMention | None = None
    type_text: str = ""  # the type word as written ("Surat Edaran", "SE", "Kepbup")
    anaphoric: bool = False  # "surat tersebut ... tanggal": the instrument named before
    titled: bool = False  # the heading of the document itself (a letter or decree)

    @property
    def start(self) -> int:
        return self.type_span[0]

    @property
    def end(self) -> int:
        return self.number_span[1] if self.number_span else self.type_span[1]

    @property
    def gap(self) -> Span:
        """The issuer words between the type and the number."""
        return (self.type_span[1], self.number_span[0] if self.number_span else self.type_span[1])


@dataclass(frozen=True)
class _Lexicon:
    types: PhraseMatcher
    excluded: PhraseMatcher
    events: frozenset[str]


@cache
def _lexicon() -> _Lexicon:
    data = load_data("instrument_types.yaml")
    phrases, exact = {}, {}
    for name, entry in data["types"].items():
        check_fields(f"instrument_types.yaml types.{name}", entry, ("phrases",), ("exact_case",))
        phrases[name] = entry["phrases"]
        exact[name] = entry.get("exact_case", [])
    excluded = PhraseMatcher({"excluded": data["not_instruments"]})
    events = frozenset(data["events"])
    unknown = events - phrases.keys()
    if unknown:
        raise DataFileError(f"instrument_types.yaml events: unknown types {sorted(unknown)}")
    return _Lexicon(PhraseMatcher(phrases, exact), excluded, events)


def event_types() -> frozenset[str]:
    """Types known by the event where they are signed or read (pacts, pledges)."""
    return _lexicon().events


def type_words(text: str) -> list[PhraseMatch]:
    lexicon = _lexicon()
    excluded = [(m.start, m.end) for m in lexicon.excluded.finditer(text)]
    # Links to other stories ("BACA JUGA: Bupati X Terbitkan SE Netralitas") name their
    # instruments, not this page's.
    excluded += [m.span() for m in _RELATED_LINK.finditer(text)]
    # "Kaspinor SE MSi": a degree after a name, not a circular.
    excluded += [(m.start(), m.end()) for m in _DEGREE.finditer(text)]
    return [
        match
        for match in lexicon.types.finditer(text)
        if not any(start <= match.start < end for start, end in excluded)
    ]


def _gap_is_issuer(text: str, start: int, end: int) -> bool:
    gap = text[start:end]
    if "\n" in gap:
        return False
    if len(_WORD.findall(gap)) <= _MAX_FREE_GAP_WORDS:
        return True
    return _TITLE_GAP.fullmatch(gap) is not None


def _with_continuations(text: str, match: re.Match[str]) -> tuple[Span, list[str]]:
    parts, end = [match["number"]], match.end("number")
    while (more := _CONTINUED.match(text, end)) is not None:
        parts.append(more["number"])
        end = more.end("number")
    return (match.start("number"), end), parts


def _type_word_before(
    text: str, layout: Layout, words: list[PhraseMatch], position: int
) -> PhraseMatch | None:
    """The nearest type word before `position` in its sentence, with issuer words between."""
    sentence_start = layout.sentence_at(position)[0]
    before = [w for w in words if sentence_start <= w.start and w.end <= position]
    return next((w for w in reversed(before) if _gap_is_issuer(text, w.end, position)), None)


def _numbered(text: str, layout: Layout, words: list[PhraseMatch]) -> list[Mention]:
    mentions: list[Mention] = []
    for match in _NUMBERED.finditer(text):
        done = mentions[-1].end if mentions else 0
        if match.start() < done or not any(c.isdigit() for c in match["number"]):
            continue
        word = _type_word_before(text, layout, words, match.start())
        if word is None or word.start < done:  # that word already has its number
            continue
        span, parts = _with_continuations(text, match)
        number = text[span[0] : span[1]]
        mentions.append(_mention(word, number, span, parts))
    return mentions


def _mention(
    word: PhraseMatch,
    number: str | None = None,
    span: Span | None = None,
    parts: list[str] | None = None,
    date: DateMention | None = None,
) -> Mention:
    return Mention(
        word.label, (word.start, word.end), number, span, parts or [], date, type_text=word.text
    )


def _bare_coded(text: str, words: list[PhraseMatch], taken: list[Mention]) -> list[Mention]:
    found = []
    for word in words:
        code = _BARE_CODE.match(text, word.end)
        if code is None or _inside(word, taken):
            continue
        found.append(_mention(word, code["number"], code.span("number"), [code["number"]]))
    return found


def _inside(word: PhraseMatch, taken: list[Mention]) -> bool:
    return any(m.start <= word.start < m.end for m in taken)


def _titled(
    text: str,
    layout: Layout,
    words: list[PhraseMatch],
    taken: list[Mention],
    dates: list[DateMention],
) -> list[Mention]:
    """A letter's or decree's heading: a short line that starts with the type ("SURAT
    EDARAN", "INSTRUKSI BUPATI X") and its "Nomor" line just under it or, in a letter's
    header, above it."""
    found: list[Mention] = []
    lines = layout.lines
    starts = {start: index for index, (start, _) in enumerate(lines)}
    for word in words:
        index = starts.get(word.start)
        if index is None or _inside(word, taken + found):
            continue
        line_start, line_end = lines[index]
        if len(_WORD.findall(text, line_start, line_end)) > _MAX_TITLE_WORDS:
            continue
        if _NUMBERED.search(text, line_start, line_end):
            continue  # "SURAT EDARAN NOMOR 800/..." on one line: an ordinary mention
        below = range(index + 1, min(len(lines), index + 1 + _TITLE_NUMBER_LINES_AFTER))
        above = range(index - 1, max(-1, index - 1 - _HEADER_NUMBER_LINES_BEFORE), -1)
        header = [i for i in above if i < _HEADER_LINES]
        for candidate in [*below, *header]:
            number = _NUMBER_LINE.match(text, lines[candidate][0], lines[candidate][1])
            if number is not None and any(c.isdigit() for c in number["number"]):
                span = number.span("number")
                mention = _mention(word, number["number"], span, [number["number"]])
                mention.titled = True
                mention.date = _letter_date(text, layout, dates)
                found.append(mention)
                break
    return found


def _letter_date(text: str, layout: Layout, dates: list[DateMention]) -> DateMention | None:
    """The date a letter is written or a decree enacted: "Purbalingga, 27 Februari 2023"
    in the header, or "Ditetapkan di ... pada tanggal ..."."""
    header_end = layout.lines[min(len(layout.lines), _HEADER_LINES) - 1][1] if layout.lines else 0
    for date in dates:
        if date.year is None:
            continue
        line_start = text.rfind("\n", 0, date.start) + 1
        before = text[line_start : date.start]
        if date.start < header_end and _PLACE_DATE.fullmatch(before):
            return date
        if _ENACTED.search(text, max(0, date.start - 80), date.start):
            return date
    return None


def _dated(
    text: str,
    layout: Layout,
    words: list[PhraseMatch],
    taken: list[Mention],
    dates: list[DateMention],
) -> list[Mention]:
    found = []
    events = event_types()
    for word in words:
        if word.label in events or _inside(word, taken):
            continue
        sentence_end = layout.sentence_at(word.start)[1]
        date = next((d for d in dates if word.end <= d.start < sentence_end), None)
        if date is None or not _near_enough(text, word, date):
            continue
        between = text[word.end : date.start]
        if _NUMBERED.search(between) or any(word.end < w.start < date.start for w in words):
            continue
        if not _is_own_date(text, layout, word, date):
            continue
        mention = _mention(word, date=date)
        mention.anaphoric = _ANAPHOR.match(text, word.end) is not None
        found.append(mention)
    return found


def _near_enough(text: str, word: PhraseMatch, date: DateMention) -> bool:
    """A few words apart, or further when the instrument is said to be signed or issued
    in between ("SKB ditandatangani Menteri ..., Menteri ..., Kamis (22/09/2022)")."""
    gap = len(_WORD.findall(text, word.end, date.start))
    if gap <= _MAX_DATE_GAP_WORDS:
        return True
    issued = next(keywords().issuance.finditer(text, word.end, date.start), None)
    return gap <= _MAX_EVENT_GAP_WORDS and issued is not None


def _is_own_date(text: str, layout: Layout, word: PhraseMatch, date: DateMention) -> bool:
    """ "edaran tertanggal 5 Mei", or "menerbitkan edaran ... pada Jumat (22/9)": the date
    belongs to the instrument; "menjelaskan edaran itu pada Rabu (10/1)" does not."""
    cues = keywords()
    if next(cues.date_cue.finditer(text, word.end, date.start), None) is not None:
        return True
    sentence_start = layout.sentence_at(word.start)[0]
    return next(cues.issuance.finditer(text, sentence_start, word.start), None) is not None


def _issued(
    text: str,
    layout: Layout,
    words: list[PhraseMatch],
    taken: list[Mention],
    dates: list[DateMention],
) -> list[Mention]:
    """An instrument the text shows being issued without its number or date ("Pj Bupati
    menerbitkan surat edaran netralitas ASN"): reported with its type and issuer. A plain
    "surat" is too vague to be one on its own."""
    found = []
    anchor = news_date(text, dates)
    for word in words:
        if word.label in event_types() or word.label == "SURAT" or _inside(word, taken):
            continue
        if _ANAPHOR.match(text, word.end) or not _governed(text, layout, word):
            continue
        start, end = layout.sentence_at(word.start)
        weekday = next(iter(bare_weekdays(text, start, end, dates)), None)
        date = resolve_weekday(text, weekday, anchor) if weekday and anchor else None
        found.append(_mention(word, date=date))
    return found


def _governed(text: str, layout: Layout, word: PhraseMatch) -> bool:
    start, end = layout.sentence_at(word.start)
    issuance = keywords().issuance
    for verb in issuance.finditer(text, start, end):
        if verb.end <= word.start:
            gap = len(_WORD.findall(text, verb.end, word.start))
            if gap <= _GOVERNING_REACH_WORDS and not _FUTURE.search(text, start, verb.start):
                return True
        elif verb.start >= word.end:
            return len(_WORD.findall(text, word.end, verb.start)) <= _GOVERNING_REACH_WORDS
    return False


def _events(
    text: str,
    layout: Layout,
    words: list[PhraseMatch],
    taken: list[Mention],
    dates: list[DateMention],
    all_dates: list[DateMention],
) -> list[Mention]:
    """Pacts and pledges signed or read at an event: dated by the event, or known only by
    the signing or reading ("menandatangani pakta integritas")."""
    found = []
    events = event_types()
    anchor = news_date(text, all_dates)
    used = {m.date.start for m in taken if m.date is not None}
    for word in words:
        if word.label not in events or _inside(word, taken):
            continue
        start, end = layout.sentence_at(word.start)
        date = _event_date(text, layout, word, (start, end), dates, used, anchor, all_dates)
        if date is None and not _signed_or_read(text, start, end):
            continue
        found.append(_mention(word, date=date))
    return found


def _event_date(
    text: str,
    layout: Layout,
    word: PhraseMatch,
    sentence: Span,
    dates: list[DateMention],
    used: set[int],
    anchor: dt.date | None,
    all_dates: list[DateMention],
) -> DateMention | None:
    """The event's date: written after the word in its sentence; else a bare day name
    there, read against the news item's date ("Senin kemarin"); else written before the
    word; else in the next sentence when it tells where and when the event took place
    ("Acara berlangsung ..., Selasa (26/9/2023)")."""
    start, end = sentence
    near = [d for d in dates if start <= d.start < end and d.start not in used]
    after = [d for d in near if d.start >= word.end]
    if after and len(_WORD.findall(text, word.end, after[0].start)) <= _MAX_EVENT_GAP_WORDS:
        return after[0]
    weekday = next(iter(bare_weekdays(text, start, end, all_dates)), None)
    if weekday is not None and anchor is not None:
        return resolve_weekday(text, weekday, anchor)
    before = [d for d in near if d.end <= word.start]
    if before and len(_WORD.findall(text, before[-1].end, word.start)) <= _MAX_EVENT_GAP_WORDS:
        return before[-1]
    following = [span for span in layout.sentences if span[0] >= end]
    if not following:
        return None
    next_start, next_end = following[0]
    if type_words(text[next_start:next_end]):
        return None
    if next(keywords().event.finditer(text, next_start, next_end), None) is None:
        return None
    return next((d for d in dates if next_start <= d.start < next_end), None)


def _signed_or_read(text: str, start: int, end: int) -> bool:
    return any(
        not _FUTURE.search(text, max(start, cue.start - 20), cue.start)
        for cue in keywords().event.finditer(text, start, end)
    )


def is_vote_day(text: str, date: DateMention) -> bool:
    """A date written as the day of the vote or of a later stage ("Pilkada yang digelar
    27 November 2024", "pemungutan suara 14 Februari 2024 mendatang")."""
    low = max(0, date.start - _VOTE_DAY_REACH)
    cues = keywords()
    named = [
        *cues.election.finditer(text, low, date.start),
        *cues.vote_day.finditer(text, low, date.start),
    ]
    if named:
        last = max(match.end for match in named)
        # "Pemilu 2024, Selasa (30/5)": the election's own year or a pause between them
        # makes the date a day of something else.
        if not _PAUSE.search(text, last, date.start):
            dated = next(cues.date_cue.finditer(text, last, date.start), None)
            issued = next(cues.issuance.finditer(text, last, date.start), None)
            if dated is None and issued is None:
                return True
    return re.match(r"\s*(?i:mendatang|nanti)(?!\w)", text[date.end : date.end + 12]) is not None


def find_mentions(text: str, layout: Layout, dates: list[DateMention]) -> list[Mention]:
    """Instrument mentions in order; each numbered one with the date written after it."""
    words = type_words(text)
    own = [date for date in dates if not is_vote_day(text, date)]
    numbered = _numbered(text, layout, words)
    numbered += _bare_coded(text, words, numbered)
    for mention in numbered:
        mention.date = _date_after(mention, layout, numbered, own)
    numbered += _titled(text, layout, words, numbered, own)
    mentions = numbered + _dated(text, layout, words, numbered, own)
    mentions += _events(text, layout, words, mentions, own, dates)
    return sorted(mentions, key=lambda mention: mention.start)


def loose_mentions(
    text: str, layout: Layout, dates: list[DateMention], taken: list[Mention]
) -> list[Mention]:
    """Instruments shown being issued with neither number nor date: the extractor's last
    resort, when a document names no instrument otherwise."""
    return _issued(text, layout, type_words(text), taken, dates)


def _date_after(
    mention: Mention, layout: Layout, mentions: list[Mention], dates: list[DateMention]
) -> DateMention | None:
    """The first date after the number, in its sentence, before the next mention."""
    limit = layout.sentence_at(mention.start)[1]
    later = [m.start for m in mentions if m.start > mention.start]
    if later:
        limit = min(limit, min(later))
    return next((d for d in dates if mention.end <= d.start < limit), None)
