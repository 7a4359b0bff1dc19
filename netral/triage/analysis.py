"""One text, analysed once: normalised and stemmed tokens, sentences and clauses.

Every later stage (matching, context, features) reads this structure instead of
re-tokenising, which is what keeps triage fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from netral.triage.normalize import words
from netral.triage.stemmer import stem

# a sentence ends at . ! ? followed by space, or at a line break
_SENTENCE_END = re.compile(r"[.!?]+(?=\s)|[.!?]+$|\n+")
# clause breaks inside a sentence: , ; : and a contrasting conjunction
_CLAUSE_END = re.compile(
    r"[,;:]|\s(?=(?:padahal|meskipun|walaupun|namun|tetapi|tapi|sedangkan)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Token:
    norm: str
    stem: str
    start: int
    end: int
    sentence: int
    clause: int


@dataclass(frozen=True, slots=True)
class Analysis:
    text: str
    tokens: tuple[Token, ...]
    # (start, end) character spans
    sentences: tuple[tuple[int, int], ...]
    clauses: tuple[tuple[int, int], ...]
    keys: frozenset[str]  # every norm and stem in the text

    def has(self, word: str) -> bool:
        return word in self.keys


def _spans(text: str, breaker: re.Pattern[str], start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in breaker.finditer(text, start, end):
        if match.end() > cursor:
            spans.append((cursor, match.end()))
            cursor = match.end()
    if cursor < end:
        spans.append((cursor, end))
    return spans or [(start, end)]


def analyse(text: str) -> Analysis:
    sentences = _spans(text, _SENTENCE_END, 0, len(text))
    clauses: list[tuple[int, int]] = []
    clause_sentence: list[int] = []
    for index, (start, end) in enumerate(sentences):
        for span in _spans(text, _CLAUSE_END, start, end):
            clauses.append(span)
            clause_sentence.append(index)
    tokens: list[Token] = []
    keys: set[str] = set()
    clause = 0
    for word in words(text):
        while clause + 1 < len(clauses) and word.start >= clauses[clause][1]:
            clause += 1
        root = stem(word.norm)
        keys.add(word.norm)
        keys.add(root)
        tokens.append(Token(word.norm, root, word.start, word.end, clause_sentence[clause], clause))
    return Analysis(text, tuple(tokens), tuple(sentences), tuple(clauses), frozenset(keys))
