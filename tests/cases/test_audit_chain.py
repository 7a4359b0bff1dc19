"""The event log is append-only and hash-chained; `netral audit verify` finds tampering."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import DatabaseError, connection, transaction

from netral.cases.audit import verify_chains
from netral.cases.models import CaseEvent
from netral.commands.audit import main
from tests.cases.conftest import World, act, new_case

REPO = Path(__file__).resolve().parents[2]
on_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")


def _tamper(event: CaseEvent, reason: str) -> None:
    """What someone with raw database access could do: bypass the trigger and edit a row."""
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        cursor.execute("UPDATE cases_caseevent SET reason = %s WHERE id = %s", [reason, event.pk])
        cursor.execute("SET session_replication_role = DEFAULT")


def _history(world: World) -> list[CaseEvent]:
    case = act(new_case(), "start_verification", world.verifier)
    act(case, "mark_not_actionable", world.verifier, "Tidak ada kejadian yang dilaporkan.")
    new_case()  # a second, untouched chain
    return list(CaseEvent.objects.filter(case=case).order_by("seq"))


def test_an_untouched_log_verifies_and_the_command_exits_zero(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    _history(world)
    assert main(["verify"]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert (summary["cases"], summary["case_events"], summary["problems"]) == (2, 4, 0)


@on_postgres
def test_editing_one_event_makes_verify_fail_and_name_that_event(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    events = _history(world)
    target = events[1]
    _tamper(target, "Alasan yang diganti diam-diam.")
    assert main(["verify"]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.strip().splitlines()]
    assert lines[0]["chain"] == f"case:{target.case_id}"
    assert lines[0]["record"] == f"case event {target.pk} (seq {target.seq})"
    assert "altered" in lines[0]["error"]
    assert lines[-1]["problems"] == 1


@on_postgres
def test_deleting_an_event_breaks_the_sequence(world: World) -> None:
    events = _history(world)
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        cursor.execute("DELETE FROM cases_caseevent WHERE id = %s", [events[1].pk])
        cursor.execute("SET session_replication_role = DEFAULT")
    result = verify_chains()
    assert [(b.case, b.seq) for b in result.breaks] == [(events[0].case_id, 3)]


def test_the_orm_refuses_to_change_or_delete_events(world: World) -> None:
    event = _history(world)[0]
    event.reason = "diubah"
    with pytest.raises(ValueError, match="append-only"):
        event.save()
    with pytest.raises(ValueError, match="append-only"):
        event.delete()
    with pytest.raises(ValueError, match="append-only"):
        CaseEvent.objects.filter(pk=event.pk).update(reason="diubah")
    with pytest.raises(ValueError, match="append-only"):
        CaseEvent.objects.filter(pk=event.pk).delete()


@on_postgres
def test_the_database_itself_refuses_updates_to_events(world: World) -> None:
    event = _history(world)[0]
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE cases_caseevent SET reason = 'x' WHERE id = %s", [event.pk])


def test_bad_arguments_exit_two(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-everything"]) == 2


@on_postgres
@pytest.mark.django_db(transaction=True)
def test_the_command_runs_as_a_subprocess_and_reports_a_break(world: World) -> None:
    target = _history(world)[0]
    _tamper(target, "diganti")
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "netral.settings.test"}
    done = subprocess.run(
        [sys.executable, "-m", "netral.cli", "audit", "verify"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    first = json.loads(done.stdout.splitlines()[0])
    assert (first["chain"], first["record"]) == (
        f"case:{target.case_id}",
        f"case event {target.pk} (seq 1)",
    )
