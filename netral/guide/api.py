"""POST /api/v1/self-check: the self-check for other systems. Public and rate-limited."""

from __future__ import annotations

import datetime
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import Field

from netral.api.errors import ErrorOut
from netral.api.inputs import Word
from netral.errors import Invalid, RateLimited
from netral.guide.core.advice import Question, SelfCheckError
from netral.guide.core.guidance import default_guidance
from netral.guide.forms import FIRST_DAY, LAST_DAY, MAX_TEXT
from netral.guide.presenting import api_body
from netral.guide.services import selfcheck_answer
from netral.intake import throttle
from netral.rules import default_catalogue

router = Router(tags=["self-check"])

Subject = Literal["PNS", "PPPK", "NON_ASN", "KEPALA_DESA", "PERANGKAT_DESA", "BUMN", "BUMD"]


class SelfCheckIn(Schema):
    text: str | None = Field(None, max_length=MAX_TEXT)
    conduct: list[Word] | None = Field(None, max_length=50)
    date: datetime.date
    subject: Subject
    election: Literal["PEMILU", "PILKADA"] | None = None
    candidate_status: Literal["BAKAL_CALON", "CALON"] | None = None
    on_leave: bool | None = None
    passive_attendance: bool | None = None


class QuestionOut(Schema):
    fact: str
    text: str


class SelfCheckOut(Schema):
    verdict: Literal["FORBIDDEN", "ALLOWED", "DEPENDS"]
    conduct: list[str]
    findings: list[dict[str, Any]]
    questions: list[QuestionOut]
    explanation: str
    read_as: str
    still_forbidden: list[str]
    ask: str
    catalogue_version: str


def _invalid(message: str, field: str) -> Invalid:
    return Invalid(message, detail={field: [message]})


@router.post(
    "",
    response={200: SelfCheckOut, 422: ErrorOut, 429: ErrorOut},
    summary="May a civil servant do this? (self-check)",
    description=(
        "Give the act in words (`text`) or as conduct codes (`conduct`), or both, with the "
        "date of the act and the person's `subject`. Optional facts settle what the words "
        "leave open: `election`, `candidate_status`, `on_leave`, `passive_attendance`; a "
        "fact left out is tried both ways, and when its value changes the answer the verdict "
        "is `DEPENDS` and `questions` names it. `findings` are the rules engine's findings "
        "(`netral rules assess`) per conduct, each with the `facts` it holds for. Text with "
        "no prohibited conduct gives `ALLOWED` and `still_forbidden`: what the catalogue "
        "forbids that person on that date. Guidance generated from the cited rules, not a "
        "legal opinion. Nothing is stored but anonymous counts."
    ),
)
def selfcheck_create(request: HttpRequest, payload: SelfCheckIn) -> dict[str, Any]:
    if throttle.is_limited("selfcheck", request):
        raise RateLimited()
    throttle.record("selfcheck", request)
    text = (payload.text or "").strip()
    if not text and not payload.conduct:
        raise _invalid("Isi `text` atau `conduct`.", "text")
    if not FIRST_DAY <= payload.date <= LAST_DAY:
        raise _invalid("Tanggal harus antara tahun 2000 dan 2100.", "date")
    known = default_catalogue().vocabulary.conduct
    unknown = [code for code in payload.conduct or () if code not in known]
    if unknown:
        raise _invalid(f"Kode perbuatan tidak dikenal: {unknown[0]}.", "conduct")
    question = Question(
        date=payload.date,
        subject=payload.subject,
        text=text,
        conduct=tuple(payload.conduct or ()),
        election=payload.election,
        candidate_status=payload.candidate_status,
        on_leave=payload.on_leave,
        passive_attendance=payload.passive_attendance,
    )
    try:
        answer = selfcheck_answer(question=question, channel="api")
    except SelfCheckError as exc:
        raise _invalid("Pertanyaan ini tidak dapat diperiksa.", "detail") from exc
    return api_body(answer, default_guidance(), default_catalogue())
