"""Empty text, only emoji, the maximum length and mixed scripts are handled."""

from __future__ import annotations

import pytest

from netral.triage import CONDUCT_CODES, triage
from netral.triage.engine import MAX_CHARS


@pytest.mark.parametrize(
    "text", ["", "   \n\t", "😀🔥🙏🇮🇩", "?!...,,,", "ꦱꦼꦭꦩꦠ꧀ ꦥꦒꦶ", "選舉 الانتخابات"]
)
def test_text_without_conduct_words_yields_no_code_and_all_scores(text: str) -> None:
    result = triage(text)
    assert result.codes == []
    assert set(result.scores) == set(CONDUCT_CODES)
    assert all(0.0 <= s <= 1.0 for s in result.scores.values())


def test_text_of_exactly_the_maximum_length_is_triaged() -> None:
    unit = "Camat Sukamaju memasang baliho paslon nomor urut 2 di depan rumahnya. "
    text = (unit * (MAX_CHARS // len(unit) + 1))[:MAX_CHARS]
    result = triage(text)
    assert "APK_PASANG" in result.codes


def test_text_over_the_maximum_length_is_refused() -> None:
    with pytest.raises(ValueError, match="100000"):
        triage("a" * (MAX_CHARS + 1))


def test_mixed_scripts_around_conduct_words_still_match() -> None:
    text = "選舉 🙏 Pak lurah pasang spanduk caleg di pagar rumahnya ꦱꦼꦏ الانتخابات"
    assert "APK_PASANG" in triage(text).codes
