"""PPK follow-up: the sanction decree, and the supervisor's levers when the PPK is late."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from netral.accounts.models import Role, User
from netral.accounts.scope import agency_filter
from netral.audit import AuditAction, Chain, record
from netral.cases import follow_up_rules, sanctions
from netral.cases.deadlines import is_overdue, local_today
from netral.cases.models import (
    Case,
    Compliance,
    EscalationKind,
    FollowUpAction,
    FollowUpKind,
    PpkConflict,
    SanctionDecision,
    Stage,
)
from netral.cases.scoping import role_scopes
from netral.cases.services.errors import ConditionsFailed, Forbidden, Invalid, TransitionRefused
from netral.cases.services.escalation import case_escalate
from netral.cases.services.events import case_touch, event_append, reload
from netral.cases.services.transitions import lock_visible, require_role, require_version, run_named
from netral.org.models import Agency


def _check_dates(sk_date: datetime.date, effective_date: datetime.date) -> None:
    if sk_date > local_today():
        raise Invalid(_("Tanggal SK tidak boleh di masa depan."))
    if effective_date < sk_date:
        raise Invalid(_("Tanggal berlaku tidak boleh sebelum tanggal SK."))


def sanction_record(
    *,
    case: Case,
    actor: User,
    sk_number: str,
    sk_date: datetime.date,
    sanction: str,
    effective_date: datetime.date,
    expected_version: int,
) -> SanctionDecision:
    """Record the PPK's decree and compare it with the recommendation.

    `sanction` is one the catalogue offers for the recommended track (any of its levels),
    or "" when the PPK imposed none. The case is executed; it closes once the SK takes
    effect only when the sanction is the recommended one. Otherwise it is raised to the
    central supervisor as non-compliant, and stays open for the follow-up the law gives.
    """
    _check_dates(sk_date, effective_date)
    if not sk_number.strip():
        raise Invalid(_("Nomor SK wajib diisi."))
    with transaction.atomic():
        locked = lock_visible(case.pk, actor)
        require_version(locked, expected_version)
        if locked.stage != Stage.PPK_FOLLOW_UP:
            raise TransitionRefused(detail={"stage": locked.stage})
        require_role(locked, actor, (Role.PPK_STAFF,))
        recommendation = locked.recommendation
        choices = sanctions.ladder_for(recommendation)
        level = sanctions.level_of(choices, sanction)
        if sanction != sanctions.NONE and level is None:
            raise Invalid(
                _("Sanksi ini tidak termasuk sanksi yang dapat dijatuhkan untuk jalur ini."),
                detail={"sanction": sanction, "track": recommendation.chosen_track},
            )
        compliance = sanctions.compare(choices, recommendation.chosen_sanction, sanction)
        due = recommendation.ppk_due_date or locked.due_date
        decision = SanctionDecision.objects.create(
            case=locked,
            recommendation=recommendation,
            sk_number=sk_number.strip(),
            sk_date=sk_date,
            sanction=sanction,
            level=level or "",
            compliance=compliance,
            effective_date=effective_date,
            recorded_by=actor,
            on_time=not is_overdue(due, local_today()),
        )
        payload = {
            "sk_number": decision.sk_number,
            "sanction": sanction,
            "level": decision.level,
            "recommended": recommendation.chosen_sanction,
            "compliance": compliance,
            "on_time": decision.on_time,
        }
        executed = run_named(locked, "record_sanction", actor=actor, payload=payload)
        if compliance != Compliance.COMPLIANT:
            case_escalate(executed, EscalationKind.NON_COMPLIANT, str(compliance.label))
        elif effective_date <= local_today():
            run_named(executed, "close", actor=actor, reason=str(_("Sanksi telah berlaku.")))
        return decision


def lever_trigger(case: Case) -> str | None:
    """Why the supervisor may act on the PPK: "OVERDUE", "NON_COMPLIANT", or None."""
    if case.stage == Stage.PPK_FOLLOW_UP and is_overdue(case.due_date, local_today()):
        return "OVERDUE"
    decision = getattr(case, "sanction", None)
    if decision is not None and not decision.complies and case.is_open:
        return "NON_COMPLIANT"
    return None


def _refuse(condition: str, message: str) -> ConditionsFailed:
    return ConditionsFailed(detail=[{"condition": condition, "message": message}])


def _lever(case: Case, actor: User, kind: FollowUpKind, note: str) -> FollowUpAction:
    with transaction.atomic():
        locked = lock_visible(case.pk, actor)
        require_role(locked, actor, (Role.CENTRAL_SUPERVISOR,))
        if locked.stage not in (Stage.PPK_FOLLOW_UP, Stage.SANCTION_EXECUTED):
            raise TransitionRefused(detail={"stage": locked.stage})
        if lever_trigger(locked) is None:
            raise _refuse(
                "ppk_deadline",
                str(
                    _(
                        "Batas waktu PPK belum lewat dan tidak ada keputusan sanksi yang "
                        "menyimpang dari rekomendasi."
                    )
                ),
            )
        step = follow_up_rules.step_for(kind)
        if step is None or not step.in_force(local_today()):
            raise _refuse("lever", str(_("Tindakan ini tidak memiliki dasar hukum saat ini.")))
        if step.after and not locked.follow_ups.filter(kind=step.after).exists():
            raise _refuse("after", str(_("Langkah sebelumnya belum diterbitkan.")))
        try:
            with transaction.atomic():
                action = FollowUpAction.objects.create(
                    case=locked, kind=kind, note=note.strip(), issued_by=actor
                )
        except IntegrityError:
            raise Invalid(_("Tindakan ini sudah pernah diterbitkan untuk kasus ini.")) from None
        case_touch(locked)
        event_append(
            case=locked,
            action=kind.lower(),
            actor=actor,
            reason=note.strip(),
            payload={"trigger": lever_trigger(locked), "basis": list(step.basis)},
        )
        return action


def ppk_warning_issue(*, case: Case, actor: User, note: str) -> FollowUpAction:
    return _lever(case, actor, FollowUpKind.PPK_WARNING, note)


def data_blocking_request(*, case: Case, actor: User, note: str) -> FollowUpAction:
    return _lever(case, actor, FollowUpKind.DATA_BLOCKING, note)


def ppk_conflict_declare(*, agency: Agency, actor: User, reason: str) -> PpkConflict:
    """Mark an agency's PPK as conflicted; the sweep routes its cases to the supervisor."""
    scope = role_scopes(actor).get(Role.CENTRAL_SUPERVISOR)
    if scope is None or not Agency.objects.filter(agency_filter(scope), pk=agency.pk).exists():
        raise Forbidden()
    if not reason.strip():
        raise Invalid(_("Alasan wajib diisi."))
    with transaction.atomic():
        conflict = PpkConflict.objects.create(
            agency=agency, reason=reason.strip(), declared_by=actor
        )
        record(
            Chain.PPK_CONFLICTS,
            AuditAction.PPK_CONFLICT_DECLARE,
            actor,
            f"agency:{agency.pk}",
            {"conflict": conflict.pk, "reason": conflict.reason},
        )
    return conflict


def case_ppk_conflict_flag(
    *, case: Case, actor: User, conflicted: bool, reason: str, expected_version: int
) -> Case:
    """Flag (or clear) a conflicted PPK on one case; the sweep escalates flagged cases."""
    if not reason.strip():
        raise Invalid(_("Alasan wajib diisi."))
    with transaction.atomic():
        locked = lock_visible(case.pk, actor)
        require_version(locked, expected_version)
        require_role(locked, actor, (Role.CENTRAL_SUPERVISOR,))
        if not locked.is_open:
            raise TransitionRefused(detail={"stage": locked.stage})
        case_touch(locked, ppk_conflicted=conflicted)
        event_append(
            case=locked,
            action="ppk_conflict_flag",
            actor=actor,
            reason=reason.strip(),
            payload={"conflicted": conflicted},
        )
        return reload(locked)
