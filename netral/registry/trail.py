"""The audit trail of registry and pledge writes: one call per write, inside its
transaction, so an event exists exactly when the write does."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from netral.accounts.models import User
from netral.registry.models import RegistryEvent

GENESIS = "0" * 64


def subject_of(obj: models.Model) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def _digest(previous: str, body: dict[str, Any]) -> str:
    encoded = json.dumps(body, sort_keys=True, cls=DjangoJSONEncoder, ensure_ascii=False)
    return hashlib.sha256((previous + encoded).encode()).hexdigest()


def record(
    *, chain: str, action: str, actor: User | None, subject: models.Model, details: dict[str, Any]
) -> RegistryEvent:
    """Append one event; the caller's transaction holds the write it records."""
    # The last row, locked, orders concurrent writers: each chains to the one before.
    last = RegistryEvent.objects.select_for_update().order_by("-seq").first()
    previous = last.digest if last else GENESIS
    details = json.loads(json.dumps(details, cls=DjangoJSONEncoder))
    at = timezone.now()
    subject_key = subject_of(subject)
    body: dict[str, Any] = {
        "chain": chain,
        "action": action,
        "actor": actor.pk if actor else None,
        "subject": subject_key,
        "details": details,
        "at": at.isoformat(),
    }
    return RegistryEvent.objects.create(
        seq=(last.seq + 1) if last else 1,
        chain=chain,
        action=action,
        actor=actor,
        subject=subject_key,
        details=details,
        at=at,
        previous=previous,
        digest=_digest(previous, body),
    )


def verify() -> list[int]:
    """Sequence numbers of events whose digest does not follow from the chain."""
    broken, previous = [], GENESIS
    for event in RegistryEvent.objects.order_by("seq").iterator():
        body = {
            "chain": event.chain,
            "action": event.action,
            "actor": event.actor_id,
            "subject": event.subject,
            "details": event.details,
            "at": event.at.isoformat(),
        }
        if event.previous != previous or event.digest != _digest(previous, body):
            broken.append(event.seq)
        previous = event.digest
    return broken


def events_of(obj: models.Model) -> models.QuerySet[RegistryEvent]:
    return RegistryEvent.objects.filter(subject=subject_of(obj)).select_related("actor")
