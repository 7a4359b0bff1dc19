"""The public figures: de-identified, aggregated, small cells withheld.

Every count a visitor can see (on `/statistik/`, in the data package, through the API)
passes through `netral.stats.suppression.suppress` first. Figures are cached per refresh
of the summary table, filter and language, so a page view costs a cache read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from netral.cases.deadlines import local_today
from netral.org.tilegrid import TileCell, cells, shade
from netral.stats import figures
from netral.stats.figures import Facts
from netral.stats.models import CaseFact
from netral.stats.refresh import per_refresh, refresh_stamp
from netral.stats.suppression import suppress
from netral.stats.tables import Column, Table, display, share

CACHE_SECONDS = 3600
TOP = 10


# Staff dashboards build the same tables without suppression (see `unsuppressed`).
_MIN_CELL: ContextVar[int | None] = ContextVar("stats_min_cell", default=None)


def threshold() -> int:
    """Counts from 1 to threshold - 1 are withheld (settings.NETRAL_STATS_MIN_CELL)."""
    override = _MIN_CELL.get()
    if override is not None:
        return override
    return int(getattr(settings, "NETRAL_STATS_MIN_CELL", 5))


@contextmanager
def unsuppressed() -> Iterator[None]:
    """Build tables for staff, who see the cases themselves: no cell is withheld."""
    token = _MIN_CELL.set(1)
    try:
        yield
    finally:
        _MIN_CELL.reset(token)


@dataclass(frozen=True)
class PublicFilters:
    province: str = ""  # a province code, or "" for the whole country
    election: str = ""  # "PILKADA-2024", or "" for every election

    def key(self) -> str:
        return f"{self.province}|{self.election}"

    def query(self, **changes: str) -> str:
        values = {"provinsi": self.province, "pemilihan": self.election, **changes}
        return urlencode({k: v for k, v in values.items() if v})


def election_choices() -> list[tuple[str, str]]:
    """The elections the facts cover, cached per refresh.

    A DISTINCT over the whole summary table (tens of ms at 100,000 facts) that every public
    page and dashboard view needs for its filter: read once per rebuild.
    """

    def build() -> list[tuple[str, str]]:
        rows = (
            CaseFact.objects.exclude(election="")
            .exclude(election_year__isnull=True)
            .order_by("-election_year", "election")
            .values_list("election", "election_year")
            .distinct()
        )
        return [(f"{e}-{y}", f"{e.title()} {y}") for e, y in rows]

    return per_refresh("stats:elections", build, CACHE_SECONDS)


def narrowed(filters: PublicFilters) -> Facts:
    facts = CaseFact.objects.all()
    if filters.province:
        facts = facts.filter(province_code=filters.province)
    if filters.election:
        kind, _sep, year = filters.election.partition("-")
        facts = facts.filter(election=kind, election_year=int(year) if year.isdigit() else 0)
    return facts


def _counts_table(
    key: str,
    title: str,
    label_column: Column,
    count_columns: Sequence[Column],
    rows: Sequence[tuple[str, Sequence[int]]],
    *,
    column_totals: bool = False,
    row_total: Column | None = None,
    chart: str = "bar",
    note: str = "",
    links: Sequence[str | None] = (),
) -> Table:
    """Labels and counts, suppressed; with a totals row / a row-total column when published."""
    grid = suppress(
        [list(counts) for _label, counts in rows],
        threshold(),
        row_totals=row_total is not None,
        column_totals=column_totals,
    )
    columns = [label_column, *([row_total] if row_total else []), *count_columns]
    body = []
    for r, (label, counts) in enumerate(rows):
        values = [grid.value(r, c) for c in range(len(counts))]
        body.append([label, *([grid.row_total(r)] if row_total else []), *values])
    totals = None
    if column_totals and rows:
        total_values = [grid.column_total(c) for c in range(len(rows[0][1]))]
        all_total = sum(sum(c) for _l, c in rows)
        totals = [_("Jumlah"), *([all_total] if row_total else []), *total_values]
    return Table(key, title, columns, body, chart, note, totals, list(links))


def funnel_table(facts: Facts) -> Table:
    f = figures.funnel(facts)
    grid = suppress(
        [[f.reported, f.recommended, f.sanctioned, f.not_followed, f.blocked]], threshold()
    )
    reported, recommended, sanctioned, not_followed, blocked = (grid.value(0, c) for c in range(5))
    steps = [
        (_("Dilaporkan"), reported, share(reported, reported)),
        (_("Terbukti dan direkomendasikan"), recommended, share(recommended, reported)),
        (_("Dijatuhi sanksi oleh PPK"), sanctioned, share(sanctioned, recommended)),
        (_("Tidak ditindaklanjuti PPK"), not_followed, share(not_followed, recommended)),
        (_("Data kepegawaian diblokir"), blocked, share(blocked, not_followed)),
    ]
    return Table(
        "alur",
        _("Dari laporan sampai sanksi"),
        [
            Column("tahap", _("Tahap"), "label"),
            Column("kasus", _("Kasus"), "count"),
            Column("persentase", _("Persentase dari tahap sebelumnya"), "share", plot=False),
        ],
        [list(s) for s in steps],
        "hbar",
        _(
            "Sanksi dan tidak ditindaklanjuti dihitung dari kasus yang direkomendasikan; "
            "pemblokiran dari kasus yang tidak ditindaklanjuti."
        ),
    )


FUNNEL_COUNT_COLUMNS = [
    Column("dilaporkan", "", "count"),
    Column("direkomendasikan", "", "count"),
    Column("disanksi", "", "count"),
]


def _funnel_columns() -> list[Column]:
    labels = [_("Dilaporkan"), _("Direkomendasikan"), _("Disanksi")]
    return [
        Column(c.key, label, c.kind) for c, label in zip(FUNNEL_COUNT_COLUMNS, labels, strict=True)
    ]


def region_table(facts: Facts, filters: PublicFilters) -> Table:
    if filters.province:
        counts = figures.funnel_by(facts, "region__code")
        names = figures.region_names(counts)
        title = _("Menurut kabupaten/kota")
        rows = sorted(counts.items())
        links: list[str | None] = []
    else:
        counts = figures.funnel_by(facts, "province_code")
        names = dict(figures.province_names())
        title = _("Menurut provinsi")
        rows = sorted(counts.items())
        base = reverse("stats:public")
        links = [f"{base}?{filters.query(provinsi=code)}" if code else None for code, _c in rows]
    labelled = [
        (names.get(code, code) if code else _("Wilayah tidak diketahui"), c) for code, c in rows
    ]
    return _counts_table(
        "wilayah",
        title,
        Column("wilayah", _("Wilayah"), "label"),
        _funnel_columns(),
        labelled,
        column_totals=True,
        chart="",
        links=links,
    )


def position_table(facts: Facts) -> Table:
    counts = figures.funnel_by(facts, "position_group")
    order = [
        "JPT",
        "ADMINISTRATOR",
        "PENGAWAS",
        "KEPALA_WILAYAH",
        "FUNGSIONAL",
        "PELAKSANA",
        "LAINNYA",
        "",
    ]
    rows = sorted(counts.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99)
    return _counts_table(
        "jabatan",
        _("Menurut kategori jabatan"),
        Column("kategori", _("Kategori jabatan"), "label"),
        _funnel_columns(),
        [(figures.position_label(code), c) for code, c in rows],
        column_totals=True,
    )


def conduct_table(facts: Facts) -> Table:
    counts = figures.funnel_by(facts, "conduct")
    rows = sorted(counts.items(), key=lambda kv: -kv[1][0])
    return _counts_table(
        "perbuatan",
        _("Menurut jenis perbuatan"),
        Column("perbuatan", _("Perbuatan"), "label"),
        _funnel_columns()[:2],
        [(figures.conduct_label(code), c[:2]) for code, c in rows],
        column_totals=True,
        chart="hbar",
        note=_(
            "Kasus dengan beberapa perbuatan dihitung pada perbuatan pertama yang dikonfirmasi."
        ),
    )


def _top(
    key: str,
    title: str,
    label: str,
    counts: dict[Any, tuple[int, int, int]],
    name: Callable[[Any], str],
) -> Table:
    """The largest by proven violations; only those with at least `threshold` are ranked."""
    ranked = sorted(
        ((k, c) for k, c in counts.items() if c[1] >= threshold() and k not in (None, "")),
        key=lambda kv: (-kv[1][1], str(kv[0])),
    )[:TOP]
    return _counts_table(
        key,
        title,
        Column("nama", label, "label"),
        _funnel_columns()[1:2],
        [(name(k), c[1:2]) for k, c in ranked],
        chart="hbar",
    )


def top_regions_table(facts: Facts) -> Table:
    counts = figures.funnel_by(facts, "region__code")
    names = figures.region_names(counts)
    return _top(
        "wilayah_teratas",
        _("Kabupaten/kota dengan pelanggaran terbukti terbanyak"),
        _("Wilayah"),
        {k: v for k, v in counts.items() if "." in k},
        lambda code: names.get(code, code),
    )


def top_agencies_table(facts: Facts) -> Table:
    counts = figures.funnel_by(facts, "agency_id")
    keyed = {int(k): v for k, v in counts.items() if k}
    names = figures.agency_names(keyed)
    return _top(
        "instansi_teratas",
        _("Instansi dengan pelanggaran terbukti terbanyak"),
        _("Instansi"),
        keyed,
        lambda pk: names.get(pk, str(pk)),
    )


def compliance_table(facts: Facts, limit: int | None = 15) -> Table:
    found = figures.compliance_by_agency(facts, local_today())
    names = figures.agency_names(found)
    ranked = sorted(found.items(), key=lambda kv: (-kv[1].recommended, names.get(kv[0] or 0, "")))
    if limit is not None:
        ranked = ranked[:limit]
    rows = [
        (
            names.get(pk or 0, _("Instansi tidak diketahui")),
            [c.on_time, c.late, c.pending + c.overdue],
        )
        for pk, c in ranked
    ]
    return _counts_table(
        "kepatuhan",
        _("Kepatuhan PPK per instansi"),
        Column("instansi", _("Instansi"), "label"),
        [
            Column("tepat_waktu", _("Sanksi tepat waktu"), "count"),
            Column("terlambat", _("Sanksi terlambat"), "count"),
            Column("belum", _("Belum/tidak dijatuhkan"), "count"),
        ],
        rows,
        row_total=Column("direkomendasikan", _("Direkomendasikan"), "count", plot=False),
        chart="stacked",
    )


def sanctions_table(facts: Facts) -> Table:
    counts = figures.sanctions_by_level(facts)
    order = ["MORAL", "RINGAN", "SEDANG", "BERAT", "PTDH"]
    rows = sorted(counts.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99)
    return _counts_table(
        "sanksi",
        _("Sanksi menurut tingkat yang direkomendasikan"),
        Column("tingkat", _("Tingkat"), "label"),
        [
            Column("direkomendasikan", _("Direkomendasikan"), "count"),
            Column("dijatuhkan", _("Dijatuhkan"), "count"),
            Column("sesuai_rekomendasi", _("Sesuai rekomendasi"), "count"),
        ],
        [(figures.level_label(code), c) for code, c in rows],
        column_totals=True,
    )


def blocking_table(facts: Facts) -> Table:
    counts = figures.by_kanreg_blocked(facts)
    rows = sorted(counts.items())
    return _counts_table(
        "pemblokiran",
        _("Pemblokiran data kepegawaian menurut Kanreg BKN"),
        Column("kanreg", _("Kantor regional BKN"), "label"),
        [Column("diblokir", _("Kasus diblokir"), "count")],
        [(figures.kanreg_label(code), [n]) for code, n in rows],
        column_totals=True,
        chart="hbar",
        note=_("Pembagian provinsi per Kanreg belum dikonfirmasi dengan peraturan BKN."),
    )


def monthly_table(facts: Facts) -> Table:
    counts = figures.reported_per_month(facts)
    return _counts_table(
        "bulanan",
        _("Laporan per bulan"),
        Column("bulan", _("Bulan"), "label"),
        [Column("dilaporkan", _("Dilaporkan"), "count")],
        [(month.strftime("%Y-%m"), [n]) for month, n in counts.items()],
        column_totals=True,
        chart="line",
    )


@dataclass(frozen=True)
class PublicFigures:
    tables: list[Table]
    map_cells: list[TileCell]
    refreshed: str  # the stamp the figures were computed for
    # The cache key (refresh, language, filters): the page caches its rendered tables too.
    key: str = ""


def _map_cells(table: Table, filters: PublicFilters) -> list[TileCell]:
    names = figures.province_names()
    by_name = {row[0]: row[1] for row in table.rows}
    by_code = {code: by_name.get(name) for code, name in names.items()}
    values = [v for v in by_code.values() if isinstance(v, int)]
    top = max(values, default=0)
    base = reverse("stats:public")

    def figure(code: str) -> tuple[str, int | None, str | None]:
        value = by_code.get(code)
        url = f"{base}?{filters.query(provinsi=code)}"
        if value is None and names.get(code) in by_name:
            return _("disembunyikan (sel kecil)"), None, url
        count = value or 0
        return _("%(n)s kasus dilaporkan") % {"n": display(count, "count")}, shade(count, top), url

    return cells(names, figure)


def public_figures(filters: PublicFilters) -> PublicFigures:
    """Every public table for the filters, from the cache when the facts have not changed."""
    stamp = refresh_stamp()
    key = f"stats:public:{stamp}:{translation.get_language()}:{filters.key()}"
    found: PublicFigures | None = cache.get(key)
    if found is None:
        found = _compute(filters, stamp, key)
        cache.set(key, found, CACHE_SECONDS)
    return found


def _compute(filters: PublicFilters, stamp: str, key: str) -> PublicFigures:
    facts = narrowed(filters)
    regions = region_table(facts, filters)
    tables = [funnel_table(facts), regions, position_table(facts), conduct_table(facts)]
    if not filters.province:
        tables += [top_regions_table(facts)]
    tables += [
        top_agencies_table(facts),
        compliance_table(facts),
        sanctions_table(facts),
        blocking_table(facts),
        monthly_table(facts),
    ]
    map_cells = [] if filters.province else _map_cells(regions, filters)
    return PublicFigures(tables, map_cells, stamp, key)
