"""Appending to a case's event chain, and mirroring public changes to the reporter."""

from __future__ import annotations

import json
import logging
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.functional import Promise

from netral.accounts.models import User
from netral.audit.actions import CASE_EVENT_ACTIONS, AuditAction
from netral.cases.audit import event_digest
from netral.cases.models import Case, CaseEvent, CaseReport, Stage
from netral.cases.stages import PUBLIC_STATUS

log = logging.getLogger(__name__)


def _jsonable(payload: dict[str, Any] | None) -> dict[str, Any]:
    """Dates and lazy strings become JSON values, so the digest survives a round trip."""
    loaded: dict[str, Any] = json.loads(json.dumps(payload or {}, cls=DjangoJSONEncoder))
    return loaded


def event_append(
    *,
    case: Case,
    action: str,
    actor: User | None,
    from_stage: str | None = None,
    to_stage: str | None = None,
    reason: str = "",
    payload: dict[str, Any] | None = None,
    public: bool = False,
) -> CaseEvent:
    """Append one event. The caller holds the case row lock (select_for_update).

    `action` must be a case action of the one vocabulary (`netral.audit.AuditAction`).
    """
    if AuditAction(action) not in CASE_EVENT_ACTIONS:
        raise ValueError(f"{action!r} is not an action of the case trail")
    last = (
        CaseEvent.objects.filter(case_id=case.pk).order_by("-seq").values("seq", "digest").first()
    )
    event = CaseEvent(
        case_id=case.pk,
        seq=(last["seq"] + 1) if last else 1,
        action=action,
        from_stage=from_stage or case.stage,
        to_stage=to_stage or case.stage,
        actor=actor,
        reason=reason,
        payload=_jsonable(payload),
        public=public,
        created_at=timezone.now(),
        previous_digest=last["digest"] if last else "",
    )
    event.digest = event_digest(event.previous_digest, event)
    event.save()
    transaction.on_commit(lambda: _notify(event.pk), robust=True)
    return event


def _notify(event_id: int) -> None:
    from django_q.tasks import async_task

    async_task("netral.cases.tasks.notify_case_event", event_id)


def case_touch(case: Case, *, bump: bool = True, **fields: Any) -> None:
    """Write fields with a queryset update (the stage is protected from `save`)."""
    values: dict[str, Any] = {"updated_at": timezone.now(), **fields}
    if bump:
        values["version"] = F("version") + 1
    Case.objects.filter(pk=case.pk).update(**values)


def reload(case: Case) -> Case:
    return Case.objects.get(pk=case.pk)


def public_mirror(*, case: Case, stage: str, note: str | Promise, actor: User | None) -> None:
    """Show a public stage change on the status page of every report of the case."""
    from netral.intake.models import ReportStatus
    from netral.intake.services import report_event_append

    status = ReportStatus(PUBLIC_STATUS[Stage(stage)])
    for link in CaseReport.objects.filter(case_id=case.pk).select_related("report"):
        report_event_append(
            report=link.report, kind="STATUS", status=status, note=str(note), actor=actor
        )
