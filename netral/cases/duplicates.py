"""Duplicate suggestions: open cases likely about the same person and the same incident.

Same person (the same roster link, or names alike once titles are stripped), the same
conduct (confirmed or suggested codes shared), incident dates close together, similar
report text. Same person, same conduct and close dates are enough on their own, however
differently two reporters wrote. Scored in Python over a small pool of the actor's own
open cases in the same province.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from rapidfuzz import fuzz

from netral.accounts.models import User
from netral.accounts.scope import region_filter
from netral.cases.models import OPEN_STAGES, Case, CaseReport
from netral.cases.names import bare_name, folded
from netral.cases.selectors import cases_visible_to

POOL_LIMIT = 200
CLOSE_DAYS = 7
THRESHOLD = 50.0


@dataclass(frozen=True)
class Suggestion:
    case: Case
    score: float  # 0..100
    reasons: list[str]


def _codes(case: Case) -> set[str]:
    return set(case.confirmed_codes or []) | set(case.suggested_codes or [])


def _name(case: Case) -> str:
    return bare_name(
        case.employee.name if case.employee_id and case.employee else case.subject_name
    )


def _text(case: Case) -> str:
    return folded(" ".join(link.report.text for link in case.links.all()))


def _day(case: Case) -> datetime.date:
    return case.incident_date or case.created_at.date()


def _same_place(case: Case) -> Q:
    if case.region_id and case.region:
        province = case.region.code.split(".", 1)[0]
        return region_filter("region", frozenset({province}))
    return Q(region__isnull=True)


def _same_employee(case: Case) -> Q:
    return Q(employee_id=case.employee_id) if case.employee_id else Q(pk__in=[])


def _pool(case: Case, actor: User) -> list[Case]:
    links = CaseReport.objects.select_related("report").only("case_id", "report__text")
    return list(
        cases_visible_to(actor=actor)
        .filter(_same_place(case) | _same_employee(case), stage__in=OPEN_STAGES)
        .exclude(pk=case.pk)
        .select_related("employee", "region")
        .prefetch_related(Prefetch("links", queryset=links))
        .order_by("-created_at")[:POOL_LIMIT]
    )


def _person(case: Case, other: Case) -> tuple[float, str | None]:
    if case.employee_id and other.employee_id == case.employee_id:
        return 40.0, "orang yang sama"
    if case.employee_id and other.employee_id:
        return 0.0, None  # two different people on the roster
    mine, theirs = _name(case), _name(other)
    if mine and theirs and fuzz.token_sort_ratio(mine, theirs) >= 85:
        return 30.0, "nama terlapor mirip"
    return 0.0, None


def compare(case: Case, other: Case, text: str | None = None) -> Suggestion:
    points, reasons = 0.0, []
    person, why = _person(case, other)
    points += person
    reasons += [why] if why else []
    if _codes(case) & _codes(other):
        points += 20
        reasons.append("perbuatan yang sama")
    similarity = fuzz.token_set_ratio(text if text is not None else _text(case), _text(other))
    points += similarity * 0.25
    if similarity >= 60:
        reasons.append("isi laporan mirip")
    if abs((_day(case) - _day(other)).days) <= CLOSE_DAYS:
        points += 15
        reasons.append("tanggal berdekatan")
    return Suggestion(other, round(min(points, 100.0), 1), reasons)


def duplicate_suggestions(*, case: Case, actor: User, limit: int = 10) -> list[Suggestion]:
    """Likely duplicates of a case the actor can see, best first."""
    mine = _text(case)
    found = [compare(case, other, mine) for other in _pool(case, actor)]
    likely = [s for s in found if s.score >= THRESHOLD]
    likely.sort(key=lambda s: (-s.score, s.case.pk))
    return likely[:limit]
