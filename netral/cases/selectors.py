"""Reads. Every case query is filtered by the actor's jurisdiction inside the SQL itself."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.expressions import Combinable
from django.db.models.functions import Coalesce

from netral.accounts.models import User
from netral.accounts.scope import region_filter
from netral.cases import machine
from netral.cases.deadlines import local_today
from netral.cases.models import (
    OPEN_STAGES,
    Case,
    CaseEvent,
    CaseReport,
    Compliance,
    Escalation,
    FollowUpKind,
    Recommendation,
    SavedSearch,
    ScreenedPost,
)
from netral.cases.scoping import cases_condition, role_scopes
from netral.cases.searchtext import search_condition
from netral.errors import NotFound
from netral.intake.models import Report
from netral.org.models import Agency, Employee

ORDERINGS: dict[str, tuple[Combinable | str, ...]] = {
    "due_date": (F("due_date").asc(nulls_last=True), "pk"),
    "-due_date": (F("due_date").desc(nulls_last=True), "-pk"),
    "created_at": ("created_at", "pk"),
    "-created_at": ("-created_at", "-pk"),
    "-updated_at": ("-updated_at", "-pk"),
}


def _visible(condition: Q | None) -> QuerySet[Case]:
    return Case.objects.none() if condition is None else Case.objects.filter(condition)


def cases_visible_to(*, actor: User) -> QuerySet[Case]:
    return _visible(cases_condition(role_scopes(actor)))


def case_for_actor(*, actor: User, pk: int) -> Case:
    found = (
        cases_visible_to(actor=actor)
        .select_related("region", "agency", "employee", "assigned_to", "locked_by")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise NotFound()
    return found


@dataclass(frozen=True)
class QueueFilters:
    region: str | None = None  # a region code; covers the regions below it
    agency: int | None = None
    code: str | None = None  # confirmed, or suggested by triage on one of its reports
    stage: str | None = None
    due_before: datetime.date | None = None
    due_after: datetime.date | None = None
    election: str | None = None  # "PEMILU", "PILKADA" or "NONE"
    overdue: bool | None = None
    assigned: str = ""  # "me", "none", or a user id
    escalation: str | None = None  # an EscalationKind still open on the case
    q: str = ""
    open_only: bool = True
    ordering: str = "due_date"


def _json_has(field_name: str, code: str) -> Q:
    if connection.vendor == "postgresql":
        return Q(**{f"{field_name}__contains": [code]})
    return Q(**{f"{field_name}__icontains": f'"{code}"'})  # SQLite: text match on the JSON


def _assigned(value: str, actor: User) -> Q:
    if value == "me":
        return Q(assigned_to=actor)
    if value == "none":
        return Q(assigned_to__isnull=True)
    return Q(assigned_to_id=int(value)) if value.isdigit() else Q()


def _filters(f: QueueFilters, actor: User) -> Q:
    q = Q(stage__in=OPEN_STAGES) if f.open_only and not f.stage else Q()
    if f.region:
        q &= region_filter("region", frozenset({f.region}))
    if f.agency:
        q &= Q(agency_id=f.agency)
    if f.stage:
        q &= Q(stage=f.stage)
    if f.due_before:
        q &= Q(due_date__lte=f.due_before)
    if f.due_after:
        q &= Q(due_date__gte=f.due_after)
    if f.election:
        q &= Q(election="" if f.election == "NONE" else f.election)
    if f.overdue is not None:
        q &= Q(overdue=f.overdue)
    if f.code:
        q &= _json_has("confirmed_codes", f.code) | _json_has("suggested_codes", f.code)
    if f.escalation:
        raised = Escalation.objects.filter(
            case_id=OuterRef("pk"), kind=f.escalation, resolved_at__isnull=True
        )
        q &= Q(Exists(raised))
    if f.q.strip():
        q &= search_condition(f.q)
    return q & _assigned(f.assigned, actor)


QUEUE_RELATED = ("region", "agency", "employee", "assigned_to", "locked_by")


def _queue_links() -> QuerySet[CaseReport]:
    return CaseReport.objects.select_related("report").only(
        "case_id",
        "report__id",
        "report__receipt",
        "report__suggested_codes",
        "report__triage",
        "report__created_at",
    )


def _ordering(f: QueueFilters) -> tuple[Combinable | str, ...]:
    return ORDERINGS.get(f.ordering, ORDERINGS["due_date"])


def case_queue(*, actor: User, filters: QueueFilters | None = None) -> QuerySet[Case]:
    """The queue: filtered, ordered, related rows joined; slice it for a page.

    A page costs a constant number of queries: the scope lookup (3), the page (1) and the
    reports prefetch (1), whatever the number of rows. Pages that are read often use
    `case_queue_page`, which plans and runs faster on large tables.
    """
    f = filters or QueueFilters()
    report_count = (
        CaseReport.objects.filter(case_id=OuterRef("pk"))
        .order_by()
        .values("case_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        cases_visible_to(actor=actor)
        .filter(_filters(f, actor))
        .select_related(*QUEUE_RELATED)
        .annotate(report_count=Coalesce(Subquery(report_count), 0))
        .prefetch_related(Prefetch("links", queryset=_queue_links()))
        .order_by(*_ordering(f))
    )


@dataclass(frozen=True)
class QueueSlice:
    cases: list[Case]  # in queue order, each with `report_count` and its links prefetched
    more: bool  # rows follow this slice
    count: int  # cases in the whole queue; at most `count_up_to` + 1 when that was given
    offset: int  # where the slice starts (moved back to the last slice when clamped)


def case_queue_page(
    *,
    actor: User,
    filters: QueueFilters | None = None,
    offset: int = 0,
    limit: int = 25,
    links: QuerySet[CaseReport] | None = None,
    count_up_to: int | None = None,
    clamp: bool = False,
) -> QueueSlice:
    """One slice of `case_queue`, the same rows in the same order, and the queue's size.

    Four queries after the scope lookup: the count (stopping after `count_up_to` + 1 rows
    when given), the ids of the slice (one table, read in order off an index, stopping after
    `limit` + 1 rows), those cases with their related rows, and their reports. Joining the
    related tables only for the rows shown keeps planning and execution time flat as the
    table grows. Every case query carries the actor's scope. With `clamp`, an offset past
    the end (by an exact count) reads the last slice instead, as a paginator would.
    """
    f = filters or QueueFilters()
    condition = cases_condition(role_scopes(actor))
    queue = _visible(condition).filter(_filters(f, actor))
    counted = queue.order_by()
    count = counted[: count_up_to + 1].count() if count_up_to is not None else counted.count()
    exact = count_up_to is None or count <= count_up_to
    if clamp and exact and offset >= count:
        offset = max(0, (count - 1) // limit * limit)
    ids = list(
        queue.order_by(*_ordering(f)).values_list("pk", flat=True)[offset : offset + limit + 1]
    )
    more, ids = len(ids) > limit, ids[:limit]
    if not ids:
        return QueueSlice([], more, count, offset)
    found = (
        _visible(condition)
        .filter(pk__in=ids)
        .select_related(*QUEUE_RELATED)
        .prefetch_related(Prefetch("links", queryset=_queue_links() if links is None else links))
        .order_by()
    )
    by_pk = {case.pk: case for case in found}
    cases = [by_pk[pk] for pk in ids if pk in by_pk]
    for case in cases:
        case.report_count = len(case.links.all())  # type: ignore[attr-defined]
    return QueueSlice(cases, more, count, offset)


def case_queue_count(*, actor: User, filters: QueueFilters | None = None) -> int:
    """How many cases the queue holds, exactly (reads every one in scope)."""
    f = filters or QueueFilters()
    return cases_visible_to(actor=actor).filter(_filters(f, actor)).order_by().count()


def case_events(*, case: Case) -> QuerySet[CaseEvent]:
    return CaseEvent.objects.filter(case=case).select_related("actor").order_by("seq")


def case_reports(*, case: Case) -> QuerySet[Report]:
    return (
        Report.objects.filter(case_link__case=case)
        .prefetch_related("evidence")
        .order_by("created_at")
    )


@dataclass(frozen=True)
class AvailableTransition:
    name: str
    label: str
    target: str
    allowed: bool  # the actor may fire it here (role and scope)
    failing: list[dict[str, str]] = field(default_factory=list)
    reason_required: bool = False
    service_only: bool = False


def available_transitions(*, case: Case, actor: User) -> list[AvailableTransition]:
    """The actions from the case's stage the actor holds a role for, with failing checks."""
    scopes = role_scopes(actor)
    out = []
    for t in machine.transitions_from(case.stage):
        condition = cases_condition(scopes, t.roles)
        if condition is None or not Case.objects.filter(condition, pk=case.pk).exists():
            continue
        failing = [f for f in machine.failed_conditions(t, case, {}) if f["condition"] != "reason"]
        out.append(
            AvailableTransition(
                t.name,
                str(t.label),
                t.target,
                allowed=True,
                failing=failing,
                reason_required=t.reason_required,
                service_only=t.service_only,
            )
        )
    return out


