"""A read document as pages, and where each instrument's evidence sits in them.

Readers return pages of raw text; OCRed pages also carry each word's place and Tesseract
confidence. `Document` normalises the pages one by one and joins them with a blank line,
which is already normal form, so the offsets extraction reports (into its normalised text)
fall on the same characters and can be traced back to a page and to OCR words.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import fmean

from netral.documents.model import ExtractionResult, Instrument, Span
from netral.documents.normalise import normalise

PAGE_BREAK = "\n\n"
# How far past the expected place an OCR word is looked for in its normalised page:
# normalising only removes characters (spaces, hyphens at line ends, invisible ones).
_WORD_SLACK = 16


@dataclass(frozen=True)
class Word:
    """One OCR word: its characters in the page's raw text and Tesseract's confidence."""

    start: int
    end: int
    confidence: float  # 0..1


@dataclass(frozen=True)
class Page:
    number: int  # 1-based, as the file counts its pages
    text: str  # raw, as read
    ocr: bool = False
    words: tuple[Word, ...] = ()


@dataclass(frozen=True)
class PlacedPage:
    number: int
    start: int  # in Document.text
    end: int
    ocr: bool


@dataclass
class Document:
    """Pages joined into the one normalised text that extraction reads."""

    kind: str  # what the content was recognised as: PDF, DOCX, ODT, HTML, TEXT, IMAGE
    text: str = ""
    pages: list[PlacedPage] = field(default_factory=list)
    words: list[tuple[int, int, float]] = field(default_factory=list)  # in text, in order

    @classmethod
    def of(cls, kind: str, pages: Sequence[Page]) -> Document:
        document = cls(kind)
        parts: list[str] = []
        offset = 0
        for page in pages:
            text = normalise(page.text)
            if not text:
                continue
            if parts:
                offset += len(PAGE_BREAK)
            parts.append(text)
            document.pages.append(PlacedPage(page.number, offset, offset + len(text), page.ocr))
            document.words += _placed_words(page, text, offset)
            offset += len(text)
        document.text = PAGE_BREAK.join(parts)
        return document

    def page_numbers(self, spans: Sequence[Span]) -> list[int]:
        return sorted({p.number for p in self._pages_of(spans)})

    def ocr_in(self, spans: Sequence[Span]) -> bool:
        return any(page.ocr for page in self._pages_of(spans))

    def confidence(self, spans: Sequence[Span]) -> float | None:
        """Mean confidence of the OCR words overlapping `spans`, None when there are none."""
        starts = [word[0] for word in self.words]
        found = []
        for start, end in spans:
            index = max(0, bisect_right(starts, start) - 1)
            while index < len(self.words) and self.words[index][0] < end:
                word_start, word_end, confidence = self.words[index]
                if word_end > start and word_start < end:
                    found.append(confidence)
                index += 1
        return fmean(found) if found else None

    def _pages_of(self, spans: Sequence[Span]) -> list[PlacedPage]:
        return [p for p in self.pages if any(s < p.end and e > p.start for s, e in spans)]


def _placed_words(page: Page, normal: str, offset: int) -> list[tuple[int, int, float]]:
    """The page's OCR words found, in order, in its normalised text."""
    placed = []
    cursor = 0
    for word in page.words:
        token = normalise(page.text[word.start : word.end])
        for candidate in (token, token.rstrip("-")):
            if not candidate:
                continue
            at = normal.find(candidate, cursor, cursor + len(candidate) + _WORD_SLACK)
            if at >= 0:
                end = at + len(candidate)
                placed.append((offset + at, offset + end, word.confidence))
                cursor = end
                break
    return placed


def locate(result: ExtractionResult, document: Document) -> ExtractionResult:
    """Fill each instrument's pages, OCR flag and confidence from where its evidence is."""
    if result.text != document.text:
        # Extraction normalised the text differently from the readers: the offsets no
        # longer meet the pages, so report nothing rather than wrong pages.
        return result
    for instrument in result.instruments:
        _locate(instrument, document)
    return result


def _locate(instrument: Instrument, document: Document) -> None:
    spans = list(instrument.evidence.values())
    instrument.pages = document.page_numbers(spans)
    instrument.ocr = document.ocr_in(spans)
    if instrument.ocr:
        # The identifying fields, not the conduct passages far down the page.
        own = [span for name, span in instrument.evidence.items() if ":" not in name]
        confidence = document.confidence(own or spans)
        if confidence is None:  # evidence between words: the pages' words then
            placed = [(p.start, p.end) for p in document.pages if p.number in instrument.pages]
            confidence = document.confidence(placed)
        instrument.confidence = round(confidence, 3) if confidence is not None else None
