"""`netral docs extract PATH...`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from netral.documents.cli import main

from .conftest import CORPUS

REPO = Path(__file__).resolve().parents[2]


def _lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines()]


def test_one_json_line_per_file_in_the_order_given(capsys: pytest.CaptureFixture[str]) -> None:
    paths = [CORPUS / "malang_instruksi_tertanggal.txt", CORPUS / "no_instrument_report.txt"]
    assert main(["extract", *map(str, paths)]) == 0
    first, second = _lines(capsys.readouterr().out)
    assert first["file"] == str(paths[0])
    assert first["primary"] == 0
    instrument = first["instruments"][0]  # type: ignore[index]
    assert instrument["number"] == "3 Tahun 2024"
    start, end = instrument["evidence"]["number"]
    assert end - start == len("3 Tahun 2024")
    assert second == {
        "file": str(paths[1]),
        "instruments": [],
        "primary": None,
        "extractor": "documents.extract.v1",
    }


def test_an_unreadable_file_gives_an_error_line_and_processing_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "rusak.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")  # cut off after the header
    good = CORPUS / "sidoarjo_date_before.txt"
    assert main(["extract", str(broken), str(good)]) == 1
    error, ok = _lines(capsys.readouterr().out)
    assert error["file"] == str(broken)
    assert "PDF" in str(error["error"])
    assert ok["primary"] == 0


def test_missing_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["extract"]) == 2
    assert main(["summarise", "x.txt"]) == 2
    assert capsys.readouterr().out == ""


def test_the_netral_command_runs_it_as_a_subprocess() -> None:
    article = CORPUS / "bekasi_regency_bare_code.txt"
    done = subprocess.run(
        [sys.executable, "-m", "netral.cli", "docs", "extract", str(article)],
        capture_output=True,
        check=False,
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode()
    (line,) = _lines(done.stdout.decode("utf-8"))
    assert line["instruments"][0]["region"]["name"] == "Kabupaten Bekasi"  # type: ignore[index]
