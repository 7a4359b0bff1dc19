"""The hash chain of case events: one chain per case.

Event n stores the digest of event n-1 (empty for the first) and
``sha256(previous_digest + "\\n" + canonical JSON of its content)``. Verifying walks each
chain in `seq` order and reports the first event whose sequence, link or digest is wrong.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from netral.cases.models import CaseEvent


def canonical(event: CaseEvent) -> str:
    """The event's content as canonical JSON (sorted keys, no spaces that vary)."""
    body: dict[str, Any] = {
        "case": event.case_id,
        "seq": event.seq,
        "action": event.action,
        "from": event.from_stage,
        "to": event.to_stage,
        "actor": event.actor_id,
        "reason": event.reason,
        "payload": event.payload,
        "public": event.public,
        "at": event.created_at.isoformat(),
    }
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def event_digest(previous: str, event: CaseEvent) -> str:
    return hashlib.sha256(f"{previous}\n{canonical(event)}".encode()).hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    case: int
    seq: int
    event: int
    error: str

    def to_dict(self) -> dict[str, Any]:
        return {"case": self.case, "seq": self.seq, "event": self.event, "error": self.error}


@dataclass
class AuditResult:
    cases: int = 0
    events: int = 0
    breaks: list[ChainBreak] = field(default_factory=list)
    # case -> (seq, digest) of its last event: where each chain ends. A backup records
    # them and a restore compares; signed checkpoints will sign the same heads.
    heads: dict[int, tuple[int, str]] = field(default_factory=dict)

    @property
    def intact(self) -> bool:
        return not self.breaks

    def summary(self) -> dict[str, Any]:
        return {"cases": self.cases, "events": self.events, "breaks": len(self.breaks)}


def _break_in(event: CaseEvent, expected_seq: int, previous: str) -> str | None:
    if event.seq != expected_seq:
        return f"sequence gap: expected seq {expected_seq}, found {event.seq}"
    if event.previous_digest != previous:
        return "previous_digest does not match the digest of the event before it"
    if event.digest != event_digest(previous, event):
        return "digest does not match the event's content (altered)"
    return None


def _events(using: str) -> Iterator[CaseEvent]:
    return CaseEvent.objects.using(using).order_by("case_id", "seq").iterator(chunk_size=2000)


def verify_chains(case_ids: list[int] | None = None, *, using: str = "default") -> AuditResult:
    """Walk every chain (or the given cases'); at most one break is reported per case.

    `using`: the database alias to read (a backup reads its snapshot's).
    """
    result = AuditResult()
    events = (
        _events(using)
        if case_ids is None
        else iter(
            CaseEvent.objects.using(using).filter(case_id__in=case_ids).order_by("case_id", "seq")
        )
    )
    current, expected, previous, broken = None, 1, "", False
    for event in events:
        if event.case_id != current:
            current, expected, previous, broken = event.case_id, 1, "", False
            result.cases += 1
        result.events += 1
        if broken:
            continue
        error = _break_in(event, expected, previous)
        if error:
            result.breaks.append(ChainBreak(event.case_id, event.seq, event.pk, error))
            broken = True
        expected, previous = event.seq + 1, event.digest
        result.heads[event.case_id] = (event.seq, event.digest)
    return result
