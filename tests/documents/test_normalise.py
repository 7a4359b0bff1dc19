"""Normalisation repairs layout and extraction damage, never the words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from netral.documents import extract_text
from netral.documents.normalise import normalise


def test_no_break_and_thin_spaces_become_ordinary_spaces() -> None:
    assert normalise("Nomor\u00a0800/1/2024\u202fdan\u2009lain") == "Nomor 800/1/2024 dan lain"


def test_soft_hyphens_and_zero_width_characters_disappear() -> None:
    assert normalise("ten\u00adtang net\u200bra\ufefflitas") == "tentang netralitas"


def test_a_word_hyphenated_across_a_line_end_is_joined() -> None:
    assert normalise("menjaga netrali-\ntas pegawai") == "menjaga netralitas pegawai"


def test_a_hyphen_between_capitals_or_digits_at_a_line_end_stays() -> None:
    assert normalise("pegawai Non-\nASN dan 800-\n5474") == "pegawai Non-\nASN dan 800-\n5474"


def test_ligatures_are_spelled_out() -> None:
    assert normalise("identiﬁkasi ﬂeksibel") == "identifikasi fleksibel"


def test_line_endings_and_blank_lines_are_tidied() -> None:
    assert normalise("  judul \r\n\r\n\r\n\r\nisi  berita \r") == "judul\n\nisi berita"


def test_an_instrument_number_survives_normalisation_exactly() -> None:
    result = extract_text("Bupati Klaten menerbitkan SE Nomor\u00a0HKM.05/O1/INS/I/HKU/2024.")
    assert [i.number for i in result.instruments] == ["HKM.05/O1/INS/I/HKU/2024"]


_VISIBLE = st.characters(blacklist_categories=("Cs", "Zs", "Zl", "Zp", "Cc", "Cf"))
_TEXTS = st.text(alphabet=st.one_of(_VISIBLE, st.sampled_from(" \n\t\u00a0\r")), max_size=200)


@given(_TEXTS)
def test_normalising_twice_changes_nothing_more(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@given(_TEXTS)
def test_visible_characters_are_kept_in_order(text: str) -> None:
    kept = [c for c in normalise(text) if not c.isspace()]
    original = [c for c in text if not c.isspace()]
    # Only ligatures expand and only line-end hyphens between lower-case letters go.
    if not any(c in text for c in "ﬀﬁﬂﬃﬄ-"):
        assert kept == original
