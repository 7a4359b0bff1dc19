"""Done when: on the demo data, each way someone with database access might rewrite the
record is caught by `netral audit verify` (exit 1, naming chain and record), and an
untouched database verifies (exit 0).

The tampering goes around the append-only triggers the way such a person would:
`session_replication_role = replica` (skips triggers) or `ALTER TABLE ... DISABLE TRIGGER`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, transaction

from netral.audit.checkpoint import log_path, published_lines
from netral.audit.log import entry_digest
from netral.audit.models import AuditEntry, Checkpoint
from netral.cases.audit import event_digest
from netral.cases.models import Case, CaseEvent
from netral.commands.audit import main
from netral.demo.data import load_demo_data
from netral.intake.models import Message, Report, ReportEvent
from netral.intake.services import _event_digest as report_event_digest
from netral.intake.services import report_message_add

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")


def _sql(statement: str, params: list[Any] | None = None) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params or [])


@contextmanager
def _replica() -> Iterator[None]:
    """Triggers off for this session, as a database superuser can do."""
    _sql("SET session_replication_role = replica")
    try:
        yield
    finally:
        _sql("SET session_replication_role = DEFAULT")


@contextmanager
def _triggers_disabled(table: str) -> Iterator[None]:
    # The test's own transaction still holds deferred foreign-key checks; settle them.
    _sql("SET CONSTRAINTS ALL IMMEDIATE")
    _sql(f"ALTER TABLE {table} DISABLE TRIGGER USER")
    try:
        yield
    finally:
        _sql(f"ALTER TABLE {table} ENABLE TRIGGER USER")


def _verify(capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, Any]]]:
    capsys.readouterr()
    code = main(["verify"])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return code, lines[:-1]


def _longest_case() -> Case:
    ids = list(CaseEvent.objects.values_list("case_id", flat=True))
    return Case.objects.get(pk=max(set(ids), key=ids.count))


def delete_last_event() -> tuple[str, str]:
    case = _longest_case()
    last = CaseEvent.objects.filter(case=case).order_by("-seq").first()
    assert last is not None
    with _replica():
        _sql("DELETE FROM cases_caseevent WHERE id = %s", [last.pk])
    return f"case:{case.pk}", "truncated"


def delete_all_events() -> tuple[str, str]:
    case = _longest_case()
    with _triggers_disabled("cases_caseevent"):
        _sql("DELETE FROM cases_caseevent WHERE case_id = %s", [case.pk])
    return f"case:{case.pk}", "all deleted"


def edit_event_and_recompute() -> tuple[str, str]:
    """Change one event's reason and rebuild every digest after it: the chain is whole."""
    case = _longest_case()
    events = list(CaseEvent.objects.filter(case=case).order_by("seq"))
    previous = events[0].previous_digest
    with _replica():
        for index, event in enumerate(events):
            if index == 1:
                event.reason = "Alasan yang ditulis ulang."
            event.previous_digest = previous
            event.digest = event_digest(previous, event)
            _sql(
                "UPDATE cases_caseevent SET reason = %s, previous_digest = %s, digest = %s "
                "WHERE id = %s",
                [event.reason, event.previous_digest, event.digest, event.pk],
            )
            previous = event.digest
    return f"case:{case.pk}", "rewritten"


def edit_report_event_and_recompute() -> tuple[str, str]:
    report = Report.objects.filter(events__seq=2).distinct().first()
    assert report is not None
    events = list(ReportEvent.objects.filter(report=report).order_by("seq"))
    previous = ""
    with _triggers_disabled("intake_reportevent"):
        for index, event in enumerate(events):
            if index == 0:
                event.note = "Catatan yang diganti."
            event.previous_digest = previous
            event.digest = report_event_digest(previous, event)
            _sql(
                "UPDATE intake_reportevent SET note = %s, previous_digest = %s, digest = %s "
                "WHERE id = %s",
                [event.note, event.previous_digest, event.digest, event.pk],
            )
            previous = event.digest
    return f"report:{report.receipt}", "rewritten"


