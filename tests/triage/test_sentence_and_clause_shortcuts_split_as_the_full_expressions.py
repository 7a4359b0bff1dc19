"""Tokens, sentence and clause breaks found the cheap way are those the full expressions find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from netral.triage import corpus
from netral.triage.analysis import (
    _CLAUSE_END,
    _SENTENCE_END,
    _clause_breaker,
    _sentence_ends,
    analyse,
)
from netral.triage.normalize import TOKEN

PIECES = [
    "Camat", "ikut", "kampanye", "padahal", "PADAHAL", "Tapi", "tapinya", "namun", "ſedangkan",
    "MESKİPUN", "walaupun", "tetapi", "mesKipun", ".", "...", "!", "?!", ",", ";", ":", "\n",
    "\n\n", " ", "  ", "\t", "😀", "選舉", "x", "bagi-bagi", "-", "'", "’", "_", "ab", "a_b",
]  # fmt: skip


def _same(text: str) -> None:
    spans = sorted({(token.start, token.end) for token in analyse(text).tokens})
    assert spans == [m.span() for m in TOKEN.finditer(text)]
    assert [m.span() for m in _sentence_ends(text)] == [
        m.span() for m in _SENTENCE_END.finditer(text)
    ]
    for start in range(0, len(text), 7):
        end = min(len(text), start + 23)
        fast = [m.span() for m in _clause_breaker(text).finditer(text, start, end)]
        assert fast == [m.span() for m in _CLAUSE_END.finditer(text, start, end)]


def test_every_corpus_text_splits_the_same_either_way() -> None:
    for example in corpus.load() + corpus.load_evaluation():
        _same(example.text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_made_up_texts_split_the_same_either_way(pieces: list[str]) -> None:
    _same(" ".join(pieces))
    _same("".join(pieces))


def test_a_conjunction_written_with_a_look_alike_letter_still_breaks_a_clause() -> None:
    text = "Dia ikut kampanye ſedangkan aku tidak"
    assert [m.start() for m in _clause_breaker(text).finditer(text)] == [17]
