"""Entity expressions tried only at word starts find exactly what a full search finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netral.triage import corpus
from netral.triage.anchored import Anchored, first_characters, word_starts
from netral.triage.entities import (
    _FAST_AGENCY,
    _FAST_CANDIDATE,
    _FAST_DATE,
    _FAST_REGION,
    _parties,
    _platforms,
)

EXPRESSIONS = {
    "date": _FAST_DATE,
    "candidate": _FAST_CANDIDATE,
    "region": _FAST_REGION,
    "agency": _FAST_AGENCY,
    "party": _parties(),
    "platform": _platforms()[0],
}
# words the expressions look for, in odd company: case-folding look-alikes (long s,
# Kelvin sign, dotted and dotless i), underscores, hyphens, apostrophes, other scripts
PIECES = [
    "Senin", "SENIN", "ſenin", "Jum'at", "12", "3", "Februari", "2024", "12/03/2024", "7-8-24",
    "kemarin", "paslon", "Paslon", "bakal", "calon", "bupati", "no.", "urut", "0", "2",
    "PDI-P", "Partai", "Garuda", "PAN", "pan", "Gerindra", "Kabupaten", "Kab.", "Lembah",
    "Hijau", "Dinas", "Pendidikan", "Pemerintah", "Kota", "dan", "&", "Facebook", "fb",
    "grup", "WA", "wa", "tiktok", "Kandidat", "Kandidat", "caleg", "ıg", "İG", "x", "_",
    "-", "'", "’", "(", ")", ",", ".", "/", "٣", "😀", "選舉", " ", "  ", "\n",
]  # fmt: skip


def _same(anchored: Anchored, text: str) -> None:
    expected = [m.span() for m in anchored.pattern.finditer(text)]
    assert [m.span() for m in anchored.finditer(text, word_starts(text))] == expected


@pytest.mark.parametrize("name", sorted(EXPRESSIONS))
def test_every_corpus_text_gives_the_same_matches_either_way(name: str) -> None:
    for example in corpus.load() + corpus.load_evaluation():
        _same(EXPRESSIONS[name], example.text)


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(st.sampled_from(PIECES), max_size=30),
    glue=st.lists(st.sampled_from(["", " ", "-", "_", "."]), min_size=30, max_size=30),
)
def test_made_up_texts_give_the_same_matches_either_way(pieces: list[str], glue: list[str]) -> None:
    text = "".join(piece + sep for piece, sep in zip(pieces, glue, strict=False))
    for anchored in EXPRESSIONS.values():
        _same(anchored, text)


def test_a_letter_no_match_begins_with_is_skipped_but_a_look_alike_is_tried() -> None:
    anchored = Anchored(re.compile(r"\bsenin\b", re.IGNORECASE), "s")
    assert [m.group() for m in anchored.finditer("ſenin", word_starts("ſenin"))] == ["ſenin"]
    assert list(anchored.finditer("rabu", word_starts("rabu"))) == []


def test_first_characters_are_those_of_every_alternative() -> None:
    assert set(first_characters("Kota|Kab\\.|(?:Desa|Nagari)")) >= {"K", "D", "N"}
