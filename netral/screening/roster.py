"""The roster as a compact index for matching: built once in the client, written once per
run as memory-mapped files that every worker on a machine shares.

Rows are sorted by the employer's region code, so a region, and a province with
everything under it, is one contiguous range of rows. Each name word's first and last
three letters (one typo rarely hits both ends, as in the case page's search) are
interned as fragment numbers; one sorted array of ``fragment * rows + row`` keys finds the
rows of a region sharing a fragment with a name by binary search, for every fragment and
range at once: cheap for millions of employees. Names and NIPs are fixed-width UTF-8
byte arrays, positions and agencies are stored once each.

Nothing here is a Python object per employee: a saved index is a few memory-mapped files
(``saved``), and pickling it sends only their folder, so a Dask worker maps the files
instead of receiving and holding its own copy.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import shutil
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from netral.cases.names import bare_name, folded

Rows = npt.NDArray[np.int32]
_EMPTY: Rows = np.zeros(0, dtype=np.int32)
FORMAT = 1  # of the saved files; another number is not read
_META = "meta.json"
_COLUMNS = ("nip", "name", "bare", "position_of", "agency_of", "employee_id", "keys")


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


class RosterProblem(RuntimeError):
    """A saved index that cannot be read (another format, or damaged)."""


class RosterIndex:
    def __init__(self, rows: Iterable[RosterRow]) -> None:
        ordered = sorted(rows, key=lambda r: (r.region_code, r.nip))
        digest = hashlib.sha256()
        position_ids: dict[str, int] = {}
        agency_ids: dict[tuple[str, str], int] = {}
        fragment_ids: dict[str, int] = {}
        region_codes: list[str] = []  # sorted, unique
        region_starts: list[int] = []  # the first row of each
        bares: list[str] = []
        position_of, agency_of, employee_ids, key_fragment, key_row = [], [], [], [], []
        for number, row in enumerate(ordered):
            digest.update(
                f"{row.nip}\t{row.name}\t{row.position}\t{row.agency}\t{row.region_code}"
                f"\t{row.employee_id}\n".encode()
            )
            position_of.append(position_ids.setdefault(row.position, len(position_ids)))
            agency_of.append(agency_ids.setdefault((row.agency, row.region_code), len(agency_ids)))
            employee_ids.append(-1 if row.employee_id is None else row.employee_id)
            if not region_codes or region_codes[-1] != row.region_code:
                region_codes.append(row.region_code)
                region_starts.append(number)
            bare = bare_name(row.name)
            bares.append(bare)
            for key in set(fragments(bare)):
                key_fragment.append(fragment_ids.setdefault(key, len(fragment_ids)))
                key_row.append(number)
        count = len(ordered)
        keys = np.asarray(key_fragment, dtype=np.int64) * max(count, 1)
        keys += np.asarray(key_row, dtype=np.int64)
        keys.sort()
        columns: dict[str, npt.NDArray[Any]] = {
            "nip": _texts(r.nip for r in ordered),
            "name": _texts(r.name for r in ordered),
            # ASCII letters and spaces (`bare_name`): bytes, picked by row in one step
            "bare": _texts(bares),
            "position_of": np.asarray(position_of, dtype=np.int32),
            "agency_of": np.asarray(agency_of, dtype=np.int32),
            "employee_id": np.asarray(employee_ids, dtype=np.int64),
            "keys": keys,
        }
        meta = {
            "format": FORMAT,
            "fingerprint": digest.hexdigest()[:16],
            "rows": count,
            "region_codes": region_codes,
            "region_starts": region_starts,
            "positions": list(position_ids),
            "agencies": [list(pair) for pair in agency_ids],
            "fragments": list(fragment_ids),
        }
        self._assign(columns, meta, None)

    def _assign(
        self, columns: dict[str, npt.NDArray[Any]], meta: dict[str, Any], folder: Path | None
    ) -> None:
        self.folder = folder
        self._columns = columns
        self._meta = meta
        self.fingerprint: str = meta["fingerprint"]
        self._count: int = meta["rows"]
        self._nip, self._name, self._bare = columns["nip"], columns["name"], columns["bare"]
        self.position_of = columns["position_of"]
        self.agency_of = columns["agency_of"]
        self.employee_id = columns["employee_id"]
        self._keys = columns["keys"]
        self.region_codes: list[str] = meta["region_codes"]
        self.region_starts: list[int] = meta["region_starts"]
        self.positions: list[str] = meta["positions"]
        self.agencies: list[tuple[str, str]] = [(a, r) for a, r in meta["agencies"]]
        self.positions_folded = [folded(p) for p in self.positions]
        self.agencies_folded = [folded(name) for name, _ in self.agencies]
        self._fragment_ids = {key: at for at, key in enumerate(meta["fragments"])}

    # -- saved as files, shared by every worker --------------------------------------

    def saved(self, parent: Path) -> RosterIndex:
        """This index as files in ``parent/roster-FINGERPRINT`` (written once: a run that
        resumes finds them), opened memory-mapped."""
        folder = parent / f"roster-{self.fingerprint}"
        if not (folder / _META).exists():
            temporary = parent / f".{folder.name}.{uuid.uuid4().hex[:8]}.tmp"
            temporary.mkdir(parents=True)
            try:
                for name, values in self._columns.items():
                    np.save(temporary / f"{name}.npy", values)
                text = json.dumps(self._meta, ensure_ascii=False)
                (temporary / _META).write_text(text, encoding="utf-8")  # last: the 'done' mark
                temporary.rename(folder)
            except OSError:
                shutil.rmtree(temporary, ignore_errors=True)
                if not (folder / _META).exists():  # not another process's copy: a real error
                    raise
        return RosterIndex.open(folder)

    @classmethod
    def open(cls, folder: Path | str) -> RosterIndex:
        folder = Path(folder)
        try:
            meta = json.loads((folder / _META).read_text("utf-8"))
            if meta.get("format") != FORMAT:
                raise RosterProblem(f"{folder}: roster index format {meta.get('format')}")
            columns = {
                name: np.asarray(np.load(folder / f"{name}.npy", mmap_mode="r"))
                for name in _COLUMNS
            }
        except (OSError, ValueError, KeyError) as error:
            raise RosterProblem(f"{folder}: cannot read the roster index: {error}") from error
        index = cls.__new__(cls)
        index._assign(columns, meta, folder)
        return index

    def __reduce__(self) -> str | tuple[Any, ...]:
        if self.folder is not None:  # the receiver maps the same files
            return (RosterIndex.open, (str(self.folder),))
        return super().__reduce__()

    # -- lookups -----------------------------------------------------------------------

    def __len__(self) -> int:
        return self._count

    def nip(self, row: int) -> str:
        return bytes(self._nip[row]).decode()

    def name(self, row: int) -> str:
        return bytes(self._name[row]).decode()

    def bare(self, row: int) -> str:
        return bytes(self._bare[row]).decode("ascii")

    def bare_names(self, rows: Rows) -> list[bytes]:
        """The bare names of ``rows`` as ASCII bytes, in their order (rapidfuzz ranks bytes
        as it ranks the same letters in a str, without decoding every one)."""
        names: list[bytes] = self._bare[rows].tolist()
        return names

    def _row_at(self, code: str) -> int:
        """The first row whose region code sorts at or after ``code``."""
        at = bisect.bisect_left(self.region_codes, code)
        return self.region_starts[at] if at < len(self.region_starts) else self._count

    def ranges(self, code: str) -> list[tuple[int, int]]:
        """Row ranges of employers in the region or below it, and of the province's own
        agencies when ``code`` is a regency (they work in every regency of it)."""
        # "/" sorts right after ".": code + "/" bounds every "code.xx"
        found = [(self._row_at(code), self._row_at(f"{code}/"))]
        if "." in code:
            province = code.split(".")[0]
            found.append((self._row_at(province), self._row_at(f"{province}.")))
        return [(lo, hi) for lo, hi in found if lo < hi]

    def sharing(self, bare: str, ranges: list[tuple[int, int]], rarest: int) -> Rows:
        """For each range, the rows in it that share one of the ``rarest`` fragments of
        ``bare`` that are rarest there (ties: in fragment order), ranges one after the
        other."""
        ids = self._fragment_ids
        wanted = [ids[k] for k in sorted(set(fragments(bare))) if k in ids]
        if not wanted or not ranges:
            return _EMPTY
        count = self._count
        edges = [edge for lo, hi in ranges for edge in (lo, hi)]
        bounds = np.add.outer(np.asarray(wanted, dtype=np.int64) * count, edges)
        at = np.searchsorted(self._keys, bounds.ravel()).reshape(len(wanted), len(edges))
        found = []
        for r in range(len(ranges)):
            starts, stops = at[:, 2 * r], at[:, 2 * r + 1]
            sizes = stops - starts
            # stable: equal sizes keep the fragments' order
            chosen = [i for i in np.argsort(sizes, kind="stable").tolist() if sizes[i]][:rarest]
            if chosen:
                keys = np.concatenate([self._keys[starts[i] : stops[i]] for i in chosen])
                rows = np.sort(keys % count)
                found.append(rows[np.concatenate(([True], rows[1:] != rows[:-1]))])  # unique
        if not found:
            return _EMPTY
        return np.concatenate(found).astype(np.int32)


def _texts(values: Iterable[str]) -> npt.NDArray[np.bytes_]:
    """UTF-8, fixed width (the longest): one array, no object per row. NumPy drops
    trailing NUL bytes, which UTF-8 text never ends with."""
    encoded = [value.encode() for value in values]
    return np.asarray(encoded, dtype=np.bytes_ if encoded else "S1")
