"""`case_transition`: the only way a case changes stage."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netral.accounts.models import User
from netral.cases import machine
from netral.cases.deadlines import local_today, stage_deadline
from netral.cases.models import Case, ReferralTarget, Stage
from netral.cases.scoping import cases_condition, role_scopes
from netral.cases.services.errors import (
    ConditionsFailed,
    Conflict,
    Forbidden,
    NotFound,
    TransitionRefused,
)
from netral.cases.services.escalation import case_flag_if_no_actor
from netral.cases.services.events import case_touch, event_append, public_mirror, reload


def lock_visible(pk: int, actor: User, roles: Iterable[str] | None = None) -> Case:
    """The case row, locked FOR UPDATE, if one of the actor's (given) roles covers it."""
    condition = cases_condition(role_scopes(actor), roles)
    if condition is None:
        raise NotFound()
    found = Case.objects.select_for_update().filter(condition).filter(pk=pk).first()
    if found is None:
        raise NotFound()
    return found


def lock_any(pk: int) -> Case:
    """The case row, locked, with no scope check: for the system's own sweep."""
    return Case.objects.select_for_update().get(pk=pk)


def require_version(case: Case, expected_version: int) -> None:
    if case.version != expected_version:
        raise Conflict(detail={"expected_version": expected_version, "version": case.version})


def require_role(case: Case, actor: User, roles: Iterable[str]) -> None:
    """The actor must hold one of `roles` with a scope covering this case."""
    condition = cases_condition(role_scopes(actor), roles)
    if condition is None or not Case.objects.filter(condition).filter(pk=case.pk).exists():
        raise Forbidden()


def _stage_fields(case: Case, target: Stage, today: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "stage": target,
        "stage_entered_at": timezone.now(),
        "overdue": False,
        "escalation_level": 0,
    }
    if case.stage == Stage.RECEIVED and target == Stage.VERIFICATION:
        return fields  # the verification clock started when the report came in
    deadline = stage_deadline(stage=target, election=case.election, start=today)
    fields["due_date"] = deadline.due_date
    fields["deadline_rule"] = deadline.rule
    return fields


def apply_transition(
    case: Case,
    transition: machine.Transition,
    *,
    actor: User | None,
    reason: str,
    expected_version: int | None,
    payload: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
) -> Case:
    """Check and apply a transition to a case the caller has locked. `actor` None: system."""
    payload = dict(payload or {})
    if expected_version is not None:
        require_version(case, expected_version)
    if case.stage not in transition.sources:
        raise TransitionRefused(detail={"action": transition.name, "stage": case.stage})
    if actor is not None:
        require_role(case, actor, transition.roles)
    failed = machine.failed_conditions(transition, case, {**payload, "reason": reason})
    if failed:
        raise ConditionsFailed(detail=failed)
    source = case.stage
    fields = _stage_fields(case, transition.target, local_today())
    case_touch(case, **fields, **(extra or {}))
    event_append(
        case=case,
        action=transition.name,
        actor=actor,
        from_stage=source,
        to_stage=transition.target,
        reason=reason,
        payload={**payload, "due_date": fields.get("due_date", case.due_date)},
        public=transition.public,
    )
    if transition.public:
        public_mirror(
            case=case, stage=transition.target, note=_public_note(transition, payload), actor=actor
        )
    case_flag_if_no_actor(reload(case))
    return reload(case)


def _public_note(transition: machine.Transition, payload: dict[str, Any]) -> str:
    if transition.name == "refer" and payload.get("target") in ReferralTarget.values:
        return f"{transition.label}: {ReferralTarget(payload['target']).label}"
    return str(transition.label)


def case_transition(
    *,
    case: Case,
    action: str,
    actor: User,
    reason: str,
    expected_version: int,
    payload: dict[str, Any] | None = None,
) -> Case:
    """Move a case along the declared machine: one transaction, row lock, version check.

    Raises NotFound (out of scope), Conflict (stale version), TransitionRefused (unknown,
    wrong stage or service-only action), Forbidden (wrong role) or ConditionsFailed.
    """
    transition = machine.transition_named(action)
    if transition is None or transition.service_only:
        raise TransitionRefused(
            _("Tindakan tidak dikenal atau hanya dapat dilakukan melalui formulirnya sendiri."),
            detail={"action": action},
        )
    extra: dict[str, Any] = {}
    if transition.name == "refer":
        extra["referral_target"] = str((payload or {}).get("target", ""))
    with transaction.atomic():
        locked = lock_visible(case.pk, actor)
        if transition.name == "refer" and extra["referral_target"] not in ReferralTarget.values:
            extra = {}
        return apply_transition(
            locked,
            transition,
            actor=actor,
            reason=reason.strip(),
            expected_version=expected_version,
            payload=payload,
            extra=extra,
        )


def run_named(
    case: Case,
    name: str,
    *,
    actor: User | None,
    reason: str = "",
    expected_version: int | None = None,
    payload: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
) -> Case:
    """Fire a transition by name from a dedicated service (including service-only ones)."""
    transition = machine.BY_NAME[name]
    return apply_transition(
        case,
        transition,
        actor=actor,
        reason=reason,
        expected_version=expected_version,
        payload=payload,
        extra=extra,
    )
