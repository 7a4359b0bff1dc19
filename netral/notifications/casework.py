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


def deadlines_warn(now: str | None = None) -> dict[str, int]:
    """Assigned officers hear once per case, stage and due date when the deadline is within
    the warning period (working days), and once more when it has passed."""
    moment = datetime.datetime.fromisoformat(now) if now else timezone.now()
    today = local_today(moment)
    horizon = warning_horizon(today, settings.NETRAL_DEADLINE_WARNING_WORKING_DAYS)
    counts = {"at_risk": 0, "overdue": 0}
    rows = (
        Case.objects.filter(stage__in=OPEN_STAGES, assigned_to__isnull=False, due_date__lte=horizon)
        .select_related("assigned_to")
        .order_by("due_date", "pk")
    )
    for case in rows.iterator(chunk_size=500):
        assert case.due_date is not None  # noqa: S101  (filtered above; narrows the type)
        overdue = case.due_date < today
        kind = Kind.DEADLINE_OVERDUE if overdue else Kind.DEADLINE_AT_RISK
        values: dict[str, Any] = {"ref": case.reference, "due": case.due_date.isoformat()}
        with override(LANGUAGE):
            if overdue:
                title = _("Batas waktu kasus %(ref)s terlewati") % values
                body = _("Batas waktu tahap ini adalah %(due)s dan telah terlewati.") % values
            else:
                title = _("Batas waktu kasus %(ref)s segera berakhir") % values
                body = _("Batas waktu tahap ini adalah %(due)s.") % values
        assignee = case.assigned_to
        assert assignee is not None  # noqa: S101  (filtered above)
        sent = notify(
            assignee,
            kind,
            title=title,
            body=body,
            url=_case_url(case.pk),
            dedupe_key=f"{kind.lower()}:{case.pk}:{case.stage}:{case.due_date.isoformat()}",
        )
        counts["overdue" if overdue else "at_risk"] += sent is not None
    return counts
