"""`netral triage`: JSON Lines in and out, error lines in place, exit codes, workers."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from netral.triage.cli import main

REPO = Path(__file__).resolve().parents[2]
LINES = [
    {"id": "1", "text": "Pak camat pasang baliho caleg di pagar rumahnya kemarin."},
    {"id": 2, "text": "ASN dilarang memasang baliho."},
]


def _run(capsys: pytest.CaptureFixture[str], tmp_path: Path, lines: list[str], *args: str):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status = main([str(path), *args])
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return status, out


def test_each_line_gets_a_result_with_the_contract_fields(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out = _run(capsys, tmp_path, [json.dumps(x) for x in LINES])
    assert status == 0
    assert [o["id"] for o in out] == ["1", 2]
    assert set(out[0]) == {"id", "codes", "scores", "evidence", "entities", "context"}
    assert out[0]["codes"] == ["APK_PASANG"]
    assert out[1]["codes"] == []


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"text": "x"}', "missing id"),
        ('{"id": "a"}', "missing text"),
        ('{"id": "a", "text": 5}', "text must be a string"),
        (json.dumps({"id": "a", "text": "x" * 100_001}), "longer than 100000"),
        ("{not json", "invalid JSON"),
    ],
)
def test_a_bad_line_yields_an_error_line_and_processing_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, line: str, message: str
) -> None:
    status, out = _run(capsys, tmp_path, [line, json.dumps(LINES[0])])
    assert status == 1
    assert message in out[0]["error"]
    assert out[1]["codes"] == ["APK_PASANG"]


def test_workers_keep_the_input_order(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lines = [json.dumps({"id": i, "text": LINES[i % 2]["text"]}) for i in range(600)]
    status, out = _run(capsys, tmp_path, lines, "--workers", "2")
    assert status == 0
    assert [o["id"] for o in out] == list(range(600))
    assert [bool(o["codes"]) for o in out] == [i % 2 == 0 for i in range(600)]


def test_unusable_arguments_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main([str(tmp_path / "missing.jsonl")]) == 2
    assert main(["--workers", "0"]) == 2
    assert main(["--bogus"]) == 2
    assert main(["eval", "--folds", "1"]) == 2
    capsys.readouterr()


def test_standard_input_is_read_with_a_dash(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(LINES[0]) + "\n"))
    assert main(["-"]) == 0
    assert json.loads(capsys.readouterr().out)["codes"] == ["APK_PASANG"]


def test_train_writes_a_model_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "model.json"
    assert main(["train", "--output", str(target)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["path"] == str(target)
    assert json.loads(target.read_text())["name"] == "triage.model.v1"


def test_the_netral_command_runs_triage_as_a_subprocess() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "netral.cli", "triage", "-"],
        input=json.dumps(LINES[0]) + "\n",
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["codes"] == ["APK_PASANG"]
