"""The case workflow as a declared state machine: transitions are data, deny by default.

Each transition names the stages it leaves from, the stage it goes to, the roles that may
fire it (within their scope, checked by the service), the conditions that must hold (each
with the Indonesian reason shown when it fails), and whether the reporter sees the change
on the public status page. `service_only` transitions are fired by a dedicated service
(signing a recommendation, recording a sanction, merging) and refused through the generic
`case_transition` endpoint, because they need data the generic call does not carry.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from netral.accounts.models import Role
from netral.cases.models import Case, ReferralTarget, Stage, SubjectStatus

OPEN_WORK = (Stage.RECEIVED, Stage.VERIFICATION)
UNDER_STUDY = (Stage.VERIFICATION, Stage.BAWASLU_REVIEW, Stage.AGENCY_EXAMINATION)
VILLAGE = frozenset({SubjectStatus.KEPALA_DESA, SubjectStatus.PERANGKAT_DESA})

Check = Callable[[Case, Mapping[str, Any]], bool]


@dataclass(frozen=True)
class Condition:
    name: str
    check: Check
    reason: str | Promise  # why the transition is refused when the check fails


@dataclass(frozen=True)
class Transition:
    name: str
    sources: tuple[Stage, ...]
    target: Stage
    roles: tuple[Role, ...]
    label: str | Promise
    conditions: tuple[Condition, ...] = ()
    public: bool = True
    service_only: bool = False
    reason_required: bool = False
    payload_keys: tuple[str, ...] = field(default_factory=tuple)
    # False for side exits (referral, merging): a stage whose only actors could take
    # those would still be a dead end (see netral.cases.actors).
    owner: bool = True


def _has_reason(case: Case, payload: Mapping[str, Any]) -> bool:
    return bool(str(payload.get("reason", "")).strip())


def _subject_settled(case: Case, payload: Mapping[str, Any]) -> bool:
    return case.employee_id is not None or case.subject_not_found


def _has_codes(case: Case, payload: Mapping[str, Any]) -> bool:
    return bool(case.confirmed_codes)


def _has_incident_date(case: Case, payload: Mapping[str, Any]) -> bool:
    return case.incident_date is not None


def _has_subject_status(case: Case, payload: Mapping[str, Any]) -> bool:
    return bool(case.subject_status)


def _is_election_case(case: Case, payload: Mapping[str, Any]) -> bool:
    return bool(case.election)


def _agency_known(case: Case, payload: Mapping[str, Any]) -> bool:
    return case.agency_id is not None


def _has_recommendation(case: Case, payload: Mapping[str, Any]) -> bool:
    return hasattr(case, "recommendation")


def _has_sanction(case: Case, payload: Mapping[str, Any]) -> bool:
    return hasattr(case, "sanction")


def _follow_up_settled(case: Case, payload: Mapping[str, Any]) -> bool:
    """A sanction that differs from the recommendation needs the supervisor's follow-up."""
    decision = getattr(case, "sanction", None)
    if decision is None or decision.complies:
        return True
    return case.follow_ups.exists()


def _known_referral_target(case: Case, payload: Mapping[str, Any]) -> bool:
    return payload.get("target") in ReferralTarget.values


def _referral_fits_subject(case: Case, payload: Mapping[str, Any]) -> bool:
    target = payload.get("target")
    if target == ReferralTarget.REGENT_MAYOR:
        return case.subject_status in VILLAGE
    if target == ReferralTarget.GAKKUMDU:
        return bool(case.election)
    if target == ReferralTarget.INSTITUTION:
        return case.subject_status in {SubjectStatus.TNI, SubjectStatus.POLRI}
    return False


def _has_merge_target(case: Case, payload: Mapping[str, Any]) -> bool:
    return payload.get("into") is not None


REASON = Condition("reason", _has_reason, _("Alasan wajib diisi."))
SUBJECT = Condition(
    "subject",
    _subject_settled,
    _("Terlapor belum dicocokkan dengan data pegawai (atau dicatat tidak ditemukan)."),
)
CODES = Condition("codes", _has_codes, _("Belum ada kode perbuatan yang dikonfirmasi."))
INCIDENT = Condition("incident_date", _has_incident_date, _("Tanggal kejadian belum diisi."))
STATUS = Condition(
    "subject_status", _has_subject_status, _("Status kepegawaian terlapor belum diisi.")
)
ELECTION = Condition(
    "election", _is_election_case, _("Hanya kasus terkait pemilu atau pilkada yang dikaji Bawaslu.")
)
AGENCY = Condition("agency", _agency_known, _("Instansi terlapor belum diketahui."))
RECOMMENDATION = Condition(
    "recommendation", _has_recommendation, _("Rekomendasi belum ditandatangani.")
)
SANCTION = Condition("sanction", _has_sanction, _("Keputusan sanksi (SK) belum dicatat."))
FOLLOWED_UP = Condition(
    "follow_up",
    _follow_up_settled,
    _(
        "Sanksi yang dijatuhkan tidak sesuai rekomendasi: pengawas pusat menerbitkan "
        "teguran kepada PPK sebelum kasus ditutup."
    ),
)
REFERRAL_TARGET = Condition("target", _known_referral_target, _("Tujuan pelimpahan tidak dikenal."))
REFERRAL_FITS = Condition(
    "target_fits",
    _referral_fits_subject,
    _(
        "Tujuan pelimpahan tidak sesuai: Gakkumdu hanya untuk kasus pemilihan, bupati/wali kota "
        "hanya untuk kepala desa dan perangkat desa, institusi asal hanya untuk TNI/Polri."
    ),
)
MERGE_TARGET = Condition("into", _has_merge_target, _("Kasus tujuan penggabungan belum dipilih."))

