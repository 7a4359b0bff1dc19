"""One text, analysed once: normalised and stemmed tokens, sentences and clauses.

Every later stage (matching, context, features) reads this structure instead of
re-tokenising, which is what keeps triage fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from netral.triage.normalize import TOKEN, normalise_token
from netral.triage.stemmer import stem

# a sentence ends at . ! ? followed by space, or at a line break
_SENTENCE_END = re.compile(r"[.!?]+(?=\s)|[.!?]+$|\n+")
_SENTENCE_MARK = re.compile(r"[.!?\n]")  # where such an end can begin: found by a fast scan
# clause breaks inside a sentence: , ; : and a contrasting conjunction
_CONTRAST = ("padahal", "meskipun", "walaupun", "namun", "tetapi", "tapi", "sedangkan")
_CLAUSE_END = re.compile(rf"[,;:]|\s(?=(?:{'|'.join(_CONTRAST)})\b)", re.IGNORECASE)
_CLAUSE_MARK = re.compile(r"[,;:]")  # _CLAUSE_END in a text without those conjunctions


class Token(NamedTuple):
    """One normalised word; a tuple because texts make millions of them."""

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


def _spans(breaks: Iterable[re.Match[str]], start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in breaks:
        if match.end() > cursor:
            spans.append((cursor, match.end()))
            cursor = match.end()
    if cursor < end:
        spans.append((cursor, end))
    return spans or [(start, end)]


def _sentence_ends(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_SENTENCE_END.finditer(text)``, tried only where one can begin."""
    end = 0
    for mark in _SENTENCE_MARK.finditer(text):
        if mark.start() >= end and (match := _SENTENCE_END.match(text, mark.start())):
            end = match.end()
            yield match


def _clause_breaker(text: str) -> re.Pattern[str]:
    """``_CLAUSE_END``, or the cheaper ``_CLAUSE_MARK`` when it finds the same breaks: in
    ASCII text with none of the conjunctions (other scripts have case look-alikes)."""
    if text.isascii():
        lowered = text.lower()
        if not any(word in lowered for word in _CONTRAST):
            return _CLAUSE_MARK
    return _CLAUSE_END


Readings = tuple[tuple[tuple[str, str], ...], tuple[str, ...]]
_READINGS_LIMIT = 100_000
_readings: dict[str, Readings] = {}
# Token(...) runs a Python __new__; building the tuple directly is a third cheaper
_new_token = tuple.__new__


def readings(token: str) -> Readings:
    """(norm, stem) of each word one written token stands for, and those strings as
    keys; cached, because the same written tokens recur in text after text."""
    found = _readings.get(token)
    if found is None:
        pairs = tuple((norm, stem(norm)) for norm in normalise_token(token))
        found = (pairs, tuple(key for pair in pairs for key in pair))
        if len(_readings) >= _READINGS_LIMIT:  # bound memory on endless rare words
            _readings.clear()
        _readings[token] = found
    return found


def _clauses(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[int]]:
    """Sentences, clauses, and the sentence of each clause."""
    sentences = _spans(_sentence_ends(text), 0, len(text))
    breaker = _clause_breaker(text)
    clauses: list[tuple[int, int]] = []
    clause_sentence: list[int] = []
    for index, (start, end) in enumerate(sentences):
        for span in _spans(breaker.finditer(text, start, end), start, end):
            clauses.append(span)
            clause_sentence.append(index)
    return sentences, clauses, clause_sentence


def analyse(text: str) -> Analysis:
    sentences, clauses, clause_sentence = _clauses(text)
    clause_ends = [end for _, end in clauses]
    last_clause = len(clauses) - 1
    tokens: list[Token] = []
    keys: set[str] = set()
    clause = end = 0
    for written in TOKEN.findall(text):
        # where the expression found it: no word character lies between the previous
        # token and this one, so its first occurrence from there is the match
        start = text.find(written, end)
        end = start + len(written)
        while clause < last_clause and start >= clause_ends[clause]:
            clause += 1
        sentence = clause_sentence[clause]
        pairs, pair_keys = _readings.get(written) or readings(written)
        keys.update(pair_keys)
        for norm, root in pairs:
            tokens.append(_new_token(Token, (norm, root, start, end, sentence, clause)))
    return Analysis(text, tuple(tokens), tuple(sentences), tuple(clauses), frozenset(keys))
