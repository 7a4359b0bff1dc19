"""Identity resolution and the facts the rules engine needs."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from netral.accounts.models import Role, User
from netral.cases.models import (
    CandidateStatus,
    Case,
    CaseElection,
    Stage,
    SubjectStatus,
)
from netral.cases.searchtext import search_text_refresh
from netral.cases.selectors import agencies_for_case, roster_for_case
from netral.cases.services.errors import Invalid, TransitionRefused
from netral.cases.services.events import case_touch, event_append, reload
from netral.cases.services.transitions import lock_visible, require_role, require_version
from netral.org.models import Agency, Employee
from netral.rules import default_catalogue

IDENTIFYING_STAGES = (Stage.RECEIVED, Stage.VERIFICATION)
FACT_STAGES = (
    Stage.RECEIVED,
    Stage.VERIFICATION,
    Stage.BAWASLU_REVIEW,
    Stage.AGENCY_EXAMINATION,
    Stage.RECOMMENDATION,
)
FACT_ROLES = (Role.VERIFIER, Role.BAWASLU_ANALYST, Role.CENTRAL_SUPERVISOR)


def _open_for(case: Case, stages: tuple[Stage, ...]) -> None:
    if case.stage not in stages:
        raise TransitionRefused(detail={"stage": case.stage})


def case_subject_link(
    *, case: Case, actor: User, employee: Employee, expected_version: int
) -> Case:
    """Link the reported person to the roster; the employer becomes the case's agency."""
    with transaction.atomic():
        locked = lock_visible(case.pk, actor)
        require_version(locked, expected_version)
        _open_for(locked, IDENTIFYING_STAGES)
        require_role(locked, actor, (Role.VERIFIER,))
        if not roster_for_case(case=locked).filter(pk=employee.pk).exists():
            raise Invalid(_("Pegawai ini di luar wilayah kasus."))
        case_touch(
            locked,
            employee=employee,
            agency_id=employee.agency_id,
            subject_not_found=False,
            subject_status=employee.status,
        )
        event_append(
            case=locked,
            action="subject_link",
            actor=actor,
            payload={"employee": employee.pk, "nip": employee.nip, "agency": employee.agency_id},
        )
        search_text_refresh(locked.pk)
        return reload(locked)


def case_subject_not_found(*, case: Case, actor: User, note: str, expected_version: int) -> Case:
    """Record that the person is not on the roster; the case goes on without a link."""
    with transaction.atomic():
        locked = lock_visible(case.pk, actor)
        require_version(locked, expected_version)
        _open_for(locked, IDENTIFYING_STAGES)
        require_role(locked, actor, (Role.VERIFIER,))
        case_touch(locked, employee=None, subject_not_found=True)
        event_append(case=locked, action="subject_not_found", actor=actor, reason=note.strip())
        search_text_refresh(locked.pk)
        return reload(locked)


def _clean_facts(values: dict[str, Any]) -> dict[str, Any]:
    vocabulary = default_catalogue().vocabulary
    checks = {
        "election": ["", *CaseElection.values],
        "subject_status": ["", *SubjectStatus.values],
        "candidate_status": ["", *CandidateStatus.values],
    }
    for name, allowed in checks.items():
        if name in values and values[name] not in allowed:
            raise Invalid(detail={name: values[name]})
    codes = values.get("confirmed_codes")
    if codes is not None:
        unknown = [c for c in codes if c not in vocabulary.conduct]
        if unknown:
            raise Invalid(_("Kode perbuatan tidak dikenal."), detail={"unknown": unknown})
        values["confirmed_codes"] = list(dict.fromkeys(codes))
    return values


def case_facts_update(
    *,
    case: Case,
    actor: User,
    expected_version: int,
    confirmed_codes: list[str] | None = None,
    incident_date: datetime.date | None = None,
    election: str | None = None,
    subject_status: str | None = None,
    candidate_status: str | None = None,
    on_leave: bool | None = None,
    passive_attendance: bool | None = None,
    agency: Agency | None = None,
) -> Case:
    """Confirm the facts of a case; arguments left None are unchanged."""
    given = {
        "confirmed_codes": confirmed_codes,
        "incident_date": incident_date,
        "election": election,
        "subject_status": subject_status,
        "candidate_status": candidate_status,
        "on_leave": on_leave,
        "passive_attendance": passive_attendance,
    }
    values = _clean_facts({k: v for k, v in given.items() if v is not None})
    with transaction.atomic():
        locked = lock_visible(case.pk, actor)
        require_version(locked, expected_version)
        _open_for(locked, FACT_STAGES)
        require_role(locked, actor, FACT_ROLES)
        if agency is not None:
            if locked.employee_id is not None and agency.pk != locked.agency_id:
                raise Invalid(_("Instansi mengikuti data pegawai terlapor yang ditautkan."))
            if not agencies_for_case(case=locked).filter(pk=agency.pk).exists():
                raise Invalid(_("Instansi ini di luar wilayah kasus."))
            values["agency_id"] = agency.pk
        changed = {k: v for k, v in values.items() if getattr(locked, k) != v}
        if changed:
            case_touch(locked, **changed)
            event_append(case=locked, action="facts_update", actor=actor, payload=changed)
            search_text_refresh(locked.pk)
        return reload(locked)
