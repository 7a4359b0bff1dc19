"""Background work (django-q2, database broker): the hourly deadline sweep, the daily
retention purge, notifications.

The schedules are created by migrations 0002 (`cases.sweep_deadlines`, hourly) and 0005
(`cases.retention_purge`, daily).
"""

from __future__ import annotations

import datetime
import logging

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from netral.accounts.models import Role
from netral.cases.deadlines import is_overdue, local_today
from netral.cases.models import (
    OPEN_STAGES,
    Case,
    CaseEvent,
    Escalation,
    EscalationKind,
    PpkConflict,
    Stage,
)
from netral.cases.services.events import case_touch, event_append
from netral.cases.services.opening import cases_open_for_orphan_reports
from netral.cases.services.transitions import lock_any, run_named

log = logging.getLogger(__name__)


def _escalate(case: Case, kind: EscalationKind, note: str) -> bool:
    """One escalation per case, kind and stage; returns whether it was new."""
    escalation, created = Escalation.objects.get_or_create(
        case=case,
        kind=kind,
        stage=case.stage,
        defaults={"due_date": case.due_date, "level": case.escalation_level + 1},
    )
    if created:
        case_touch(case, bump=False, escalation_level=escalation.level)
        event_append(
            case=case,
            action=f"escalate_{kind.lower()}",
            actor=None,
            reason=note,
            payload={
                "to": Role.CENTRAL_SUPERVISOR,
                "due_date": case.due_date,
                "level": escalation.level,
            },
        )
    return created


def mark_overdue(today: datetime.date) -> int:
    ids = Case.objects.filter(stage__in=OPEN_STAGES, overdue=False, due_date__lt=today).values_list(
        "pk", flat=True
    )
    escalated = 0
    for pk in list(ids):
        with transaction.atomic():
            case = lock_any(pk)
            if case.overdue or not is_overdue(case.due_date, today):
                continue  # a transition moved it on meanwhile
            case_touch(case, bump=False, overdue=True)
            escalated += _escalate(case, EscalationKind.OVERDUE, "Batas waktu tahap terlewati.")
    return escalated


def escalate_conflicted_ppk() -> int:
    conflicted_agency = PpkConflict.objects.filter(active=True, agency_id=OuterRef("agency_id"))
    already = Escalation.objects.filter(
        case_id=OuterRef("pk"), kind=EscalationKind.PPK_CONFLICTED, stage=OuterRef("stage")
    )
    ids = (
        Case.objects.filter(stage=Stage.PPK_FOLLOW_UP)
        .filter(Q(ppk_conflicted=True) | Exists(conflicted_agency))
        .exclude(Exists(already))
        .values_list("pk", flat=True)
    )
    escalated = 0
    for pk in list(ids):
        with transaction.atomic():
            case = lock_any(pk)
            note = "PPK berkonflik kepentingan: tindak lanjut dialihkan ke pengawas pusat."
            escalated += _escalate(case, EscalationKind.PPK_CONFLICTED, note)
    return escalated


def close_effective_sanctions(today: datetime.date) -> int:
    ids = Case.objects.filter(
        stage=Stage.SANCTION_EXECUTED, sanction__effective_date__lte=today
    ).values_list("pk", flat=True)
    closed = 0
    for pk in list(ids):
        with transaction.atomic():
            case = lock_any(pk)
            if case.stage == Stage.SANCTION_EXECUTED:
                run_named(case, "close", actor=None, reason="Sanksi telah berlaku.")
                closed += 1
    return closed


def sweep_deadlines(now: str | None = None) -> dict[str, int]:
    """The hourly sweep; idempotent (running it twice escalates once)."""
    moment = datetime.datetime.fromisoformat(now) if now else timezone.now()
    today = local_today(moment)
    result = {
        "opened": cases_open_for_orphan_reports(),
        "overdue": mark_overdue(today),
        "ppk_conflicted": escalate_conflicted_ppk(),
        "closed": close_effective_sanctions(today),
    }
    log.info("case sweep %s: %s", today.isoformat(), result)
    return result


def purge_expired_reports() -> dict[str, int]:
    """Daily: delete reports whose not-actionable decision is past the retention period."""
    from netral.cases.services.retention import reports_purge_expired

    result = reports_purge_expired().as_dict()
    log.info("retention purge: %s", result)
    return result


def notify_case_event(event_id: int) -> None:
    """Delivery hook after commit; today it logs (e-mail/WhatsApp senders plug in here)."""
    event = CaseEvent.objects.filter(pk=event_id).select_related("case").first()
    if event is not None:
        log.info("case %s event #%s %s", event.case_id, event.seq, event.action)
