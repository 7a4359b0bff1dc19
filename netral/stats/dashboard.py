"""Staff dashboards: the figures of the cases a user's roles cover, by role.

The scope is the case scope itself (`cases_condition` applied to the summary table), so a
dashboard never counts a case its viewer could not open. Staff see every cell; figures are
cached per refresh, scope, filters and language.
"""

from __future__ import annotations

import bisect
import datetime
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext as _

from netral import rules
from netral.accounts.models import Role, User
from netral.accounts.scope import Scope, region_filter
from netral.cases.deadlines import local_today
from netral.cases.models import OPEN_STAGES
from netral.cases.scoping import cases_condition, role_scopes
from netral.stats import figures, public
from netral.stats.figures import Facts
from netral.stats.models import CaseFact, Outcome
from netral.stats.refresh import refresh_stamp
from netral.stats.tables import Column, Table

CACHE_SECONDS = 600
AGE_BUCKETS = ((0, 5), (6, 10), (11, 20), (21, None))  # working days in the stage
AT_RISK_DAYS = 3  # due within this many working days
WEEKS = 26

SECTIONS_BY_ROLE: dict[str, tuple[str, ...]] = {
    Role.VERIFIER: ("backlog", "deadlines", "weekly", "outcomes", "funnel"),
    Role.BAWASLU_ANALYST: ("backlog", "deadlines", "outcomes", "funnel", "position"),
    Role.PPK_STAFF: ("compliance", "sanctions", "durations"),
    Role.CENTRAL_SUPERVISOR: (
        "funnel",
        "backlog",
        "deadlines",
        "weekly",
        "outcomes",
        "sanctions",
        "compliance",
        "durations",
        "position",
    ),
}
ORDER = (
    "funnel",
    "backlog",
    "deadlines",
    "weekly",
    "outcomes",
    "sanctions",
    "compliance",
    "durations",
    "position",
)


@dataclass(frozen=True)
class DashboardFilters:
    election: str = ""  # "PILKADA-2024"
    region: str = ""  # a region code; covers the regions below it
    agency: int | None = None
    since: datetime.date | None = None  # reported on or after
    until: datetime.date | None = None  # reported on or before

    def key(self) -> str:
        return f"{self.election}|{self.region}|{self.agency}|{self.since}|{self.until}"


def sections_for(scopes: dict[str, Scope]) -> list[str]:
    wanted = {s for role in scopes for s in SECTIONS_BY_ROLE.get(role, ())}
    return [s for s in ORDER if s in wanted]


def scoped_facts(actor: User, scopes: dict[str, Scope] | None = None) -> Facts:
    condition = cases_condition(role_scopes(actor) if scopes is None else scopes)
    if condition is None:
        return CaseFact.objects.none()
    return CaseFact.objects.filter(condition)


def narrowed(facts: Facts, filters: DashboardFilters) -> Facts:
    if filters.election:
        kind, _sep, year = filters.election.partition("-")
        facts = facts.filter(election=kind, election_year=int(year) if year.isdigit() else 0)
    if filters.region:
        facts = facts.filter(region_filter("region", frozenset({filters.region})))
    if filters.agency:
        facts = facts.filter(agency_id=filters.agency)
    if filters.since:
        facts = facts.filter(reported_on__gte=filters.since)
    if filters.until:
        facts = facts.filter(reported_on__lte=filters.until)
    return facts


class WorkingDays:
    """Working days between dates on the holiday calendar; weekdays where it has no year."""

    def __init__(self, start: datetime.date, end: datetime.date) -> None:
        catalogue = rules.default_catalogue()
        self.start = start
        self.ordinals: list[int] = []
        day = start
        while day <= end:
            if self._working(catalogue, day):
                self.ordinals.append(day.toordinal())
            day += datetime.timedelta(days=1)

    @staticmethod
    def _working(catalogue: rules.Catalogue, day: datetime.date) -> bool:
        try:
            return rules.calendar.is_working_day(catalogue, day)
        except rules.RulesError:
            return day.weekday() < 5

    def between(self, start: datetime.date, end: datetime.date) -> int:
        """Working days after `start` up to and including `end` (negative when before)."""
        if end < start:
            return -self.between(end, start)
        low = bisect.bisect_right(self.ordinals, start.toordinal())
        high = bisect.bisect_right(self.ordinals, end.toordinal())
        return high - low


