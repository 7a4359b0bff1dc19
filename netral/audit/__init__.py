"""Append-only, hash-chained audit log and signed checkpoints (docs/audit.md).

The public API other apps call:

    from netral.audit import AuditAction, Chain, record
    record(Chain.ROSTER, AuditAction.ROSTER_IMPORT, actor, "roster:file.csv", {"rows": 12})

`record` appends in the caller's transaction (or its own), so a write and its audit entry
commit or roll back together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from netral.audit.actions import AuditAction, Chain

if TYPE_CHECKING:
    from netral.accounts.models import User
    from netral.audit.models import AuditEntry

__all__ = ["AuditAction", "Chain", "record"]


def record(
    chain: str,
    action: AuditAction | str,
    actor: User | None,
    subject: str,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry to `chain` (see `netral.audit.log.record`)."""
    from netral.audit.log import record as append

    return append(chain, action, actor, subject, details)
