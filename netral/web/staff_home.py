"""What a staff member's home page lists: the work waiting for them today.

Each section is a bounded query inside the user's scope: cases at a stage one of their
roles can act on (from the declared machine), by deadline in working days; new reports
for verifiers; identity-access requests for custodians; cases given back to them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from netral.accounts.models import Role, User
from netral.cases import machine
from netral.cases.deadlines import local_today, warning_horizon, working_days_left
from netral.cases.models import OPEN_STAGES, Case, CaseEvent, Escalation, Stage
from netral.cases.scoping import cases_condition, role_scopes
from netral.intake.models import AccessStatus, IdentityAccessRequest
from netral.intake.selectors import access_requests_for_custodian
from netral.notifications.services import inbox
from netral.web.menu import roles_of

SHOWN = 10


def acting_stages(role: str) -> frozenset[str]:
    """The open stages at which `role` fires at least one transition."""
    return frozenset(
        str(stage)
        for transition in machine.TRANSITIONS
        if role in transition.roles
        for stage in transition.sources
        if stage in OPEN_STAGES
    )


def _actionable(user: User) -> Q | None:
    """Cases in the user's scope at a stage one of their roles can act on."""
    scopes = role_scopes(user)
    condition: Q | None = None
    for role in scopes:
        part = cases_condition(scopes, [role])
        stages = acting_stages(role)
        if part is None or not stages:
            continue
        part &= Q(stage__in=sorted(stages))
        condition = part if condition is None else condition | part
    return condition


@dataclass
class Section:
    count: int = 0
    rows: list[Any] = field(default_factory=list)


@dataclass
class CaseRow:
    case: Case
    days_left: int | None  # working days; negative once overdue

    @property
    def days_over(self) -> int:
        return -self.days_left if self.days_left is not None and self.days_left < 0 else 0


@dataclass
class StaffHome:
    today: datetime.date
    horizon: datetime.date
    roles: list[str]
    overdue: Section = field(default_factory=Section)
    at_risk: Section = field(default_factory=Section)
    new_cases: Section = field(default_factory=Section)
    returned: Section = field(default_factory=Section)
    escalations: Section = field(default_factory=Section)
    access_requests: Section = field(default_factory=Section)
    my_requests: Section = field(default_factory=Section)
    notifications: Section = field(default_factory=Section)
    works_cases: bool = False

    @property
    def nothing_waiting(self) -> bool:
        return not any(
            s.count
            for s in (
                self.overdue,
                self.at_risk,
                self.new_cases,
                self.returned,
                self.escalations,
                self.access_requests,
                self.my_requests,
            )
        )


def _section(rows: QuerySet[Any], today: datetime.date | None = None) -> Section:
    shown = list(rows[:SHOWN])
    count = len(shown) if len(shown) < SHOWN else rows.count()
    if today is not None:
        shown = [
            CaseRow(c, working_days_left(today, c.due_date) if c.due_date else None) for c in shown
        ]
    return Section(count, shown)


def _cases(condition: Q) -> QuerySet[Case]:
    return Case.objects.filter(condition).select_related("region", "assigned_to")


def _returned(user: User) -> QuerySet[Case]:
    """Cases assigned to the user whose latest event is someone else's doing."""
    latest_actor = (
        CaseEvent.objects.filter(case_id=OuterRef("pk")).order_by("-seq").values("actor_id")[:1]
    )
    return (
        Case.objects.filter(assigned_to=user, stage__in=OPEN_STAGES)
        .annotate(last_actor=Subquery(latest_actor))
        .exclude(last_actor=user.pk)
        .exclude(last_actor__isnull=True)
        .select_related("region")
        .order_by("-updated_at", "-pk")
    )


def staff_home(user: User, today: datetime.date | None = None) -> StaffHome:
    today = today or local_today()
    horizon = warning_horizon(today, settings.NETRAL_DEADLINE_WARNING_WORKING_DAYS)
    roles = roles_of(user)
    home = StaffHome(today=today, horizon=horizon, roles=sorted(roles))
    actionable = _actionable(user)
    if actionable is not None:
        home.works_cases = True
        by_due = ("due_date", "pk")
        home.overdue = _section(_cases(actionable & Q(due_date__lt=today)).order_by(*by_due), today)
        home.at_risk = _section(
            _cases(actionable & Q(due_date__gte=today, due_date__lte=horizon)).order_by(*by_due),
            today,
        )
        home.returned = _section(_returned(user), today)
    scopes = role_scopes(user)
    if Role.VERIFIER in scopes:
        new = cases_condition(scopes, [Role.VERIFIER])
        if new is not None:
            home.new_cases = _section(
                _cases(new & Q(stage=Stage.RECEIVED)).order_by("created_at", "pk"), today
            )
    if Role.CENTRAL_SUPERVISOR in scopes:
        supervised = cases_condition(scopes, [Role.CENTRAL_SUPERVISOR])
        if supervised is not None:
            home.escalations = _section(
                Escalation.objects.filter(
                    resolved_at__isnull=True,
                    case__in=Case.objects.filter(supervised & Q(stage__in=OPEN_STAGES)),
                )
                .select_related("case")
                .order_by("-created_at", "-pk")
            )
    if Role.IDENTITY_CUSTODIAN in roles:
        home.access_requests = _section(
            access_requests_for_custodian(user=user)
            .filter(status=AccessStatus.PENDING)
            .order_by("created_at", "pk")
        )
    home.my_requests = _section(
        IdentityAccessRequest.objects.filter(
            requester=user,
            status=AccessStatus.APPROVED,
            expires_at__gt=timezone.now(),
        ).order_by("-decided_at", "-pk")
    )
    home.notifications = _section(inbox(user).filter(read_at__isnull=True))
    return home
