"""The guidance file explains and never states the law, and its loader refuses mistakes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from netral.datafiles import DataFileError
from netral.guide.core.guidance import GUIDANCE_FILE, Guidance, load_guidance

# Legal facts belong to the rules catalogue: an article, an instrument or a sanction level
# written into a guidance text would be a second copy that can drift.
LEGAL_WORDS = re.compile(
    r"\b(pasal|ayat|huruf|uu|pp|skb|perbawaslu|peraturan pemerintah|undang-undang|"
    r"hukuman disiplin|ptdh|tunjangan kinerja|penjara|denda|article|imprisonment)\b",
    re.IGNORECASE,
)


def _texts(guidance: Guidance) -> list[str]:
    texts = []
    for group in guidance.groups:
        texts += [group.title.id, group.title.en, group.intro.id, group.intro.en]
    for guide in guidance.conduct.values():
        for text in (guide.plain, *guide.covered, *guide.not_covered):
            texts += [text.id, text.en]
    for text in (*guidance.asks.values(), *guidance.questions.values()):
        texts += [text.id, text.en]
    return texts


def test_guidance_texts_state_no_article_instrument_or_sanction(guidance: Guidance) -> None:
    offending = [text for text in _texts(guidance) if LEGAL_WORDS.search(text)]
    assert offending == []


def test_every_conduct_is_explained_with_examples_on_both_sides(guidance: Guidance) -> None:
    assert len(guidance.conduct) == 17
    for guide in guidance.conduct.values():
        assert guide.covered, guide.code
        assert guide.not_covered, guide.code
    grouped = [code for group in guidance.groups for code in group.conduct]
    assert sorted(grouped) == sorted(guidance.conduct)


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    text = GUIDANCE_FILE.read_text(encoding="utf-8")
    assert old in text
    target = tmp_path / "guidance.yaml"
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def test_a_conduct_code_the_catalogue_does_not_know_is_refused(tmp_path: Path) -> None:
    path = _edited(tmp_path, "- code: MEDSOS_UNGGAH\n    slug", "- code: MEDSOS_BARU\n    slug")
    with pytest.raises(DataFileError, match="unknown code"):
        load_guidance(path)


def test_a_conduct_left_out_of_the_groups_is_refused(tmp_path: Path) -> None:
    path = _edited(
        tmp_path, "conduct: [MEDSOS_UNGGAH, MEDSOS_INTERAKSI]", "conduct: [MEDSOS_UNGGAH]"
    )
    with pytest.raises(DataFileError, match="every conduct code exactly once"):
        load_guidance(path)


def test_a_misspelt_field_is_refused(tmp_path: Path) -> None:
    path = _edited(tmp_path, "    not_covered:\n", "    not_coverd:\n")
    with pytest.raises(DataFileError, match="not_cover"):
        load_guidance(path)
