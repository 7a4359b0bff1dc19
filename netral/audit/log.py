"""Appending to and walking the generic chains.

Entry n stores the digest of entry n-1 of the same chain (empty for the first) and
``sha256(previous_digest + "\\n" + canonical JSON of its content)``, as case events do.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from netral.accounts.models import User
from netral.audit.actions import AuditAction
from netral.audit.models import AuditEntry, ChainHead

CHAIN_NAME = re.compile(r"^[a-z][a-z0-9_.]{0,39}$")
SUBJECT_MAX = 200


def canonical(entry: AuditEntry) -> str:
    body: dict[str, Any] = {
        "chain": entry.chain,
        "seq": entry.seq,
        "action": entry.action,
        "actor": entry.actor_id,
        "subject": entry.subject,
        "details": entry.details,
        "at": entry.created_at.isoformat(),
    }
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def entry_digest(previous: str, entry: AuditEntry) -> str:
    return hashlib.sha256(f"{previous}\n{canonical(entry)}".encode()).hexdigest()


def jsonable(details: dict[str, Any] | None) -> dict[str, Any]:
    """Dates, decimals and lazy strings become JSON values, so the digest survives a reload."""
    loaded: dict[str, Any] = json.loads(json.dumps(details or {}, cls=DjangoJSONEncoder))
    return loaded


def record(
    chain: str,
    action: AuditAction | str,
    actor: User | None,
    subject: str,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry to `chain`; refuses an undeclared action or a malformed chain name."""
    checked = AuditAction(action)  # ValueError for a name outside the vocabulary
    chain = str(chain)
    if not CHAIN_NAME.match(chain):
        raise ValueError(f"bad audit chain name {chain!r}")
    if len(subject) > SUBJECT_MAX:
        raise ValueError(f"audit subject longer than {SUBJECT_MAX} characters")
    with transaction.atomic():
        ChainHead.objects.bulk_create([ChainHead(chain=chain)], ignore_conflicts=True)
        head = ChainHead.objects.select_for_update().get(chain=chain)
        entry = AuditEntry(
            chain=chain,
            seq=head.seq + 1,
            action=checked.value,
            actor=actor,
            subject=subject,
            details=jsonable(details),
            created_at=timezone.now(),
            previous_digest=head.digest,
        )
        entry.digest = entry_digest(head.digest, entry)
        entry.save()
        ChainHead.objects.filter(chain=chain).update(seq=entry.seq, digest=entry.digest)
    return entry


def entries(using: str = "default") -> Iterator[AuditEntry]:
    return AuditEntry.objects.using(using).order_by("chain", "seq").iterator(chunk_size=2000)
