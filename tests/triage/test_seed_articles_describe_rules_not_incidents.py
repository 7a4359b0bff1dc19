"""The five real news articles in shared/seeds describe rules and circulars: no codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from netral.triage import match_conduct, triage

from .conftest import SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="no ../shared/seeds beside this clone")
def test_the_five_seed_articles_are_there() -> None:
    assert len(SEED_FILES) == 5


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_a_seed_article_yields_no_codes(path: Path) -> None:
    result = triage(path.read_text(encoding="utf-8"))
    assert result.codes == []
    assert result.evidence == []


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_the_raw_matcher_still_lists_the_conduct_a_seed_prohibits(path: Path) -> None:
    assert match_conduct(path.read_text(encoding="utf-8"))
