"""Checking one roster row: NIP, name, status, category and agency.

Runs once per row of files with a million rows, so the common path is a handful of
string operations and dictionary look-ups; status, category and agency spellings are
cached by their raw text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from netral.org.nip import validate_nip
from netral.org.roster.columns import Columns
from netral.org.roster.values import category_code, status_code

MAX_TEXT = 200  # Employee.name and Employee.position are CharField(max_length=200)

# (agency name, region code or "") -> (agency id, None) or (None, reason)
AgencyResolver = Callable[[str, str], tuple[int | None, str | None]]

# row number, NIP, valid, name, status, position, category, agency id. Rows rejected for
# other reasons are staged too when their NIP is valid (valid False, the rest None), so
# that a duplicate NIP is reported even when one of its rows has another fault.
StagedRow = tuple[int, str, bool, str | None, str | None, str | None, str | None, int | None]


class Rejection:
    __slots__ = ("nip", "nip_valid", "reasons")

    def __init__(self, nip: str, nip_valid: bool, reasons: list[str]) -> None:
        self.nip = nip
        self.nip_valid = nip_valid
        self.reasons = reasons

    def staged(self, number: int) -> StagedRow:
        return (number, self.nip, False, None, None, None, None, None)


class RowValidator:
    def __init__(self, columns: Columns, resolve_agency: AgencyResolver, today: date) -> None:
        self.columns = columns
        self.resolve_agency = resolve_agency
        self.today = today
        self._statuses: dict[str, str | None] = {}
        self._categories: dict[str, str | None] = {}
        self._agencies: dict[tuple[str, str], tuple[int | None, str | None]] = {}

    def check(self, number: int, cells: Sequence[str]) -> StagedRow | Rejection:
        """The row ready to stage, or why it is rejected (reasons in English)."""
        c = self.columns
        if len(cells) < c.width:
            cells = [*cells, *[""] * (c.width - len(cells))]
        nip = cells[c.nip].strip()
        reasons = validate_nip(nip, self.today)
        nip_valid = not reasons
        if not nip_valid and "E+" in nip:
            reasons.append("the NIP cell holds a number: format the NIP column as text")
        name = cells[c.name].strip()
        if not name:
            reasons.append("name is empty")
        elif len(name) > MAX_TEXT:
            reasons.append(f"name is longer than {MAX_TEXT} characters")
        position = cells[c.position].strip() if c.position >= 0 else ""
        if len(position) > MAX_TEXT:
            reasons.append(f"position is longer than {MAX_TEXT} characters")
        status = self._status(cells[c.status], reasons)
        category = self._category(
            cells[c.position_category] if c.position_category >= 0 else "", reasons
        )
        agency = self._agency(
            cells[c.agency], cells[c.region_code] if c.region_code >= 0 else "", reasons
        )
        if reasons:
            return Rejection(nip, nip_valid, reasons)
        return (number, nip, True, name, status, position, category, agency)

    def _status(self, raw: str, reasons: list[str]) -> str:
        try:
            code = self._statuses[raw]
        except KeyError:
            code = self._statuses[raw] = status_code(raw)
        if code is None:
            reasons.append(f"unknown status {raw.strip()!r} (expected PNS, CPNS, PPPK or NON_ASN)")
            return ""
        return code

    def _category(self, raw: str, reasons: list[str]) -> str:
        try:
            code = self._categories[raw]
        except KeyError:
            code = self._categories[raw] = category_code(raw)
        if code is None:
            reasons.append(
                f"unknown position category {raw.strip()!r} (expected JPT, ADMINISTRATOR, "
                "PENGAWAS, FUNGSIONAL, PELAKSANA or LAINNYA)"
            )
            return ""
        return code

    def _agency(self, name: str, region: str, reasons: list[str]) -> int | None:
        key = (name, region)
        try:
            agency, reason = self._agencies[key]
        except KeyError:
            agency, reason = self._agencies[key] = self._resolve(name, region)
        if reason is not None:
            reasons.append(reason)
        return agency

    def _resolve(self, name: str, region: str) -> tuple[int | None, str | None]:
        name, region = " ".join(name.split()), region.strip()
        if not name:
            return None, "agency is empty"
        if len(name) > MAX_TEXT:
            return None, f"agency name is longer than {MAX_TEXT} characters"
        return self.resolve_agency(name, region)
