"""PPK follow-up: the sanction decree, and the supervisor's levers when the PPK is late."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from netral import rules
from netral.accounts.models import Role, User
from netral.accounts.scope import agency_filter
from netral.cases.deadlines import is_overdue, local_today
from netral.cases.models import (
    Case,
    FollowUpAction,
    FollowUpKind,
    PpkConflict,
    SanctionDecision,
    Stage,
)
from netral.cases.scoping import role_scopes
from netral.cases.services.errors import ConditionsFailed, Forbidden, Invalid, TransitionRefused
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
    """Record the PPK's decree; the case is executed, and closed once the SK takes effect."""
    _check_dates(sk_date, effective_date)
    if sanction not in rules.default_catalogue().sanction_labels:
        raise Invalid(_("Sanksi tidak dikenal."), detail={"sanction": sanction})
    if not sk_number.strip():
        raise Invalid(_("Nomor SK wajib diisi."))
    with transaction.atomic():
        locked = lock_visible(case.pk, actor)
        require_version(locked, expected_version)
        if locked.stage != Stage.PPK_FOLLOW_UP:
            raise TransitionRefused(detail={"stage": locked.stage})
        require_role(locked, actor, (Role.PPK_STAFF,))
        due = locked.recommendation.ppk_due_date or locked.due_date
        decision = SanctionDecision.objects.create(
            case=locked,
            recommendation=locked.recommendation,
            sk_number=sk_number.strip(),
            sk_date=sk_date,
            sanction=sanction,
            effective_date=effective_date,
            recorded_by=actor,
            on_time=not is_overdue(due, local_today()),
        )
        payload = {
            "sk_number": decision.sk_number,
            "sanction": sanction,
            "on_time": decision.on_time,
        }
        executed = run_named(locked, "record_sanction", actor=actor, payload=payload)
        if effective_date <= local_today():
            run_named(executed, "close", actor=actor, reason=str(_("Sanksi telah berlaku.")))
        return decision


def _lever(case: Case, actor: User, kind: FollowUpKind, note: str) -> FollowUpAction:
    with transaction.atomic():
        locked = lock_visible(case.pk, actor)
        require_role(locked, actor, (Role.CENTRAL_SUPERVISOR,))
        if locked.stage != Stage.PPK_FOLLOW_UP:
            raise TransitionRefused(detail={"stage": locked.stage})
        if not is_overdue(locked.due_date, local_today()):
            raise ConditionsFailed(
                detail=[
                    {"condition": "ppk_deadline", "message": str(_("Batas waktu PPK belum lewat."))}
                ]
            )
        if (
            kind == FollowUpKind.DATA_BLOCKING
            and not locked.follow_ups.filter(kind=FollowUpKind.PPK_WARNING).exists()
        ):
            raise ConditionsFailed(
                detail=[
                    {
                        "condition": "warning",
                        "message": str(_("Teguran kepada PPK belum diterbitkan.")),
                    }
                ]
            )
        try:
            with transaction.atomic():
                action = FollowUpAction.objects.create(
                    case=locked, kind=kind, note=note.strip(), issued_by=actor
                )
        except IntegrityError:
            raise Invalid(_("Tindakan ini sudah pernah diterbitkan untuk kasus ini.")) from None
        case_touch(locked)
        event_append(case=locked, action=kind.lower(), actor=actor, reason=note.strip())
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
    return PpkConflict.objects.create(agency=agency, reason=reason.strip(), declared_by=actor)


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
