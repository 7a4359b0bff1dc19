"""Offsets always point at the quoted text, whatever normalisation did."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from netral.triage import match_conduct, triage
from netral.triage.normalize import words

PIECES = [
    "Pak", "camat", "yg", "masang", "baliho", "paslon", "02", "k4mpanye", "ikuuut", "kampanye2",
    "dgn", "kaos", "partai", "ngeshare", "postingan", "capres", "😀", "🇮🇩", "\n", ",", ".", "!!",
    "ﷺ", "ꦱꦼꦏ", "選舉", "mobil", "dinas", "NIP", "198005122005011003", "https://x.id/a",
    "bagi-bagi", "sembako", "tidak", "dilarang", "relawan", "guru", "honorer", "  ",
]  # fmt: skip


def _check(text: str) -> None:
    result = triage(text)
    for evidence in result.evidence:
        assert text[evidence.start : evidence.end] == evidence.text
    for suppressed in result.context["suppressed"]:
        assert text[suppressed["start"] : suppressed["end"]] == suppressed["text"]
    for items in result.entities.values():
        for item in items:
            assert text[item["start"] : item["end"]] == item["text"]
    for match in match_conduct(text):
        assert text[match.start : match.end] == match.text


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join))
def test_every_span_quotes_the_original_text(text: str) -> None:
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_spans_hold_for_arbitrary_unicode(text: str) -> None:
    _check(text)


def test_a_slang_expansion_keeps_the_span_of_the_written_word() -> None:
    text = "dukung paslon!"
    expanded = [w for w in words(text) if w.norm in {"pasangan", "calon"}]
    assert [text[w.start : w.end] for w in expanded] == ["paslon", "paslon"]
