"""The province tile grid the coverage and statistics maps share."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.template.loader import render_to_string

from netral.datafiles import DataFileError
from netral.org import tilegrid
from netral.org.region_files import read_regions

CSS = Path(tilegrid.__file__).parent / "static" / "org" / "tilegrid.css"


def test_every_province_of_the_region_data_has_exactly_one_square() -> None:
    provinces = {row.code for row in read_regions() if row.level == "PROVINCE"}
    placed = [tile.code for tile in tilegrid.province_grid().tiles]
    assert len(placed) == len(set(placed))
    assert set(placed) == provinces


def test_squares_keep_the_country_recognisable() -> None:
    grid = tilegrid.province_grid()
    column = {code: grid.tile(code).column for code in ("11", "36", "32", "33", "35", "51", "53")}
    # Java and Nusa Tenggara read west to east: Banten, Jabar, Jateng, Jatim, Bali, NTT.
    assert column["36"] < column["32"] < column["33"] < column["35"] < column["51"] < column["53"]
    # Aceh is the westernmost square; the six Papua provinces the easternmost block.
    assert column["11"] == min(tile.column for tile in grid.tiles)
    papua_codes = {"91", "92", "93", "94", "95", "96"}
    papua = [grid.tile(code).column for code in papua_codes]
    others = [tile.column for tile in grid.tiles if tile.code not in papua_codes]
    assert min(papua) > max(others)
    # Yogyakarta lies south of Central Java, Kalimantan Utara north of Kalimantan Timur.
    assert grid.tile("34").row > grid.tile("33").row
    assert grid.tile("65").row < grid.tile("64").row


def test_the_stylesheet_places_every_row_and_column_of_the_grid() -> None:
    grid = tilegrid.province_grid()
    css = CSS.read_text(encoding="utf-8")
    assert re.search(rf"repeat\({grid.columns},", css)
    for row in range(grid.rows):
        assert f".tg-r{row} {{ grid-row: {row + 1}; }}" in css
    for column in range(grid.columns):
        assert f".tg-c{column} {{ grid-column: {column + 1}; }}" in css


def test_a_grid_file_with_two_provinces_on_one_square_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "grid.yaml"
    bad.write_text(
        "rows: 2\ncolumns: 2\ntiles:\n"
        '  - {code: "11", abbrev: AC, row: 0, column: 0}\n'
        '  - {code: "12", abbrev: SU, row: 0, column: 0}\n',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="already taken"):
        tilegrid.province_grid(bad)


def test_a_square_outside_the_grid_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "grid.yaml"
    bad.write_text(
        'rows: 1\ncolumns: 1\ntiles:\n  - {code: "11", abbrev: AC, row: 0, column: 3}\n',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="outside"):
        tilegrid.province_grid(bad)


@pytest.mark.parametrize(
    ("value", "expected"), [(0, 0), (1, 1), (25, 1), (26, 2), (74, 3), (100, 4)]
)
def test_shades_step_in_quarters_of_the_largest_value(value: int, expected: int) -> None:
    assert tilegrid.shade(value, 100) == expected


def test_the_partial_renders_one_labelled_square_per_province_without_inline_styles() -> None:
    names = {row.code: row.name for row in read_regions() if row.level == "PROVINCE"}
    counts = {"32": 7, "36": 2}

    def figure(code: str) -> tuple[str, int | None, str | None]:
        if code not in counts:
            return ("belum ada", None, None)
        return (f"{counts[code]} instrumen", tilegrid.shade(counts[code], 7), f"?provinsi={code}")

    html = render_to_string(
        "org/tilegrid.html",
        {"cells": tilegrid.cells(names, figure), "caption": "Instrumen per provinsi"},
    )
    assert html.count('class="tilegrid-tile ') == len(names)
    assert f"{names['32']}: 7 instrumen" in html
    assert 'href="?provinsi=36"' in html
    assert html.count("<a href=") == 2
    assert "style=" not in html
