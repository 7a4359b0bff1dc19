"""The roster's header row: column names, their Indonesian aliases, and where each one is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from netral.org.roster.errors import RosterFileError

# canonical column -> accepted header spellings (compared case-insensitively, with spaces,
# dashes and underscores ignored, so "Kategori Jabatan" and "kategori_jabatan" both match).
ALIASES: dict[str, tuple[str, ...]] = {
    "nip": ("nip", "nipbaru"),
    "name": ("name", "nama", "namalengkap", "namapegawai"),
    "status": ("status", "statuspegawai", "statuskepegawaian", "jenispegawai"),
    "position": ("position", "jabatan", "namajabatan"),
    "position_category": ("positioncategory", "kategorijabatan", "jenisjabatan"),
    "agency": ("agency", "instansi", "namainstansi", "unitkerja"),
    "region_code": ("regioncode", "kodewilayah", "kodedaerah"),
}
REQUIRED = ("nip", "name", "status", "agency")
OPTIONAL = ("position", "position_category", "region_code")


def _key(header: str) -> str:
    return "".join(ch for ch in header.casefold() if ch.isalnum())


_LOOKUP = {alias: column for column, aliases in ALIASES.items() for alias in aliases}


@dataclass(frozen=True)
class Columns:
    """Index of each canonical column in a row; -1 for an optional column that is absent."""

    nip: int
    name: int
    status: int
    agency: int
    position: int
    position_category: int
    region_code: int
    width: int


def resolve_header(header: Sequence[str]) -> Columns:
    """Map a header row to column positions, or say which required columns are missing."""
    found: dict[str, int] = {}
    for index, raw in enumerate(header):
        column = _LOOKUP.get(_key(raw))
        if column is None:
            continue
        if column in found:
            raise RosterFileError(
                "duplicate_column", f"column {column!r} appears twice in the header ({raw!r})"
            )
        found[column] = index
    missing = [column for column in REQUIRED if column not in found]
    if missing:
        accepted = "; ".join(f"{c}: {'/'.join(ALIASES[c][:2])}" for c in missing)
        raise RosterFileError(
            "missing_columns",
            f"missing required column(s) {', '.join(missing)} (accepted names {accepted})",
        )
    optional = {column: found.get(column, -1) for column in OPTIONAL}
    return Columns(
        nip=found["nip"],
        name=found["name"],
        status=found["status"],
        agency=found["agency"],
        width=max(found.values()) + 1,
        **optional,
    )
