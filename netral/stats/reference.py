"""Reference tables the figures group by: BKN regional offices, position groups. No Django."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from netral.datafiles import DataFileError, check_fields, read_strict_yaml

DATA = Path(__file__).resolve().parent / "data"
KEPALA_WILAYAH = "KEPALA_WILAYAH"
UNMAPPED = "TIDAK_TERPETAKAN"


@dataclass(frozen=True)
class Office:
    id: str
    name: str
    provinces: tuple[str, ...]
    confirmed: bool


@cache
def kanreg_offices(path: Path = DATA / "kanreg.yaml") -> tuple[Office, ...]:
    data = read_strict_yaml(path)
    check_fields(str(path), data, ("source", "offices"))
    offices: list[Office] = []
    seen: set[str] = set()
    for index, entry in enumerate(data["offices"]):
        where = f"{path}: offices[{index}]"
        check_fields(where, entry, ("id", "name", "provinces", "confirmed"))
        provinces = tuple(str(p) for p in entry["provinces"])
        twice = seen & set(provinces)
        if twice:
            raise DataFileError(f"{where}: province {sorted(twice)[0]} has two offices")
        seen |= set(provinces)
        offices.append(Office(entry["id"], entry["name"], provinces, bool(entry["confirmed"])))
    return tuple(offices)


def kanreg_for_province(code: str) -> str:
    """The office id serving a province, or UNMAPPED."""
    for office in kanreg_offices():
        if code in office.provinces:
            return office.id
    return UNMAPPED


@cache
def _position_rules(path: Path = DATA / "position_groups.yaml") -> tuple[tuple[str, ...], ...]:
    data = read_strict_yaml(path)
    check_fields(str(path), data, ("kepala_wilayah_titles", "acting_prefixes"))
    titles = tuple(str(t).lower() for t in data["kepala_wilayah_titles"])
    prefixes = tuple(str(p).lower() for p in data["acting_prefixes"])
    return titles, prefixes


def position_group(title: str, category: str) -> str:
    """KEPALA_WILAYAH for a camat or lurah (acting ones too), else the roster category."""
    titles, prefixes = _position_rules()
    words = title.lower().split()
    while words and words[0] in prefixes:
        words = words[1:]
    if words and words[0] in titles:
        return KEPALA_WILAYAH
    return category
