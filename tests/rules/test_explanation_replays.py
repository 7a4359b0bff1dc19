"""Every explanation names provisions that exist, with their dates and the facts used, and
replaying those lines against the catalogue gives back exactly the findings."""

from __future__ import annotations

import datetime
import itertools
from collections import Counter
from typing import Any

import pytest

from netral.rules import Catalogue, RulesError, assess, default_catalogue

DATES = [
    "2020-11-01",
    "2021-08-31",
    "2022-09-21",
    "2023-08-01",
    "2023-12-01",
    "2024-07-01",
    "2024-10-10",
]


def _fact_sets() -> list[dict[str, Any]]:
    vocabulary = default_catalogue().vocabulary
    out = []
    for subject, conduct, date, election in itertools.product(
        vocabulary.subjects, vocabulary.conduct, DATES, vocabulary.elections
    ):
        out.append({"subject": subject, "conduct": [conduct], "date": date, "election": election})
    out += [dict(f, on_leave=True, passive_attendance=True) for f in out[::7]]
    return out


def _holds(catalogue: Catalogue, line: dict[str, Any]) -> None:
    provision = catalogue.provision(line["provision"])
    when = provision.when
    expected_names = {name for name, _ in when.lists} | {name for name, _ in when.flags}
    assert set(line["facts"]) == expected_names
    for name, value in line["facts"].items():
        allowed = when.allowed(name)
        assert value in allowed if allowed is not None else value is when.flag(name)
    assert line["effective_from"] == provision.effective.start.isoformat()
    assert line["facts"]["conduct"] == line["conduct"]


def _replay(catalogue: Catalogue, result: dict[str, Any]) -> dict[str, Counter[str]]:
    date = datetime.date.fromisoformat(result["explanation"][0]["facts"]["date"])
    given: dict[str, Counter[str]] = {}
    for line in result["explanation"]:
        conduct = line.get("conduct")
        if line["step"] == "PROVISION":
            _holds(catalogue, line)
            provision = catalogue.provision(line["provision"])
            assert provision.effective.contains(date)
            given.setdefault(conduct, Counter())[provision.track] += 1
        elif line["step"] == "EXCEPTION":
            exc = next(e for e in catalogue.exceptions if e.id == line["provision"])
            for track in exc.removes:
                given.get(conduct, Counter()).pop(track, None)
    return given


@pytest.mark.parametrize(
    "facts",
    _fact_sets(),
    ids=lambda f: f"{f['subject']}-{f['conduct'][0]}-{f['date']}-{f['election']}",
)
def test_the_trace_replays_to_the_findings(facts: dict[str, Any]) -> None:
    catalogue = default_catalogue()
    try:
        result = assess(facts).to_dict()
    except RulesError as exc:
        refusal = str(exc)
    else:
        refusal = ""
    if refusal:
        assert "candidate_status is needed" in refusal
        return
    replayed = _replay(catalogue, result)
    for finding in result["findings"]:
        tracks = Counter(t["track"] for t in finding["tracks"])
        assert tracks == replayed.get(finding["conduct"], Counter())
        date = datetime.date.fromisoformat(facts["date"])
        for track in finding["tracks"]:
            for ref in track["basis"]:
                assert catalogue.instruments[ref["instrument"]].in_force.contains(date)
    for line in result["explanation"]:
        assert line["id"].strip()
        assert line["en"].strip()
        assert line["id"] != line["en"]


def test_the_trace_names_the_facts_and_the_date_first() -> None:
    result = assess(
        {"subject": "PNS", "conduct": ["APK_PASANG"], "date": "2024-10-10", "election": "PILKADA"}
    )
    first = result.to_dict()["explanation"][0]
    assert first["step"] == "FACTS"
    assert "2024-10-10" in first["id"]
    assert "2024-10-10" in first["en"]


def test_the_trace_says_when_an_older_instrument_is_no_longer_cited() -> None:
    result = assess(
        {
            "subject": "PNS",
            "conduct": ["MENCALONKAN_DIRI"],
            "date": "2024-10-10",
            "election": "PILKADA",
        }
    )
    omitted = [line for line in result.to_dict()["explanation"] if line["step"] == "BASIS_OMITTED"]
    assert any("UU-5-2014" in line["en"] and "no longer in force" in line["en"] for line in omitted)


def test_the_same_stretch_of_law_shares_one_outcome_but_keeps_each_date() -> None:
    first = assess(
        {"subject": "PNS", "conduct": ["APK_PASANG"], "date": "2024-10-10", "election": "PILKADA"}
    )
    second = assess(
        {"subject": "PNS", "conduct": ["APK_PASANG"], "date": "2024-10-11", "election": "PILKADA"}
    )
    assert first.findings == second.findings
    # Shared, not merely equal: the second day is served from the first day's outcome.
    assert all(a is b for a, b in zip(first.parts, second.parts, strict=True))
    assert first.explanation[0].facts != second.explanation[0].facts


def test_json_output_carries_the_same_content_as_to_dict() -> None:
    import json

    result = assess(
        {
            "subject": "KEPALA_DESA",
            "conduct": ["KEPUTUSAN_MENGUNTUNGKAN", "TIM_PEMENANGAN"],
            "date": "2024-01-10",
            "election": "PEMILU",
        }
    )
    assert json.loads(result.to_json("x-1")) == {"id": "x-1", **result.to_dict()}


def test_support_between_two_determination_days_is_flagged_as_ambiguous() -> None:
    facts = {
        "subject": "PNS",
        "conduct": ["MEDSOS_UNGGAH"],
        "date": "2023-11-08",
        "election": "PEMILU",
    }
    status = next(
        line for line in assess(facts).to_dict()["explanation"] if line["step"] == "STATUS"
    )
    assert "Caution" in status["en"]
    assert "Perhatian" in status["id"]
    later = {**facts, "date": "2023-11-20"}
    status = next(
        line for line in assess(later).to_dict()["explanation"] if line["step"] == "STATUS"
    )
    assert "Caution" not in status["en"]
