"""`netral rules assess|due|catalogue` as JSON Lines, with the exit statuses of DESIGN.md."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from netral.rules.cli import main

REPO = Path(__file__).resolve().parents[2]


def _write(tmp_path: Path, lines: list[str]) -> str:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _out(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_assess_reads_a_file_and_answers_each_line_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(
        tmp_path,
        [
            json.dumps(
                {
                    "id": "a",
                    "subject": "PNS",
                    "conduct": ["MEDSOS_INTERAKSI"],
                    "date": "2024-10-15",
                    "election": "PILKADA",
                }
            ),
            json.dumps(
                {
                    "id": "b",
                    "subject": "TNI",
                    "conduct": ["FOTO_SIMBOL"],
                    "date": "2024-10-15",
                    "election": "PILKADA",
                }
            ),
        ],
    )
    assert main(["assess", path]) == 0
    out = _out(capsys)
    assert [o["id"] for o in out] == ["a", "b"]
    assert out[0]["findings"][0]["tracks"][0]["level"] == "BERAT"
    assert set(out[0]) == {"id", "findings", "explanation"}


def test_a_bad_line_gets_an_error_in_its_place_and_exit_status_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(
        tmp_path,
        [
            json.dumps(
                {
                    "id": 1,
                    "subject": "PNS",
                    "conduct": ["NGAWUR"],
                    "date": "2024-10-15",
                    "election": "PILKADA",
                }
            ),
            "{not json",
            json.dumps(
                {
                    "id": 3,
                    "subject": "PNS",
                    "conduct": ["APK_PASANG"],
                    "date": "2024-10-15",
                    "election": "PILKADA",
                }
            ),
        ],
    )
    assert main(["assess", path]) == 1
    out = _out(capsys)
    assert out[0] == {"id": 1, "error": "unknown conduct code 'NGAWUR'"}
    assert out[1]["id"] is None
    assert "invalid JSON" in str(out[1]["error"])
    assert "findings" in out[2]


def test_assess_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    line = json.dumps(
        {
            "id": "s",
            "subject": "NON_ASN",
            "conduct": ["ANGGOTA_PARPOL"],
            "date": "2024-03-01",
            "election": "PEMILU",
        }
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO(line + "\n\n"))
    assert main(["assess", "-"]) == 0
    assert _out(capsys)[0]["findings"][0]["tracks"][0]["track"] == "KONTRAK"


def test_due_computes_working_days_and_refuses_a_year_without_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(
        tmp_path,
        [
            json.dumps({"id": "x", "start": "2024-12-23", "days": 3, "unit": "WORKING"}),
            json.dumps({"id": "y", "start": "2021-12-23", "days": 3, "unit": "WORKING"}),
        ],
    )
    assert main(["due", path]) == 1
    out = _out(capsys)
    assert out[0] == {"id": "x", "due": "2024-12-30"}
    assert out[1]["id"] == "y"
    assert "no holiday data for 2021" in str(out[1]["error"])


def test_unusable_arguments_exit_two(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["menilai"]) == 2
    assert main(["assess", "/nonexistent/facts.jsonl"]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_the_catalogue_table_has_the_columns_a_lawyer_needs(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["catalogue"]) == 0
    text = capsys.readouterr().out
    for column in (
        "CONDUCT",
        "SUBJECT",
        "CANDIDATE STATUS",
        "TRACK",
        "LEVEL",
        "SANCTIONS",
        "BASIS",
        "CONFIRMED",
    ):
        assert column in text
    assert "Posting own content promoting a candidate" in text
    assert "PP-94-2021 Pasal 5 huruf n angka 2" in text


def test_the_catalogue_as_json_lists_every_provision_with_its_source(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["catalogue", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["provisions"]
    assert all(row["source"] for row in data["provisions"])
    assert {row["conduct"] for row in data["provisions"]} >= {"ANGGOTA_PARPOL", "MEDSOS_UNGGAH"}


def test_the_netral_command_runs_rules_as_a_subprocess() -> None:
    line = json.dumps(
        {
            "id": 7,
            "subject": "PNS",
            "conduct": ["MEDSOS_INTERAKSI"],
            "date": "2024-01-05",
            "election": "PEMILU",
        }
    )
    done = subprocess.run(
        [sys.executable, "-m", "netral.cli", "rules", "assess", "-"],
        input=line + "\n",
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["id"] == 7
    assert result["findings"][0]["tracks"][0]["level"] == "BERAT"