def roster_for_case(*, case: Case) -> QuerySet[Employee]:
    """Where a case's subject may be looked up: agencies of its province, and central ones."""
    if case.region_id is None:
        return Employee.objects.all()
    province = case.region.code.split(".", 1)[0] if case.region else ""
    return Employee.objects.filter(
        region_filter("agency__region", frozenset({province})) | Q(agency__region__isnull=True)
    )


def agencies_for_case(*, case: Case) -> QuerySet[Agency]:
    """Agencies a case's subject may work for: those of its province, and central ones."""
    if case.region_id is None or case.region is None:
        return Agency.objects.all().order_by("name")
    province = case.region.code.split(".", 1)[0]
    return Agency.objects.filter(
        region_filter("region", frozenset({province})) | Q(region__isnull=True)
    ).order_by("name")


def case_escalations(*, case: Case) -> QuerySet[Escalation]:
    """The case's open escalations (the case is already scoped)."""
    return Escalation.objects.filter(case_id=case.pk, resolved_at__isnull=True).order_by(
        "created_at"
    )


def escalations_for(*, actor: User, open_only: bool = True) -> QuerySet[Escalation]:
    """Escalations on cases the actor sees, newest first (the supervisor's inbox)."""
    rows = Escalation.objects.filter(case__in=cases_visible_to(actor=actor).values("pk"))
    if open_only:
        rows = rows.filter(resolved_at__isnull=True, case__stage__in=OPEN_STAGES)
    return rows.select_related("case", "case__region", "case__agency").order_by("-created_at")


