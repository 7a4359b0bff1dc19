"""Conduct codes, stages and audit actions are each declared once, and every reader agrees.

Conduct codes: the rules catalogue declares them; triage's labels, its lexicon files and
per-code thresholds, the intake's evidence hints, the guide's groups and the documents
extractor (through the triage lexicon) must name exactly those. Stages: one table
(netral.cases.stages) that the machine, the model and the public mirror read. Audit
actions: one enum; every action the case trail writes or labels is in it.
"""

from __future__ import annotations

import re
from pathlib import Path

from netral import rules
from netral.audit.actions import CASE_EVENT_ACTIONS, AuditAction
from netral.cases.event_labels import ESCALATIONS, SERVICE_ACTIONS
from netral.cases.machine import TRANSITIONS
from netral.cases.models import Stage
from netral.cases.stages import FINAL_STAGES, PUBLIC_STATUS, STAGES
from netral.datafiles import read_strict_yaml
from netral.documents.conduct import match_conduct as document_conduct
from netral.intake.models import ReportStatus
from netral.intake.suggestions import _HINTS_BY_CODE
from netral.triage.codes import CONDUCT_CODES
from netral.triage.datafiles import DATA_DIR as TRIAGE_DATA
from netral.triage.lexicon import conduct_patterns

REPO = Path(__file__).resolve().parents[2]


def _catalogue_codes() -> list[str]:
    return list(rules.default_catalogue().vocabulary.conduct)


def test_triage_labels_are_the_catalogue_codes_in_order() -> None:
    assert list(CONDUCT_CODES) == _catalogue_codes()
    assert len(set(CONDUCT_CODES)) == len(CONDUCT_CODES) == 17


def test_the_triage_lexicon_and_thresholds_name_only_catalogue_codes() -> None:
    files = {p.stem.upper() for p in (TRIAGE_DATA / "lexicon").glob("*.yaml")} - {"_LISTS"}
    assert files == set(_catalogue_codes())
    assert {pattern.label for pattern in conduct_patterns().patterns} == set(_catalogue_codes())
    combine = read_strict_yaml(TRIAGE_DATA / "combine.yaml")
    assert set(combine.get("thresholds") or {}) <= set(_catalogue_codes())


def test_intake_hints_cover_exactly_the_catalogue_codes() -> None:
    assert set(_HINTS_BY_CODE) == set(_catalogue_codes())


def test_the_guide_groups_every_catalogue_code_once() -> None:
    guidance = read_strict_yaml(REPO / "netral" / "guide" / "data" / "guidance.yaml")
    grouped = [code for group in guidance["groups"] for code in group["conduct"]]
    assert sorted(grouped) == sorted(_catalogue_codes())


def test_the_documents_extractor_reports_catalogue_codes() -> None:
    text = (
        "ASN dilarang mengunggah foto bersama pasangan calon di media sosial, ikut kampanye, "
        "dan menggunakan fasilitas negara untuk kepentingan calon."
    )
    found = {hit.code for hit in document_conduct(text, [(0, len(text))])}
    assert found  # the sentence names conduct: the mapping is exercised, not skipped
    assert found <= set(_catalogue_codes())


def test_stages_come_from_one_table_and_map_to_public_statuses() -> None:
    assert [row.stage for row in STAGES] == list(Stage)
    assert set(PUBLIC_STATUS.values()) == set(ReportStatus.values)
    targets = {t.target for t in TRANSITIONS}
    sources = {s for t in TRANSITIONS for s in t.sources}
    assert targets - sources == FINAL_STAGES  # final: entered, never left
    assert set(Stage) - {Stage.RECEIVED} <= targets  # every other stage can be reached


def test_every_case_trail_action_is_declared_and_labelled() -> None:
    written: set[str] = set()
    for path in [*(REPO / "netral" / "cases").rglob("*.py")]:
        written |= set(re.findall(r'action="([a-z_]+)"', path.read_text(encoding="utf-8")))
    labelled = set(SERVICE_ACTIONS) | set(ESCALATIONS) | {t.name for t in TRANSITIONS}
    assert written - {"store_true", "store_false", "append"} <= labelled
    assert labelled == {action.value for action in CASE_EVENT_ACTIONS}
    assert {a.value for a in AuditAction} >= labelled
