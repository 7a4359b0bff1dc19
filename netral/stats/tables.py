"""A figure as data: a titled table whose chart, HTML table and CSV show the same cells."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils.formats import number_format

WITHHELD_MARK = "•"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = "count"  # "label", "count", "share" (0..1), "days"
    plot: bool = True  # drawn in the chart (a total or a share beside it is not)


@dataclass(frozen=True)
class Cell:
    text: str
    raw: str  # the number as data for the chart; empty when withheld
    kind: str
    withheld: bool
    link: str | None = None


@dataclass
class Table:
    key: str
    title: str
    columns: list[Column]
    rows: list[list[Any]]  # label cells first; None in a numeric cell: withheld
    chart: str = "bar"  # "bar", "hbar", "stacked", "line", or "" for a table alone
    note: str = ""
    totals: list[Any] | None = None  # a published total row, when there is one
    links: list[str | None] = field(default_factory=list)  # drill-down per row, optional

    @property
    def withheld(self) -> bool:
        rows = [*self.rows, *([self.totals] if self.totals else [])]
        return any(
            value is None
            for row in rows
            for value, column in zip(row, self.columns, strict=True)
            if column.kind in {"count", "share"}
        )

    def display_rows(self) -> list[list[Cell]]:
        """The rows (then the totals row) as the HTML table shows them."""
        rows = [*self.rows, *([self.totals] if self.totals else [])]
        out = []
        for index, row in enumerate(rows):
            link = self.links[index] if index < len(self.links) else None
            out.append(
                [
                    Cell(
                        display(v, c.kind),
                        "" if v is None else str(v),
                        c.kind,
                        v is None,
                        link if i == 0 else None,
                    )
                    for i, (v, c) in enumerate(zip(row, self.columns, strict=True))
                ]
            )
        return out

    def csv_lines(self) -> Iterator[str]:
        """The table as CSV: header of column keys, raw numbers, withheld cells empty."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([c.key for c in self.columns])
        for row in [*self.rows, *([self.totals] if self.totals else [])]:
            writer.writerow(["" if v is None else v for v in row])
        yield buffer.getvalue()


def display(value: Any, kind: str) -> str:
    """A cell as text the Indonesian way (1.234; 45,3%) or the English way by language."""
    if value is None:
        return "–" if kind == "days" else WITHHELD_MARK
    if kind == "share":
        return number_format(value * 100, decimal_pos=1, force_grouping=True) + "%"
    if kind in {"count", "days"}:
        return str(number_format(value, decimal_pos=0, force_grouping=True))
    return str(value)


def share(part: int | None, whole: int | None) -> float | None:
    if part is None or whole is None:
        return None
    return part / whole if whole else 0.0
