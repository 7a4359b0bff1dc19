"""The audit trail reads as sentences, in the reader's language, for every action written."""

from __future__ import annotations

import re
from pathlib import Path

from django.utils import translation

from netral.cases.event_labels import event_label
from netral.cases.machine import TRANSITIONS

SOURCES = Path(__file__).resolve().parents[2] / "netral" / "cases"


def test_every_action_the_code_writes_to_the_trail_has_a_label() -> None:
    written = set()
    for path in [*SOURCES.glob("services/*.py"), SOURCES / "tasks.py"]:
        written |= set(re.findall(r'action="([a-z_]+)"', path.read_text(encoding="utf-8")))
    written |= {t.name for t in TRANSITIONS}
    written |= {"ppk_warning", "data_blocking", "escalate_overdue", "escalate_ppk_conflicted"}
    with translation.override("id"):
        unlabelled = {action for action in written if event_label(action) == action}
    assert unlabelled == set()


def test_labels_follow_the_active_language() -> None:
    with translation.override("id"):
        indonesian = event_label("escalate_overdue")
    with translation.override("en"):
        english = event_label("escalate_overdue")
    assert indonesian.startswith("Dieskalasi")
    assert english != indonesian