def edit_report_event() -> tuple[str, str]:
    event = ReportEvent.objects.select_related("report").order_by("pk").first()
    assert event is not None
    with _replica():
        _sql("UPDATE intake_reportevent SET note = 'diubah' WHERE id = %s", [event.pk])
    return f"report:{event.report.receipt}", "altered"


def change_stage_directly() -> tuple[str, str]:
    case = Case.objects.filter(stage="VERIFICATION").first()
    assert case is not None
    _sql("UPDATE cases_case SET stage = 'CLOSED' WHERE id = %s", [case.pk])
    return f"case:{case.pk}", "stage is CLOSED"


def delete_a_message() -> tuple[str, str]:
    message = Message.objects.select_related("report").order_by("pk").first()
    assert message is not None
    with _replica():
        _sql("DELETE FROM intake_message WHERE id = %s", [message.pk])
    return f"messages:{message.report.receipt}", "deleted or altered"


def edit_registry_entry() -> tuple[str, str]:
    """Change what a published instrument's audit entry says its number was."""
    entry = AuditEntry.objects.filter(chain="registry", action="registry_publish").first()
    assert entry is not None
    with _replica():
        _sql(
            'UPDATE audit_auditentry SET details = details || \'{"number": "800/1/X"}\' '
            "WHERE id = %s",
            [entry.pk],
        )
    return "audit:registry", "altered"


def edit_registry_entry_and_recompute() -> tuple[str, str]:
    """Rewrite a registry entry and every digest after it: the chain is whole again, but
    its head no longer is the one the checkpoint signed."""
    entries = list(AuditEntry.objects.filter(chain="registry").order_by("seq"))
    previous = entries[0].previous_digest
    with _replica():
        for index, entry in enumerate(entries):
            if index == 1:
                entry.subject = "registry.instrument:0"
            entry.previous_digest = previous
            entry.digest = entry_digest(previous, entry)
            _sql(
                "UPDATE audit_auditentry SET subject = %s, previous_digest = %s, digest = %s "
                "WHERE id = %s",
                [entry.subject, entry.previous_digest, entry.digest, entry.pk],
            )
            previous = entry.digest
    return "audit:registry", "rewritten"


def delete_the_latest_checkpoint() -> tuple[str, str]:
    latest = Checkpoint.objects.order_by("-seq").first()
    assert latest is not None
    with _replica():
        _sql("DELETE FROM audit_checkpoint WHERE id = %s", [latest.pk])
    return "checkpoints", "missing from the database"


TAMPERINGS: list[Callable[[], tuple[str, str]]] = [
    delete_last_event,
    delete_all_events,
    edit_event_and_recompute,
    edit_report_event,
    edit_report_event_and_recompute,
    change_stage_directly,
    delete_a_message,
    edit_registry_entry,
    edit_registry_entry_and_recompute,
    delete_the_latest_checkpoint,
]


@pytest.fixture
def demo(db: Any, signing_key: Path, django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        load_demo_data()
        report = Report.objects.order_by("pk").first()
        assert report is not None
        report_message_add(report=report, body="Ada foto tambahan.", sender="REPORTER")
        main(["checkpoint"])
    assert len(published_lines()) == Checkpoint.objects.count() == 2
    assert log_path().exists()


def test_the_untouched_demo_database_verifies(
    demo: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _verify(capsys) == (0, [])


@pytest.mark.parametrize("tamper", TAMPERINGS, ids=lambda t: t.__name__)
def test_each_tampering_is_caught_and_named(
    demo: None, capsys: pytest.CaptureFixture[str], tamper: Callable[[], tuple[str, str]]
) -> None:
    with transaction.atomic():
        chain, error = tamper()
    code, problems = _verify(capsys)
    assert code == 1
    named = [p for p in problems if p["chain"] == chain and error in p["error"]]
    assert named, problems
    assert all(p["record"] for p in named)
