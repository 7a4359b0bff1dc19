"""Articles the team wrote, from many regions and years (see corpus/README.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml

from netral.documents import extract

from .conftest import CORPUS

GOLD: dict[str, dict[str, Any]] = yaml.safe_load((CORPUS / "gold.yaml").read_text("utf-8"))


def _region_key(region: dict[str, Any] | None) -> str | None:
    if region is None:
        return None
    return "NATIONAL" if region["level"] == "NATIONAL" else region["code"]


def _check(got: dict[str, Any], want: dict[str, Any]) -> list[str]:
    problems = []
    for field, expected in want.items():
        if field == "region":
            actual: Any = _region_key(got["region"])
        elif field == "conduct_includes":
            actual, expected = set(expected) - set(got["prohibited_conduct"]), set()
        elif field == "date":
            actual = got["date"]
            expected = expected.isoformat() if isinstance(expected, dt.date) else expected
        else:
            actual = got[field]
        if actual != expected:
            problems.append(f"{field}: got {actual!r}, expected {expected!r}")
    return problems


@pytest.mark.parametrize("name", sorted(GOLD))
def test_written_article_yields_the_instruments_a_reader_finds(name: str) -> None:
    result = extract(CORPUS / name).to_dict()
    expected = GOLD[name]
    assert len(result["instruments"]) == len(expected["instruments"])
    assert result["primary"] == expected["primary"]
    problems = [
        f"instrument {index}: {problem}"
        for index, (got, want) in enumerate(
            zip(result["instruments"], expected["instruments"], strict=True)
        )
        for problem in _check(got, want)
    ]
    assert not problems


def test_the_written_corpus_covers_at_least_fifteen_documents() -> None:
    assert len(GOLD) >= 15
    assert {path.name for path in CORPUS.glob("*.*")} >= set(GOLD)


@pytest.mark.parametrize("name", sorted(GOLD))
def test_evidence_quotes_the_number_and_date_it_reports(name: str) -> None:
    result = extract(CORPUS / name)
    for instrument in result.instruments:
        evidence = instrument.evidence
        if instrument.number is not None:
            start, end = evidence["number"]
            assert result.text[start:end] == instrument.number
        if instrument.date is not None:
            start, end = evidence["date"]
            assert str(instrument.date.day) in result.text[start:end]
        for start, end in evidence.values():
            assert 0 <= start < end <= len(result.text)
