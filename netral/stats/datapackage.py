"""Open data: the public aggregates as a Frictionless Data Package with CSV resources.

Every count passes small-cell suppression first; a withheld count is an empty cell
(declared as the missing value). Rows are cached per refresh of the summary table.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count
from django.utils import timezone

from netral.cases.deadlines import local_today
from netral.org.models import Agency
from netral.stats import figures
from netral.stats.models import CaseFact
from netral.stats.public import threshold
from netral.stats.refresh import last_refresh, per_refresh
from netral.stats.suppression import suppress

LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
CACHE_SECONDS = 3600


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Table Schema type
    description: str

    def descriptor(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "description": self.description}


@dataclass(frozen=True)
class Resource:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    def descriptor(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "path": self.path,
            "title": self.title,
            "description": self.description,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {
                "fields": [f.descriptor() for f in self.fields],
                "missingValues": [""],
            },
        }


COUNT_NOTE = "Empty when withheld (small-cell suppression)."

RESOURCES = (
    Resource(
        "kasus-wilayah-bulan",
        "Cases by province, month, conduct and outcome",
        "One row per province, month the report came in, conduct (first confirmed code) and "
        "outcome. Combinations with no case are left out; an empty province code is a report "
        "that gave no region.",
        (
            Field("province_code", "string", "Kemendagri code of the province"),
            Field("province_name", "string", "Name of the province"),
            Field("month", "yearmonth", "Month the report came in (YYYY-MM)"),
            Field("conduct", "string", "Conduct code of the rules catalogue, empty if none"),
            Field("outcome", "string", "OPEN, NOT_ACTIONABLE, NOT_PROVEN, PROVEN or REFERRED"),
            Field("cases", "integer", f"Number of cases. {COUNT_NOTE}"),
        ),
    ),
    Resource(
        "kepatuhan-ppk-instansi",
        "PPK compliance per agency",
        "Per agency: recommendations signed, sanctions imposed by the PPK on time and late, "
        "recommendations not (yet) acted on, and personnel-data blocking requested.",
        (
            Field("agency", "string", "Name of the agency (instansi)"),
            Field("region_code", "string", "Kemendagri code of the agency's region"),
            Field("recommended", "integer", f"Recommendations signed. {COUNT_NOTE}"),
            Field("on_time", "integer", f"Sanctions imposed by the deadline. {COUNT_NOTE}"),
            Field("late", "integer", f"Sanctions imposed after the deadline. {COUNT_NOTE}"),
            Field("not_imposed", "integer", f"No sanction recorded yet. {COUNT_NOTE}"),
            Field("blocked", "integer", f"Personnel-data blocking requested. {COUNT_NOTE}"),
        ),
    ),
    Resource(
        "kategori-jabatan",
        "Cases by position category",
        "Reported, proven and recommended, and sanctioned cases per position group of the "
        "reported civil servant (roster category; camat and lurah as KEPALA_WILAYAH).",
        (
            Field("position_group", "string", "Position group code, empty when unknown"),
            Field("label", "string", "Position group in Indonesian"),
            Field("reported", "integer", f"Cases reported. {COUNT_NOTE}"),
            Field("recommended", "integer", f"Proven and recommended. {COUNT_NOTE}"),
            Field("sanctioned", "integer", f"Sanctioned by the PPK. {COUNT_NOTE}"),
        ),
    ),
    Resource(
        "sanksi-tingkat",
        "Sanctions by level",
        "Per level of the recommended sanction: recommendations, sanctions imposed, and those "
        "imposed as recommended.",
        (
            Field("level", "string", "Level or track code of the rules catalogue"),
            Field("label", "string", "Level in Indonesian"),
            Field("recommended", "integer", f"Recommendations. {COUNT_NOTE}"),
            Field("imposed", "integer", f"Sanctions imposed. {COUNT_NOTE}"),
            Field("as_recommended", "integer", f"Imposed as recommended. {COUNT_NOTE}"),
        ),
    ),
)
BY_NAME = {r.name: r for r in RESOURCES}


def _cube_rows() -> list[dict[str, Any]]:
    rows = (
        CaseFact.objects.exclude(outcome="MERGED")
        .order_by()
        .values("province_code", "reported_month", "conduct", "outcome")
        .annotate(n=Count("pk"))
    )
    by_region: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for found in rows:
        by_region[found["province_code"] or ""].append(dict(found))
    names = figures.province_names()
    out: list[dict[str, Any]] = []
    for code in sorted(by_region):
        cells = sorted(
            by_region[code], key=lambda r: (r["reported_month"], r["conduct"], r["outcome"])
        )
        # A region's total is published elsewhere: withhold a second cell beside a lone one.
        grid = suppress([[r["n"] for r in cells]], threshold(), row_totals=True)
        for i, r in enumerate(cells):
            out.append(
                {
                    "province_code": code,
                    "province_name": names.get(code, ""),
                    "month": r["reported_month"].strftime("%Y-%m"),
                    "conduct": r["conduct"],
                    "outcome": r["outcome"],
                    "cases": grid.value(0, i),
                }
            )
    return out


def _compliance_rows() -> list[dict[str, Any]]:
    found = figures.compliance_by_agency(CaseFact.objects.all(), local_today())
    agencies = {
        pk: (name, code)
        for pk, name, code in Agency.objects.filter(pk__in=[k for k in found if k]).values_list(
            "pk", "name", "region__code"
        )
    }
    items = sorted(found.items(), key=lambda kv: agencies.get(kv[0] or 0, ("", ""))[0])
    grid = suppress(
        [[c.on_time, c.late, c.pending + c.overdue] for _pk, c in items],
        threshold(),
        row_totals=True,
    )
    blocked = suppress([[c.blocked] for _pk, c in items], threshold())
    out = []
    for i, (pk, _c) in enumerate(items):
        name, code = agencies.get(pk or 0, ("", ""))
        out.append(
            {
                "agency": name,
                "region_code": code or "",
                "recommended": grid.row_total(i),
                "on_time": grid.value(i, 0),
                "late": grid.value(i, 1),
                "not_imposed": grid.value(i, 2),
                "blocked": blocked.value(i, 0),
            }
        )
    return out


def _funnel_rows(field: str, label: Any, keys: list[str]) -> list[dict[str, Any]]:
    counts = figures.funnel_by(CaseFact.objects.all(), field)
    ordered = sorted(counts, key=lambda k: (keys.index(k) if k in keys else 99, k))
    grid = suppress([list(counts[k]) for k in ordered], threshold(), column_totals=True)
    return [
        {
            field: k,
            "label": label(k),
            "reported": grid.value(i, 0),
            "recommended": grid.value(i, 1),
            "sanctioned": grid.value(i, 2),
        }
        for i, k in enumerate(ordered)
    ]


def _position_rows() -> list[dict[str, Any]]:
    order = ["JPT", "ADMINISTRATOR", "PENGAWAS", "KEPALA_WILAYAH", "FUNGSIONAL", "PELAKSANA"]
    return _funnel_rows("position_group", figures.position_label, order)


def _sanction_rows() -> list[dict[str, Any]]:
    counts = figures.sanctions_by_level(CaseFact.objects.all())
    order = ["MORAL", "RINGAN", "SEDANG", "BERAT", "PTDH"]
    keys = sorted(counts, key=lambda k: (order.index(k) if k in order else 99, k))
    grid = suppress([list(counts[k]) for k in keys], threshold(), column_totals=True)
    return [
        {
            "level": k,
            "label": figures.level_label(k),
            "recommended": grid.value(i, 0),
            "imposed": grid.value(i, 1),
            "as_recommended": grid.value(i, 2),
        }
        for i, k in enumerate(keys)
    ]


BUILDERS = {
    "kasus-wilayah-bulan": _cube_rows,
    "kepatuhan-ppk-instansi": _compliance_rows,
    "kategori-jabatan": _position_rows,
    "sanksi-tingkat": _sanction_rows,
}


def resource_rows(name: str) -> list[dict[str, Any]]:
    """A resource's rows (Indonesian labels whatever the request's language), cached."""
    from django.utils import translation

    def build() -> list[dict[str, Any]]:
        with translation.override("id"):
            return BUILDERS[name]()

    return per_refresh(f"stats:open:{name}", build, CACHE_SECONDS)


def _csv_lines(name: str) -> Iterator[str]:
    resource = BY_NAME[name]
    columns = [f.name for f in resource.fields]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in resource_rows(name):
        writer.writerow(["" if row[c] is None else row[c] for c in columns])
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def csv_chunks(name: str) -> Iterator[str]:
    """The resource as CSV, in 64 KB pieces; the text is cached per refresh like its rows.

    The province x month x conduct x outcome cube runs to tens of thousands of rows at
    100,000 cases: writing it per request cost more than counting it once.
    """
    text = per_refresh(f"stats:open:csv:{name}", lambda: "".join(_csv_lines(name)), CACHE_SECONDS)
    for start in range(0, max(len(text), 1), 64_000):
        yield text[start : start + 64_000]


def resource_json(name: str) -> bytes:
    """The API's answer for one resource, serialised once per refresh (like the CSV text):
    the cube's tens of thousands of rows took longer to encode than to count."""

    def build() -> bytes:
        payload = {
            "name": name,
            "schema": BY_NAME[name].descriptor()["schema"],
            "rows": resource_rows(name),
        }
        return json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False).encode()

    return per_refresh(f"stats:open:json:{name}", build, CACHE_SECONDS)


def descriptor() -> dict[str, Any]:
    last = last_refresh()
    refreshed = (last.finished_at if last else timezone.now()).isoformat(timespec="seconds")
    return {
        "profile": "tabular-data-package",
        "name": "netral-statistik-netralitas-asn",
        "title": "Statistik pengawasan netralitas ASN (Netral)",
        "description": (
            "Aggregated, de-identified figures on reports of civil-servant neutrality "
            "violations and their handling. Counts from 1 to "
            f"{threshold() - 1} are withheld (empty cells), and where a withheld cell could "
            "be worked out from a published total a second cell is withheld too. "
            "Data dictionary: each field's description; docs/statistics.md."
        ),
        "licenses": [LICENCE],
        "created": refreshed,
        "keywords": ["ASN", "netralitas", "pemilu", "pilkada", "Bawaslu", "BKN"],
        "resources": [r.descriptor() for r in RESOURCES],
    }
