"""Small-cell suppression for published counts. Pure Python, no Django.

A public count between 1 and `threshold - 1` could point at a person (three proven cases
in one agency and one position category), so it is withheld. Withholding one cell is not
enough when the line it sits in has a published total: the total minus the other cells
gives it back. So, line by line, a line with a published total that has exactly one
withheld cell gets a second one withheld too (the smallest remaining cell, zeros included),
until no line has exactly one. A line with a total but a single cell withholds its total.

Zero is published: it says that nothing happened, which points at no one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

Count = int | None  # None: withheld


@dataclass
class Grid:
    """A table of counts to publish: cells, and which totals are published beside it.

    `row_totals`: each row's total is published (e.g. an agency's recommendations beside
    its on-time/late/none cells). `column_totals`: each column's total is published (e.g.
    the national figure beside a breakdown by category). Totals are the sums of the cells.
    """

    cells: list[list[int]]
    row_totals: bool = False
    column_totals: bool = False
    withheld: set[tuple[int, int]] = field(default_factory=set)
    withheld_row_totals: set[int] = field(default_factory=set)
    withheld_column_totals: set[int] = field(default_factory=set)

    def value(self, row: int, column: int) -> Count:
        return None if (row, column) in self.withheld else self.cells[row][column]

    def row_total(self, row: int) -> Count:
        return None if row in self.withheld_row_totals else sum(self.cells[row])

    def column_total(self, column: int) -> Count:
        if column in self.withheld_column_totals:
            return None
        return sum(r[column] for r in self.cells)


def is_small(value: int, threshold: int) -> bool:
    return 0 < value < threshold


def suppress(
    cells: Sequence[Sequence[int]],
    threshold: int,
    *,
    row_totals: bool = False,
    column_totals: bool = False,
) -> Grid:
    """Primary suppression of small cells, then complementary suppression along lines."""
    grid = Grid([list(r) for r in cells], row_totals, column_totals)
    for r, row in enumerate(grid.cells):
        for c, value in enumerate(row):
            if is_small(value, threshold):
                grid.withheld.add((r, c))
    for r in range(len(grid.cells)):
        if row_totals and is_small(sum(grid.cells[r]), threshold):
            grid.withheld_row_totals.add(r)
    if grid.cells:
        for c in range(len(grid.cells[0])):
            if column_totals and is_small(sum(row[c] for row in grid.cells), threshold):
                grid.withheld_column_totals.add(c)
    changed = True
    while changed:
        changed = False
        if row_totals:
            changed |= _complete_lines(grid, _rows(grid), grid.withheld_row_totals)
        if column_totals:
            changed |= _complete_lines(grid, _columns(grid), grid.withheld_column_totals)
    return grid


def _rows(grid: Grid) -> list[list[tuple[int, int]]]:
    return [[(r, c) for c in range(len(row))] for r, row in enumerate(grid.cells)]


def _columns(grid: Grid) -> list[list[tuple[int, int]]]:
    if not grid.cells:
        return []
    return [[(r, c) for r in range(len(grid.cells))] for c in range(len(grid.cells[0]))]


def _complete_lines(
    grid: Grid, lines: list[list[tuple[int, int]]], withheld_totals: set[int]
) -> bool:
    """Give every line with exactly one withheld cell a second one; True if any changed."""
    changed = False
    for index, line in enumerate(lines):
        if index in withheld_totals:
            continue  # no published total: nothing to subtract from
        hidden = [cell for cell in line if cell in grid.withheld]
        if len(hidden) != 1:
            continue
        shown = [cell for cell in line if cell not in grid.withheld]
        if not shown:
            if index not in withheld_totals:
                withheld_totals.add(index)  # one cell: its total is the cell
                changed = True
            continue
        smallest = min(shown, key=lambda cell: (grid.cells[cell[0]][cell[1]], cell))
        grid.withheld.add(smallest)
        changed = True
    return changed
