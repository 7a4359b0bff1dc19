"""Reads of the registry: the public list and filters, staff lists, coverage per cycle."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from netral.accounts.models import User
from netral.org.models import Region, RegionLevel
from netral.registry.access import publish_scope
from netral.registry.models import Coverage, Instrument, Status

PUBLIC_STATUSES = (Status.PUBLISHED, Status.SUPERSEDED, Status.WITHDRAWN)


@dataclass(frozen=True)
class Filters:
    region: str = ""
    type: str = ""
    year: int | None = None
    election: str = ""
    q: str = ""


def region_and_below(code: str, path: str = "region") -> Q:
    return Q(**{f"{path}__code": code}) | Q(**{f"{path}__code__startswith": f"{code}."})


def instruments_public(filters: Filters) -> QuerySet[Instrument]:
    """Published instruments, newest first, matching every filter given."""
    rows = Instrument.objects.filter(status=Status.PUBLISHED).select_related("region")
    if filters.region:
        rows = rows.filter(region_and_below(filters.region))
    if filters.type:
        rows = rows.filter(type=filters.type)
    if filters.year is not None:
        rows = rows.filter(Q(date__year=filters.year) | Q(election_year=filters.year))
    if filters.election:
        # JSON text search works alike on PostgreSQL and SQLite; codes are quoted whole.
        rows = rows.filter(elections__icontains=f'"{filters.election}"')
    if filters.q:
        words = filters.q.strip()
        rows = rows.filter(
            Q(number__icontains=words)
            | Q(issuer__icontains=words)
            | Q(title__icontains=words)
            | Q(text__icontains=words)
        )
    return rows.defer("text", "evidence", "extracted").order_by("-published_at", "-pk")


def instrument_public(pk: int) -> Instrument | None:
    return (
        Instrument.objects.filter(pk=pk, status__in=PUBLIC_STATUSES)
        .select_related("region", "replaces")
        .first()
    )


def instruments_for_staff(actor: User) -> QuerySet[Instrument]:
    """Drafts and published instruments the actor may work on: those of the regions the
    actor publishes for, and the actor's own drafts (whatever region they were read as)."""
    scope = publish_scope(actor)
    if scope.empty:
        return Instrument.objects.none()
    rows = Instrument.objects.all()
    if not scope.national:
        # (An empty Q() would vanish from an OR, so national scope skips the filter.)
        rows = rows.filter(scope.region_condition() | Q(status=Status.DRAFT, created_by=actor))
    return rows.select_related("region").defer("text", "extracted").order_by("-updated_at", "-pk")


def catalogue_links() -> dict[str, int]:
    """Catalogue id -> the published instrument that is that rule."""
    rows = (
        Instrument.objects.filter(status=Status.PUBLISHED)
        .exclude(catalogue_id="")
        .order_by("published_at")
        .values_list("catalogue_id", "pk")
    )
    return dict(rows)


# --- coverage ---------------------------------------------------------------------------


@dataclass
class RegionCoverage:
    code: str
    name: str
    level: str
    instruments: int


@dataclass
class ProvinceCoverage:
    region: RegionCoverage
    below: list[RegionCoverage] = field(default_factory=list)

    @property
    def covered_below(self) -> int:
        return sum(1 for r in self.below if r.instruments)

    @property
    def covered(self) -> int:
        """Regions with an instrument, the province itself included."""
        return self.covered_below + (1 if self.region.instruments else 0)

    @property
    def total(self) -> int:
        return len(self.below) + 1


def coverage_by_province(cycle: str) -> list[ProvinceCoverage]:
    """Every province with its regencies and cities, and how many published instruments
    of `cycle` each has issued. Two queries whatever the number of instruments."""
    counts = dict(
        Coverage.objects.filter(cycle=cycle)
        .values("region_id")
        .annotate(n=Count("id"))
        .values_list("region_id", "n")
    )
    provinces: dict[str, ProvinceCoverage] = {}
    rows = Region.objects.order_by("code").values_list("pk", "code", "name", "level")
    for pk, code, name, level in rows:
        entry = RegionCoverage(code, name, level, counts.get(pk, 0))
        if level == RegionLevel.PROVINCE:
            provinces[code] = ProvinceCoverage(entry)
        elif (province := provinces.get(code.split(".", 1)[0])) is not None:
            province.below.append(entry)
    return list(provinces.values())


def instruments_of_cycle_in(cycle: str, codes: list[str]) -> dict[str, list[Instrument]]:
    """The published instruments of `cycle` issued in each of the regions `codes`."""
    found: dict[str, list[Instrument]] = defaultdict(list)
    rows = (
        Coverage.objects.filter(cycle=cycle, region__code__in=codes)
        .select_related("instrument", "region")
        .defer("instrument__text", "instrument__extracted", "instrument__evidence")
        .order_by("region__code", "-instrument__date")
    )
    for row in rows:
        found[row.region.code].append(row.instrument)
    return found
