"""The YAML scenarios under scenarios/, each run as its own pytest item."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from netral.rules import RulesError, assess, default_catalogue

from .conftest import SCENARIOS


def _load() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for path in sorted(SCENARIOS.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            cases.append((f"{path.stem}: {case['name']}", case))
    return cases


CASES = _load()


def _as_json_line(facts: dict[str, Any]) -> dict[str, Any]:
    # Scenario facts go through JSON exactly as a CLI line would.
    loaded: dict[str, Any] = json.loads(json.dumps(facts, default=str))
    return loaded


def _check_track(actual: dict[str, Any], wanted: dict[str, Any], where: str) -> None:
    assert actual["track"] == wanted["track"], where
    assert actual["level"] == wanted["level"], where
    if "confirmed" in wanted:
        assert actual["confirmed"] is wanted["confirmed"], where
    if "sanctions" in wanted:
        assert actual["sanctions"] == wanted["sanctions"], where
    if "handled_by" in wanted:
        assert actual["handled_by"] == wanted["handled_by"], where
    cited = {ref["instrument"] for ref in actual["basis"]}
    assert set(wanted.get("basis", [])) <= cited, f"{where}: cited {sorted(cited)}"
    assert not set(wanted.get("not_basis", [])) & cited, f"{where}: cited {sorted(cited)}"


def _check(result: dict[str, Any], case: dict[str, Any]) -> None:
    findings = {f["conduct"]: f["tracks"] for f in result["findings"]}
    assert list(findings) == list(case["expect"])
    for conduct, wanted_tracks in case["expect"].items():
        actual = findings[conduct]
        got = [(t["track"], t["level"]) for t in actual]
        assert len(actual) == len(wanted_tracks), f"{conduct}: got {got}"
        for index, wanted in enumerate(wanted_tracks):
            _check_track(actual[index], wanted, f"{conduct}[{index}]: got {got}")
    steps = {line["step"] for line in result["explanation"]}
    assert set(case.get("trace", [])) <= steps


@pytest.mark.parametrize(("label", "case"), CASES, ids=[label for label, _ in CASES])
def test_scenario(label: str, case: dict[str, Any]) -> None:
    facts = _as_json_line(case["facts"])
    if "error" in case:
        with pytest.raises(RulesError, match=None) as caught:
            assess(facts)
        assert case["error"] in str(caught.value)
        return
    _check(assess(facts).to_dict(), case)


def test_there_are_at_least_eighty_scenarios() -> None:
    assert len(CASES) >= 80


def test_scenarios_cover_every_conduct_code_subject_and_election() -> None:
    vocabulary = default_catalogue().vocabulary
    seen_conduct = {c for _, case in CASES for c in case["facts"].get("conduct", [])}
    seen_subjects = {case["facts"].get("subject") for _, case in CASES}
    seen_elections = {case["facts"].get("election") for _, case in CASES}
    assert set(vocabulary.conduct) <= seen_conduct
    assert set(vocabulary.subjects) <= seen_subjects
    assert set(vocabulary.elections) <= seen_elections


def test_scenario_names_are_unique_sentences() -> None:
    names = [case["name"] for _, case in CASES]
    assert len(names) == len(set(names))
    assert all(" " in name and name == name.strip() for name in names)


def test_scenario_files_are_valid_yaml_lists() -> None:
    for path in Path(SCENARIOS).glob("*.yaml"):
        assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8")), list), path.name
