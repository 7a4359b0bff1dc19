"""Importing the employee roster: all or nothing, upsert by NIP, row numbers in errors.

Runs on PostgreSQL (COPY path) when DATABASE_URL is set, on SQLite otherwise.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from netral.commands.importing import main
from netral.org.models import Agency, Employee, Region
from netral.org.roster import ImportReport, RosterFileError
from netral.org.roster.service import employees_import

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
TODAY = date(2024, 6, 1)
HEADER = ["NIP", "Nama", "Status", "Jabatan", "Kategori Jabatan", "Instansi", "Kode Wilayah"]
ANI = [
    "198503122010011002",
    "Ani Suryani",
    "PNS",
    "Guru Ahli Muda",
    "Fungsional",
    "Dinas Pendidikan",
    "32.01",
]
BAMBANG = [
    "197912302005021003",
    "Bambang Irawan",
    "P3K",
    "Penyuluh Pertanian",
    "JF",
    "Dinas Pertanian",
    "",
]
CICI = [
    "199107252019032001",
    "Cici Paramitha",
    "honorer",
    "Pramu Kantor",
    "",
    "Dinas Pendidikan",
    "32.01",
]


@pytest.fixture(autouse=True)
def agencies() -> None:
    bogor = Region.objects.get(code="32.01")
    kota_bogor = Region.objects.get(code="32.71")
    Agency.objects.create(name="Dinas Pendidikan", level="REGENCY_CITY", region=bogor)
    Agency.objects.create(name="Dinas Pertanian", level="REGENCY_CITY", region=bogor)
    Agency.objects.create(name="Dinas Kesehatan", level="REGENCY_CITY", region=bogor)
    Agency.objects.create(name="Dinas Kesehatan", level="REGENCY_CITY", region=kota_bogor)


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def run(path: Path, *, create_agencies: bool = False, skip_invalid: bool = False) -> ImportReport:
    return employees_import(
        source=path, today=TODAY, create_agencies=create_agencies, skip_invalid=skip_invalid
    )


def reasons_by_row(report: ImportReport) -> dict[int, str]:
    return {error.row: " | ".join(error.reasons) for error in report.errors}


def test_a_good_file_creates_every_employee_with_normalised_codes(tmp_path: Path) -> None:
    report = run(write_csv(tmp_path / "pegawai.csv", [ANI, BAMBANG, CICI]))
    assert (report.read, report.created, report.updated, report.rejected) == (3, 3, 0, 0)
    assert report.committed
    ani = Employee.objects.get(nip=ANI[0])
    assert (ani.name, ani.status, ani.position_category) == ("Ani Suryani", "PNS", "FUNGSIONAL")
    assert ani.agency.region is not None
    assert ani.agency.region.code == "32.01"
    bambang = Employee.objects.get(nip=BAMBANG[0])
    assert (bambang.status, bambang.agency.name) == ("PPPK", "Dinas Pertanian")
    cici = Employee.objects.get(nip=CICI[0])
    assert (cici.status, cici.position_category) == ("NON_ASN", "LAINNYA")


def test_importing_again_updates_by_nip_instead_of_duplicating(tmp_path: Path) -> None:
    run(write_csv(tmp_path / "awal.csv", [ANI, BAMBANG]))
    promoted = [
        ANI[0],
        "Ani Suryani",
        "PNS",
        "Kepala Sekolah",
        "Administrator",
        "Dinas Pendidikan",
        "32.01",
    ]
    report = run(write_csv(tmp_path / "baru.csv", [promoted, BAMBANG, CICI]))
    assert (report.created, report.updated, report.unchanged) == (1, 1, 1)
    assert Employee.objects.count() == 3
    ani = Employee.objects.get(nip=ANI[0])
    assert (ani.position, ani.position_category) == ("Kepala Sekolah", "ADMINISTRATOR")


def test_an_unchanged_employee_is_not_rewritten(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "pegawai.csv", [ANI, BAMBANG])
    run(path)
    Employee.objects.filter(nip=ANI[0]).update(updated_at=datetime(2020, 1, 1, tzinfo=UTC))
    report = run(path)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
    assert Employee.objects.get(nip=ANI[0]).updated_at.year == 2020


def test_one_bad_nip_means_nothing_is_written_and_its_row_is_named(tmp_path: Path) -> None:
    feb_30 = ["198502302010011002", "Dodi Hermawan", "PNS", "", "", "Dinas Pertanian", ""]
    report = run(write_csv(tmp_path / "pegawai.csv", [ANI, BAMBANG, feb_30, CICI]))
    assert not report.committed
    assert Employee.objects.count() == 0
    assert report.rejected == 1
    assert list(reasons_by_row(report)) == [4]
    assert "not a calendar date" in reasons_by_row(report)[4]


def test_every_faulty_nip_field_is_reported_on_its_own_row(tmp_path: Path) -> None:
    rows = [
        ["198503122010131002", "Eka", "PNS", "", "", "Dinas Pertanian", ""],  # month 13
        ["198503122010013002", "Fajar", "PNS", "", "", "Dinas Pertanian", ""],  # sex 3
        ["198503122010011000", "Gita", "PNS", "", "", "Dinas Pertanian", ""],  # sequence 000
        ["198503121995011002", "Hana", "PNS", "", "", "Dinas Pertanian", ""],  # appointed at 9
        ["1985031220100110", "Indra", "PNS", "", "", "Dinas Pertanian", ""],  # too short
    ]
    report = run(write_csv(tmp_path / "pegawai.csv", rows))
    found = reasons_by_row(report)
    assert sorted(found) == [2, 3, 4, 5, 6]
    assert "appointment month" in found[2]
    assert "sex digit" in found[3]
    assert "sequence" in found[4]
    assert "before the person was 15" in found[5]
    assert "18 digits" in found[6]
    assert Employee.objects.count() == 0


def test_a_duplicate_nip_names_both_rows(tmp_path: Path) -> None:
    again = [ANI[0], "Ani S.", "PNS", "", "", "Dinas Pertanian", ""]
    report = run(write_csv(tmp_path / "pegawai.csv", [ANI, BAMBANG, again]))
    found = reasons_by_row(report)
    assert "also appears on row 4" in found[2]
    assert "also appears on row 2" in found[4]
    assert report.rejected == 2
    assert Employee.objects.count() == 0


def test_a_duplicate_is_reported_even_when_its_twin_has_another_fault(tmp_path: Path) -> None:
    twin = [ANI[0], "", "PNS", "", "", "Dinas Pendidikan", "32.01"]
    report = run(write_csv(tmp_path / "pegawai.csv", [ANI, twin]), skip_invalid=True)
    found = reasons_by_row(report)
    assert "name is empty" in found[3]
    assert "also appears on row 2" in found[3]
    assert "also appears on row 3" in found[2]
    assert report.rejected == 2
    assert Employee.objects.count() == 0


def test_skip_invalid_writes_the_good_rows_and_reports_the_others(tmp_path: Path) -> None:
    bad_status = [*BAMBANG[:2], "pensiunan", *BAMBANG[3:]]
    report = run(write_csv(tmp_path / "pegawai.csv", [ANI, bad_status, CICI]), skip_invalid=True)
    assert report.committed
    assert (report.created, report.rejected) == (2, 1)
    assert "unknown status 'pensiunan'" in reasons_by_row(report)[3]
    assert set(Employee.objects.values_list("nip", flat=True)) == {ANI[0], CICI[0]}


def test_an_unknown_agency_is_an_error_unless_agencies_may_be_created(tmp_path: Path) -> None:
    newcomer = [
        "198808082012121001",
        "Joko Susilo",
        "CPNS",
        "Analis",
        "Pelaksana",
        "Badan Kepegawaian Daerah",
        "32.71",
    ]
    central = ["199001012015011003", "Kartika", "PNS", "", "", "Kementerian Contoh", ""]
    path = write_csv(tmp_path / "pegawai.csv", [newcomer, central, ANI])
    refused = run(path)
    assert "unknown agency 'Badan Kepegawaian Daerah'" in reasons_by_row(refused)[2]
    assert not Agency.objects.filter(name="Badan Kepegawaian Daerah").exists()

    accepted = run(path, create_agencies=True)
    assert accepted.created == 3
    created = Agency.objects.get(name="Badan Kepegawaian Daerah")
    assert (created.region and created.region.code, created.level) == ("32.71", "REGENCY_CITY")
    assert Agency.objects.get(name="Kementerian Contoh").level == "CENTRAL"
    assert Employee.objects.get(nip=newcomer[0]).agency == created


def test_an_agency_name_shared_by_two_regions_needs_a_region_code(tmp_path: Path) -> None:
    nurse = ["199203032016022001", "Lestari", "PNS", "Perawat", "Fungsional", "Dinas Kesehatan"]
    report = run(write_csv(tmp_path / "pegawai.csv", [nurse], header=HEADER[:6]))
    assert "several regions" in reasons_by_row(report)[2]
    with_code = run(write_csv(tmp_path / "kode.csv", [[*nurse, "32.71"]]))
    assert with_code.created == 1
    region = Employee.objects.get(nip=nurse[0]).agency.region
    assert region is not None
    assert region.code == "32.71"


def test_an_unknown_region_code_is_a_row_error(tmp_path: Path) -> None:
    report = run(write_csv(tmp_path / "pegawai.csv", [[*ANI[:6], "99.99"]]), create_agencies=True)
    assert "unknown region code '99.99'" in reasons_by_row(report)[2]


def test_missing_columns_are_refused_before_any_row_is_read(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "pegawai.csv", [["x", "y"]], header=["NIP", "Jabatan"])
    with pytest.raises(RosterFileError, match="name, status, agency"):
        run(path)


@pytest.mark.parametrize(
    ("content", "code"),
    [(b"", "empty_file"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not_text")],
)
def test_an_empty_file_or_an_image_is_refused(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "pegawai.csv"
    path.write_bytes(content)
    with pytest.raises(RosterFileError) as caught:
        run(path)
    assert caught.value.code == code
    assert Employee.objects.count() == 0


def test_a_file_that_turns_out_not_to_be_utf8_writes_nothing(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "pegawai.csv", [ANI, BAMBANG] * 1)
    rows = "".join(
        f"19850312201001{i:04d},Nama {i},PNS,,,Dinas Pertanian,\n" for i in range(1001, 4000)
    )
    with path.open("ab") as handle:
        handle.write(rows.encode() + "Jos\xe9,x,PNS,,,Dinas Pertanian,\n".encode("latin-1"))
    with pytest.raises(RosterFileError, match="not valid UTF-8"):
        run(path)
    assert Employee.objects.count() == 0


def test_an_xlsx_roster_imports_like_a_csv_one(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(
        ["nip", "nama", "status_pegawai", "jabatan", "kategori_jabatan", "instansi", "kode_wilayah"]
    )
    sheet.append(ANI)
    sheet.append([])
    sheet.append([*BAMBANG[:6], None])
    # Typed as a number, an 18-digit NIP is stored as a double and loses its last digits.
    sheet.append([int(CICI[0]), *CICI[1:]])
    path = tmp_path / "pegawai.xlsx"
    book.save(path)
    report = run(path, skip_invalid=True)
    assert (report.read, report.created, report.rejected) == (3, 2, 1)
    assert "format the NIP column as text" in reasons_by_row(report)[5]
    assert Employee.objects.get(nip=BAMBANG[0]).status == "PPPK"


def test_the_error_report_is_capped_but_every_rejected_row_is_counted(tmp_path: Path) -> None:
    rows = [
        [f"1985031220100{i:05d}", "", "PNS", "", "", "Dinas Pertanian", ""] for i in range(1, 1201)
    ]
    report = run(write_csv(tmp_path / "pegawai.csv", rows))
    assert report.rejected == 1200
    assert len(report.errors) == 1000
    assert report.errors_truncated


def test_the_command_prints_a_json_summary_and_exits_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "pegawai.csv", [ANI, CICI])
    assert main(["employees", str(path)]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["read"], summary["created"], summary["updated"]) == (2, 2, 0)
    assert summary["errors"] == []


def test_the_command_exits_one_with_row_numbers_when_rows_are_rejected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "pegawai.csv", [ANI, [*CICI[:2], "", *CICI[3:]]])
    assert main(["employees", str(path), "--no-progress"]) == 1
    summary = json.loads(capsys.readouterr().out)
    assert summary["committed"] is False
    assert [error["row"] for error in summary["errors"]] == [3]


def test_the_command_reports_an_unreadable_file_as_json_and_exits_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kosong.csv"
    path.write_bytes(b"")
    assert main(["employees", str(path)]) == 1
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "empty_file"


def test_the_command_refuses_unusable_arguments_with_exit_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["employees", str(tmp_path / "tidak-ada.csv")]) == 2
    assert main(["employees"]) == 2
    assert main(["pegawai", "x.csv"]) == 2
    capsys.readouterr()


def test_the_progress_bar_goes_to_stderr_when_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "pegawai.csv", [ANI])
    assert main(["employees", str(path), "--progress"]) == 0
    captured = capsys.readouterr()
    assert "100%" in captured.err
    assert json.loads(captured.out)["created"] == 1


def test_the_installed_command_runs_as_a_subprocess(tmp_path: Path) -> None:
    # A file refused before the database is touched: the subprocess cannot see the test
    # database, so it must not need it.
    path = write_csv(tmp_path / "pegawai.csv", [["198503122010011002"]], header=["NIP"])
    result = subprocess.run(
        [sys.executable, "-m", "netral.cli", "import", "employees", str(path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "netral.settings.test"},
    )
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["error"]["code"] == "missing_columns"
    assert result.stderr == ""  # not a terminal: no progress bar
