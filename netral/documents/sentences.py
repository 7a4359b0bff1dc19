"""Sentence and line spans of a normalised text."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from netral.documents.model import Span

# Words that end with a full stop without ending a sentence ("No. 5", "Plt. Kepala").
_ABBREVIATIONS = frozenset(
    {"no", "nmr", "kab", "prov", "pj", "pjs", "plt", "plh", "dr", "drs", "dra", "h", "hj",
     "ir", "st", "jl", "tgl", "prof", "kec", "kel", "ri", "sdr", "bpk", "ybs", "dll", "dsb",
     "dst", "a.n", "u.p"}
)  # fmt: skip
_CANDIDATE = re.compile(r"\n+|(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9])")
_LINE = re.compile(r"[^\n]+")
_TERMINAL = frozenset('.!?:;"”’)|')
_LIST_MARKER = re.compile(r"[-–—•*·]|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s")
_SHORT_LINE_WORDS = 8
_LAST_WORD = re.compile(r"([\w.]+)\.\W*$")


def _is_real_boundary(text: str, match: re.Match[str]) -> bool:
    if "\n" in match.group():
        return _line_break_ends_sentence(text, match.start(), match.end())
    word = _LAST_WORD.search(text, max(0, match.start() - 12), match.start())
    if word is None:
        return True
    token = word.group(1).casefold()
    return token not in _ABBREVIATIONS and len(token) > 1


def _line_break_ends_sentence(text: str, start: int, end: int) -> bool:
    """A blank line, a line ending in punctuation, a list item or a short line (a title)
    ends a sentence; otherwise the break only wraps a long line (PDF text layers)."""
    if start == 0 or end - start > 1 or text[start - 1] in _TERMINAL:
        return True
    if _LIST_MARKER.match(text, end):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    return len(text[line_start:start].split()) < _SHORT_LINE_WORDS


@dataclass(frozen=True)
class Layout:
    """Where each sentence and each line of a text starts and ends."""

    sentences: list[Span]
    lines: list[Span]

    @classmethod
    def of(cls, text: str) -> Layout:
        return cls(_sentences(text), _lines(text))

    def sentence_at(self, offset: int) -> Span:
        index = max(0, bisect_right(self.sentences, (offset, _FAR)) - 1)
        return self.sentences[index] if self.sentences else (0, 0)


_FAR = 1 << 62


def _sentences(text: str) -> list[Span]:
    spans, start = [], 0
    for match in _CANDIDATE.finditer(text):
        if _is_real_boundary(text, match):
            if match.start() > start:
                spans.append((start, match.start()))
            start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _lines(text: str) -> list[Span]:
    return [match.span() for match in _LINE.finditer(text)]