def _age_label(low: int, high: int | None) -> str:
    if high is None:
        return _("> %(n)d hari kerja") % {"n": low - 1}
    return _("%(a)d–%(b)d hari kerja") % {"a": low, "b": high}


def backlog_table(facts: Facts, today: datetime.date) -> Table:
    rows = figures.open_by_stage_and_entry(facts)
    earliest = min((entered for _s, entered, _n in rows), default=today)
    days = WorkingDays(min(earliest, today), today)
    counts: dict[str, list[int]] = {}
    for stage, entered, n in rows:
        age = days.between(entered, today)
        bucket = next(i for i, (low, high) in enumerate(AGE_BUCKETS) if high is None or age <= high)
        counts.setdefault(stage, [0] * len(AGE_BUCKETS))[bucket] += n
    ordered = [s for s in OPEN_STAGES if s in counts]
    return Table(
        "backlog",
        _("Kasus terbuka menurut tahap dan lama di tahap"),
        [
            Column("tahap", _("Tahap"), "label"),
            *[
                Column(f"umur_{i}", _age_label(low, high), "count")
                for i, (low, high) in enumerate(AGE_BUCKETS)
            ],
        ],
        [[figures.stage_label(s), *counts[s]] for s in ordered],
        "stacked",
    )


def deadlines_table(facts: Facts, today: datetime.date) -> Table:
    rows = figures.open_by_stage_and_due(facts)
    dues = [due for _s, due, _n in rows if due is not None]
    days = WorkingDays(min([today, *dues]), max([today, *dues]))
    counts: dict[str, list[int]] = {}
    for stage, due, n in rows:
        line = counts.setdefault(stage, [0, 0, 0, 0])
        if due is None:
            line[3] += n
        elif due < today:
            line[0] += n
        elif days.between(today, due) <= AT_RISK_DAYS:
            line[1] += n
        else:
            line[2] += n
    ordered = [s for s in OPEN_STAGES if s in counts]
    return Table(
        "deadlines",
        _("Batas waktu kasus terbuka"),
        [
            Column("tahap", _("Tahap"), "label"),
            Column("lewat", _("Lewat batas waktu"), "count"),
            Column("berisiko", _("Jatuh tempo ≤ 3 hari kerja"), "count"),
            Column("aman", _("Lebih dari 3 hari kerja"), "count"),
            Column("tanpa", _("Tanpa batas waktu"), "count"),
        ],
        [[figures.stage_label(s), *counts[s]] for s in ordered],
        "stacked",
    )


def weekly_table(facts: Facts, today: datetime.date, since: datetime.date | None) -> Table:
    start = since or today - datetime.timedelta(weeks=WEEKS)
    flow = figures.weekly_flow(facts, start)
    return Table(
        "weekly",
        _("Laporan masuk dan kasus selesai per minggu"),
        [
            Column("minggu", _("Minggu mulai"), "label"),
            Column("masuk", _("Laporan masuk"), "count"),
            Column("selesai", _("Kasus selesai"), "count"),
        ],
        [[week.isoformat(), a, b] for week, (a, b) in flow.items()],
        "line",
    )


def outcomes_table(facts: Facts) -> Table:
    counts = figures.outcomes(facts)
    return Table(
        "outcomes",
        _("Hasil penanganan"),
        [Column("hasil", _("Hasil"), "label"), Column("kasus", _("Kasus"), "count")],
        [[figures.outcome_label(o), counts[o]] for o in Outcome.values if o in counts],
        "bar",
    )


