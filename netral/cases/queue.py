"""Queue-page reads on top of `selectors.case_queue_page`: the rows with what the page shows.

Kept apart from the core selectors: the page needs the report text (for highlighted
evidence), choices for its filters, and who may receive an assignment. Every query is
scoped to the actor; the number of queries does not grow with the number of rows.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format

from netral.accounts.models import Role, RoleAssignment, User
from netral.accounts.scope import agencies_visible_to
from netral.cases.forms import QUEUE_PARAMS, QueueFilterForm
from netral.cases.highlight import Segment, excerpt
from netral.cases.models import Case, CaseReport
from netral.cases.selectors import (
    QueueFilters,
    QueueSlice,
    case_queue_count,
    case_queue_page,
)
from netral.cases.zones import OfficeZone, zone_for_region


@dataclass(frozen=True)
class ParsedFilters:
    """The queue's filters read from a query string: one parser for the page, its HTMX
    updates, saved searches and exports. `errors` lists each refused value, in Indonesian;
    when there are any, `filters` is None and nothing must be listed."""

    form: QueueFilterForm
    filters: QueueFilters | None
    params: dict[str, str]
    errors: list[str]


def queue_filters(data: Mapping[str, Any] | None, *, actor: User) -> ParsedFilters:
    """Parse queue filters (GET or saved-search parameters) for `actor`.

    Unknown values are refused, not ignored: a typo in `region=` must not show every case
    as if it had matched. Parameters the queue does not know are left alone (paging,
    HTMX's own).
    """
    agencies = cached_choices("agencies", actor, agency_choices)
    bound = data is not None and any(data.get(k) for k in QUEUE_PARAMS)
    form = QueueFilterForm(data if bound else None, agencies=agencies)
    if not bound:
        return ParsedFilters(form, QueueFilters(), {}, [])
    if not form.is_valid():
        errors = [
            f"{form.fields[name].label}: {message}" if name in form.fields else str(message)
            for name, messages in form.errors.items()
            for message in messages
        ]
        return ParsedFilters(form, None, form.params(), errors)
    return ParsedFilters(form, form.filters(), form.params(), [])


PAGE_SIZE = 25
# Counting stops here: past it the page says "more than 1,000" instead of reading every
# case in scope on each load (the officer narrows the queue with filters, not page 4,000).
COUNT_CAP = 1000


def _links() -> QuerySet[CaseReport]:
    """The reports of each case with their text and triage result (for the excerpts)."""
    return CaseReport.objects.select_related("report").only(
        "case_id",
        "report__id",
        "report__receipt",
        "report__text",
        "report__suggested_codes",
        "report__triage",
        "report__created_at",
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
    # Shown as text, worked out once here rather than looked up by the template per row.
    url: str = ""
    reference: str = ""
    stage_label: str = ""
    subject: str = ""  # roster name, else the reported name; empty when unknown
    election_label: str = ""
    assignee: str = ""


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
    return [_row(case, now) for case in cases]


def _row(case: Case, now: datetime.datetime) -> Row:
    held = case.lock_holder_id(now) is not None
    assignee = case.assigned_to
    return Row(
        case,
        zone_for_region(case.region.code if case.region else None),
        [_report_line(link) for link in case.links.all()],
        case.locked_by if held else None,
        url=reverse("cases:detail", args=[case.pk]),
        reference=case.reference,
        stage_label=str(case.get_stage_display()),
        subject=case.employee.name if case.employee else case.subject_name,
        election_label=str(case.get_election_display()) if case.election else "",
        assignee=(assignee.get_full_name() or assignee.username) if assignee else "",
    )


@dataclass(frozen=True)
class QueuePage:
    """What the pager needs; `count` is exact unless `count_capped` (then `> COUNT_CAP`)."""

    rows: list[Row]
    number: int
    count: int
    count_capped: bool
    has_next: bool

    @property
    def count_floor(self) -> str:
        """The cap, grouped the local way ("1.000"), for "more than … cases"."""
        return number_format(COUNT_CAP, force_grouping=True)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def num_pages(self) -> int | None:
        return None if self.count_capped else _pages(self.count)


def _page_number(raw: str | None) -> int:
    """Like `Paginator.get_page`: not a number is page 1; below 1 is the last page (0)."""
    try:
        number = int(raw or 1)
    except ValueError:
        return 1
    return min(max(number, 0), LAST)


def queue_page(*, actor: User, filters: QueueFilters, page: str | None) -> QueuePage:
    """One page of the queue, counted up to the cap (constant queries).

    A page number past the end (or below 1) shows the last page, as Django's paginator
    does; when the queue is above the cap, that alone needs the exact count first.
    """
    number = _page_number(page)
    found = _slice(actor, filters, number or LAST)
    count, capped = found.count, found.count > COUNT_CAP
    if capped and (number == 0 or not found.cases):
        count, capped = case_queue_count(actor=actor, filters=filters), False
        found = _slice(actor, filters, _pages(count))
    number = found.offset // PAGE_SIZE + 1
    return QueuePage(rows(found.cases), number, count, capped, found.more)


LAST = 10**9  # a page number past any end: clamped to the last page


def _pages(count: int) -> int:
    return max(1, -(-count // PAGE_SIZE))


def _slice(actor: User, filters: QueueFilters, number: int) -> QueueSlice:
    return case_queue_page(
        actor=actor,
        filters=filters,
        offset=(number - 1) * PAGE_SIZE,
        limit=PAGE_SIZE,
        links=_links(),
        count_up_to=COUNT_CAP,
        clamp=True,
    )


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


# The filter and bulk forms' choice lists change rarely (agencies, staff) but cost several
# queries each; the page shows them from a per-user, per-process cache for this long.
# Posts validate against fresh lists, and the services check every value against scope.
CHOICES_TTL = 60  # seconds


def cached_choices(
    kind: str, actor: User, build: Callable[..., list[tuple[int, str]]]
) -> list[tuple[int, str]]:
    """`build(actor=actor)`, kept per user for `CHOICES_TTL` seconds."""
    key = f"cases:queue-choices:{kind}:{actor.pk}"
    found: list[tuple[int, str]] | None = cache.get(key)
    if found is None:
        found = build(actor=actor)
        cache.set(key, found, CHOICES_TTL)
    return found


def officer(*, pk: int) -> User | None:
    """An active user by id; whether they may take a case is the service's decision."""
    return User.objects.filter(pk=pk, is_active=True).first()
