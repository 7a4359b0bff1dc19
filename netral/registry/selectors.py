"""Reads of the registry: the public list and filters, staff lists, coverage per cycle."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber

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
    cycle: str = ""  # a rules catalogue cycle id: the instruments covering it
    region_only: bool = False  # the region itself, not the regions below it


def region_and_below(code: str, path: str = "region") -> Q:
    return Q(**{f"{path}__code": code}) | Q(**{f"{path}__code__startswith": f"{code}."})


def instruments_public(filters: Filters) -> QuerySet[Instrument]:
    """Published instruments, newest first, matching every filter given."""
    rows = Instrument.objects.filter(status=Status.PUBLISHED).select_related("region")
    if filters.region and filters.region_only:
        rows = rows.filter(region__code=filters.region)
    elif filters.region:
        rows = rows.filter(region_and_below(filters.region))
    if filters.cycle:
        rows = rows.filter(pk__in=Coverage.objects.filter(cycle=filters.cycle).values("instrument"))
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


# A picker, not a search: the newest published instruments of the draft's region (or, for
# a draft without one, of the officer's scope) are enough to find the one a version replaces.
REPLACEABLE_LIMIT = 200


def replaceable_for(actor: User, draft: Instrument) -> list[Instrument]:
    """Published instruments the draft may be a new version of, newest first."""
    rows = instruments_for_staff(actor).filter(status=Status.PUBLISHED).exclude(pk=draft.pk)
    if draft.region_id is not None:
        rows = rows.filter(region_id=draft.region_id)
    return list(rows.order_by("-date", "-pk")[:REPLACEABLE_LIMIT])


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


@dataclass
class RegionInstruments:
    """One region of a province's drill-down: how many instruments of the cycle it has
    published and the newest few of them."""

    code: str
    name: str
    level: str
    count: int
    newest: list[Instrument]


@dataclass
class ProvinceDrill:
    province: RegionInstruments
    rows: list[RegionInstruments]  # the province first, then its regencies and cities

    @property
    def covered(self) -> int:
        return sum(1 for r in self.rows if r.count)

    @property
    def total(self) -> int:
        return len(self.rows)


def province_drill(cycle: str, code: str, newest: int) -> ProvinceDrill | None:
    """A province and each of its regencies and cities with the number of published
    instruments of `cycle` each has issued and the `newest` latest of them. Three queries
    whatever the number of instruments: the regions, one aggregate count per region, and
    the newest rows per region ranked by a window function."""
    regions = list(
        Region.objects.filter(Q(code=code) | Q(code__startswith=f"{code}."))
        .order_by("code")
        .values_list("pk", "code", "name", "level")
    )
    if not regions or regions[0][1] != code or regions[0][3] != RegionLevel.PROVINCE:
        return None
    pks = [pk for pk, *_ in regions]
    counts = dict(
        Coverage.objects.filter(cycle=cycle, region_id__in=pks)
        .values("region_id")
        .annotate(n=Count("id"))
        .values_list("region_id", "n")
    )
    latest: dict[int, list[Instrument]] = defaultdict(list)
    ranked = (
        Coverage.objects.filter(cycle=cycle, region_id__in=pks)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("region_id")],
                order_by=[F("instrument__date").desc(nulls_last=True), F("instrument_id").desc()],
            )
        )
        .filter(rank__lte=newest)
        .select_related("instrument")
        .only(
            "region_id",
            "instrument__id",
            "instrument__type",
            "instrument__number",
            "instrument__date",
        )
        .order_by("region_id", "rank")
    )
    for row in ranked:
        latest[row.region_id].append(row.instrument)
    rows = [
        RegionInstruments(c, name, level, counts.get(pk, 0), latest.get(pk, []))
        for pk, c, name, level in regions
    ]
    return ProvinceDrill(rows[0], rows)
