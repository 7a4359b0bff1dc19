"""The province tile grid: every province as one square placed roughly where it lies.

A map that needs no boundary files and stays readable on a phone: 38 equal squares, so a
small province counts as much as a large one (what a coverage or statistics map wants).
Pure Python; pages turn their figures into `TileCell`s and include
`org/tilegrid.html`. Drill-down to regencies and cities is each page's own table.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from netral.datafiles import DataFileError, check_fields, read_strict_yaml

GRID_FILE = Path(__file__).parent / "data" / "tilegrid.yaml"
SHADES = 4  # shade 1..SHADES for values above zero; 0 for zero; None for no figure


@dataclass(frozen=True)
class Tile:
    code: str  # Kemendagri province code, e.g. "32"
    abbrev: str  # ISO 3166-2:ID subdivision code, e.g. "JB"
    row: int
    column: int


@dataclass(frozen=True)
class Grid:
    rows: int
    columns: int
    tiles: tuple[Tile, ...]

    def tile(self, code: str) -> Tile:
        for tile in self.tiles:
            if tile.code == code:
                return tile
        raise KeyError(code)


@dataclass(frozen=True)
class TileCell:
    """One square as a page shows it."""

    tile: Tile
    name: str  # the province's name, for the label screen readers and tooltips read
    label: str  # the figure as text, e.g. "12 instrumen" or "disembunyikan"
    shade: int | None  # 0..SHADES, None when there is no figure to shade by
    url: str | None = None  # drill-down link, or None

    @property
    def position_classes(self) -> str:
        # Classes, not inline styles: the CSP forbids style attributes.
        return f"tg-r{self.tile.row} tg-c{self.tile.column}"

    @property
    def shade_class(self) -> str:
        return "tg-none" if self.shade is None else f"tg-s{self.shade}"


@cache
def province_grid(path: Path = GRID_FILE) -> Grid:
    """The grid from its data file, checked: unique codes, unique squares, inside bounds."""
    data = read_strict_yaml(path)
    check_fields(str(path), data, ("rows", "columns", "tiles"))
    rows, columns = int(data["rows"]), int(data["columns"])
    tiles: list[Tile] = []
    seen_codes: set[str] = set()
    seen_squares: set[tuple[int, int]] = set()
    for index, entry in enumerate(data["tiles"]):
        where = f"{path}: tiles[{index}]"
        check_fields(where, entry, ("code", "abbrev", "row", "column"))
        tile = Tile(
            str(entry["code"]), str(entry["abbrev"]), int(entry["row"]), int(entry["column"])
        )
        if tile.code in seen_codes:
            raise DataFileError(f"{where}: province {tile.code} placed twice")
        if (tile.row, tile.column) in seen_squares:
            raise DataFileError(f"{where}: square ({tile.row}, {tile.column}) already taken")
        if not (0 <= tile.row < rows and 0 <= tile.column < columns):
            raise DataFileError(f"{where}: square outside the {rows}×{columns} grid")
        seen_codes.add(tile.code)
        seen_squares.add((tile.row, tile.column))
        tiles.append(tile)
    return Grid(rows, columns, tuple(tiles))


def shade(value: float, maximum: float) -> int:
    """0 for nothing, else 1..SHADES in equal steps of the largest value on the map."""
    if value <= 0 or maximum <= 0:
        return 0
    return max(1, min(SHADES, math.ceil(value / maximum * SHADES)))


def cells(
    names: Mapping[str, str],
    figure: Callable[[str], tuple[str, int | None, str | None]],
    grid: Grid | None = None,
) -> list[TileCell]:
    """One cell per province of the grid; `figure(code)` gives (label, shade, url)."""
    grid = grid or province_grid()
    result = []
    for tile in grid.tiles:
        label, tile_shade, url = figure(tile.code)
        result.append(TileCell(tile, names.get(tile.code, tile.code), label, tile_shade, url))
    return result
