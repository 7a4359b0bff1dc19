"""The office time zone of a region (WIB, WITA, WIT), from `data/zones.yaml`. No Django."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from netral.datafiles import read_strict_yaml

ZONES_FILE = Path(__file__).resolve().parent / "data" / "zones.yaml"
DEFAULT_ZONE = "WIB"  # a case without a region is shown in the capital's time


@dataclass(frozen=True)
class OfficeZone:
    abbreviation: str  # WIB, WITA, WIT
    tz: ZoneInfo


@cache
def _by_province() -> dict[str, OfficeZone]:
    data = read_strict_yaml(ZONES_FILE)
    out: dict[str, OfficeZone] = {}
    for abbreviation, zone in data["zones"].items():
        for province in zone["provinces"]:
            if province in out:
                raise ValueError(f"{ZONES_FILE}: province {province} is in two zones")
            out[str(province)] = OfficeZone(abbreviation, ZoneInfo(zone["tz"]))
    return out


def zone_for_region(code: str | None) -> OfficeZone:
    """The zone of a region code (`73.71` → WITA); WIB when unknown."""
    zones = _by_province()
    province = (code or "").split(".", 1)[0]
    return zones.get(province) or zones[_default_province()]


@cache
def _default_province() -> str:
    return next(p for p, z in _by_province().items() if z.abbreviation == DEFAULT_ZONE)


def end_of_day(day: datetime.date, zone: OfficeZone) -> datetime.datetime:
    """The last moment of a due date in the office's zone (an aware datetime)."""
    return datetime.datetime.combine(day, datetime.time(23, 59), tzinfo=zone.tz)
