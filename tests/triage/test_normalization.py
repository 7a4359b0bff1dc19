"""Everyday Indonesian becomes standard words; offsets stay on the original."""

from __future__ import annotations

import pytest

from netral.triage.normalize import normalise_token, slang_table, words
from netral.triage.stemmer import stem


@pytest.mark.parametrize(
    ("written", "standard"),
    [
        ("yg", ("yang",)),
        ("dgn", ("dengan",)),
        ("gak", ("tidak",)),
        ("paslon", ("pasangan", "calon")),
        ("bacalon", ("bakal", "calon")),
        ("caleg", ("calon", "legislatif")),
        ("capres", ("calon", "presiden")),
        ("timses", ("tim", "sukses")),
        ("medsos", ("media", "sosial")),
        ("KAMPANYEEEE", ("kampanye",)),
        ("k4mpanye", ("kampanye",)),
        ("bagi-bagi", ("bagi",)),
        ("kampanye2", ("kampanye",)),
        ("02", ("02",)),
    ],
)
def test_a_written_form_normalises_to_standard_words(
    written: str, standard: tuple[str, ...]
) -> None:
    assert normalise_token(written) == standard


@pytest.mark.parametrize("word", ["mengkampanyekan", "berkampanye", "kampanye"])
def test_verb_forms_of_kampanye_meet_at_one_stem(word: str) -> None:
    assert stem(word) == "kampanye"


def test_punctuation_noise_produces_no_words() -> None:
    assert words("!!! ... ,,, ???") == []


def test_the_slang_table_maps_to_non_empty_words() -> None:
    assert all(value and all(value) for value in slang_table().values())
