"""Retention: reports whose case ended as not actionable are deleted after a set period.

NETRAL_RETENTION_NOT_ACTIONABLE_DAYS after a case entered NOT_ACTIONABLE, its reports go
with everything that hangs on them: evidence rows and files, the public timeline,
messages, identity-access requests and logs. The case itself and its audit trail stay
(the trail is append-only); an event on it records what was deleted (receipts, evidence
hashes, who had seen the identity and when) and under which period, never the content.

The rule depends only on the decision's date, so running it again after a restore deletes
again what the backup still held (docs/backup.md).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from netral.audit.purge import retention_deletion
from netral.cases.models import Case, CaseReport, Stage
from netral.cases.searchtext import search_text_refresh
from netral.cases.services.events import event_append
from netral.cases.services.transitions import lock_any
from netral.intake.models import (
    Evidence,
    EvidenceKind,
    IdentityAccessLog,
    IdentityAccessRequest,
    Message,
    Report,
    ReportEvent,
)
from netral.intake.storage import evidence_store

ACTION = "retention_delete"
REASON = (
    "Masa retensi laporan yang tidak dapat ditindaklanjuti telah berakhir; laporan beserta "
    "buktinya dihapus."
)


@dataclass(frozen=True)
class Purged:
    cases: int = 0
    reports: int = 0
    files: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def retention_days() -> int:
    return int(settings.NETRAL_RETENTION_NOT_ACTIONABLE_DAYS)


def expired_case_ids(*, now: datetime | None = None) -> list[int]:
    """Not-actionable cases past the period that still have reports."""
    cutoff = (now or timezone.now()) - timedelta(days=retention_days())
    ids = Case.objects.filter(
        stage=Stage.NOT_ACTIONABLE, stage_entered_at__lt=cutoff, links__isnull=False
    ).values_list("pk", flat=True)
    return sorted(set(ids))


def _described(report: Report) -> dict[str, Any]:
    """What the audit event keeps of a deleted report: facts about it, not its content."""
    evidence = list(report.evidence.all())
    logs = IdentityAccessLog.objects.filter(report=report).select_related("evidence")
    return {
        "receipt": report.receipt,
        "received_at": report.created_at,
        "identity_mode": report.identity_mode,
        "files": [
            {"sha256": e.sha256, "cleaned_sha256": e.cleaned_sha256, "size": e.size}
            for e in evidence
            if e.kind == EvidenceKind.FILE
        ],
        "links": sum(1 for e in evidence if e.kind == EvidenceKind.LINK),
        "messages": report.messages.count(),
        "timeline_events": report.events.count(),
        "identity_requests": report.access_requests.count(),
        "identity_access": [
            {
                "user": log.user_id,
                "at": log.created_at,
                "original": log.evidence.sha256 if log.evidence else None,
            }
            for log in logs.order_by("created_at", "pk")
        ],
    }


def _delete_reports(ids: list[int]) -> None:
    # Children first: every one of these protects its parent.
    IdentityAccessLog.objects.filter(report_id__in=ids).delete()
    IdentityAccessRequest.objects.filter(report_id__in=ids).delete()
    Message.objects.filter(report_id__in=ids).delete()
    ReportEvent.objects.filter(report_id__in=ids).delete()
    Evidence.objects.filter(report_id__in=ids).delete()
    CaseReport.objects.filter(report_id__in=ids).delete()
    Report.objects.filter(pk__in=ids).delete()


def _delete_unreferenced_files(originals: set[str], cleaned: set[str]) -> int:
    """Files no remaining evidence row refers to (the same bytes may back another report)."""
    store, removed = evidence_store(), 0
    for digest in originals:
        if not Evidence.objects.filter(sha256=digest).exists():
            removed += store.delete(digest, "original")
    for digest in cleaned:
        if not Evidence.objects.filter(cleaned_sha256=digest).exists():
            removed += store.delete(digest, "cleaned")
    return removed


def case_reports_purge(*, case_id: int, days: int, removed_files: list[int]) -> int:
    """Delete one expired case's reports and record it on the case, in one transaction;
    the evidence files go once it commits (a rolled-back deletion keeps them), and their
    number is appended to `removed_files`. Returns the number of reports deleted."""
    with transaction.atomic():
        case = lock_any(case_id)
        if case.stage != Stage.NOT_ACTIONABLE:
            return 0
        reports = list(
            Report.objects.select_for_update().filter(case_link__case=case).order_by("pk")
        )
        if not reports:
            return 0
        described = [_described(report) for report in reports]
        ids = [report.pk for report in reports]
        files = Evidence.objects.filter(report_id__in=ids, kind=EvidenceKind.FILE)
        originals = {s for s in files.values_list("sha256", flat=True) if s}
        cleaned = {s for s in files.values_list("cleaned_sha256", flat=True) if s}
        with retention_deletion():  # the only door through the append-only triggers
            _delete_reports(ids)
        search_text_refresh(case.pk)
        event_append(
            case=case,
            action=ACTION,
            actor=None,
            reason=REASON,
            payload={
                "retention_days": days,
                "not_actionable_since": case.stage_entered_at,
                "reports": described,
            },
        )
        transaction.on_commit(
            lambda: removed_files.append(_delete_unreferenced_files(originals, cleaned))
        )
    return len(reports)


def reports_purge_expired(*, now: datetime | None = None) -> Purged:
    """Delete the reports of every expired not-actionable case; idempotent."""
    days = retention_days()
    cases = reports = 0
    removed_files: list[int] = []
    for case_id in expired_case_ids(now=now):
        deleted = case_reports_purge(case_id=case_id, days=days, removed_files=removed_files)
        if deleted:
            cases += 1
            reports += deleted
    return Purged(cases=cases, reports=reports, files=sum(removed_files))
