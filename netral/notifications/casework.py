"""Case events turned into `notify` calls: assignments, and deadlines at risk."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from netral.accounts.models import User
from netral.cases.actors import Place, actors_for, holders
from netral.cases.deadlines import local_today, warning_horizon
from netral.cases.models import OPEN_STAGES, Case, CaseEvent
from netral.notifications.kinds import Kind
from netral.notifications.reporting import LANGUAGE
from netral.notifications.services import notify


def _case_url(case_id: int) -> str:
    return reverse("cases:detail", args=[case_id])


def case_event_notify(event: CaseEvent) -> int:
    """After a case event commits: the new assignee hears about the assignment."""
    if event.action != "assign":
        return 0
    assignee_id = (event.payload or {}).get("assignee")
    if not assignee_id or assignee_id == event.actor_id:
        return 0
    assignee = User.objects.filter(pk=assignee_id).first()
    if assignee is None:
        return 0
    case = event.case
    with override(LANGUAGE):
        title = _("Kasus %(ref)s ditugaskan kepada Anda") % {"ref": case.reference}
        body = _("Kasus %(ref)s (tahap: %(stage)s) kini menjadi tanggung jawab Anda.") % {
            "ref": case.reference,
            "stage": case.get_stage_display(),
        }
    sent = notify(
        assignee,
        Kind.ASSIGNED,
        title=title,
        body=body,
        url=_case_url(case.pk),
        dedupe_key=f"assign:{case.pk}:{event.seq}",
    )
    return int(sent is not None)


def _warning(case: Case, overdue: bool, unassigned: bool) -> tuple[str, str]:
    due = case.due_date.isoformat() if case.due_date else ""
    values: dict[str, Any] = {"ref": case.reference, "due": due}
    with override(LANGUAGE):
        if overdue:
            title = _("Batas waktu kasus %(ref)s terlewati") % values
            body = _("Batas waktu tahap ini adalah %(due)s dan telah terlewati.") % values
        else:
            title = _("Batas waktu kasus %(ref)s segera berakhir") % values
            body = _("Batas waktu tahap ini adalah %(due)s.") % values
        if unassigned:
            body += " " + _(
                "Kasus ini belum ditugaskan kepada siapa pun: Anda menerima pemberitahuan ini "
                "karena dapat menangani tahap ini di wilayahnya."
            )
    return title, body


def deadlines_warn(now: str | None = None) -> dict[str, int]:
    """Once per case, stage and due date when the deadline is within the warning period
    (working days), and once more when it has passed: to the assigned officer or, while
    nobody is assigned, to everyone who can do the stage's work for the case's region."""
    moment = datetime.datetime.fromisoformat(now) if now else timezone.now()
    today = local_today(moment)
    horizon = warning_horizon(today, settings.NETRAL_DEADLINE_WARNING_WORKING_DAYS)
    counts = {"at_risk": 0, "overdue": 0, "unassigned": 0}
    rows = (
        Case.objects.filter(stage__in=OPEN_STAGES, due_date__lte=horizon)
        .select_related("assigned_to", "region", "agency")
        .order_by("due_date", "pk")
    )
    known = None  # every role holder, read once when the first unassigned case comes
    for case in rows.iterator(chunk_size=500):
        assert case.due_date is not None  # noqa: S101  (filtered above; narrows the type)
        overdue = case.due_date < today
        kind = Kind.DEADLINE_OVERDUE if overdue else Kind.DEADLINE_AT_RISK
        if case.assigned_to is not None:
            recipients = [case.assigned_to]
        else:
            known = holders() if known is None else known
            ids = actors_for(Place.of(case), known)
            recipients = list(User.objects.filter(pk__in=ids, is_active=True).order_by("pk"))
        title, body = _warning(case, overdue, case.assigned_to is None)
        key = f"{kind.lower()}:{case.pk}:{case.stage}:{case.due_date.isoformat()}"
        sent = sum(
            notify(user, kind, title=title, body=body, url=_case_url(case.pk), dedupe_key=key)
            is not None
            for user in recipients
        )
        if sent:
            counts["overdue" if overdue else "at_risk"] += 1
            counts["unassigned"] += case.assigned_to is None
    return counts
