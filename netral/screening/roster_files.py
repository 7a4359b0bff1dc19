"""A roster file for screening without a database: Parquet, or CSV with the import's
column names (`docs/roster.md`); `employee_id` is an optional extra column."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from netral.org.roster.columns import ALIASES
from netral.screening.inputs import PARQUET_MAGIC
from netral.screening.roster import RosterRow

_LOOKUP = {alias: column for column, aliases in ALIASES.items() for alias in aliases}
_LOOKUP["employeeid"] = "employee_id"
REQUIRED = ("nip", "name", "agency")


class RosterFileProblem(ValueError):
    pass


def _canonical(header: str) -> str:
    return _LOOKUP.get("".join(ch for ch in header.casefold() if ch.isalnum()), "")


def _row(values: dict[str, Any]) -> RosterRow:
    employee_id = values.get("employee_id")
    return RosterRow(
        nip=str(values.get("nip") or ""),
        name=str(values.get("name") or ""),
        position=str(values.get("position") or ""),
        agency=str(values.get("agency") or ""),
        region_code=str(values.get("region_code") or ""),
        employee_id=int(employee_id) if employee_id not in (None, "") else None,
    )


def read_roster_file(path: Path) -> Iterator[RosterRow]:
    with path.open("rb") as handle:
        parquet = handle.read(4) == PARQUET_MAGIC
    return _parquet(path) if parquet else _csv(path)


def _check(columns: list[str], path: Path) -> None:
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise RosterFileProblem(f"{path}: roster columns missing: {', '.join(missing)}")


def _parquet(path: Path) -> Iterator[RosterRow]:
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    names = {name: _canonical(name) for name in parquet.schema_arrow.names}
    _check(list(names.values()), path)
    for batch in parquet.iter_batches(
        batch_size=50_000, columns=[n for n, c in names.items() if c]
    ):
        for record in batch.to_pylist():
            yield _row({names[k]: v for k, v in record.items()})


def _csv(path: Path) -> Iterator[RosterRow]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        first = handle.readline()
        delimiter = max(",;\t|", key=first.count)
        handle.seek(0)
        reader = csv.reader(handle, delimiter=delimiter)
        header = [_canonical(name) for name in next(reader, [])]
        _check(header, path)
        for cells in reader:
            if any(cell.strip() for cell in cells):
                yield _row(dict(zip(header, cells, strict=False)))
