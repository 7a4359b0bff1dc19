"""Identity resolution: find the reported person in the roster by name, position, agency
and region, tolerating typos and missing or extra titles ("Drs.", "S.Pd").

The database narrows the pool (the case's province and central agencies, name fragments
that survive a typo); rapidfuzz ranks what is left. Reporters are never asked for a NIP:
this is the back office's job.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from netral.accounts.models import User
from netral.cases.likeness import linkable, parts_for, reasons, weighted
from netral.cases.models import Case
from netral.cases.names import bare_name, folded
from netral.cases.selectors import cases_visible_to, roster_for_case
from netral.errors import NotFound
from netral.org.models import Employee

POOL_LIMIT = 3000  # rows scored in Python at most; the prefilter keeps the pool far below


@dataclass(frozen=True)
class Query:
    name: str = ""
    position: str = ""
    agency: str = ""
    region: str = ""  # a region code: the employer's region must be at or below it

    @property
    def empty(self) -> bool:
        return not (self.name.strip() or self.position.strip() or self.agency.strip())


@dataclass(frozen=True)
class Match:
    employee: Employee
    score: float  # 0..100
    parts: dict[str, float] = field(default_factory=dict)

    @property
    def reasons(self) -> list[str]:
        return reasons(self.parts)

    @property
    def weak_parts(self) -> list[str]:
        """The parts that speak against this candidate (below half)."""
        return [name for name, value in self.parts.items() if value < 50]

    @property
    def linkable(self) -> bool:
        return linkable(self.parts, self.score)


def query_for_case(case: Case) -> Query:
    """What the reports said about the subject: the search form's first values."""
    return Query(
        case.subject_name, case.subject_position, case.subject_agency_name, _region_code(case)
    )


def _region_code(case: Case) -> str:
    return case.region.code if case.region_id and case.region else ""


def _fragments(words: str) -> Q:
    """Each word's first and last three letters: one typo rarely hits both ends."""
    condition = Q(pk__in=[])
    for word in words.split():
        if len(word) < 3:
            continue
        condition |= Q(name__icontains=word[:3]) | Q(name__icontains=word[-3:])
    return condition


def _pool(case: Case, query: Query) -> QuerySet[Employee]:
    pool = roster_for_case(case=case).select_related("agency", "agency__region")
    name = bare_name(query.name)
    if name:
        pool = pool.filter(_fragments(name))
    elif query.position.strip():
        words = [w for w in folded(query.position).split() if len(w) >= 3]
        condition = Q(pk__in=[])
        for word in words:
            condition |= Q(position__icontains=word)
        pool = pool.filter(condition)
    return pool.order_by("name", "pk")[:POOL_LIMIT]


def score(query: Query, employee: Employee) -> Match:
    """The weighted similarity over the fields the query gives (0..100)."""
    region = employee.agency.region
    parts = parts_for(
        name=query.name,
        position=query.position,
        agency=query.agency,
        region=query.region,
        employee_name=employee.name,
        employee_position=employee.position,
        employee_agency=employee.agency.name,
        employee_region=region.code if region is not None else None,
    )
    return Match(employee, round(weighted(parts), 1), {k: round(v, 1) for k, v in parts.items()})


def employee_search(*, case: Case, actor: User, query: Query, limit: int = 10) -> list[Match]:
    """Roster candidates for a case the actor can see, best first (NotFound otherwise)."""
    if not cases_visible_to(actor=actor).filter(pk=case.pk).exists():
        raise NotFound()
    if query.empty:
        return []
    matches = [score(query, employee) for employee in _pool(case, query)]
    matches.sort(key=lambda m: (-m.score, m.employee.name, m.employee.pk))
    return matches[:limit]
