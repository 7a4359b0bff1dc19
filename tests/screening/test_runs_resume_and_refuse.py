"""An interrupted run resumes from the partitions already done; an output directory of
another run, and unusable arguments, are refused before any work; the core is pure."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.purity import run_without_django
from tests.screening.conftest import corpus_posts, netral, screened_codes, write_jsonl

pytestmark = pytest.mark.slow


def test_a_run_resumes_from_the_partitions_already_done(tmp_path: Path) -> None:
    posts = write_jsonl(tmp_path / "posts.jsonl", corpus_posts(120))
    out = tmp_path / "out"
    args = ["screen", str(posts), "--out", str(out), "--workers", "1", "--partition-size", "30"]
    assert netral(*args).returncode == 0
    complete = screened_codes(out)
    findings = (out / "findings.jsonl").read_text()
    # an interruption: two partitions never finished (their 'done' mark is missing)
    kept = (out / "parts" / "part-00000.parquet").stat().st_mtime_ns
    for name in ("part-00001", "part-00003"):
        (out / "parts" / f"{name}.parquet").unlink()
    done = netral(*args)
    assert done.returncode == 0, done.stderr
    summary = json.loads((out / "summary.json").read_text())
    assert summary["partitions"]["this_run"] == 2
    assert summary["throughput"]["posts_this_run"] == 60
    assert summary["posts"] == 120
    assert (out / "parts" / "part-00000.parquet").stat().st_mtime_ns == kept
    assert screened_codes(out) == complete
    assert (out / "findings.jsonl").read_text() == findings


def test_another_input_into_a_used_directory_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = write_jsonl(tmp_path / "a.jsonl", corpus_posts(10))
    assert netral("screen", str(first), "--out", str(out), "--workers", "1").returncode == 0
    second = write_jsonl(tmp_path / "b.jsonl", corpus_posts(11))
    done = netral("screen", str(second), "--out", str(out), "--workers", "1")
    assert done.returncode == 2
    assert "holds the output of another run" in done.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--workers", "0"], "--workers must be at least 1"),
        (["--import"], "--import needs --election"),
        (["--roster", "/nonexistent.parquet"], "not a readable roster file"),
        (["--workers", "2", "--scheduler", "tcp://127.0.0.1:1"], "not allowed with"),
    ],
)
def test_unusable_arguments_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    posts = write_jsonl(tmp_path / "p.jsonl", corpus_posts(3))
    done = netral("screen", str(posts), "--out", str(tmp_path / "out"), *args)
    assert done.returncode == 2
    assert message in done.stderr
    assert not (tmp_path / "out").exists()


def test_a_missing_input_exits_2(tmp_path: Path) -> None:
    done = netral("screen", str(tmp_path / "none.jsonl"), "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    assert "not a readable file" in done.stderr


def test_the_parts_are_parquet_with_evidence_and_candidates(tmp_path: Path) -> None:
    # Budi's own post, written here: which corpus items the sample picks moves with the
    # corpus, and none of the three it gives him need describe conduct
    own = {
        "id": "budi-own", "author": "@budi_santoso88", "region": "32.01",
        "platform": "facebook", "url": "https://contoh.example/p/budi-own",
        "posted_at": "2024-11-20T08:00:00+07:00",
        "text": "Ayo dukung dan coblos paslon bupati nomor urut 2! Salam dua jari dari "
        "camat kalian, unggah ulang ya biar menang.",
    }  # fmt: skip
    sample = [*corpus_posts(60), own]
    posts = write_jsonl(tmp_path / "p.jsonl", sample)
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "nip,nama,jabatan,instansi,kode_wilayah,employee_id\n"
        "197803122005011003,Drs. Budi Santoso,Camat,Pemerintah Kabupaten Bogor,32.01,7\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    done = netral(
        "screen", str(posts), "--out", str(out), "--workers", "1", "--roster", str(roster)
    )
    assert done.returncode == 0, done.stderr
    rows = [
        r for p in sorted((out / "parts").glob("*.parquet")) for r in pq.read_table(p).to_pylist()
    ]
    flagged = [r for r in rows if r["codes"]]
    assert flagged
    for row in flagged:
        text = next(p["text"] for p in sample if p["id"] == row["id"])
        assert all(text[e["start"] : e["end"]] == e["text"] for e in row["evidence"])
    budi = [r for r in flagged if r["author"] == "@budi_santoso88" and r["region_code"] == "32.01"]
    assert budi, "the corpus sample should flag one of Budi's posts in 32.01"
    assert budi[0]["candidates"][0]["nip"] == "197803122005011003"
    assert budi[0]["candidates"][0]["employee_id"] == 7
    summary = json.loads((out / "summary.json").read_text())
    assert summary["roster"]["employees"] == 1


def test_the_core_imports_with_django_blocked() -> None:
    code = (
        "import netral.screening.run, netral.screening.screen, netral.screening.matching\n"
        "import netral.screening.roster_files, netral.cases.screening, netral.cases.likeness\n"
        "print('ok')"
    )
    assert run_without_django(code).strip() == "ok"
