"""Find labelled phrases (lexicon entries) in text, longest phrase first."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class PhraseMatch:
    label: str
    start: int
    end: int
    text: str


def _pattern(phrase: str) -> str:
    # Any run of spaces or a line break may separate the words of a phrase.
    return r"\s+".join(re.escape(word) for word in phrase.split())


def _key(text: str) -> str:
    return " ".join(text.split())


class PhraseMatcher:
    """All occurrences of the phrases of a lexicon, as whole words.

    `phrases` are matched case-insensitively; `exact_case` ones (abbreviations that are
    ordinary words in lower case) only as written.
    """

    def __init__(
        self,
        phrases: Mapping[str, Iterable[str]],
        exact_case: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        self._folded = {_key(p).casefold(): label for label, ps in phrases.items() for p in ps}
        self._exact = {_key(p): label for label, ps in (exact_case or {}).items() for p in ps}
        alternatives = [f"(?i:{_pattern(p)})" for p in self._folded]
        alternatives += [_pattern(p) for p in self._exact]
        alternatives.sort(key=len, reverse=True)
        self.regex = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[PhraseMatch]:
        stop = len(text) if end is None else end
        for match in self.regex.finditer(text, start, stop):
            found = match.group()
            label = self._exact.get(_key(found)) or self._folded[_key(found).casefold()]
            yield PhraseMatch(label, match.start(), match.end(), found)

    def labels(self, text: str, start: int = 0, end: int | None = None) -> list[str]:
        """The distinct labels found, in order of first appearance."""
        return list(dict.fromkeys(m.label for m in self.finditer(text, start, end)))
