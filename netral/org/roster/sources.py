"""Reading a roster file row by row, CSV or XLSX, without holding it in memory.

The kind of file is decided by its first bytes, not its name: a PNG renamed `.csv` or a
0-byte upload gets a clear `RosterFileError` before anything is imported.
"""

from __future__ import annotations

import codecs
import csv
import io
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from netral.org.roster.errors import RosterFileError

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls format
SNIFF_BYTES = 1 << 16
DELIMITERS = (",", ";", "\t", "|")


class RosterRows(Protocol):
    """The header (row 1) and then (row number, cells) for every later row."""

    header: Sequence[str]

    def rows(self) -> Iterator[tuple[int, Sequence[str]]]: ...

    def done_fraction(self) -> float | None: ...


@contextmanager
def open_roster(path: Path) -> Iterator[RosterRows]:
    """Open `path` as CSV or XLSX; raise RosterFileError if it is neither."""
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if not head:
        raise RosterFileError("empty_file", f"{path.name} is empty (0 bytes)")
    if head.startswith(OLE_MAGIC):
        raise RosterFileError(
            "old_excel", f"{path.name} is an old .xls workbook: save it as .xlsx or CSV"
        )
    if head.startswith(ZIP_MAGIC):
        with _open_xlsx(path) as xlsx_rows:
            yield xlsx_rows
        return
    delimiter = _sniff_text(path, head)
    with path.open("rb", buffering=0) as raw:
        yield CsvRows(path, raw, delimiter)


def _sniff_text(path: Path, head: bytes) -> str:
    """Refuse binary or non-UTF-8 content; guess the delimiter from the header line."""
    try:
        text = codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=False)
    except UnicodeDecodeError as error:
        raise RosterFileError(
            "not_text",
            f"{path.name} is neither UTF-8 CSV text nor an XLSX workbook "
            f"(invalid byte at offset {error.start})",
        ) from None
    if "\x00" in text:
        raise RosterFileError("not_text", f"{path.name} contains NUL bytes: it is not CSV text")
    first_line = text.split("\n", 1)[0]
    counts = {delimiter: first_line.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


class _CountingReader(io.RawIOBase):
    """Counts bytes read, so progress is known without seeking in the text stream."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        read = self.raw.readinto(buffer)  # type: ignore[attr-defined]
        self.count += read or 0
        return int(read or 0)


class CsvRows:
    def __init__(self, path: Path, raw: BinaryIO, delimiter: str) -> None:
        self.path = path
        self.size = path.stat().st_size
        self.counter = _CountingReader(raw)
        buffered = io.BufferedReader(self.counter, 1 << 16)
        self.text = io.TextIOWrapper(buffered, encoding="utf-8-sig", newline="")
        self.reader = csv.reader(self.text, delimiter=delimiter)
        self.header: Sequence[str] = self._first_record()

    def _first_record(self) -> Sequence[str]:
        header = next(self._records(), None)
        if header is None or not any(cell.strip() for cell in header):
            raise RosterFileError("no_header", f"{self.path.name} has no header row")
        return header

    def _records(self) -> Iterator[list[str]]:
        try:
            yield from self.reader
        except UnicodeDecodeError:
            raise RosterFileError(
                "not_utf8",
                f"{self.path.name} is not valid UTF-8 after row {self.reader.line_num}: "
                "save it as CSV UTF-8",
            ) from None
        except csv.Error as error:
            raise RosterFileError(
                "bad_csv", f"{self.path.name} row {self.reader.line_num}: {error}"
            ) from None

    def rows(self) -> Iterator[tuple[int, Sequence[str]]]:
        # Records, not physical lines, so a quoted cell spanning lines is still one row,
        # as a spreadsheet shows it; blank lines keep their number.
        return enumerate(self._records(), start=2)

    def done_fraction(self) -> float | None:
        return self.counter.count / self.size if self.size else None


@contextmanager
def _open_xlsx(path: Path) -> Iterator[XlsxRows]:
    from openpyxl import load_workbook  # only XLSX imports pay for openpyxl

    # A file object, not the path: openpyxl would otherwise judge the file by its suffix.
    with path.open("rb") as handle:
        try:
            with warnings.catch_warnings():
                # openpyxl warns about styles and extensions it ignores; they do not matter.
                warnings.simplefilter("ignore")
                book = load_workbook(handle, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
            raise RosterFileError(
                "not_xlsx", f"{path.name} is a ZIP file but not a readable XLSX workbook ({error})"
            ) from None
        try:
            yield XlsxRows(path, book.active)
        finally:
            book.close()


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # A long NIP typed as a number has lost digits; keep Excel's spelling so the
        # validator can say so instead of importing a wrong number.
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:E}"
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


class XlsxRows:
    def __init__(self, path: Path, sheet: Any) -> None:
        self.path = path
        self.sheet = sheet
        self.max_row: int | None = sheet.max_row
        self.current = 1
        self.iterator = sheet.iter_rows(values_only=True)
        first = next(self.iterator, None)
        if first is None or not any(_cell_text(v).strip() for v in first):
            raise RosterFileError("no_header", f"{path.name}: the first sheet has no header row")
        self.header: Sequence[str] = [_cell_text(v) for v in first]

    def rows(self) -> Iterator[tuple[int, Sequence[str]]]:
        for number, values in enumerate(self.iterator, start=2):
            self.current = number
            yield number, [_cell_text(v) for v in values]

    def done_fraction(self) -> float | None:
        return self.current / self.max_row if self.max_row else None