READY_FOR_STUDY = (SUBJECT, CODES, INCIDENT, STATUS)
SUPERVISORS = (Role.CENTRAL_SUPERVISOR,)

TRANSITIONS: tuple[Transition, ...] = (
    Transition(
        "start_verification",
        (Stage.RECEIVED,),
        Stage.VERIFICATION,
        (Role.VERIFIER,),
        _("Mulai verifikasi"),
    ),
    Transition(
        "mark_not_actionable",
        OPEN_WORK,
        Stage.NOT_ACTIONABLE,
        (Role.VERIFIER,),
        _("Tidak dapat ditindaklanjuti"),
        conditions=(REASON,),
        reason_required=True,
    ),
    Transition(
        "send_to_bawaslu",
        (Stage.VERIFICATION,),
        Stage.BAWASLU_REVIEW,
        (Role.VERIFIER,),
        _("Teruskan ke Bawaslu"),
        conditions=(*READY_FOR_STUDY, ELECTION),
    ),
    Transition(
        "send_to_agency",
        (Stage.VERIFICATION,),
        Stage.AGENCY_EXAMINATION,
        (Role.VERIFIER,),
        _("Teruskan ke pemeriksaan instansi"),
        conditions=(*READY_FOR_STUDY, AGENCY),
    ),
    Transition(
        "bawaslu_violation_found",
        (Stage.BAWASLU_REVIEW,),
        Stage.RECOMMENDATION,
        (Role.BAWASLU_ANALYST,),
        _("Terbukti melanggar: ajukan rekomendasi"),
        conditions=(CODES,),
        reason_required=True,
    ),
    Transition(
        "bawaslu_not_proven",
        (Stage.BAWASLU_REVIEW,),
        Stage.NOT_PROVEN,
        (Role.BAWASLU_ANALYST,),
        _("Tidak terbukti"),
        conditions=(REASON,),
        reason_required=True,
    ),
    Transition(
        "agency_violation_found",
        (Stage.AGENCY_EXAMINATION,),
        Stage.RECOMMENDATION,
        (Role.VERIFIER,),
        _("Terbukti melanggar: ajukan rekomendasi"),
        conditions=(CODES,),
        reason_required=True,
    ),
    Transition(
        "agency_not_proven",
        (Stage.AGENCY_EXAMINATION,),
        Stage.NOT_PROVEN,
        (Role.VERIFIER,),
        _("Tidak terbukti"),
        conditions=(REASON,),
        reason_required=True,
    ),
    Transition(
        "refer",
        UNDER_STUDY,
        Stage.REFERRED,
        (Role.VERIFIER, Role.BAWASLU_ANALYST),
        _("Limpahkan"),
        conditions=(REASON, REFERRAL_TARGET, REFERRAL_FITS),
        reason_required=True,
        payload_keys=("target",),
        owner=False,
    ),
    Transition(
        "recommend",
        (Stage.RECOMMENDATION,),
        Stage.PPK_FOLLOW_UP,
        SUPERVISORS,
        _("Tandatangani rekomendasi"),
        conditions=(RECOMMENDATION, AGENCY),
        service_only=True,
    ),
    Transition(
        "record_sanction",
        (Stage.PPK_FOLLOW_UP,),
        Stage.SANCTION_EXECUTED,
        (Role.PPK_STAFF,),
        _("Catat keputusan sanksi"),
        conditions=(SANCTION,),
        service_only=True,
    ),
    Transition(
        "close",
        (Stage.SANCTION_EXECUTED,),
        Stage.CLOSED,
        (Role.PPK_STAFF, Role.CENTRAL_SUPERVISOR),
        _("Tutup kasus"),
        conditions=(SANCTION, FOLLOWED_UP),
    ),
    Transition(
        "merge",
        OPEN_WORK,
        Stage.MERGED,
        (Role.VERIFIER,),
        _("Gabungkan ke kasus lain"),
        conditions=(MERGE_TARGET,),
        service_only=True,
        payload_keys=("into",),
        owner=False,
    ),
)

BY_NAME: dict[str, Transition] = {t.name: t for t in TRANSITIONS}


def transition_named(name: str) -> Transition | None:
    return BY_NAME.get(name)


def transitions_from(stage: str) -> tuple[Transition, ...]:
    return tuple(t for t in TRANSITIONS if stage in t.sources)


def failed_conditions(
    transition: Transition, case: Case, payload: Mapping[str, Any]
) -> list[dict[str, str]]:
    """Every condition that does not hold, with its reason (empty list: all hold)."""
    return [
        {"condition": c.name, "message": str(c.reason)}
        for c in transition.conditions
        if not c.check(case, payload)
    ]
