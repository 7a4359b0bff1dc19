"""Regions of Indonesia from the `idn-area-data` package (installed from the npm registry).

The package tracks the Kemendagri regulation on area codes; we read its CSV files rather
than typing codes by hand. Provinces and regencies/cities only: districts and villages are
not needed to route a case.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db import transaction

from netral.org.region_files import RegionDataMissing, RegionRow, data_dir, read_regions

__all__ = ["RegionDataMissing", "RegionRow", "data_dir", "load_regions", "read_regions"]


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
