"""The registry's own hash chain (`RegistryEvent`) moves into the project's audit log.

Each old event becomes an entry of the audit chain `registry` or `pledges`, in its old
order, appended after whatever those chains already hold. The old digests cannot be kept
as the audit chain's digests (the audit log hashes another canonical form, with the
chain's own sequence number), so each copy is chained afresh the way `netral.audit.record`
chains, and carries the old row in `details["legacy"]`: its seq, action, previous and
digest, and whether the old chain was intact up to it when it was copied. A row altered
before the upgrade is therefore still marked (intact: false), and the old digests can be
recomputed from the copies. Migration 0003 then drops the old table.

Going back leaves the copies: audit entries are append-only.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations

ACTIONS = {
    "draft": "registry_draft",
    "publish": "registry_publish",
    "edit": "registry_edit",
    "withdraw": "registry_withdraw",
    "pledge_record": "pledge_record",
    "signatures_import": "pledge_signatures_import",
}
OLD_GENESIS = "0" * 64


def _old_digest(previous: str, event: Any) -> str:
    """netral.registry.trail's digest, as it was."""
    body = {
        "chain": event.chain,
        "action": event.action,
        "actor": event.actor_id,
        "subject": event.subject,
        "details": event.details,
        "at": event.at.isoformat(),
    }
    encoded = json.dumps(body, sort_keys=True, cls=DjangoJSONEncoder, ensure_ascii=False)
    return hashlib.sha256((previous + encoded).encode()).hexdigest()


def _audit_digest(previous: str, entry: Any) -> str:
    """netral.audit.log.entry_digest (the audit log's format)."""
    body = {
        "chain": entry.chain,
        "seq": entry.seq,
        "action": entry.action,
        "actor": entry.actor_id,
        "subject": entry.subject,
        "details": entry.details,
        "at": entry.created_at.isoformat(),
    }
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{previous}\n{canonical}".encode()).hexdigest()


def copy_events(apps: Any, schema_editor: Any) -> None:
    RegistryEvent = apps.get_model("registry", "RegistryEvent")
    AuditEntry = apps.get_model("audit", "AuditEntry")
    ChainHead = apps.get_model("audit", "ChainHead")
    heads: dict[str, Any] = {}
    old_previous, intact = OLD_GENESIS, True
    for event in RegistryEvent.objects.order_by("seq").iterator(chunk_size=2000):
        intact = (
            intact
            and event.previous == old_previous
            and event.digest == _old_digest(old_previous, event)
        )
        old_previous = event.digest
        chain = "pledges" if event.chain == "pledges" else "registry"
        if chain not in heads:
            ChainHead.objects.get_or_create(chain=chain)
            heads[chain] = ChainHead.objects.select_for_update().get(chain=chain)
        head = heads[chain]
        legacy = {
            "seq": event.seq,
            "chain": event.chain,
            "action": event.action,
            "previous": event.previous,
            "digest": event.digest,
            "intact": intact,
        }
        details = json.loads(json.dumps({**event.details, "legacy": legacy}, cls=DjangoJSONEncoder))
        entry = AuditEntry(
            chain=chain,
            seq=head.seq + 1,
            action=ACTIONS.get(event.action, event.action),
            actor_id=event.actor_id,
            subject=event.subject,
            details=details,
            created_at=event.at,
            previous_digest=head.digest,
        )
        entry.digest = _audit_digest(head.digest, entry)
        entry.save()
        head.seq, head.digest = entry.seq, entry.digest
    for head in heads.values():
        ChainHead.objects.filter(chain=head.chain).update(seq=head.seq, digest=head.digest)


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0001_initial"),
        ("audit", "0002_checkpoint_schedule"),
    ]

    operations = [
        migrations.RunPython(copy_events, migrations.RunPython.noop),
    ]