def saved_searches(*, owner: User) -> QuerySet[SavedSearch]:
    return SavedSearch.objects.filter(owner=owner)


def lock_holder(*, case: Case, at: datetime.datetime | None = None) -> User | None:
    from django.utils import timezone

    return case.locked_by if case.lock_holder_id(at or timezone.now()) else None


@dataclass(frozen=True)
class AgencyCompliance:
    agency_id: int | None
    agency_name: str
    recommendations: int
    on_time: int  # the recommended sanction, imposed by the deadline
    late: int  # the recommended sanction, imposed after the deadline
    non_compliant: int  # a lighter or different sanction, or none: not compliance
    pending: int
    overdue: int
    blocked: int

    @property
    def rate(self) -> float | None:
        """Share of recommendations followed as recommended and by their deadline."""
        return self.on_time / self.recommendations if self.recommendations else None

    def to_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "rate": self.rate}


def ppk_compliance(*, actor: User) -> list[AgencyCompliance]:
    """Per agency: recommendations, followed on time or late, not followed, pending,
    overdue, data blocked. Only the recommended sanction counts as following it."""
    today = local_today()
    complied = Q(decision__compliance=Compliance.COMPLIANT)
    rows = (
        Recommendation.objects.filter(case__in=cases_visible_to(actor=actor).values("pk"))
        .values("case__agency_id", "case__agency__name")
        .annotate(
            recommendations=Count("pk", distinct=True),
            on_time=Count("pk", filter=complied & Q(decision__on_time=True), distinct=True),
            late=Count("pk", filter=complied & Q(decision__on_time=False), distinct=True),
            non_compliant=Count(
                "pk",
                filter=Q(decision__isnull=False) & ~Q(decision__compliance=Compliance.COMPLIANT),
                distinct=True,
            ),
            pending=Count(
                "pk",
                filter=Q(decision__isnull=True) & ~Q(ppk_due_date__lt=today),
                distinct=True,
            ),
            overdue=Count(
                "pk", filter=Q(decision__isnull=True, ppk_due_date__lt=today), distinct=True
            ),
            blocked=Count(
                "pk",
                filter=Q(case__follow_ups__kind=FollowUpKind.DATA_BLOCKING),
                distinct=True,
            ),
        )
        .order_by("case__agency__name")
    )
    return [
        AgencyCompliance(
            r["case__agency_id"],
            r["case__agency__name"] or "",
            r["recommendations"],
            r["on_time"],
            r["late"],
            r["non_compliant"],
            r["pending"],
            r["overdue"],
            r["blocked"],
        )
        for r in rows
    ]


def case_screened_posts(*, case: Case) -> QuerySet[ScreenedPost]:
    """The social-media posts screening filed into the case (the case is already scoped)."""
    return ScreenedPost.objects.filter(case_id=case.pk).order_by("imported_at", "pk")
