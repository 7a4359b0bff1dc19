"""CSV and XLSX written row by row: memory stays flat whatever the number of rows.

The XLSX writer emits the few SpreadsheetML parts a workbook needs and zips them on the
fly with stream-zip: each sheet is generated as its rows are read, compressed as it goes
and sent at once, never held whole in memory or on disk. Text goes in as inline strings,
so no shared-strings table grows with the data.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from stream_zip import ZIP_32, stream_zip

CHUNK = 64 * 1024
MAX_SHEET_ROWS = 1_048_575  # Excel's limit, less the header row
# Characters XML 1.0 does not allow; a report's text may carry them.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# A cell starting with one of these is a formula to a spreadsheet: a citizen's text must
# never run as one on an officer's machine.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Sheet:
    name: str  # at most 31 characters, none of []:*?/\
    header: Sequence[str]
    rows: Iterable[Sequence[Any]]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    return str(value)


def csv_safe(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = _text(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_chunks(sheet: Sheet) -> Iterator[bytes]:
    """UTF-8 CSV with a byte-order mark (so spreadsheets read it as UTF-8), in chunks."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write("\ufeff")
    writer.writerow(sheet.header)
    for row in sheet.rows:
        writer.writerow([csv_safe(v) for v in row])
        if buffer.tell() >= CHUNK:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()


def _cell(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"<c><v>{value}</v></c>"
    text = _ILLEGAL_XML.sub("", _text(value))
    if not text:
        return "<c/>"
    return f'<c t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>'


def _row(values: Iterable[Any]) -> str:
    return "<row>" + "".join(_cell(v) for v in values) + "</row>"


def _sheet_xml(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[bytes]:
    parts = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<sheetData>",
        _row(header),
    ]
    size = sum(len(p) for p in parts)
    for row in rows:
        piece = _row(row)
        parts.append(piece)
        size += len(piece)
        if size >= CHUNK:
            yield "".join(parts).encode()
            parts, size = [], 0
    parts.append("</sheetData></worksheet>")
    yield "".join(parts).encode()


def _split(sheets: Sequence[Sheet]) -> Iterator[tuple[str, Sequence[str], Iterable[Sequence[Any]]]]:
    """Sheets longer than Excel allows continue on numbered sheets, read lazily."""
    for sheet in sheets:
        rows = iter(sheet.rows)
        part = 1
        while True:
            first = next(rows, None)
            if first is None and part > 1:
                break
            name = sheet.name if part == 1 else f"{sheet.name[:27]} ({part})"
            yield name, sheet.header, _take(first, rows)
            part += 1
            if first is None:
                break


def _take(first: Sequence[Any] | None, rows: Iterator[Sequence[Any]]) -> Iterator[Sequence[Any]]:
    if first is None:
        return
    yield first
    for _count, row in zip(range(MAX_SHEET_ROWS - 1), rows, strict=False):
        yield row


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "{sheets}</Types>"
)
_SHEET_TYPE = (
    '<Override PartName="/xl/worksheets/sheet{n}.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
    "</styleSheet>"
)


def _sheet_name(name: str) -> str:
    cleaned = re.sub(r"[\[\]:*?/\\]", " ", name).strip() or "Sheet"
    return escape(cleaned[:31], {'"': "&quot;"})


def _workbook(names: Sequence[str]) -> tuple[str, str]:
    sheets = "".join(
        f'<sheet name="{_sheet_name(name)}" sheetId="{i}" r:id="rId{i}"/>'
        for i, name in enumerate(names, start=1)
    )
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<sheets>{sheets}</sheets></workbook>"
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        f'Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(names) + 1)
    )
    rels += (
        f'<Relationship Id="rId{len(names) + 1}" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
        'Target="styles.xml"/>'
    )
    workbook_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{rels}</Relationships>"
    )
    return workbook, workbook_rels


def xlsx_chunks(sheets: Sequence[Sheet]) -> Iterator[bytes]:
    """A workbook with one sheet per `Sheet` (long ones continued), zipped as it streams.

    The workbook part, which lists the sheets, comes after them in the archive: the names
    of continuation sheets are known only once their rows have been read.
    """
    now = datetime.datetime.now(tz=datetime.UTC)
    names: list[str] = []

    def members() -> Iterator[tuple[str, datetime.datetime, int, Any, Iterable[bytes]]]:
        for n, (name, header, rows) in enumerate(_split(sheets), start=1):
            names.append(name)
            yield f"xl/worksheets/sheet{n}.xml", now, 0o600, ZIP_32, _sheet_xml(header, rows)
        workbook, workbook_rels = _workbook(names)
        types = _CONTENT_TYPES.format(
            sheets="".join(_SHEET_TYPE.format(n=n) for n in range(1, len(names) + 1))
        )
        for path, body in (
            ("[Content_Types].xml", types),
            ("_rels/.rels", _ROOT_RELS),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", workbook_rels),
            ("xl/styles.xml", _STYLES),
        ):
            yield path, now, 0o600, ZIP_32, (body.encode(),)

    yield from stream_zip(members(), chunk_size=CHUNK)
