"""Queue-page reads on top of `selectors.case_queue`: the rows with what the page shows.

Kept apart from the core selectors: the page needs the report text (for highlighted
evidence), choices for its filters, and who may receive an assignment. Every query is
scoped to the actor; the number of queries does not grow with the number of rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from netral.accounts.models import Role, RoleAssignment, User
from netral.accounts.scope import agencies_visible_to
from netral.cases.highlight import Segment, excerpt
from netral.cases.models import Case, CaseReport
from netral.cases.selectors import QueueFilters, case_queue
from netral.cases.zones import OfficeZone, zone_for_region

PAGE_SIZE = 25


def queue_rows(*, actor: User, filters: QueueFilters) -> QuerySet[Case]:
    """`case_queue` with the reports' text and triage result prefetched in one query."""
    links = CaseReport.objects.select_related("report").only(
        "case_id",
        "report__id",
        "report__receipt",
        "report__text",
        "report__suggested_codes",
        "report__triage",
        "report__created_at",
    )
    return (
        case_queue(actor=actor, filters=filters)
        .prefetch_related(None)
        .prefetch_related(Prefetch("links", queryset=links))
    )


@dataclass
class ReportLine:
    receipt: str
    codes: list[str]
    segments: list[Segment] = field(default_factory=list)


@dataclass
class Row:
    case: Case
    zone: OfficeZone
    reports: list[ReportLine]
    lock_holder: User | None


def _report_line(link: CaseReport) -> ReportLine:
    report = link.report
    triage: dict[str, Any] = report.triage or {}
    evidence = triage.get("evidence") if isinstance(triage.get("evidence"), list) else []
    return ReportLine(
        report.receipt, list(report.suggested_codes or []), excerpt(report.text, evidence)
    )


def rows(cases: list[Case]) -> list[Row]:
    """Decorate a page of cases (already fetched with their links): no further queries."""
    now = timezone.now()
    out = []
    for case in cases:
        held = case.locked_by_id and case.locked_until and case.locked_until > now
        out.append(
            Row(
                case,
                zone_for_region(case.region.code if case.region else None),
                [_report_line(link) for link in case.links.all()],
                case.locked_by if held else None,
            )
        )
    return out


def agency_choices(*, actor: User) -> list[tuple[int, str]]:
    return [(a.pk, a.name) for a in agencies_visible_to(actor).only("pk", "name")[:500]]


def officer_choices(*, actor: User) -> list[tuple[int, str]]:
    """Verifiers sharing a region or agency with the actor's case roles (and the actor).

    Only a shortlist for the form: `case_assign` checks each assignee against the case.
    """
    mine = RoleAssignment.objects.filter(
        user=actor, role__in=(Role.VERIFIER, Role.CENTRAL_SUPERVISOR)
    )
    verifiers = RoleAssignment.objects.filter(role=Role.VERIFIER, user__is_active=True)
    if not mine.filter(national=True).exists():
        verifiers = verifiers.filter(
            Q(regions__in=mine.values("regions")) | Q(agencies__in=mine.values("agencies"))
        )
    users = (
        User.objects.filter(Q(pk=actor.pk) | Q(role_assignments__in=verifiers))
        .distinct()
        .order_by("first_name", "username")
    )
    return [(u.pk, u.get_full_name() or u.username) for u in users]


def officer(*, pk: int) -> User | None:
    """An active user by id; whether they may take a case is the service's decision."""
    return User.objects.filter(pk=pk, is_active=True).first()
