"""The counts behind every figure: GROUP BY queries over the summary table.

Each function takes a queryset of `CaseFact` already narrowed (by the viewer's scope and
the page's filters) and returns plain counts; the public page suppresses small cells,
staff dashboards show them as they are.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from django.db.models import Count, Q, QuerySet
from django.utils import translation
from django.utils.translation import gettext as _

from netral import rules
from netral.cases.models import OPEN_STAGES, Stage
from netral.org.models import Agency, PositionCategory, Region
from netral.stats.models import CaseFact, Outcome
from netral.stats.reference import KEPALA_WILAYAH, UNMAPPED, kanreg_for_province, kanreg_offices

Facts = QuerySet[CaseFact]

REPORTED = ~Q(outcome=Outcome.MERGED)  # a merged case's reports count in the case it joined
RECOMMENDED = Q(recommended_on__isnull=False)
SANCTIONED = Q(sanctioned_on__isnull=False)
NOT_FOLLOWED = RECOMMENDED & Q(sanctioned_on__isnull=True)


@dataclass(frozen=True)
class Funnel:
    reported: int
    recommended: int
    sanctioned: int
    not_followed: int
    blocked: int


def funnel(facts: Facts) -> Funnel:
    found = facts.aggregate(
        reported=Count("pk", filter=REPORTED),
        recommended=Count("pk", filter=RECOMMENDED),
        sanctioned=Count("pk", filter=SANCTIONED),
        not_followed=Count("pk", filter=NOT_FOLLOWED),
        blocked=Count("pk", filter=Q(blocked=True)),
    )
    return Funnel(**found)


FUNNEL_COLUMNS = {
    "reported": Count("pk", filter=REPORTED),
    "recommended": Count("pk", filter=RECOMMENDED),
    "sanctioned": Count("pk", filter=SANCTIONED),
}


def funnel_by(facts: Facts, field: str) -> dict[str, tuple[int, int, int]]:
    """(reported, recommended, sanctioned) per value of `field`."""
    rows = facts.order_by().values(field).annotate(**FUNNEL_COLUMNS)
    return {
        str(r[field] if r[field] is not None else ""): (
            r["reported"],
            r["recommended"],
            r["sanctioned"],
        )
        for r in rows
        if r["reported"] or r["recommended"]
    }


def by_kanreg_blocked(facts: Facts) -> dict[str, int]:
    """Data-blocking requests per BKN regional office (through the case's province)."""
    rows = facts.filter(blocked=True).order_by().values("province_code").annotate(n=Count("pk"))
    out: Counter[str] = Counter()
    for r in rows:
        out[kanreg_for_province(r["province_code"])] += r["n"]
    return dict(out)


def reported_per_month(facts: Facts) -> dict[datetime.date, int]:
    rows = (
        facts.filter(REPORTED)
        .order_by()
        .values("reported_month")
        .annotate(n=Count("pk"))
        .order_by("reported_month")
    )
    return {r["reported_month"]: r["n"] for r in rows}


@dataclass(frozen=True)
class Compliance:
    recommended: int
    on_time: int
    late: int
    pending: int  # no decision, PPK deadline not passed
    overdue: int  # no decision, PPK deadline passed
    blocked: int


def compliance_by_agency(facts: Facts, today: datetime.date) -> dict[int | None, Compliance]:
    rows = (
        facts.filter(RECOMMENDED)
        .order_by()
        .values("agency_id")
        .annotate(
            recommended=Count("pk"),
            on_time=Count("pk", filter=Q(sanction_on_time=True)),
            late=Count("pk", filter=Q(sanction_on_time=False)),
            pending=Count("pk", filter=Q(sanctioned_on__isnull=True) & ~Q(ppk_due_date__lt=today)),
            overdue=Count("pk", filter=Q(sanctioned_on__isnull=True, ppk_due_date__lt=today)),
            blocked=Count("pk", filter=Q(blocked=True)),
        )
    )
    return {
        r["agency_id"]: Compliance(
            r["recommended"], r["on_time"], r["late"], r["pending"], r["overdue"], r["blocked"]
        )
        for r in rows
    }


def sanctions_by_level(facts: Facts) -> dict[str, tuple[int, int, int]]:
    """(recommended, imposed, imposed as recommended) per recommended level."""
    rows = (
        facts.filter(RECOMMENDED)
        .order_by()
        .values("recommended_level")
        .annotate(
            recommended=Count("pk"),
            imposed=Count("pk", filter=SANCTIONED),
            same=Count("pk", filter=Q(imposed_as_recommended=True)),
        )
    )
    return {r["recommended_level"]: (r["recommended"], r["imposed"], r["same"]) for r in rows}


def outcomes(facts: Facts) -> dict[str, int]:
    rows = facts.order_by().values("outcome").annotate(n=Count("pk"))
    return {r["outcome"]: r["n"] for r in rows}


def open_by_stage_and_entry(facts: Facts) -> list[tuple[str, datetime.date, int]]:
    rows = (
        facts.filter(stage__in=OPEN_STAGES)
        .order_by()
        .values("stage", "stage_entered_on")
        .annotate(n=Count("pk"))
    )
    return [(r["stage"], r["stage_entered_on"], r["n"]) for r in rows]


def open_by_stage_and_due(facts: Facts) -> list[tuple[str, datetime.date | None, int]]:
    rows = (
        facts.filter(stage__in=OPEN_STAGES)
        .order_by()
        .values("stage", "due_date")
        .annotate(n=Count("pk"))
    )
    return [(r["stage"], r["due_date"], r["n"]) for r in rows]


def weekly_flow(facts: Facts, since: datetime.date) -> dict[datetime.date, tuple[int, int]]:
    """(reports in, cases closed) per week starting Monday, from `since`."""
    flow: dict[datetime.date, list[int]] = {}
    opened = (
        facts.filter(REPORTED, reported_on__gte=since)
        .order_by()
        .values("reported_on")
        .annotate(n=Count("pk"))
    )
    closed = (
        facts.filter(REPORTED, closed_on__gte=since)
        .order_by()
        .values("closed_on")
        .annotate(n=Count("pk"))
    )
    for day, n in opened.values_list("reported_on", "n"):
        flow.setdefault(_monday(day), [0, 0])[0] += n
    for closed_day, n in closed.values_list("closed_on", "n"):
        if closed_day is not None:
            flow.setdefault(_monday(closed_day), [0, 0])[1] += n
    return {week: (a, b) for week, (a, b) in sorted(flow.items())}


def _monday(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def duration_histograms(facts: Facts) -> dict[str, Counter[int]]:
    out: dict[str, Counter[int]] = {}
    for field in ("days_to_recommendation", "days_to_sanction"):
        rows = (
            facts.filter(**{f"{field}__isnull": False})
            .order_by()
            .values(field)
            .annotate(n=Count("pk"))
        )
        out[field] = Counter({r[field]: r["n"] for r in rows})
    return out


def percentile(histogram: Counter[int], fraction: float) -> int | None:
    """The smallest value with at least `fraction` of the counts at or below it."""
    total = sum(histogram.values())
    if not total:
        return None
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if seen >= fraction * total:
            return value
    return max(histogram)


# Labels -------------------------------------------------------------------------------


def _english() -> bool:
    return (translation.get_language() or "id").startswith("en")


def conduct_label(code: str) -> str:
    if not code:
        return _("Belum dikonfirmasi")
    label = rules.default_catalogue().vocabulary.conduct.get(code)
    if label is None:
        return code
    return label.en if _english() else label.id


def level_label(code: str) -> str:
    if not code:
        return _("Tidak disebut")
    vocabulary = rules.default_catalogue().vocabulary
    label = vocabulary.levels.get(code) or vocabulary.tracks.get(code)
    if label is None:
        return code
    return label.en if _english() else label.id


def position_label(code: str) -> str:
    if code == KEPALA_WILAYAH:
        return _("Kepala wilayah (camat, lurah)")
    if code in PositionCategory.values:
        return str(PositionCategory(code).label)
    return _("Tidak diketahui")


def outcome_label(code: str) -> str:
    return str(Outcome(code).label) if code in Outcome.values else code


def stage_label(code: str) -> str:
    return str(Stage(code).label) if code in Stage.values else code


def kanreg_label(code: str) -> str:
    for office in kanreg_offices():
        if office.id == code:
            return office.name
    return _("Tidak terpetakan") if code == UNMAPPED else code


def region_names(codes: Iterable[str]) -> dict[str, str]:
    return dict(Region.objects.filter(code__in=list(codes)).values_list("code", "name"))


@cache
def _province_names() -> Mapping[str, str]:
    return dict(Region.objects.filter(parent__isnull=True).values_list("code", "name"))


def province_names() -> Mapping[str, str]:
    names = _province_names()
    if not names:  # a database without regions yet: do not keep the empty answer
        _province_names.cache_clear()
    return names


def agency_names(ids: Iterable[int | None]) -> dict[int, str]:
    wanted = [i for i in ids if i is not None]
    return dict(Agency.objects.filter(pk__in=wanted).values_list("pk", "name"))
