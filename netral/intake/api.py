"""Public report API: POST /api/v1/reports, status and messages by receipt and secret.

Views only translate HTTP to services and back; validation is `forms.ReportForm`, the same
as the web form's, and files go through `evidence.ingest_uploads`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from datetime import datetime as DateTime  # noqa: N812
from typing import Annotated, Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import File, Form, Path, Router, Schema, Status
from ninja.decorators import decorate_view
from ninja.files import UploadedFile
from ninja.params.functions import Header as HeaderParam
from pydantic import Field

from netral.api.errors import ErrorOut
from netral.api.inputs import NO_NUL, PLAIN, Word
from netral.errors import Invalid, NotFound, RateLimited
from netral.intake import throttle
from netral.intake.evidence import EvidenceRejected, IngestedFile, ingest_uploads
from netral.intake.forms import MessageForm, ReportForm
from netral.intake.middleware import body_too_large, too_large_response
from netral.intake.models import Report, Sender
from netral.intake.selectors import report_for_receipt, report_public_view
from netral.intake.services import ReportInput, report_message_add, report_submit

router = Router(tags=["reports"])
Receipt = Annotated[str, Path(max_length=40, pattern=NO_NUL)]


def _limit(name: str, default: Any = None) -> Any:
    """The web form's length limit for a field, stated in the OpenAPI document too."""
    field = ReportForm.base_fields[name]
    return Field(default, max_length=getattr(field, "max_length", None), pattern=PLAIN)


class ReportIn(Schema):
    text: str = _limit("text", ...)
    identity: Literal["identified", "confidential", "anonymous"]
    occurred_on: datetime.date | None = None
    region_code: str | None = _limit("region_code")
    place: str | None = _limit("place")
    election: Word | None = None
    subject_name: str | None = _limit("subject_name")
    subject_position: str | None = _limit("subject_position")
    subject_agency: str | None = _limit("subject_agency")
    subject_nip: str | None = _limit("subject_nip")
    links: list[Annotated[str, Field(max_length=2000, pattern=PLAIN)]] = []
    reporter_name: str | None = _limit("reporter_name")
    reporter_contact: str | None = _limit("reporter_contact")


class SuggestionOut(Schema):
    code: str
    label: str
    hint: str


class EvidenceWarningOut(Schema):
    file: str
    findings: list[str]
    labels: list[str]


class ReportCreated(Schema):
    receipt: str
    secret: str
    suggested_codes: list[str]
    suggestions: list[SuggestionOut]
    evidence_warnings: list[EvidenceWarningOut] = []


class TimelineEntry(Schema):
    at: DateTime
    kind: str
    status: str
    status_label: str
    note: str


class MessageOut(Schema):
    at: DateTime
    sender: str
    body: str


class ReportStatusOut(Schema):
    receipt: str
    status: str
    status_label: str
    created_at: DateTime
    timeline: list[TimelineEntry]
    messages: list[MessageOut]


class MessageIn(Schema):
    body: str = Field(max_length=MessageForm.base_fields["body"].max_length, pattern=PLAIN)  # type: ignore[attr-defined]


def _limit_body(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Second line behind IntakeBodyLimitMiddleware: refuse an oversized body."""

    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if body_too_large(request):
            return too_large_response(request, api=True)
        return run(request, *args, **kwargs)

    return guarded


def _form_error(form: Any) -> Invalid:
    detail = {field: [str(e) for e in errors] for field, errors in form.errors.items()}
    return Invalid(detail=detail)


def _report_or_404(request: HttpRequest, receipt: str, secret: str | None) -> Report:
    if throttle.is_limited("lookup", request):
        raise RateLimited()
    report = report_for_receipt(receipt=receipt, secret=secret or "")
    if report is None:
        throttle.record("lookup", request)
        raise NotFound()  # the same for an unknown receipt and a wrong secret
    return report


@router.post(
    "",
    response={201: ReportCreated, 413: ErrorOut, 422: ErrorOut, 429: ErrorOut},
    summary="File a report",
    description=(
        "Multipart form. `identity` is identified, confidential or anonymous; "
        "`reporter_name` and `reporter_contact` are required unless anonymous (and are "
        "discarded if sent with anonymous). `links` may repeat. `files` may repeat: JPEG, "
        "PNG, WebP, PDF or MP4, checked by content. The secret is returned once only. "
        "`evidence_warnings` lists each file whose original carries metadata that may "
        "identify the sender (GPS, serial numbers, names, free-text comments)."
    ),
)
@decorate_view(_limit_body)
def report_create(
    request: HttpRequest,
    payload: Form[ReportIn],
    files: File[list[UploadedFile] | None] = None,
) -> Status[dict[str, Any]]:
    if throttle.is_limited("submit", request) or throttle.is_limited("attempt", request):
        raise RateLimited()
    throttle.record("attempt", request)
    form = ReportForm(data=payload.dict() | {"links": payload.links})
    if not form.is_valid():
        raise _form_error(form)
    try:
        ingested = ingest_uploads(list(files or []))
    except EvidenceRejected as exc:
        raise Invalid(exc.message, code="invalid_file", detail={"files": exc.reason}) from exc
    submitted = report_submit(data=ReportInput.from_cleaned(form.cleaned_data), files=ingested)
    throttle.record("submit", request)  # only a filed report counts against the allowance
    suggestions = [s.__dict__ for s in submitted.suggestions.suggestions()]
    return Status(
        201,
        {
            "receipt": submitted.report.receipt,
            "secret": submitted.secret,
            "suggested_codes": list(submitted.suggestions.codes),
            "suggestions": suggestions,
            "evidence_warnings": _evidence_warnings(ingested),
        },
    )


def _evidence_warnings(files: list[IngestedFile]) -> list[dict[str, Any]]:
    """What the preview would have warned about: identifying metadata in each original."""
    return [
        {"file": item.name, "findings": item.identifying, "labels": item.identifying_labels()}
        for item in files
        if item.identifying
    ]


@router.get(
    "/{receipt}",
    response={200: ReportStatusOut, 404: ErrorOut, 429: ErrorOut},
    summary="Status, public timeline and messages of a report",
    description="Send the secret in the `X-Receipt-Secret` header. A wrong secret gives 404.",
)
def report_status(
    request: HttpRequest,
    receipt: Receipt,
    secret: str | None = HeaderParam(None, alias="X-Receipt-Secret", max_length=60),
) -> dict[str, Any]:
    return report_public_view(report=_report_or_404(request, receipt, secret))


@router.post(
    "/{receipt}/messages",
    response={201: MessageOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut},
    summary="Send a message to the officer handling the report",
    description="Send the secret in the `X-Receipt-Secret` header. A wrong secret gives 404.",
)
def report_message_create(
    request: HttpRequest,
    receipt: Receipt,
    message: MessageIn,
    secret: str | None = HeaderParam(None, alias="X-Receipt-Secret", max_length=60),
) -> Status[dict[str, Any]]:
    report = _report_or_404(request, receipt, secret)
    if throttle.is_limited("message", request):
        raise RateLimited()
    throttle.record("message", request)
    form = MessageForm(data={"body": message.body})
    if not form.is_valid():
        raise _form_error(form)
    saved = report_message_add(
        report=report, body=form.cleaned_data["body"], sender=Sender.REPORTER
    )
    return Status(201, {"at": saved.created_at, "sender": saved.sender, "body": saved.body})
