"""Regular expressions tried only where a match can begin.

Python's ``re`` tries an expression at every character of a text. The entity
expressions all begin at the start of a word (after ``\\b`` or ``(?<![\\w-])``) with a
known letter or digit, so a text of forty words has only a handful of places worth
trying. ``Anchored.finditer`` returns exactly the matches of ``pattern.finditer``:
it tries the same positions in the same order, minus those where no match can begin.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

# a match that begins at a word boundary begins a maximal run of letters and digits
_RUN = re.compile(r"[^\W_]+")
_ASCII = frozenset(map(chr, range(128)))


def word_starts(text: str) -> list[int]:
    """Every position where a run of letters and digits begins."""
    return [match.start() for match in _RUN.finditer(text)]


class Anchored:
    """``pattern``, whose matches begin a word with one of the characters ``first``."""

    __slots__ = ("_skip", "pattern")

    def __init__(self, pattern: re.Pattern[str], first: str) -> None:
        self.pattern = pattern
        possible = set(first)
        if pattern.flags & re.IGNORECASE:
            possible |= set(first.lower()) | set(first.upper())
        # only ASCII can be ruled out: "ſ" or the Kelvin sign match "s" and "k" when
        # case is ignored, so other characters are always tried
        self._skip = _ASCII - possible

    def finditer(self, text: str, starts: Sequence[int]) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer(text)``, given ``word_starts(text)``."""
        skip = self._skip
        end = 0
        for start in [start for start in starts if text[start] not in skip]:
            if start >= end and (match := self.pattern.match(text, start)):
                end = match.end()
                yield match


def first_characters(alternation: str) -> str:
    """First characters of the alternatives of ``a|b|c`` (a superset when nested)."""
    return "".join(piece.removeprefix("(?:")[:1] for piece in alternation.split("|"))
