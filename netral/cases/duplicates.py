"""Duplicate suggestions: open cases likely about the same person and the same incident.

Same person (the same roster link, or names alike once titles are stripped), similar
report text, incident or filing dates close together. Scored in Python over a small pool
of the actor's own open cases in the same province.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from rapidfuzz import fuzz

from netral.accounts.models import User
from netral.accounts.scope import region_filter
from netral.cases import machine
from netral.cases.models import Case, CaseReport
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


def _text(case: Case) -> str:
    return folded(" ".join(link.report.text for link in case.links.all()))


def _day(case: Case) -> datetime.date:
    return case.incident_date or case.created_at.date()


def _same_place(case: Case) -> Q:
    if case.employee_id:
        return Q(employee_id=case.employee_id) | Q(employee__isnull=True, region_id=case.region_id)
    if case.region_id and case.region:
        province = case.region.code.split(".", 1)[0]
        return region_filter("region", frozenset({province}))
    return Q(region__isnull=True)


def _pool(case: Case, actor: User) -> list[Case]:
    links = CaseReport.objects.select_related("report").only("case_id", "report__text")
    return list(
        cases_visible_to(actor=actor)
        .filter(_same_place(case), stage__in=machine.OPEN_WORK)
        .exclude(pk=case.pk)
        .select_related("employee", "region")
        .prefetch_related(Prefetch("links", queryset=links))
        .order_by("-created_at")[:POOL_LIMIT]
    )


def _person(case: Case, other: Case) -> tuple[float, str | None]:
    if case.employee_id and other.employee_id == case.employee_id:
        return 50.0, "orang yang sama"
    if case.employee_id and other.employee_id:
        return 0.0, None  # two different people on the roster
    mine, theirs = bare_name(case.subject_name), bare_name(other.subject_name)
    if mine and theirs and fuzz.token_sort_ratio(mine, theirs) >= 85:
        return 30.0, "nama terlapor mirip"
    return 0.0, None


def compare(case: Case, other: Case, text: str | None = None) -> Suggestion:
    points, reasons = 0.0, []
    person, why = _person(case, other)
    points += person
    reasons += [why] if why else []
    similarity = fuzz.token_set_ratio(text if text is not None else _text(case), _text(other))
    points += similarity * 0.35
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
