"""`netral screen` decides as `netral triage` does, post by post, on a local cluster and on
an external Dask scheduler; bad lines are counted and reported, never stop the run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.screening.conftest import (
    corpus_posts,
    netral,
    screened_codes,
    triage_codes,
    write_jsonl,
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def posts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("posts")
    return write_jsonl(folder / "posts.jsonl", corpus_posts(300), bad_every=97)


def test_a_local_cluster_gives_the_codes_triage_gives(posts: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = netral("screen", str(posts), "--out", str(out), "--workers", "2",
                  "--partition-size", "60")  # fmt: skip
    assert done.returncode == 1, done.stderr  # the bad lines
    expected = triage_codes(posts)
    assert len(expected) == 300
    assert screened_codes(out) == expected
    summary = json.loads((out / "summary.json").read_text())
    assert summary["posts"] == 300
    assert summary["failures"] == 4
    assert {e["position"] for e in summary["errors"]} == {2, 100, 198, 296}
    assert summary["throughput"]["workers"] == 2
    findings = [json.loads(line) for line in (out / "findings.jsonl").read_text().splitlines()]
    assert {f["id"]: f["codes"] for f in findings} == {k: v for k, v in expected.items() if v}
    assert sum(summary["findings_by_code"].values()) == sum(len(f["codes"]) for f in findings)


def test_an_external_scheduler_gives_the_same_codes(
    posts: Path, tmp_path: Path, external_scheduler: tuple[str, Path]
) -> None:
    address, worker_cache = external_scheduler
    out = tmp_path / "out"
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "nip,nama,jabatan,instansi,kode_wilayah\n"
        "197803122005011003,Drs. Budi Santoso,Camat,Pemerintah Kabupaten Bogor,32.01\n",
        encoding="utf-8",
    )
    done = netral("screen", str(posts), "--out", str(out), "--scheduler", address,
                  "--partition-size", "60", "--roster", str(roster))  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert screened_codes(out) == triage_codes(posts)
    # the workers mapped the roster index from the output directory
    findings = [json.loads(line) for line in (out / "findings.jsonl").read_text().splitlines()]
    budi = [f for f in findings if f["author"] == "@budi_santoso88" and f["region_code"] == "32.01"]
    assert budi
    assert all(f["candidates"][0]["nip"] == "197803122005011003" for f in budi)
    summary = json.loads((out / "summary.json").read_text())
    assert [p.name for p in out.glob("roster-*")] == [f"roster-{summary['roster']['fingerprint']}"]
    assert summary["throughput"]["workers"] == 2
    assert len(summary["throughput"]["worker_processes"]) == 2
    # the workers had no model of their own, trained none and cached none: they scored
    # with the client's
    assert summary["model"] is not None
    assert list(worker_cache.glob("triage-model-*.json")) == []
