"""Reads of pledges: coverage per agency and echelon, agencies without a pledge."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, QuerySet

from netral.org.models import Agency, Employee, PositionCategory
from netral.pledges.models import PledgeEvent, PledgeSignature

ECHELONS = tuple(PositionCategory.values)


@dataclass
class EchelonCoverage:
    category: str
    employees: int = 0
    signed: int = 0

    @property
    def percent(self) -> int | None:
        return None if not self.employees else min(100, self.signed * 100 // self.employees)


@dataclass
class AgencyCoverage:
    agency: Agency
    events: int
    echelons: dict[str, EchelonCoverage] = field(default_factory=dict)

    @property
    def employees(self) -> int:
        return sum(e.employees for e in self.echelons.values())

    @property
    def signed(self) -> int:
        return sum(e.signed for e in self.echelons.values())

    def row(self) -> list[EchelonCoverage]:
        return [self.echelons[c] for c in ECHELONS]


def agencies_without_pledge(agencies: QuerySet[Agency], cycle: str) -> QuerySet[Agency]:
    held = PledgeEvent.objects.filter(agency=OuterRef("pk"), cycle=cycle)
    return agencies.exclude(Exists(held))


def coverage_of(agencies: list[Agency], cycle: str) -> list[AgencyCoverage]:
    """Roster and signatures per echelon for each agency (its units' staff included).
    Three grouped queries whatever the number of signatures."""
    ids = [a.pk for a in agencies]
    top_of = {a.pk: a.pk for a in agencies}
    top_of |= dict(Agency.objects.filter(parent_id__in=ids).values_list("pk", "parent_id"))
    result = {
        a.pk: AgencyCoverage(a, 0, {c: EchelonCoverage(c) for c in ECHELONS}) for a in agencies
    }
    roster = (
        Employee.objects.filter(agency_id__in=list(top_of))
        .values("agency_id", "position_category")
        .annotate(n=Count("*"))  # not Count("pk"): the count is read from the index alone
        .values_list("agency_id", "position_category", "n")
    )
    for agency_id, category, n in roster:
        result[top_of[agency_id]].echelons[category].employees += n
    events: dict[int, list[int]] = defaultdict(list)
    for pk, agency_id in PledgeEvent.objects.filter(agency_id__in=ids, cycle=cycle).values_list(
        "pk", "agency_id"
    ):
        events[agency_id].append(pk)
        result[agency_id].events += 1
    all_events = [pk for pks in events.values() for pk in pks]
    signed = (
        PledgeSignature.objects.filter(event_id__in=all_events)
        .values("event__agency_id", "category")
        .annotate(n=Count("employee_id", distinct=True))
        .values_list("event__agency_id", "category", "n")
    )
    for agency_id, category, n in signed:
        if category in result[agency_id].echelons:
            result[agency_id].echelons[category].signed += n
    return list(result.values())
