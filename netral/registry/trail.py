"""The registry's and the pledges' history, read from the project's audit log.

Their writes append to the generic audit chains `registry` and `pledges`
(`netral.audit.record`, in the write's transaction), so `netral audit verify` and the
signed checkpoints cover them. Migration registry.0002 copied the events of the old
`RegistryEvent` chain there.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.audit import AuditAction
from netral.audit.models import AuditEntry

LABELS: dict[str, Any] = {
    AuditAction.REGISTRY_DRAFT: _("draf dibuat"),
    AuditAction.REGISTRY_PUBLISH: _("diterbitkan"),
    AuditAction.REGISTRY_EDIT: _("dikoreksi"),
    AuditAction.REGISTRY_WITHDRAW: _("dicabut"),
    AuditAction.PLEDGE_RECORD: _("ikrar dicatat"),
    AuditAction.PLEDGE_SIGNATURES_IMPORT: _("tanda tangan diimpor"),
}


def subject_of(obj: models.Model) -> str:
    """How an audit entry names the record it is about: `registry.instrument:12`."""
    return f"{obj._meta.label_lower}:{obj.pk}"


def events_of(obj: models.Model, chain: str) -> list[AuditEntry]:
    """The audit entries of `chain` about `obj`, oldest first, each with its `label`."""
    rows = list(
        AuditEntry.objects.filter(chain=chain, subject=subject_of(obj))
        .select_related("actor")
        .order_by("seq")
    )
    for row in rows:
        row.label = LABELS.get(row.action, row.action)
    return rows
