"""Where a text names an instrument: a type word with a number, or with a date.

"Surat Edaran Bupati Sleman Nomor 800/123/BKPSDM", "Keputusan Bersama ... Nomor 2 Tahun
2022, Nomor 800-5474 Tahun 2022, ...", "SE 800/3066.1", "instruksi ... tertanggal
5 Januari 2024".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from netral.documents.dates import DateMention
from netral.documents.keywords import keywords
from netral.documents.loader import check_fields, load_data
from netral.documents.model import Span
from netral.documents.phrases import PhraseMatch, PhraseMatcher
from netral.documents.sentences import Layout

# "Nomor", "No.", "Nmr", and the OCR misreadings "N0mor", "Nornor".
_NUMBER_WORD = r"(?i:n[o0](?:m|rn)[o0]r|nmr\.?|n[o0]\.?)(?!\w)\s*[:.]?\s*"
# A number as written: letters, digits and . - / inside, optionally "Tahun YYYY" after.
_CODE = r"[0-9A-Za-z](?:[0-9A-Za-z.\-/]*[0-9A-Za-z])?(?:\s+(?i:tahun)\s+(?:19|20)\d{2})?"
_NUMBERED = re.compile(rf"(?<!\w){_NUMBER_WORD}(?P<number>{_CODE})")
_CONTINUED = re.compile(rf"\s*[,;]?\s*(?:(?i:dan|serta)\s+)?{_NUMBER_WORD}(?P<number>{_CODE})")
_BARE_CODE = re.compile(r"\s+(?P<number>\d[0-9A-Za-z.\-]*/[0-9A-Za-z.\-/]*[0-9A-Za-z])")
# Issuer words between the type and its number: capitalised words and joints, or a few words.
_TITLE_GAP = re.compile(r"(?:[\s,()/\-]|(?i:dan|serta|dengan)\b|[A-Z0-9][\w.\-]*)*")
_WORD = re.compile(r"\w+")
_MAX_FREE_GAP_WORDS = 12
_MAX_DATE_GAP_WORDS = 10


@dataclass
class Mention:
    type: str
    type_span: Span
    number: str | None
    number_span: Span | None
    parts: list[str]
    date: DateMention | None = None

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


@cache
def _lexicon() -> _Lexicon:
    data = load_data("instrument_types.yaml")
    phrases, exact = {}, {}
    for name, entry in data["types"].items():
        check_fields(f"instrument_types.yaml types.{name}", entry, ("phrases",), ("exact_case",))
        phrases[name] = entry["phrases"]
        exact[name] = entry.get("exact_case", [])
    excluded = PhraseMatcher({"excluded": data["not_instruments"]})
    return _Lexicon(PhraseMatcher(phrases, exact), excluded)


def type_words(text: str) -> list[PhraseMatch]:
    lexicon = _lexicon()
    excluded = [(m.start, m.end) for m in lexicon.excluded.finditer(text)]
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
        mentions.append(Mention(word.label, (word.start, word.end), number, span, parts))
    return mentions


def _bare_coded(text: str, words: list[PhraseMatch], taken: list[Mention]) -> list[Mention]:
    found = []
    for word in words:
        code = _BARE_CODE.match(text, word.end)
        if code is None or any(m.start <= word.start < m.end for m in taken):
            continue
        span = code.span("number")
        found.append(
            Mention(word.label, (word.start, word.end), code["number"], span, [code["number"]])
        )
    return found


def _dated(
    text: str,
    layout: Layout,
    words: list[PhraseMatch],
    taken: list[Mention],
    dates: list[DateMention],
) -> list[Mention]:
    found = []
    for word in words:
        if any(m.start <= word.start < m.end for m in taken):
            continue
        sentence_end = layout.sentence_at(word.start)[1]
        date = next((d for d in dates if word.end <= d.start < sentence_end), None)
        if date is None or len(_WORD.findall(text, word.end, date.start)) > _MAX_DATE_GAP_WORDS:
            continue
        between = text[word.end : date.start]
        if _NUMBERED.search(between) or any(word.end < w.start < date.start for w in words):
            continue
        if not _is_own_date(text, layout, word, date):
            continue
        found.append(Mention(word.label, (word.start, word.end), None, None, [], date))
    return found


def _is_own_date(text: str, layout: Layout, word: PhraseMatch, date: DateMention) -> bool:
    """ "edaran tertanggal 5 Mei", or "menerbitkan edaran ... pada Jumat (22/9)": the date
    belongs to the instrument; "menjelaskan edaran itu pada Rabu (10/1)" does not."""
    cues = keywords()
    if next(cues.date_cue.finditer(text, word.end, date.start), None) is not None:
        return True
    sentence_start = layout.sentence_at(word.start)[0]
    return next(cues.issuance.finditer(text, sentence_start, word.start), None) is not None


def find_mentions(text: str, layout: Layout, dates: list[DateMention]) -> list[Mention]:
    """Instrument mentions in order; each numbered one with the date written after it."""
    words = type_words(text)
    numbered = _numbered(text, layout, words)
    numbered += _bare_coded(text, words, numbered)
    for mention in numbered:
        mention.date = _date_after(mention, layout, numbered, dates)
    mentions = numbered + _dated(text, layout, words, numbered, dates)
    return sorted(mentions, key=lambda mention: mention.start)


def _date_after(
    mention: Mention, layout: Layout, mentions: list[Mention], dates: list[DateMention]
) -> DateMention | None:
    """The first date after the number, in its sentence, before the next mention."""
    limit = layout.sentence_at(mention.start)[1]
    later = [m.start for m in mentions if m.start > mention.start]
    if later:
        limit = min(limit, min(later))
    return next((d for d in dates if mention.end <= d.start < limit), None)
