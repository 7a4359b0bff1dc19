"""Signed checkpoints: checkable by anyone with the public key, and honest about retention."""

from __future__ import annotations

import base64
import datetime
import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from django.db import connection
from django.utils import timezone

from netral.audit.checkpoint import published_lines
from netral.audit.keys import public_pem
from netral.cases.services.retention import reports_purge_expired
from netral.commands.audit import main
from tests.cases.conftest import World, act, new_case
from tests.cases.conftest import world as world

on_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, Any]]]:
    capsys.readouterr()
    code = main(list(args))
    out = capsys.readouterr().out
    return code, [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def test_a_published_checkpoint_checks_out_with_only_the_public_key(
    world: World,
    signing_key: Path,
    capsys: pytest.CaptureFixture[str],
    django_capture_on_commit_callbacks: Any,
) -> None:
    act(new_case(), "start_verification", world.verifier)
    with django_capture_on_commit_callbacks(execute=True):
        assert main(["checkpoint"]) == 0
    assert main(["public-key"]) == 0
    public = load_pem_public_key(capsys.readouterr().out.split("\n", 1)[1].encode())
    (line,) = published_lines()
    body = json.dumps(line["body"], sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    public.verify(base64.b64decode(line["signature"]), body.encode())  # type: ignore[union-attr]
    assert set(line["body"]["families"]) == {
        "case_events",
        "report_events",
        "messages",
        "identity_access",
        "audit",
    }
    assert line["body"]["families"]["case_events"]["chains"] == 1


def test_a_checkpoint_signed_by_another_key_is_refused(
    world: World,
    signing_key: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    django_capture_on_commit_callbacks: Any,
) -> None:
    new_case()
    with django_capture_on_commit_callbacks(execute=True):
        main(["checkpoint"])
    other = tmp_path / "other.pem"
    other.write_text(public_pem(Ed25519PrivateKey.generate().public_key()))
    code, lines = _run(capsys, "verify", "--public-key", str(other))
    assert code == 1
    named = {(p["chain"], p["record"]) for p in lines[:-1] if "signature" in p["error"]}
    assert ("checkpoints", "checkpoint 1") in named  # the row in the database
    assert ("checkpoints", "published checkpoint 1") in named  # the line in the file


@on_postgres
def test_edited_heads_in_the_checkpoint_row_are_caught(
    world: World, signing_key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = act(new_case(), "start_verification", world.verifier)
    main(["checkpoint"])
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        cursor.execute(
            "UPDATE audit_checkpoint SET heads = jsonb_set(heads::jsonb, %s, '[1, \"x\"]')",
            [["case_events", str(case.pk)]],
        )
        cursor.execute("SET session_replication_role = DEFAULT")
    code, lines = _run(capsys, "verify")
    assert code == 1
    assert "altered" in lines[0]["error"]


@on_postgres
def test_reports_deleted_by_retention_after_a_checkpoint_are_not_tampering(
    world: World, signing_key: Path, capsys: pytest.CaptureFixture[str], settings: Any
) -> None:
    settings.NETRAL_RETENTION_NOT_ACTIONABLE_DAYS = 0
    gone = act(new_case(), "mark_not_actionable", world.verifier, "Tidak ada kejadian.")
    act(new_case(), "start_verification", world.verifier)
    main(["checkpoint"])
    later = timezone.now() + datetime.timedelta(days=1)
    assert reports_purge_expired(now=later).reports == 1
    assert not gone.links.exists()
    code, lines = _run(capsys, "verify")
    assert (code, lines[:-1]) == (0, [])
