"""`netral audit verify`: every chain, every case's stage, and the latest checkpoint.

Three kinds of check, each naming the chain and the record it found wrong:
1. each chain is intact inside (sequence, links, digests): case events, report timelines,
   the generic chains;
2. each case's stage and each report's status replay from their events;
3. against the latest signed checkpoint: its signature and heads hold, it matches the
   published checkpoint file, and every chain it recorded still reaches the head it
   signed (truncation, deletion of a whole chain, and rewriting with recomputed digests
   all change or remove that head). Reports deleted by the retention service are
   excused: the case chain records their receipts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from netral.audit.actions import AuditAction
from netral.audit.checkpoint import latest, published_lines, signature_valid
from netral.audit.heads import (
    Heads,
    access_row,
    current_heads,
    message_row,
    rolled,
    summary,
)
from netral.audit.log import entry_digest
from netral.audit.models import AuditEntry, Checkpoint
from netral.cases.audit import verify_chains
from netral.cases.models import Case, CaseEvent, Stage
from netral.intake.models import IdentityAccessLog, Message, Report, ReportEvent


@dataclass(frozen=True)
class Problem:
    chain: str
    record: str
    error: str

    def to_dict(self) -> dict[str, str]:
        return {"chain": self.chain, "record": self.record, "error": self.error}


@dataclass
class Verdict:
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    checkpoint: int | None = None

    @property
    def intact(self) -> bool:
        return not self.problems

    def summary(self) -> dict[str, Any]:
        return {**self.counts, "checkpoint": self.checkpoint, "problems": len(self.problems)}


# -- 1. chains inside -----------------------------------------------------------------


def _case_chains(verdict: Verdict) -> None:
    result = verify_chains()
    verdict.counts["cases"] = result.cases
    verdict.counts["case_events"] = result.events
    for found in result.breaks:
        record = f"case event {found.event} (seq {found.seq})"
        verdict.problems.append(Problem(f"case:{found.case}", record, found.error))


def _report_event_digest(previous: str, event: ReportEvent) -> str:
    from netral.intake.services import _event_digest

    return _event_digest(previous, event)


def _walk(
    items: Iterable[Any], key: Any, digest: Any, describe: Any
) -> Iterator[tuple[Any, str, str]]:
    """Yield (item, chain key, error) for the first break of each chain."""
    current, expected, previous, broken = None, 1, "", False
    for item in items:
        if key(item) != current:
            current, expected, previous, broken = key(item), 1, "", False
        if broken:
            continue
        error = None
        if item.seq != expected:
            error = f"sequence gap: expected seq {expected}, found {item.seq}"
        elif item.previous_digest != previous:
            error = "previous_digest does not match the digest of the record before it"
        elif item.digest != digest(previous, item):
            error = "digest does not match the record's content (altered)"
        if error:
            broken = True
            yield item, describe(item), error
        expected, previous = item.seq + 1, item.digest


def _report_chains(verdict: Verdict) -> None:
    events = ReportEvent.objects.select_related("report").order_by("report_id", "seq")
    verdict.counts["report_events"] = events.count()
    for event, chain, error in _walk(
        events.iterator(chunk_size=2000),
        lambda e: e.report_id,
        _report_event_digest,
        lambda e: f"report:{e.report.receipt}",
    ):
        verdict.problems.append(Problem(chain, f"report event {event.pk} (seq {event.seq})", error))


def _generic_chains(verdict: Verdict) -> None:
    entries = AuditEntry.objects.order_by("chain", "seq")
    verdict.counts["audit_entries"] = entries.count()
    for entry, chain, error in _walk(
        entries.iterator(chunk_size=2000),
        lambda e: e.chain,
        entry_digest,
        lambda e: f"audit:{e.chain}",
    ):
        verdict.problems.append(Problem(chain, f"audit entry {entry.pk} (seq {entry.seq})", error))


# -- 2. replay --------------------------------------------------------------------------


def _case_stages(verdict: Verdict) -> None:
    stages = dict(Case.objects.values_list("pk", "stage"))
    replayed: dict[int, str] = {}
    broken = verdict_cases_flagged(verdict)  # a broken chain already names its first break
    for case_id, seq, event_id, from_stage, to_stage in (
        CaseEvent.objects.order_by("case_id", "seq")
        .values_list("case_id", "seq", "pk", "from_stage", "to_stage")
        .iterator(chunk_size=5000)
    ):
        before = replayed.get(case_id, Stage.RECEIVED)
        if from_stage != before and case_id not in broken:
            verdict.problems.append(
                Problem(
                    f"case:{case_id}",
                    f"case event {event_id} (seq {seq})",
                    f"starts from stage {from_stage}, but the events before it end at {before}",
                )
            )
        replayed[case_id] = to_stage
    for case_id, stage in sorted(stages.items()):
        if case_id not in replayed:
            verdict.problems.append(
                Problem(f"case:{case_id}", f"case {case_id}", "the case has no events at all")
            )
        elif replayed[case_id] != stage:
            verdict.problems.append(
                Problem(
                    f"case:{case_id}",
                    f"case {case_id}",
                    f"stage is {stage}, but its events end at {replayed[case_id]}",
                )
            )


def verdict_cases_flagged(verdict: Verdict) -> set[int]:
    return {int(p.chain.split(":")[1]) for p in verdict.problems if p.chain.startswith("case:")}


def _report_statuses(verdict: Verdict) -> None:
    replayed = dict(
        ReportEvent.objects.order_by("report_id", "seq").values_list("report_id", "status")
    )
    for report_id, receipt, status in Report.objects.values_list("pk", "receipt", "status"):
        if report_id not in replayed:
            verdict.problems.append(
                Problem(f"report:{receipt}", f"report {receipt}", "the report has no events")
            )
        elif replayed[report_id] != status:
            verdict.problems.append(
                Problem(
                    f"report:{receipt}",
                    f"report {receipt}",
                    f"status is {status}, but its timeline ends at {replayed[report_id]}",
                )
            )


# -- 3. the checkpoint ------------------------------------------------------------------


def purged_receipts() -> set[str]:
    """Receipts the retention service deleted, as the case chains record them."""
    receipts: set[str] = set()
    for payload in CaseEvent.objects.filter(action=AuditAction.RETENTION_DELETE).values_list(
        "payload", flat=True
    ):
        receipts |= {r.get("receipt", "") for r in (payload or {}).get("reports", [])}
    return receipts


def _checkpoint_itself(
    verdict: Verdict, checkpoint: Checkpoint, public: Ed25519PublicKey | None
) -> bool:
    name = f"checkpoint {checkpoint.seq}"
    line = {
        "body": checkpoint.body,
        "digest": checkpoint.digest,
        "signature": checkpoint.signature,
    }
    if public is not None and not signature_valid(line, public):
        verdict.problems.append(Problem("checkpoints", name, "signature or digest does not hold"))
        return False
    if checkpoint.body.get("families") != summary(checkpoint.heads):
        verdict.problems.append(
            Problem("checkpoints", name, "stored heads do not match the signed roots (altered)")
        )
        return False
    return True


def _checkpoint_sequence(verdict: Verdict, public: Ed25519PublicKey | None) -> None:
    previous = ""
    for expected, checkpoint in enumerate(Checkpoint.objects.order_by("seq"), start=1):
        if checkpoint.seq != expected or checkpoint.body.get("previous") != previous:
            verdict.problems.append(
                Problem(
                    "checkpoints",
                    f"checkpoint {checkpoint.seq}",
                    "does not follow the checkpoint before it (one is missing or replaced)",
                )
            )
            return
        previous = checkpoint.digest
    stored = dict(Checkpoint.objects.values_list("seq", "digest"))
    for line in published_lines():
        seq = line["body"]["seq"]
        if public is not None and not signature_valid(line, public):
            verdict.problems.append(
                Problem("checkpoints", f"published checkpoint {seq}", "signature does not hold")
            )
        elif seq not in stored:
            verdict.problems.append(
                Problem(
                    "checkpoints",
                    f"checkpoint {seq}",
                    "published in the checkpoint file but missing from the database",
                )
            )
        elif stored[seq] != line["digest"]:
            verdict.problems.append(
                Problem(
                    "checkpoints",
                    f"checkpoint {seq}",
                    "differs from the one published in the checkpoint file",
                )
            )


def _seq_heads(
    verdict: Verdict,
    family: str,
    signed: dict[str, list[Any]],
    now: dict[str, list[Any]],
    found: Any,
    chain_name: Any,
    excused: set[str],
    seq: int,
) -> None:
    for key, (head_seq, head_digest) in sorted(signed.items()):
        if key in excused:
            continue
        chain = chain_name(key)
        if key not in now:
            verdict.problems.append(
                Problem(chain, f"events 1-{head_seq}", f"all deleted since checkpoint {seq}")
            )
            continue
        if now[key] == [head_seq, head_digest]:
            continue  # the chain still ends where it was signed: no query needed
        digest = found(key, head_seq)
        if digest is None:
            verdict.problems.append(
                Problem(
                    chain,
                    f"seq {head_seq} and after",
                    f"truncated: the head signed in checkpoint {seq} is gone "
                    f"(the chain now ends at seq {now[key][0]})",
                )
            )
        elif digest != head_digest:
            verdict.problems.append(
                Problem(
                    chain,
                    f"seq {head_seq}",
                    f"rewritten: differs from the head signed in checkpoint {seq}",
                )
            )


def _rolled_heads(
    verdict: Verdict,
    family: str,
    signed: dict[str, list[Any]],
    now: dict[str, list[Any]],
    model: Any,
    to_row: Any,
    excused: set[str],
    seq: int,
) -> None:
    for receipt, (count, last_id, digest) in sorted(signed.items()):
        if receipt in excused or now.get(receipt) == [count, last_id, digest]:
            continue  # excused, or no row added since: the current digest already matches
        rows = model.objects.filter(report__receipt=receipt, pk__lte=last_id).order_by("pk")
        if rolled(to_row(row) for row in rows) != [count, last_id, digest]:
            verdict.problems.append(
                Problem(
                    f"{family}:{receipt}",
                    f"rows up to id {last_id}",
                    f"{count} row(s) signed in checkpoint {seq} were deleted or altered",
                )
            )


def _against(verdict: Verdict, checkpoint: Checkpoint, now: Heads) -> None:
    signed, seq, excused = checkpoint.heads, checkpoint.seq, purged_receipts()

    def case_event(key: str, at: int) -> str | None:
        found: str | None = (
            CaseEvent.objects.filter(case_id=int(key), seq=at).values_list("digest", flat=True)
        ).first()
        return found

    def report_event(key: str, at: int) -> str | None:
        found: str | None = (
            ReportEvent.objects.filter(report__receipt=key, seq=at).values_list("digest", flat=True)
        ).first()
        return found

    def audit_entry(key: str, at: int) -> str | None:
        found: str | None = (
            AuditEntry.objects.filter(chain=key, seq=at).values_list("digest", flat=True)
        ).first()
        return found

    _seq_heads(
        verdict,
        "case_events",
        signed.get("case_events", {}),
        now["case_events"],
        case_event,
        lambda k: f"case:{k}",
        set(),
        seq,
    )
    _seq_heads(
        verdict,
        "report_events",
        signed.get("report_events", {}),
        now["report_events"],
        report_event,
        lambda k: f"report:{k}",
        excused,
        seq,
    )
    _seq_heads(
        verdict,
        "audit",
        signed.get("audit", {}),
        now["audit"],
        audit_entry,
        lambda k: f"audit:{k}",
        set(),
        seq,
    )
    _rolled_heads(
        verdict,
        "messages",
        signed.get("messages", {}),
        now["messages"],
        Message,
        message_row,
        excused,
        seq,
    )
    _rolled_heads(
        verdict,
        "identity_access",
        signed.get("identity_access", {}),
        now["identity_access"],
        IdentityAccessLog,
        access_row,
        excused,
        seq,
    )


def verify_all(public: Ed25519PublicKey | None) -> Verdict:
    """Run every check; `public` None skips signature checks (no key available)."""
    verdict = Verdict()
    _case_chains(verdict)
    _report_chains(verdict)
    _generic_chains(verdict)
    _case_stages(verdict)
    _report_statuses(verdict)
    checkpoint = latest()
    if checkpoint is None:
        if published_lines():
            verdict.problems.append(
                Problem("checkpoints", "all", "the checkpoint file has lines, the database none")
            )
        return verdict
    verdict.checkpoint = checkpoint.seq
    _checkpoint_sequence(verdict, public)
    if _checkpoint_itself(verdict, checkpoint, public):
        _against(verdict, checkpoint, current_heads())
    return verdict
