"""Regions of Indonesia from the `idn-area-data` package (installed from the npm registry).

The package tracks the Kemendagri regulation on area codes; we read its CSV files rather
than typing codes by hand. Provinces and regencies/cities only: districts and villages are
not needed to route a case.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

PACKAGE = "idn-area-data"


class RegionDataMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class RegionRow:
    code: str
    name: str
    level: str
    parent_code: str | None


def data_dir() -> Path:
    root = Path(__file__).resolve().parents[2]
    node_modules = Path(os.environ.get("NETRAL_NODE_MODULES", root / "node_modules"))
    return node_modules / PACKAGE / "data"


def read_regions(directory: Path | None = None) -> Iterator[RegionRow]:
    directory = directory or data_dir()
    provinces, regencies = directory / "provinces.csv", directory / "regencies.csv"
    if not provinces.is_file() or not regencies.is_file():
        raise RegionDataMissing(
            f"region data not found in {directory}: run `npm ci` (make install) first"
        )
    with provinces.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield RegionRow(row["code"], _title(row["name"]), "PROVINCE", None)
    with regencies.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = row["name"]
            level = "CITY" if name.startswith("Kota ") else "REGENCY"
            yield RegionRow(row["code"], name, level, row["province_code"])


def _title(name: str) -> str:
    return name if name.startswith(("Provinsi", "Daerah")) else f"Provinsi {name}"


def load_regions(region_model: Any, directory: Path | None = None) -> tuple[int, int]:
    """Create or update every region; returns (created, updated). Works in migrations."""
    rows = list(read_regions(directory))
    existing = {r.code: r for r in region_model.objects.all()}
    created = updated = 0
    with transaction.atomic():
        for row in rows:
            parent = existing.get(row.parent_code) if row.parent_code else None
            current = existing.get(row.code)
            if current is None:
                current = region_model.objects.create(
                    code=row.code, name=row.name, level=row.level, parent=parent
                )
                existing[row.code] = current
                created += 1
            elif (current.name, current.level, current.parent_id) != (
                row.name,
                row.level,
                parent.pk if parent else None,
            ):
                current.name, current.level, current.parent = row.name, row.level, parent
                current.save(update_fields=["name", "level", "parent"])
                updated += 1
    return created, updated
