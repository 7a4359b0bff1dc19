"""Where every chain ends now: the heads a checkpoint signs and the verifier compares.

Families of chains, each a mapping chain key -> head:
- ``case_events``: case id -> [seq, digest] of its last event;
- ``report_events``: report receipt -> [seq, digest] of its last timeline event;
- ``messages`` and ``identity_access``: report receipt -> [count, last id, digest], the
  digest rolled over the report's rows in id order (these rows carry no chain of their own);
- ``audit``: generic chain name -> [seq, digest] of its last entry.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from netral.audit.models import AuditEntry
from netral.cases.models import CaseEvent
from netral.intake.models import IdentityAccessLog, Message, ReportEvent

Heads = dict[str, dict[str, list[Any]]]
FAMILIES = ("case_events", "report_events", "messages", "identity_access", "audit")


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def family_root(heads: dict[str, list[Any]]) -> str:
    return sha256(canonical_json(heads))


def message_row(message: Message) -> dict[str, Any]:
    return {
        "id": message.pk,
        "sender": message.sender,
        "author": message.author_id,
        "body": message.body,
        "at": message.created_at.isoformat(),
    }


def access_row(log: IdentityAccessLog) -> dict[str, Any]:
    return {
        "id": log.pk,
        "user": log.user_id,
        "request": log.access_request_id,
        "evidence": log.evidence_id,
        "at": log.created_at.isoformat(),
    }


def rolled(rows: Iterable[dict[str, Any]]) -> list[Any]:
    """[count, last id, digest] over rows in id order."""
    count, last, digest = 0, 0, ""
    for row in rows:
        count, last = count + 1, row["id"]
        digest = sha256(f"{digest}\n{canonical_json(row)}")
    return [count, last, digest]


def _last_of_each(rows: Iterable[tuple[Any, int, str]]) -> dict[str, list[Any]]:
    heads: dict[str, list[Any]] = {}
    for key, seq, digest in rows:
        heads[str(key)] = [seq, digest]
    return heads


def _rolled_per_report(model: Any, to_row: Any, using: str) -> dict[str, list[Any]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for item in model.objects.using(using).select_related("report").order_by("report_id", "pk"):
        grouped.setdefault(item.report.receipt, []).append(to_row(item))
    return {receipt: rolled(rows) for receipt, rows in grouped.items()}


def current_heads(using: str = "default") -> Heads:
    return {
        "case_events": _last_of_each(
            CaseEvent.objects.using(using)
            .order_by("case_id", "seq")
            .values_list("case_id", "seq", "digest")
            .iterator(chunk_size=5000)
        ),
        "report_events": _last_of_each(
            ReportEvent.objects.using(using)
            .order_by("report_id", "seq")
            .values_list("report__receipt", "seq", "digest")
            .iterator(chunk_size=5000)
        ),
        "messages": _rolled_per_report(Message, message_row, using),
        "identity_access": _rolled_per_report(IdentityAccessLog, access_row, using),
        "audit": _last_of_each(
            AuditEntry.objects.using(using)
            .order_by("chain", "seq")
            .values_list("chain", "seq", "digest")
            .iterator(chunk_size=5000)
        ),
    }


def summary(heads: Heads) -> dict[str, dict[str, Any]]:
    """What the signature covers per family: its root and how many chains it holds."""
    return {
        family: {"root": family_root(heads.get(family, {})), "chains": len(heads.get(family, {}))}
        for family in FAMILIES
    }
