"""Staff case API under /api/v1/cases (token authentication). One operation per view;
every object lookup goes through the scoped selectors, so out-of-scope cases are 404."""

from __future__ import annotations

import dataclasses
import datetime
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from ninja import Path, Query, Router, Schema
from pydantic import Field

from netral.accounts.models import Role, User
from netral.api.errors import ErrorOut
from netral.api.inputs import MAX_BIGINT, Id, Line, Offset, Paragraph, Version, Word
from netral.cases import search, selectors, services
from netral.cases.audit import verify_chains
from netral.cases.auth import StaffToken
from netral.cases.models import Case, CaseEvent
from netral.cases.queue import queue_filters
from netral.cases.scoping import role_scopes
from netral.cases.services.errors import Forbidden, Invalid, NotFound
from netral.org.models import Employee

router = Router(tags=["cases"], auth=StaffToken())

MAX_LIMIT = 100
CaseId = Annotated[int, Path(ge=1, le=MAX_BIGINT)]


def _actor(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # noqa: S101  (StaffToken guarantees it; narrows the type)
    return user


class CaseOut(Schema):
    id: int
    reference: str
    stage: str
    stage_label: str
    region: str | None
    region_name: str | None
    agency_id: int | None
    agency_name: str | None
    election: str
    employee_id: int | None
    subject_name: str
    subject_status: str
    subject_not_found: bool
    confirmed_codes: list[str]
    incident_date: datetime.date | None
    due_date: datetime.date | None
    overdue: bool
    escalation_level: int
    assigned_to: int | None
    version: int
    created_at: datetime.datetime

    @staticmethod
    def of(case: Case) -> dict[str, Any]:
        return {
            "id": case.pk,
            "reference": case.reference,
            "stage": case.stage,
            "stage_label": str(case.get_stage_display()),
            "region": case.region.code if case.region else None,
            "region_name": case.region.name if case.region else None,
            "agency_id": case.agency_id,
            "agency_name": case.agency.name if case.agency else None,
            "election": case.election,
            "employee_id": case.employee_id,
            "subject_name": case.employee.name if case.employee else case.subject_name,
            "subject_status": case.subject_status,
            "subject_not_found": case.subject_not_found,
            "confirmed_codes": list(case.confirmed_codes),
            "incident_date": case.incident_date,
            "due_date": case.due_date,
            "overdue": case.overdue,
            "escalation_level": case.escalation_level,
            "assigned_to": case.assigned_to_id,
            "version": case.version,
            "created_at": case.created_at,
        }


class QueueItemOut(CaseOut):
    report_count: int
    suggested_codes: list[str]


class CasePageOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[QueueItemOut]


class EventOut(Schema):
    seq: int
    action: str
    from_stage: str
    to_stage: str
    actor: int | None
    reason: str
    payload: dict[str, Any]
    public: bool
    created_at: datetime.datetime
    digest: str


class TransitionOptionOut(Schema):
    name: str
    label: str
    target: str
    failing: list[dict[str, str]]
    reason_required: bool
    service_only: bool


class CaseDetailOut(CaseOut):
    deadline_rule: dict[str, Any]
    reports: list[str]
    events: list[EventOut]
    transitions: list[TransitionOptionOut]
    recommendation: dict[str, Any] | None
    sanction: dict[str, Any] | None


class QueueQuery(Schema):
    region: Word | None = None
    agency: Id | None = None
    code: Word | None = None
    stage: Word | None = None
    due_before: datetime.date | None = None
    due_after: datetime.date | None = None
    election: Word | None = None
    overdue: bool | None = None
    assigned: Annotated[str, Field(pattern=r"^(|me|none|[1-9][0-9]{0,17})$")] = ""
    escalation: Word | None = None
    q: Line = ""
    open_only: bool = True
    ordering: Word = "due_date"
    limit: Annotated[int, Field(ge=1, le=MAX_LIMIT)] = 50
    offset: Offset = 0


def _suggested(case: Case) -> list[str]:
    codes: list[str] = []
    for link in case.links.all():
        codes += [c for c in link.report.suggested_codes or [] if c not in codes]
    return codes


@router.get(
    "/",
    response=CasePageOut,
    summary="Antrean kasus",
    description="400 `invalid` bila nilai saringan tidak dikenal (mis. kode wilayah yang tidak "
    "ada); `detail.errors` menyebut tiap nilai. `q` mencari di isi laporan, nomor kasus "
    "(NTR-2026-000042), nama, NIP, instansi dan tempat.",
)
def case_list(request: HttpRequest, query: Query[QueueQuery]) -> dict[str, Any]:
    params = query.dict()
    limit, offset = params.pop("limit"), params.pop("offset")
    # The page's parser: an unknown value (region=99.99, stage=DONE) is refused, not ignored.
    parsed = queue_filters(request.GET, actor=_actor(request))
    if parsed.filters is None:
        raise Invalid(_("Saringan tidak dikenal."), detail={"errors": parsed.errors})
    found = selectors.case_queue_page(
        actor=_actor(request),
        filters=dataclasses.replace(parsed.filters, open_only=params["open_only"]),
        offset=offset,
        limit=limit,
    )
    items = [
        {
            **CaseOut.of(c),
            "report_count": getattr(c, "report_count", 0),
            "suggested_codes": _suggested(c),
        }
        for c in found.cases
    ]
    return {"count": found.count, "limit": limit, "offset": offset, "items": items}


def _event(e: CaseEvent) -> dict[str, Any]:
    return {
        "seq": e.seq,
        "action": e.action,
        "from_stage": e.from_stage,
        "to_stage": e.to_stage,
        "actor": e.actor_id,
        "reason": e.reason,
        "payload": e.payload,
        "public": e.public,
        "created_at": e.created_at,
        "digest": e.digest,
    }


def _detail(case: Case, actor: User) -> dict[str, Any]:
    rec = getattr(case, "recommendation", None)
    sanction = getattr(case, "sanction", None)
    return {
        **CaseOut.of(case),
        "deadline_rule": case.deadline_rule,
        "reports": [link.report.receipt for link in case.links.select_related("report")],
        "events": [_event(e) for e in selectors.case_events(case=case)],
        "transitions": [
            t.__dict__ for t in selectors.available_transitions(case=case, actor=actor)
        ],
        "recommendation": None
        if rec is None
        else {
            "body": rec.body,
            "track": rec.chosen_track,
            "level": rec.chosen_level,
            "sanction": rec.chosen_sanction,
            "ppk_due_date": rec.ppk_due_date,
            "letter_sha256": rec.letter_sha256,
            "catalogue_version": rec.catalogue_version,
        },
        "sanction": None
        if sanction is None
        else {
            "sk_number": sanction.sk_number,
            "sk_date": sanction.sk_date,
            "sanction": sanction.sanction,
            "level": sanction.level,
            "compliance": sanction.compliance,
            "effective_date": sanction.effective_date,
            "on_time": sanction.on_time,
        },
    }


@router.get("/{int:case_id}", response=CaseDetailOut, summary="Rincian kasus")
def case_detail(request: HttpRequest, case_id: CaseId) -> dict[str, Any]:
    actor = _actor(request)
    return _detail(selectors.case_for_actor(actor=actor, pk=case_id), actor)


class TransitionIn(Schema):
    action: Word
    reason: Paragraph = ""
    expected_version: Version
    payload: dict[Word, Any] | None = None


@router.post(
    "/{int:case_id}/transitions",
    response={200: CaseOut, 409: ErrorOut},
    summary="Jalankan transisi tahap",
    description="409 `conflict` bila `expected_version` sudah usang; 409 `transition_refused` "
    "bila tidak berlaku pada tahap ini; 422 `conditions_failed` dengan alasan tiap syarat.",
)
def case_transition(request: HttpRequest, case_id: CaseId, body: TransitionIn) -> dict[str, Any]:
    actor = _actor(request)
    case = selectors.case_for_actor(actor=actor, pk=case_id)
    moved = services.case_transition(
        case=case,
        action=body.action,
        actor=actor,
        reason=body.reason,
        expected_version=body.expected_version,
        payload=body.payload,
    )
    return CaseOut.of(selectors.case_for_actor(actor=actor, pk=moved.pk))


class SubjectIn(Schema):
    expected_version: Version
    employee_id: Id | None = None
    not_found_note: Paragraph = ""


@router.post(
    "/{int:case_id}/subject", response={200: CaseOut, 409: ErrorOut}, summary="Cocokkan terlapor"
)
def case_subject(request: HttpRequest, case_id: CaseId, body: SubjectIn) -> dict[str, Any]:
    actor = _actor(request)
    case = selectors.case_for_actor(actor=actor, pk=case_id)
    if body.employee_id is None:
        services.case_subject_not_found(
            case=case, actor=actor, note=body.not_found_note, expected_version=body.expected_version
        )
    else:
        employee = Employee.objects.filter(pk=body.employee_id).first()
        if employee is None:
            raise NotFound()
        services.case_subject_link(
            case=case, actor=actor, employee=employee, expected_version=body.expected_version
        )
    return CaseOut.of(selectors.case_for_actor(actor=actor, pk=case_id))


class CandidateOut(Schema):
    employee_id: int
    nip: str
    name: str
    position: str
    agency: str
    score: float
    reasons: list[str]


@router.get(
    "/{int:case_id}/subject-candidates",
    response=list[CandidateOut],
    summary="Cari terlapor di data pegawai",
)
def case_subject_candidates(
    request: HttpRequest, case_id: CaseId, name: Line = "", position: Line = "", agency: Line = ""
) -> list[dict[str, Any]]:
    actor = _actor(request)
    case = selectors.case_for_actor(actor=actor, pk=case_id)
    said = search.query_for_case(case)  # what the reports said fills what is not given
    query = search.Query(
        name or said.name, position or said.position, agency or said.agency, said.region
    )
    return [
        {
            "employee_id": m.employee.pk,
            "nip": m.employee.nip,
            "name": m.employee.name,
            "position": m.employee.position,
            "agency": m.employee.agency.name,
            "score": m.score,
            "reasons": m.reasons,
        }
        for m in search.employee_search(case=case, actor=actor, query=query)
    ]


class FactsIn(Schema):
    expected_version: Version
    confirmed_codes: list[Word] | None = Field(None, max_length=50)
    incident_date: datetime.date | None = None
    election: Word | None = None
    subject_status: Word | None = None
    candidate_status: Word | None = None
    on_leave: bool | None = None
    passive_attendance: bool | None = None


@router.post(
    "/{int:case_id}/facts", response={200: CaseOut, 409: ErrorOut}, summary="Konfirmasi fakta kasus"
)
def case_facts(request: HttpRequest, case_id: CaseId, body: FactsIn) -> dict[str, Any]:
    actor = _actor(request)
    case = selectors.case_for_actor(actor=actor, pk=case_id)
    services.case_facts_update(case=case, actor=actor, **body.dict())
    return CaseOut.of(selectors.case_for_actor(actor=actor, pk=case_id))


class MergeIn(Schema):
    absorbed_id: Id
    reason: Paragraph
    expected_version: Version
    absorbed_expected_version: Version


@router.post(
    "/{int:case_id}/merge",
    response={200: CaseOut, 409: ErrorOut},
    summary="Gabungkan kasus lain ke kasus ini",
)
def case_merge(request: HttpRequest, case_id: CaseId, body: MergeIn) -> dict[str, Any]:
    actor = _actor(request)
    target = selectors.case_for_actor(actor=actor, pk=case_id)
    absorbed = selectors.case_for_actor(actor=actor, pk=body.absorbed_id)
    services.case_merge(
        target=target,
        absorbed=absorbed,
        actor=actor,
        reason=body.reason,
        expected_versions=(body.expected_version, body.absorbed_expected_version),
    )
    return CaseOut.of(selectors.case_for_actor(actor=actor, pk=case_id))


@router.get("/{int:case_id}/recommendation/prefill", summary="Usulan rekomendasi dari mesin aturan")
def recommendation_prefill(request: HttpRequest, case_id: CaseId) -> dict[str, Any]:
    case = selectors.case_for_actor(actor=_actor(request), pk=case_id)
    return services.recommendation_prefill(case=case).to_dict()


class SignIn(Schema):
    chosen_track: Word
    chosen_sanction: Word
    note: Paragraph = ""
    expected_version: Version


@router.post(
    "/{int:case_id}/recommendation",
    response={200: dict[str, Any], 409: ErrorOut},
    summary="Tandatangani rekomendasi (PDF dibuat)",
)
def recommendation_sign(request: HttpRequest, case_id: CaseId, body: SignIn) -> dict[str, Any]:
    actor = _actor(request)
    case = selectors.case_for_actor(actor=actor, pk=case_id)
    rec = services.recommendation_sign(case=case, actor=actor, **body.dict())
    return {
        "case": case_id,
        "ppk_due_date": rec.ppk_due_date,
        "letter_sha256": rec.letter_sha256,
        "letter_url": f"/api/v1/cases/{case_id}/recommendation/letter",
    }


@router.get("/{int:case_id}/recommendation/letter", summary="Surat rekomendasi (PDF)")
def recommendation_letter(request: HttpRequest, case_id: CaseId) -> HttpResponse:
    case = selectors.case_for_actor(actor=_actor(request), pk=case_id)
    rec = getattr(case, "recommendation", None)
    if rec is None or not rec.letter:
        raise NotFound()
    with rec.letter.open("rb") as handle:
        content = handle.read()
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{case.reference}.pdf"'
    return response


class SanctionIn(Schema):
    sk_number: Line
    sk_date: datetime.date
    sanction: Word
    effective_date: datetime.date
    expected_version: Version


@router.post(
    "/{int:case_id}/sanction",
    response={200: CaseOut, 409: ErrorOut},
    summary="Catat keputusan sanksi (SK)",
)
def sanction_record(request: HttpRequest, case_id: CaseId, body: SanctionIn) -> dict[str, Any]:
    actor = _actor(request)
    case = selectors.case_for_actor(actor=actor, pk=case_id)
    services.sanction_record(case=case, actor=actor, **body.dict())
    return CaseOut.of(selectors.case_for_actor(actor=actor, pk=case_id))


class NoteIn(Schema):
    note: Paragraph = ""


@router.post(
    "/{int:case_id}/ppk-warning",
    response={200: dict[str, Any], 409: ErrorOut},
    summary="Terbitkan teguran kepada PPK",
)
def ppk_warning(request: HttpRequest, case_id: CaseId, body: NoteIn) -> dict[str, Any]:
    actor = _actor(request)
    case = selectors.case_for_actor(actor=actor, pk=case_id)
    action = services.ppk_warning_issue(case=case, actor=actor, note=body.note)
    return {"case": case_id, "kind": action.kind, "issued_at": action.issued_at}


@router.post(
    "/{int:case_id}/data-blocking",
    response={200: dict[str, Any], 409: ErrorOut},
    summary="Minta pemblokiran data kepegawaian",
)
def data_blocking(request: HttpRequest, case_id: CaseId, body: NoteIn) -> dict[str, Any]:
    actor = _actor(request)
    case = selectors.case_for_actor(actor=actor, pk=case_id)
    action = services.data_blocking_request(case=case, actor=actor, note=body.note)
    return {"case": case_id, "kind": action.kind, "issued_at": action.issued_at}


@router.get("/compliance", summary="Kepatuhan PPK per instansi")
def compliance(request: HttpRequest) -> list[dict[str, Any]]:
    return [row.to_dict() for row in selectors.ppk_compliance(actor=_actor(request))]


@router.get("/audit", summary="Ringkasan pemeriksaan rantai log audit")
def audit_summary(request: HttpRequest) -> dict[str, Any]:
    supervisor = role_scopes(_actor(request)).get(Role.CENTRAL_SUPERVISOR)
    if supervisor is None or not supervisor.national:
        raise Forbidden()
    result = verify_chains()
    return {
        **result.summary(),
        "intact": result.intact,
        "first_breaks": [b.to_dict() for b in result.breaks[:20]],
    }
