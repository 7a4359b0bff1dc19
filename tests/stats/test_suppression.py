"""Small-cell suppression, as a property: whatever the counts, nothing published is small,
and no withheld cell can be worked out from a published total by subtraction."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from netral.stats.suppression import Grid, suppress

THRESHOLD = 5
counts = st.integers(min_value=0, max_value=40)
grids = st.integers(min_value=1, max_value=6).flatmap(
    lambda width: st.lists(st.lists(counts, min_size=width, max_size=width), min_size=1, max_size=8)
)


def published(grid: Grid) -> list[int]:
    values = [grid.value(r, c) for r in range(len(grid.cells)) for c in range(len(grid.cells[0]))]
    if grid.row_totals:
        values += [grid.row_total(r) for r in range(len(grid.cells))]
    if grid.column_totals:
        values += [grid.column_total(c) for c in range(len(grid.cells[0]))]
    return [v for v in values if v is not None]


@settings(max_examples=300)
@given(grids, st.booleans(), st.booleans())
def test_no_published_count_is_a_small_cell(
    cells: list[list[int]], row_totals: bool, column_totals: bool
) -> None:
    grid = suppress(cells, THRESHOLD, row_totals=row_totals, column_totals=column_totals)
    assert all(v == 0 or v >= THRESHOLD for v in published(grid))


@settings(max_examples=300)
@given(grids, st.booleans(), st.booleans())
def test_a_line_with_a_published_total_never_hides_exactly_one_cell(
    cells: list[list[int]], row_totals: bool, column_totals: bool
) -> None:
    grid = suppress(cells, THRESHOLD, row_totals=row_totals, column_totals=column_totals)
    height, width = len(cells), len(cells[0])
    if row_totals:
        for r in range(height):
            hidden = sum(grid.value(r, c) is None for c in range(width))
            assert grid.row_total(r) is None or hidden != 1
    if column_totals:
        for c in range(width):
            hidden = sum(grid.value(r, c) is None for r in range(height))
            assert grid.column_total(c) is None or hidden != 1


@given(grids)
def test_what_is_shown_is_the_true_count(cells: list[list[int]]) -> None:
    grid = suppress(cells, THRESHOLD, row_totals=True, column_totals=True)
    for r, row in enumerate(cells):
        for c, value in enumerate(row):
            assert grid.value(r, c) in (None, value)


def test_a_lone_small_cell_beside_a_total_takes_its_smallest_neighbour_with_it() -> None:
    grid = suppress([[3, 40, 12]], THRESHOLD, row_totals=True)
    assert [grid.value(0, c) for c in range(3)] == [None, 40, None]
    assert grid.row_total(0) == 55
