"""Migration registry.0002 copies the old `RegistryEvent` chain into the audit chains
`registry` and `pledges`: every event, in order, chained so `netral audit verify` holds,
with the old row (and whether it was intact) kept in the entry's details."""

from __future__ import annotations

import datetime
import hashlib
import json
from typing import Any

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from netral.audit import AuditAction, Chain
from netral.audit.models import AuditEntry
from netral.audit.verify import verify_all

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("registry", "0001_initial")]
AFTER = [("registry", "0003_delete_registryevent")]


def _old_digest(previous: str, body: dict[str, Any]) -> str:
    encoded = json.dumps(body, sort_keys=True, cls=DjangoJSONEncoder, ensure_ascii=False)
    return hashlib.sha256((previous + encoded).encode()).hexdigest()


def _old_events(apps: Any, rows: list[tuple[str, str, str, dict[str, Any]]]) -> None:
    """Events written as netral.registry.trail wrote them before the move."""
    RegistryEvent = apps.get_model("registry", "RegistryEvent")
    previous = "0" * 64
    at = datetime.datetime(2024, 9, 1, 8, 0, tzinfo=datetime.UTC)
    for seq, (chain, action, subject, details) in enumerate(rows, start=1):
        at += datetime.timedelta(minutes=seq)
        body = {"chain": chain, "action": action, "actor": None, "subject": subject,
                "details": details, "at": at.isoformat()}  # fmt: skip
        digest = _old_digest(previous, body)
        RegistryEvent.objects.create(
            seq=seq, chain=chain, action=action, actor=None, subject=subject, details=details,
            at=at, previous=previous, digest=digest,
        )  # fmt: skip
        previous = digest


def _migrate(targets: list[tuple[str, str]]) -> Any:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_old_registry_events_become_audit_entries_that_verify() -> None:
    old = _migrate(BEFORE)
    try:
        _old_events(
            old,
            [
                ("registry", "draft", "registry.instrument:1", {"source_url": ""}),
                ("pledges", "pledge_record", "pledges.pledgeevent:1", {"cycle": "PILKADA-2024"}),
                ("registry", "publish", "registry.instrument:1", {"number": "800/1/2024"}),
                ("pledges", "signatures_import", "pledges.pledgeevent:1", {"added": 3}),
                ("registry", "withdraw", "registry.instrument:1", {"reason": "Salah unggah"}),
            ],
        )
        # Someone altered the third event before the upgrade: the copies say so.
        old.get_model("registry", "RegistryEvent").objects.filter(seq=3).update(
            details={"number": "800/9/2024"}
        )
    finally:
        _migrate(AFTER)

    registry = list(AuditEntry.objects.filter(chain=Chain.REGISTRY).order_by("seq"))
    assert [(e.seq, e.action) for e in registry] == [
        (1, AuditAction.REGISTRY_DRAFT),
        (2, AuditAction.REGISTRY_PUBLISH),
        (3, AuditAction.REGISTRY_WITHDRAW),
    ]
    assert registry[1].details["number"] == "800/9/2024"
    assert [e.details["legacy"]["intact"] for e in registry] == [True, False, False]
    assert registry[2].created_at == datetime.datetime(2024, 9, 1, 8, 15, tzinfo=datetime.UTC)
    pledges = AuditEntry.objects.filter(chain=Chain.PLEDGES).order_by("seq")
    assert [e.action for e in pledges] == ["pledge_record", "pledge_signatures_import"]
    assert verify_all(None).problems == []
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    assert "registry_registryevent" not in tables