def durations_table(facts: Facts) -> Table:
    histograms = figures.duration_histograms(facts)
    steps = (
        ("days_to_recommendation", _("Laporan sampai rekomendasi")),
        ("days_to_sanction", _("Rekomendasi sampai SK sanksi")),
    )
    rows = []
    for key, label in steps:
        h = histograms[key]
        rows.append(
            [
                label,
                sum(h.values()),
                figures.percentile(h, 0.5),
                figures.percentile(h, 0.9),
            ]
        )
    return Table(
        "durations",
        _("Lama penanganan (hari kalender)"),
        [
            Column("langkah", _("Langkah"), "label"),
            Column("kasus", _("Kasus"), "count"),
            Column("median", _("Median (hari)"), "days"),
            Column("p90", _("90% selesai dalam (hari)"), "days"),
        ],
        rows,
        "bar",
    )


@dataclass
class Dashboard:
    sections: list[str]
    tables: list[Table] = field(default_factory=list)
    stamp: str = ""
    # The cache key of these figures (refresh, language, scope, filters): the page caches
    # its rendered tables under it too, as a national table runs to hundreds of rows.
    key: str = ""


def scope_key(scopes: dict[str, Scope]) -> str:
    parts = sorted(
        f"{role}:{s.national}:{sorted(s.region_codes)}:{sorted(s.agency_ids)}"
        for role, s in scopes.items()
    )
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def dashboard(
    actor: User, filters: DashboardFilters, scopes: dict[str, Scope] | None = None
) -> Dashboard:
    """The actor's figures; `scopes` are its case roles' scopes when already read."""
    scopes = role_scopes(actor) if scopes is None else scopes
    sections = sections_for(scopes)
    stamp = refresh_stamp()
    key = f"stats:dash:{stamp}:{translation.get_language()}:{scope_key(scopes)}:{filters.key()}"
    if not sections:
        return Dashboard([], [], stamp, key)
    found: Dashboard | None = cache.get(key)
    if found is None:
        facts = narrowed(scoped_facts(actor, scopes), filters)
        found = Dashboard(sections, build(sections, facts, filters), stamp, key)
        cache.set(key, found, CACHE_SECONDS)
    return found


def build(sections: Iterable[str], facts: Facts, filters: DashboardFilters) -> list[Table]:
    today = local_today()
    tables: list[Table] = []
    with public.unsuppressed():
        for section in sections:
            if section == "funnel":
                tables.append(public.funnel_table(facts))
            elif section == "backlog":
                tables.append(backlog_table(facts, today))
            elif section == "deadlines":
                tables.append(deadlines_table(facts, today))
            elif section == "weekly":
                tables.append(weekly_table(facts, today, filters.since))
            elif section == "outcomes":
                tables.append(outcomes_table(facts))
            elif section == "sanctions":
                tables.append(public.sanctions_table(facts))
            elif section == "compliance":
                tables.append(_compliance(facts))
            elif section == "durations":
                tables.append(durations_table(facts))
            elif section == "position":
                tables.append(public.position_table(facts))
    return tables


def _compliance(facts: Facts) -> Table:
    table = public.compliance_table(facts, limit=None)
    found = figures.compliance_by_agency(facts, local_today())
    names = figures.agency_names(found)
    ranked = sorted(found.items(), key=lambda kv: (-kv[1].recommended, names.get(kv[0] or 0, "")))
    # Staff also see pending vs overdue and data blocking, per agency.
    table.columns = [
        *table.columns[:5],
        Column("menunggu", _("Menunggu (belum lewat)"), "count", plot=False),
        Column("lewat", _("Lewat batas waktu"), "count", plot=False),
        Column("diblokir", _("Data diblokir"), "count", plot=False),
    ]
    table.rows = [
        [*row[:5], c.pending, c.overdue, c.blocked]
        for row, (_pk, c) in zip(table.rows, ranked, strict=True)
    ]
    table.chart = "stacked"
    return table
