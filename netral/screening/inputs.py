"""Inputs cut into partitions, and one partition read back as records.

JSON Lines and CSV are cut at record boundaries by byte offset after one scan of the
file (a CSV record ends at a line break outside quotes), Parquet by row group. A
partition holds at most ``size`` records and about ``MAX_BYTES`` of text, so a worker's
memory stays flat whatever the input's size. Positions are what a person finds in the
file: the line number (JSON Lines), the row number with the header as row 1 (CSV), the
row index from 0 (Parquet).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_BYTES = 16 * 1024 * 1024
DELIMITERS = ",;\t|"
PARQUET_MAGIC = b"PAR1"


class InputError(ValueError):
    """An input that cannot be read at all (missing, not a known format)."""


@dataclass(frozen=True)
class Partition:
    index: int
    path: str
    kind: str  # "jsonl", "csv" or "parquet"
    start: int  # byte offset, or the row group (Parquet)
    stop: int  # byte offset (exclusive), or the row group again (Parquet)
    first: int  # position of the first record
    header: tuple[str, ...] = ()  # CSV column names, folded
    delimiter: str = ","
    rows: tuple[int, int] = (0, 0)  # Parquet: the slice of the row group

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"


@dataclass
class Record:
    position: int
    value: dict[str, Any] | None = None
    error: str = ""  # set when the record could not even be parsed
    ident: Any = field(default=None)


def kind_of(path: Path) -> str:
    with path.open("rb") as handle:
        head = handle.read(4096)
    if head.startswith(PARQUET_MAGIC):
        return "parquet"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not stripped:
        return "jsonl" if path.suffix.lower() in {".jsonl", ".ndjson", ".json"} else "csv"
    return "jsonl" if stripped.startswith(b"{") else "csv"


def plan_partitions(paths: Sequence[Path], size: int) -> list[Partition]:
    """Every input cut into partitions of at most ``size`` records, numbered in order."""
    planned: list[Partition] = []
    for path in paths:
        if not path.is_file():
            raise InputError(f"{path}: not a readable file")
        kind = kind_of(path)
        if kind == "parquet":
            cuts = _parquet_cuts(path, size)
        elif kind == "csv":
            cuts = _csv_cuts(path, size)
        else:
            cuts = _line_cuts(path, size)
        for cut in cuts:
            planned.append(Partition(len(planned), str(path.resolve()), kind, *cut))
    return planned


Cut = tuple[Any, ...]


def _line_cuts(path: Path, size: int) -> Iterator[Cut]:
    start = offset = 0
    first = line = 1
    count = 0
    with path.open("rb") as handle:
        for raw in handle:
            offset += len(raw)
            count += bool(raw.strip())
            if count >= size or offset - start >= MAX_BYTES:
                yield start, offset, first
                start, first, count = offset, line + 1, 0
            line += 1
    if count:
        yield start, offset, first


def _csv_cuts(path: Path, size: int) -> Iterator[Cut]:
    """One pass over the bytes: a record ends at a line break with an even number of
    quote characters before it (RFC 4180 doubles quotes inside quoted fields)."""
    with path.open("rb") as handle:
        header_bytes = b""
        for raw in handle:
            header_bytes += raw
            if header_bytes.count(b'"') % 2 == 0:
                break
        header, delimiter = _csv_header(header_bytes)
        start = offset = len(header_bytes)
        first = row = 2
        count, quotes, blank = 0, 0, True
        for raw in handle:
            offset += len(raw)
            quotes += raw.count(b'"')
            blank = blank and not raw.strip()
            if quotes % 2:
                continue  # inside a quoted field: the record goes on
            count += not blank
            quotes, blank = 0, True
            row += 1
            if count >= size or offset - start >= MAX_BYTES:
                yield start, offset, first, header, delimiter
                start, first, count = offset, row, 0
        if count or offset > start:
            yield start, offset, first, header, delimiter


def _csv_header(raw: bytes) -> tuple[tuple[str, ...], str]:
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("the CSV header is not UTF-8") from None
    if not line.strip():
        raise InputError("the CSV file has no header")
    delimiter = max(DELIMITERS, key=line.count)
    names = next(csv.reader(io.StringIO(line), delimiter=delimiter))
    folded = tuple(name.strip().lower() for name in names)
    if "id" not in folded or "text" not in folded:
        raise InputError("the CSV header must name the columns id and text")
    return folded, delimiter


def _parquet_cuts(path: Path, size: int) -> Iterator[Cut]:
    import pyarrow.parquet as pq

    metadata = pq.ParquetFile(path).metadata
    first = 0
    for group in range(metadata.num_row_groups):
        rows = metadata.row_group(group).num_rows
        for begin in range(0, rows, size):
            end = min(begin + size, rows)
            yield group, group, first + begin, (), ",", (begin, end)
        first += rows


def read_partition(partition: Partition) -> Iterator[Record]:
    """The partition's records in order; unparsable ones carry their error."""
    if partition.kind == "parquet":
        return _parquet_records(partition)
    with Path(partition.path).open("rb") as handle:
        handle.seek(partition.start)
        data = handle.read(partition.stop - partition.start)
    if partition.kind == "csv":
        return _csv_records(partition, data)
    return _json_records(partition, data)


def _json_records(partition: Partition, data: bytes) -> Iterator[Record]:
    for number, raw in enumerate(data.split(b"\n"), start=partition.first):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            yield Record(number, error="invalid UTF-8")
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            yield Record(number, error=f"invalid JSON: {error.msg}")
            continue
        if isinstance(value, dict):
            yield Record(number, value)
        else:
            yield Record(number, error="a line must be a JSON object")


def _csv_records(partition: Partition, data: bytes) -> Iterator[Record]:
    text = data.decode("utf-8", errors="surrogateescape")
    header = partition.header
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=partition.delimiter)
    number = partition.first
    for cells in reader:
        position = number
        number += 1
        if not any(cell.strip() for cell in cells):
            continue
        if any("\udc80" <= ch <= "\udcff" for cell in cells for ch in cell):
            yield Record(position, error="invalid UTF-8")
        elif len(cells) != len(header):
            yield Record(position, error=f"row has {len(cells)} fields, the header {len(header)}")
        else:
            yield Record(position, dict(zip(header, cells, strict=True)))


def _parquet_records(partition: Partition) -> Iterator[Record]:
    import pyarrow.parquet as pq

    from netral.screening.posts import OPTIONAL

    parquet = pq.ParquetFile(partition.path)
    wanted = {"id", "text", *OPTIONAL}
    columns = [name for name in parquet.schema_arrow.names if name in wanted]
    begin, end = partition.rows
    table = parquet.read_row_group(partition.start, columns=columns).slice(begin, end - begin)
    for offset, value in enumerate(table.to_pylist()):
        yield Record(partition.first + offset, value)
