"""Finding a row's agency by name (and region code), creating it when asked to."""

from __future__ import annotations

from collections import defaultdict

from netral.org.models import Agency, AgencyLevel, Region, RegionLevel

_AGENCY_LEVEL = {
    RegionLevel.PROVINCE: AgencyLevel.PROVINCE,
    RegionLevel.REGENCY: AgencyLevel.REGENCY_CITY,
    RegionLevel.CITY: AgencyLevel.REGENCY_CITY,
}


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


class AgencyDirectory:
    """Every agency and region, loaded once per import (there are thousands, not millions)."""

    def __init__(self, *, create: bool) -> None:
        self.create = create
        self.pending: dict[int, tuple[str, str]] = {}
        self.regions = {region.code: region for region in Region.objects.all()}
        self.by_name: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for agency_id, name, code in Agency.objects.values_list("id", "name", "region__code"):
            self.by_name[_fold(name)].append((agency_id, code or ""))

    def resolve(self, name: str, region_code: str) -> tuple[int | None, str | None]:
        """(agency id, None), or (None, an English reason the row cannot use it)."""
        if region_code and region_code not in self.regions:
            return None, f"unknown region code {region_code!r}"
        candidates = self.by_name.get(_fold(name), [])
        if region_code:
            candidates = [c for c in candidates if c[1] == region_code]
        if len(candidates) == 1:
            return candidates[0][0], None
        if candidates:
            codes = ", ".join(sorted(code or "none" for _, code in candidates))
            return None, (
                f"agency {name!r} exists in several regions ({codes}): add a region_code column"
            )
        if not self.create:
            where = f" in region {region_code}" if region_code else ""
            return None, f"unknown agency {name!r}{where} (use --create-agencies to add it)"
        return self._create(name, region_code), None

    def _create(self, name: str, region_code: str) -> int:
        # Rows are checked while PostgreSQL's COPY holds the connection, so new agencies
        # get a negative placeholder id now and are created after the copy.
        placeholder = -1 - len(self.pending)
        self.pending[placeholder] = (name, region_code)
        self.by_name[_fold(name)].append((placeholder, region_code))
        return placeholder

    def create_pending(self) -> dict[int, int]:
        """Create the agencies met in the file; placeholder id -> real id."""
        created = {}
        for placeholder, (name, region_code) in self.pending.items():
            region = self.regions.get(region_code) if region_code else None
            level = _AGENCY_LEVEL[RegionLevel(region.level)] if region else AgencyLevel.CENTRAL
            created[placeholder] = Agency.objects.create(name=name, region=region, level=level).id
        return created
