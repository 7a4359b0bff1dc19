"""The engine reuses outcomes between lines and writes its JSON from pre-encoded pieces; both
shortcuts must give exactly what a fresh evaluation serialised the plain way gives."""

from __future__ import annotations

import datetime
import json
import random
from typing import Any

import pytest

from netral.rules import Catalogue, RulesError, engine, load_catalogue
from netral.rules.engine import assess_with

FIRST_DAY = datetime.date(2016, 1, 1)
SPAN_DAYS = 365 * 10


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()  # a private copy, so its cache is ours alone


def _random_facts(catalogue: Catalogue, count: int, seed: int) -> list[dict[str, Any]]:
    """Facts that vary everything the outcome keys look at, including the optional fields."""
    rng = random.Random(seed)
    vocabulary = catalogue.vocabulary
    subjects, conduct = sorted(vocabulary.subjects), sorted(vocabulary.conduct)
    statuses = [None, *sorted(vocabulary.statuses)]
    out: list[dict[str, Any]] = []
    for index in range(count):
        day = FIRST_DAY + datetime.timedelta(days=rng.randrange(SPAN_DAYS))
        codes = rng.sample(conduct, rng.choice((0, 1, 1, 2, 3)))
        facts: dict[str, Any] = {
            "id": index,
            "subject": rng.choice(subjects),
            "conduct": codes + codes[:1] if rng.random() < 0.1 else codes,
            "date": day if rng.random() < 0.05 else day.isoformat(),
            "election": rng.choice(sorted(vocabulary.elections)),
        }
        status = rng.choice(statuses)
        if status is not None:
            facts["candidate_status"] = status
        for flag in ("on_leave", "passive_attendance"):
            if rng.random() < 0.3:
                facts[flag] = rng.random() < 0.5
        out.append(facts)
    return out


def _answer(catalogue: Catalogue, facts: dict[str, Any]) -> tuple[str, Any]:
    try:
        result = assess_with(catalogue, facts)
    except RulesError as exc:
        return "error", str(exc)
    return result.to_json(facts["id"]), result.to_dict()


def test_answers_from_the_outcome_cache_equal_fresh_evaluations(catalogue: Catalogue) -> None:
    facts = _random_facts(catalogue, 3000, seed=11)
    catalogue.cache.clear()
    shared = [_answer(catalogue, f) for f in facts]
    fresh = []
    for f in facts:
        catalogue.cache.clear()
        fresh.append(_answer(catalogue, f))
    assert sum(kind == "error" for kind, _ in fresh) < len(fresh) / 2  # mostly real answers
    for f, cached, alone in zip(facts, shared, fresh, strict=True):
        assert cached == alone, f


def test_an_outcome_cache_emptied_again_and_again_gives_the_same_answers(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    facts = _random_facts(catalogue, 600, seed=13)
    catalogue.cache.clear()
    roomy = [_answer(catalogue, f) for f in facts]
    monkeypatch.setattr(engine, "CACHE_LIMIT", 3)  # evicts everything every few entries
    catalogue.cache.clear()
    cramped = [_answer(catalogue, f) for f in facts]
    assert len(catalogue.cache) <= 4
    assert cramped == roomy


def test_the_fast_json_line_carries_exactly_the_dict_content(catalogue: Catalogue) -> None:
    for f in _random_facts(catalogue, 1500, seed=12):
        line, content = _answer(catalogue, f)
        if line == "error":
            continue
        expected = json.dumps({"id": f["id"], **content}, ensure_ascii=False)
        assert line == expected, f


@pytest.mark.parametrize(
    "line_id",
    [0, -7, 10**30, True, False, None, 2.5, "kasus-1", 'tanda "kutip" dan \\ garis\n', "é", [1]],
)
def test_every_kind_of_line_id_is_written_as_json_writes_it(
    catalogue: Catalogue, line_id: object
) -> None:
    facts = {"subject": "PNS", "conduct": ["APK_PASANG"], "date": "2024-01-05"}
    line = assess_with(catalogue, {**facts, "election": "PEMILU"}).to_json(line_id)
    assert line.startswith('{"id": ' + json.dumps(line_id, ensure_ascii=False) + ", ")
    assert json.loads(line)["id"] == line_id


def test_facts_with_no_conduct_still_get_a_facts_line_and_no_findings(
    catalogue: Catalogue,
) -> None:
    facts = {"subject": "PPPK", "conduct": [], "date": "2024-02-01", "election": "PEMILU"}
    line = json.loads(assess_with(catalogue, facts).to_json("kosong"))
    assert line["findings"] == []
    assert line["explanation"][0]["facts"]["conduct"] == []
    assert "perbuatan -;" in line["explanation"][0]["id"]
