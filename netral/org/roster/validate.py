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
    """Why a row is rejected, in English; `nip_valid` says whether it can still be staged
    for the duplicate check."""

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
        self.check = self._checker()

    def _checker(self) -> Callable[[int, Sequence[str]], StagedRow | Rejection]:
        """The per-row check, with column positions and caches bound as local names."""
        c, today, width = self.columns, self.today, self.columns.width
        nip_at, name_at, status_at, agency_at = c.nip, c.name, c.status, c.agency
        position_at, category_at, region_at = c.position, c.position_category, c.region_code
        statuses, categories, agencies = self._statuses, self._categories, self._agencies

        def check(number: int, cells: Sequence[str]) -> StagedRow | Rejection:
            """The row ready to stage, or why it is rejected (reasons in English)."""
            if len(cells) < width:
                cells = [*cells, *[""] * (width - len(cells))]
            nip = cells[nip_at].strip()
            name = cells[name_at].strip()
            position = cells[position_at].strip() if position_at >= 0 else ""
            status = statuses.get(cells[status_at])
            category = categories.get(cells[category_at] if category_at >= 0 else "")
            agency = agencies.get((cells[agency_at], cells[region_at] if region_at >= 0 else ""))
            if (
                status is not None
                and category is not None
                and agency is not None
                and agency[0] is not None
                and name
                and len(name) <= MAX_TEXT
                and len(position) <= MAX_TEXT
                and not validate_nip(nip, today)
            ):
                return (number, nip, True, name, status, position, category, agency[0])
            return self._explain(number, nip, name, position, cells)

        return check

    def _explain(
        self, number: int, nip: str, name: str, position: str, cells: Sequence[str]
    ) -> StagedRow | Rejection:
        """The slow path: a spelling or agency seen for the first time, or a faulty row."""
        c = self.columns
        reasons = validate_nip(nip, self.today)
        nip_valid = not reasons
        if not nip_valid and "E+" in nip:
            reasons.append("the NIP cell holds a number: format the NIP column as text")
        if not name:
            reasons.append("name is empty")
        elif len(name) > MAX_TEXT:
            reasons.append(f"name is longer than {MAX_TEXT} characters")
        if len(position) > MAX_TEXT:
            reasons.append(f"position is longer than {MAX_TEXT} characters")
        status = self._status(cells[c.status], reasons)
        category_cell = cells[c.position_category] if c.position_category >= 0 else ""
        category = self._category(category_cell, reasons)
        region_cell = cells[c.region_code] if c.region_code >= 0 else ""
        agency = self._agency(cells[c.agency], region_cell, reasons)
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
