"""The real-register corpus: summaries of real pages, and the hit rates the extractor must
keep on its tuning part (see corpus/real_register/README.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from netral.documents import extract

from .register import CORPUS, FIELDS, TARGETS, annotations, score


def test_the_corpus_is_annotated_with_sources_and_a_held_out_part() -> None:
    documents = annotations()
    assert {path.name for path in CORPUS.glob("*.txt")} == set(documents)
    assert len(documents) >= 40
    held_out = [name for name, entry in documents.items() if entry["split"] == "heldout"]
    assert 10 <= len(held_out) <= 15
    for name, entry in documents.items():
        assert entry["split"] in {"tuning", "heldout"}, name
        assert entry["source"].startswith(("http://", "https://")), name
        assert entry["date"] is None or isinstance(entry["date"], dt.date), name


@pytest.mark.parametrize("field", FIELDS)
def test_the_primary_instrument_is_found_on_the_tuning_part(field: str) -> None:
    result = score("tuning")
    assert result.rate(field) >= TARGETS[field], "\n".join(result.misses)


@pytest.mark.parametrize("name", sorted(annotations()))
def test_a_reported_number_is_quoted_from_the_page(name: str) -> None:
    result = extract(CORPUS / name)
    for instrument in result.instruments:
        if instrument.number is not None:
            start, end = instrument.evidence["number"]
            assert result.text[start:end] == instrument.number
