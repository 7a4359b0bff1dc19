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

from netral.cases.actors import has_actor as case_has_actor
from netral.cases.actors import holders, stage_owners
from netral.cases.deadlines import is_overdue, local_today
from netral.cases.models import (
    OPEN_STAGES,
    Case,
    CaseEvent,
    Compliance,
    Escalation,
    EscalationKind,
    PpkConflict,
    Stage,
)
from netral.cases.services.escalation import case_escalate, case_flag_if_no_actor
from netral.cases.services.events import case_touch
from netral.cases.services.opening import cases_open_for_orphan_reports
from netral.cases.services.transitions import lock_any, run_named

log = logging.getLogger(__name__)


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
            escalated += case_escalate(case, EscalationKind.OVERDUE, "Batas waktu tahap terlewati.")
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
            escalated += case_escalate(case, EscalationKind.PPK_CONFLICTED, note)
    return escalated


def flag_cases_without_actor() -> int:
    """Escalate open cases no one can work at their stage (a role missing in a region).

    Cases are grouped by what decides who can act (stage, region, agency, election), so
    the check costs one query per group, not per case; only unflagged cases are read.
    """
    known = holders()
    already = Escalation.objects.filter(
        case_id=OuterRef("pk"), kind=EscalationKind.NO_ACTOR, stage=OuterRef("stage")
    )
    owned = [s for s in OPEN_STAGES if stage_owners(s)]
    groups = (
        Case.objects.filter(stage__in=owned)
        .exclude(Exists(already))
        .values("stage", "region_id", "agency_id", "election")
        .distinct()
    )
    flagged = 0
    for group in list(groups):
        sample = Case.objects.select_related("region", "agency").filter(**group).first()
        if sample is None or case_has_actor(sample, known):
            continue
        for pk in list(
            Case.objects.filter(**group).exclude(Exists(already)).values_list("pk", flat=True)
        ):
            with transaction.atomic():
                flagged += case_flag_if_no_actor(lock_any(pk), known)
    return flagged


def close_effective_sanctions(today: datetime.date) -> int:
    """Close executed cases whose SK is in force, unless the sanction awaits follow-up."""
    ids = Case.objects.filter(
        stage=Stage.SANCTION_EXECUTED,
        sanction__effective_date__lte=today,
        sanction__compliance=Compliance.COMPLIANT,
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
        "no_actor": flag_cases_without_actor(),
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
    """After a case event commits: whoever it concerns is notified (netral.notifications)."""
    from netral.notifications.casework import case_event_notify

    event = CaseEvent.objects.filter(pk=event_id).select_related("case").first()
    if event is not None:
        log.info("case %s event #%s %s", event.case_id, event.seq, event.action)
        case_event_notify(event)
