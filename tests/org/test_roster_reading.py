"""Reading roster files and their headers, before any database is involved."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from netral.org.roster.columns import resolve_header
from netral.org.roster.errors import RosterFileError
from netral.org.roster.sources import open_roster
from netral.org.roster.values import category_code, status_code


def test_indonesian_headers_in_any_case_and_spacing_are_recognised() -> None:
    columns = resolve_header(
        ["NIP", "Nama", "Status Pegawai", "Jabatan", "Kategori Jabatan", "instansi", "KODE_WILAYAH"]
    )
    assert (columns.nip, columns.name, columns.status, columns.agency) == (0, 1, 2, 5)
    assert (columns.position, columns.position_category, columns.region_code) == (3, 4, 6)


def test_optional_columns_may_be_absent() -> None:
    columns = resolve_header(["name", "nip", "agency", "status"])
    assert columns.position == columns.position_category == columns.region_code == -1


def test_missing_required_columns_are_all_named() -> None:
    with pytest.raises(RosterFileError) as caught:
        resolve_header(["nip", "jabatan", "alamat"])
    assert caught.value.code == "missing_columns"
    for column in ("name", "status", "agency"):
        assert column in caught.value.message


def test_a_column_given_twice_is_refused() -> None:
    with pytest.raises(RosterFileError, match="appears twice"):
        resolve_header(["nip", "nama", "name", "status", "instansi"])


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("PNS", "PNS"),
        ("cpns", "CPNS"),
        ("P3K", "PPPK"),
        ("pppk paruh waktu", "PPPK"),
        ("Honorer", "NON_ASN"),
        ("non-ASN", "NON_ASN"),
        ("NON_ASN", "NON_ASN"),
        ("PPNPN", "NON_ASN"),
        ("pensiunan", None),
        ("", None),
    ],
)
def test_status_spellings_map_to_the_four_statuses(raw: str, code: str | None) -> None:
    assert status_code(raw) == code


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "LAINNYA"),
        ("Jabatan Fungsional", "FUNGSIONAL"),
        ("jpt", "JPT"),
        ("Pelaksana", "PELAKSANA"),
        ("pengawas", "PENGAWAS"),
        ("kepala suku", None),
    ],
)
def test_position_categories_default_to_lainnya(raw: str, code: str | None) -> None:
    assert category_code(raw) == code


def test_csv_rows_are_numbered_as_a_spreadsheet_numbers_them(tmp_path: Path) -> None:
    path = tmp_path / "pegawai.csv"
    path.write_bytes('\ufeffnip;nama\n1;Ani\n\n2;"Baris\ndua"\n3;Cici\n'.encode())
    with open_roster(path) as roster:
        assert list(roster.header) == ["nip", "nama"]
        rows = [(number, list(cells)) for number, cells in roster.rows()]
    assert rows == [(2, ["1", "Ani"]), (3, []), (4, ["2", "Baris\ndua"]), (5, ["3", "Cici"])]


def test_xlsx_cells_become_text_and_a_nip_typed_as_a_number_is_not_rounded(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["nip", "nama"])
    sheet.append(["198503122010011002", "Dedi"])
    sheet.append([1.985031220100110e17, None])
    path = tmp_path / "pegawai.xlsx"
    book.save(path)
    with open_roster(path) as roster:
        rows = [list(cells) for _, cells in roster.rows()]
    assert rows[0] == ["198503122010011002", "Dedi"]
    assert "E+17" in rows[1][0]
    assert rows[1][1] == ""


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "empty_file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not_text"),
        (b"nip,nama\x00,status\n", "not_text"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old_excel"),
        (b"PK\x03\x04 not really a zip", "not_xlsx"),
        (b"\n\n", "no_header"),
    ],
)
def test_files_that_are_not_rosters_are_refused_up_front(
    tmp_path: Path, content: bytes, code: str
) -> None:
    path = tmp_path / "pegawai.csv"
    path.write_bytes(content)
    with pytest.raises(RosterFileError) as caught, open_roster(path):
        pass
    assert caught.value.code == code


def test_bytes_that_are_not_utf8_after_the_first_block_stop_the_reading(tmp_path: Path) -> None:
    path = tmp_path / "pegawai.csv"
    good = "nip,nama\n" + "198503122010011002,Ani\n" * 5000
    path.write_bytes(good.encode() + "Jos\xe9\n".encode("latin-1"))
    with pytest.raises(RosterFileError) as caught, open_roster(path) as roster:
        for _ in roster.rows():
            pass
    assert caught.value.code == "not_utf8"
