"""The roster as a compact index for matching on a worker: built once in the client,
broadcast once to every worker.

Rows are sorted by the employer's region code, so a region, and a province with
everything under it, is one contiguous range of rows. Each name word's first and last
three letters (one typo rarely hits both ends, as in the case page's search) map to the
sorted rows that have it, so the rows of a region sharing a fragment with a name are a
slice found by two binary searches: cheap for millions of employees. Positions and
agencies are stored once each.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from netral.cases.names import bare_name, folded

Rows = npt.NDArray[np.int32]
_EMPTY: Rows = np.zeros(0, dtype=np.int32)


@dataclass(frozen=True, slots=True)
class RosterRow:
    nip: str
    name: str
    position: str
    agency: str
    region_code: str  # the employer's region; "" for a central agency
    employee_id: int | None = None


def fragments(bare: str) -> Iterator[str]:
    for word in bare.split():
        if len(word) >= 3:
            yield f"^{word[:3]}"
            yield f"{word[-3:]}$"


class RosterIndex:
    def __init__(self, rows: Iterable[RosterRow]) -> None:
        ordered = sorted(rows, key=lambda r: (r.region_code, r.nip))
        digest = hashlib.sha256()
        self.nip = [row.nip for row in ordered]
        self.name = [row.name for row in ordered]
        self.bare = [bare_name(row.name) for row in ordered]
        position_ids: dict[str, int] = {}
        agency_ids: dict[tuple[str, str], int] = {}
        by_fragment: dict[str, list[int]] = {}
        self.region_codes: list[str] = []  # sorted, unique
        self.region_starts: list[int] = []  # the first row of each
        position_of, agency_of, employee_ids = [], [], []
        for number, row in enumerate(ordered):
            digest.update(
                f"{row.nip}\t{row.name}\t{row.position}\t{row.agency}\t{row.region_code}"
                f"\t{row.employee_id}\n".encode()
            )
            position_of.append(position_ids.setdefault(row.position, len(position_ids)))
            agency_of.append(agency_ids.setdefault((row.agency, row.region_code), len(agency_ids)))
            employee_ids.append(-1 if row.employee_id is None else row.employee_id)
            if not self.region_codes or self.region_codes[-1] != row.region_code:
                self.region_codes.append(row.region_code)
                self.region_starts.append(number)
            for key in set(fragments(self.bare[number])):
                by_fragment.setdefault(key, []).append(number)
        self.positions = list(position_ids)
        self.agencies = list(agency_ids)  # (name, region code)
        self.positions_folded = [folded(p) for p in self.positions]
        self.agencies_folded = [folded(name) for name, _ in self.agencies]
        self.position_of = np.asarray(position_of, dtype=np.int32)
        self.agency_of = np.asarray(agency_of, dtype=np.int32)
        self.employee_id = np.asarray(employee_ids, dtype=np.int64)
        self.by_fragment = {k: np.asarray(v, dtype=np.int32) for k, v in by_fragment.items()}
        self.fingerprint = digest.hexdigest()[:16]

    def __len__(self) -> int:
        return len(self.nip)

    def _row_at(self, code: str) -> int:
        """The first row whose region code sorts at or after ``code``."""
        at = bisect.bisect_left(self.region_codes, code)
        return self.region_starts[at] if at < len(self.region_starts) else len(self.nip)

    def ranges(self, code: str) -> list[tuple[int, int]]:
        """Row ranges of employers in the region or below it, and of the province's own
        agencies when ``code`` is a regency (they work in every regency of it)."""
        # "/" sorts right after ".": code + "/" bounds every "code.xx"
        found = [(self._row_at(code), self._row_at(f"{code}/"))]
        if "." in code:
            province = code.split(".")[0]
            found.append((self._row_at(province), self._row_at(f"{province}.")))
        return [(lo, hi) for lo, hi in found if lo < hi]

    def sharing(self, bare: str, lo: int, hi: int, rarest: int | None = None) -> Rows:
        """Rows in [lo, hi) that share a name fragment with ``bare`` (only its ``rarest``
        fragments there that any row has, when given)."""
        found = []
        for key in set(fragments(bare)):
            posting = self.by_fragment.get(key)
            if posting is not None:
                # bounds of the posting's own dtype: anything else converts the whole array
                start, stop = np.searchsorted(posting, np.array((lo, hi), dtype=np.int32))
                found.append(posting[start:stop])
        found = [rows for rows in found if len(rows)]
        if rarest is not None:
            found = sorted(found, key=len)[:rarest]
        if not found:
            return _EMPTY
        return np.unique(np.concatenate(found)).astype(np.int32)
