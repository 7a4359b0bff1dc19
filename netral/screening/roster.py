"""The roster as a compact index for matching on a worker: built once in the client,
broadcast once to every worker.

Columns are plain lists and numpy arrays (positions and agencies stored once each), and
two blockings keep a lookup cheap for millions of employees: by the employer's region
(exact code and province) and by name fragments (each name word's first and last three
letters: one typo rarely hits both ends, as in the case page's search).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from netral.cases.names import bare_name

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


def _arrays(groups: dict[str, list[int]]) -> dict[str, Rows]:
    return {key: np.asarray(rows, dtype=np.int32) for key, rows in groups.items()}


class RosterIndex:
    def __init__(self, rows: Iterable[RosterRow]) -> None:
        digest = hashlib.sha256()
        self.nip: list[str] = []
        self.name: list[str] = []
        self.bare: list[str] = []
        self.positions: list[str] = []
        self.agencies: list[tuple[str, str]] = []  # (name, region code)
        position_ids: dict[str, int] = {}
        agency_ids: dict[tuple[str, str], int] = {}
        position_of: list[int] = []
        agency_of: list[int] = []
        employee_ids: list[int] = []
        by_region: dict[str, list[int]] = {}
        by_fragment: dict[str, list[int]] = {}
        for number, row in enumerate(rows):
            digest.update(
                f"{row.nip}\t{row.name}\t{row.position}\t{row.agency}\t{row.region_code}"
                f"\t{row.employee_id}\n".encode()
            )
            bare = bare_name(row.name)
            self.nip.append(row.nip)
            self.name.append(row.name)
            self.bare.append(bare)
            position_of.append(position_ids.setdefault(row.position, len(position_ids)))
            agency_key = (row.agency, row.region_code)
            agency_of.append(agency_ids.setdefault(agency_key, len(agency_ids)))
            employee_ids.append(-1 if row.employee_id is None else row.employee_id)
            for key in _region_keys(row.region_code):
                by_region.setdefault(key, []).append(number)
            for key in set(fragments(bare)):
                by_fragment.setdefault(key, []).append(number)
        self.positions = list(position_ids)
        self.agencies = list(agency_ids)
        self.position_of = np.asarray(position_of, dtype=np.int32)
        self.agency_of = np.asarray(agency_of, dtype=np.int32)
        self.employee_id = np.asarray(employee_ids, dtype=np.int64)
        self.by_region = _arrays(by_region)
        self.by_fragment = _arrays(by_fragment)
        self.fingerprint = digest.hexdigest()[:16]

    def __len__(self) -> int:
        return len(self.nip)

    def in_region(self, code: str) -> Rows:
        """Employees whose employer is in the region, below it, or the province above it
        (a province's own agencies work in every regency of it)."""
        found = [self.by_region.get(f"={code}", _EMPTY), self.by_region.get(f"<{code}", _EMPTY)]
        if "." in code:
            found.append(self.by_region.get(f"={code.split('.')[0]}", _EMPTY))
        return np.unique(np.concatenate(found))

    def named(self, bare: str) -> tuple[Rows, Rows]:
        """Rows sharing a name fragment with ``bare``, and how many fragments each shares."""
        found = [self.by_fragment.get(key, _EMPTY) for key in set(fragments(bare))]
        if not found:
            return _EMPTY, _EMPTY
        rows, counts = np.unique(np.concatenate(found), return_counts=True)
        return rows.astype(np.int32), counts.astype(np.int32)


def _region_keys(code: str) -> list[str]:
    """ "=code" for the region itself, "<province" for everything under a province."""
    if not code:
        return ["=", "<"]
    keys = [f"={code}"]
    if "." in code:
        keys.append(f"<{code.split('.')[0]}")
    return keys
