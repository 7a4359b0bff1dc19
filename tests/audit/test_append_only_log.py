"""The generic audit log chains its entries, and the database refuses to rewrite logs."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import DatabaseError, connection, transaction

from netral.audit import AuditAction, Chain, record
from netral.audit.log import entry_digest
from netral.audit.models import AuditEntry
from netral.audit.purge import retention_deletion
from netral.intake.models import IdentityAccessLog, Message
from netral.intake.services import report_event_append, report_message_add
from tests.accounts.factories import staff
from tests.cases.conftest import make_report

on_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")

LOG_TABLES = [
    "audit_auditentry",
    "audit_checkpoint",
    "intake_reportevent",
    "intake_message",
    "intake_identityaccesslog",
    "cases_caseevent",
]


def test_entries_of_one_chain_link_to_each_other_and_other_chains_start_afresh(db: Any) -> None:
    first = record(Chain.ROSTER, AuditAction.ROSTER_IMPORT, None, "roster:a.csv", {"rows": 3})
    second = record(Chain.ROSTER, AuditAction.ROSTER_IMPORT, None, "roster:b.csv", {"rows": 1})
    other = record(Chain.ACCOUNTS, AuditAction.TOTP_ENROL, None, "user:7")
    assert (first.seq, second.seq, other.seq) == (1, 2, 1)
    assert second.previous_digest == first.digest
    assert other.previous_digest == ""
    stored = AuditEntry.objects.get(pk=second.pk)
    assert stored.digest == entry_digest(first.digest, stored)


def test_an_action_outside_the_vocabulary_is_refused_and_nothing_is_written(db: Any) -> None:
    with pytest.raises(ValueError, match="not a valid AuditAction"):
        record(Chain.ROSTER, "roster_imported_quietly", None, "roster:a.csv")
    with pytest.raises(ValueError, match="chain"):
        record("Roster; DROP", AuditAction.ROSTER_IMPORT, None, "roster:a.csv")
    assert not AuditEntry.objects.exists()


def test_an_entry_rolls_back_with_the_write_it_records(db: Any) -> None:
    def failing_import() -> None:
        with transaction.atomic():
            record(Chain.ROSTER, AuditAction.ROSTER_IMPORT, None, "roster:a.csv")
            raise RuntimeError("the import failed half-way")

    with pytest.raises(RuntimeError):
        failing_import()
    assert not AuditEntry.objects.exists()
    assert record(Chain.ROSTER, AuditAction.ROSTER_IMPORT, None, "roster:a.csv").seq == 1


def test_the_orm_refuses_to_change_or_delete_entries(db: Any) -> None:
    entry = record(Chain.ROSTER, AuditAction.ROSTER_IMPORT, None, "roster:a.csv")
    entry.subject = "roster:other.csv"
    with pytest.raises(ValueError, match="append-only"):
        entry.save()
    with pytest.raises(ValueError, match="append-only"):
        AuditEntry.objects.filter(pk=entry.pk).update(subject="x")
    with pytest.raises(ValueError, match="append-only"):
        AuditEntry.objects.all().delete()


def _one_row_in_every_log(db: Any) -> dict[str, int]:
    """A report with a timeline event, a message and an identity-access row, plus an entry."""
    from netral.audit.checkpoint import checkpoint_write

    report = make_report()
    event = report_event_append(report=report, kind="RECEIVED", status="RECEIVED")
    officer = staff("petugas", "VERIFIER", regions=("32.01",))
    message = report_message_add(report=report, body="Mohon kirim foto.", sender="REPORTER")
    access = IdentityAccessLog.objects.create(report=report, user=officer)
    entry = record(Chain.ROSTER, AuditAction.ROSTER_IMPORT, None, "roster:a.csv")
    checkpoint = checkpoint_write()
    return {
        "intake_reportevent": event.pk,
        "intake_message": message.pk,
        "intake_identityaccesslog": access.pk,
        "audit_auditentry": entry.pk,
        "audit_checkpoint": checkpoint.pk,
    }


def _raw(sql: str, params: list[Any]) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


@on_postgres
@pytest.mark.parametrize("table", LOG_TABLES[:5])
def test_plain_sql_cannot_update_or_delete_a_log_row(db: Any, table: str, signing_key: Any) -> None:
    pk = _one_row_in_every_log(db)[table]
    with pytest.raises(DatabaseError, match="append-only"):
        _raw(f"UPDATE {table} SET id = id WHERE id = %s", [pk])  # noqa: S608
    with pytest.raises(DatabaseError, match="append-only"):
        _raw(f"DELETE FROM {table} WHERE id = %s", [pk])  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table} WHERE id = %s", [pk])  # noqa: S608
        assert cursor.fetchone() == (1,)


@on_postgres
def test_the_retention_door_lets_only_report_logs_be_deleted_and_closes_after(
    db: Any, signing_key: Any
) -> None:
    rows = _one_row_in_every_log(db)
    with transaction.atomic():
        with retention_deletion():
            Message.objects.filter(pk=rows["intake_message"]).delete()
            with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
                _raw("DELETE FROM audit_auditentry WHERE id = %s", [rows["audit_auditentry"]])
            with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
                _raw(
                    "UPDATE intake_reportevent SET note = 'x' WHERE id = %s",
                    [rows["intake_reportevent"]],
                )
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            _raw(
                "DELETE FROM intake_identityaccesslog WHERE id = %s",
                [rows["intake_identityaccesslog"]],
            )
    assert not Message.objects.filter(pk=rows["intake_message"]).exists()
    assert IdentityAccessLog.objects.filter(pk=rows["intake_identityaccesslog"]).exists()
