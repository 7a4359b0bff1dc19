"""Reading a signature list (CSV or XLSX, one row per signing employee) and matching its
NIPs to the roster of the pledge's agency."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from netral.org.roster.sources import open_roster

NIP_HEADERS = frozenset({"nip", "nip baru", "nomor induk pegawai"})
DATE_HEADERS = frozenset(
    {"tanggal", "tanggal tanda tangan", "tanggal ikrar", "tanggal_tanda_tangan"}
)
_NOT_DIGITS = re.compile(r"[\s.\-']")


class SignatureFileError(ValueError):
    """The file is not a signature list (English message; pages show their own)."""


@dataclass(frozen=True)
class SignatureRow:
    row: int
    nip: str
    signed_on: datetime.date | None


@dataclass
class Unmatched:
    row: int
    nip: str
    reason: str  # "invalid_nip", "not_in_roster", "other_agency", "duplicate_row"


@dataclass
class ImportReport:
    rows: int = 0
    added: int = 0
    already: int = 0
    unmatched: list[Unmatched] = field(default_factory=list)


def _header_index(header: list[str], names: frozenset[str]) -> int | None:
    for index, cell in enumerate(header):
        if " ".join(str(cell).casefold().replace("_", " ").split()) in names:
            return index
    return None


def _date(raw: str) -> datetime.date | None:
    raw = raw.strip()
    if not raw:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.datetime.strptime(raw, pattern).date()  # noqa: DTZ007  (a date)
        except ValueError:
            continue
    return None


def read_signatures(path: Path) -> Iterator[SignatureRow | Unmatched]:
    """Each row as a SignatureRow, or Unmatched when its NIP is not 18 digits."""
    try:
        with open_roster(path) as source:
            header = [str(h) for h in source.header]
            nip_at = _header_index(header, NIP_HEADERS)
            if nip_at is None:
                raise SignatureFileError("no NIP column in the header row")
            date_at = _header_index(header, frozenset(h.replace("_", " ") for h in DATE_HEADERS))
            for number, cells in source.rows():
                raw = str(cells[nip_at]) if nip_at < len(cells) else ""
                nip = _NOT_DIGITS.sub("", raw)
                if not nip:
                    continue  # an empty line
                if len(nip) != 18 or not nip.isdigit():
                    yield Unmatched(number, raw.strip()[:40], "invalid_nip")
                    continue
                day = (
                    _date(str(cells[date_at]))
                    if date_at is not None and date_at < len(cells)
                    else None
                )
                yield SignatureRow(number, nip, day)
    except ValueError as error:
        if isinstance(error, SignatureFileError):
            raise
        raise SignatureFileError(str(error)) from error
