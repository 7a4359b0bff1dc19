"""Screening tests: posts from the triage corpus, a throw-away model cache, the CLI run
as a subprocess, and an external Dask scheduler with two workers on 127.0.0.1."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO

DASK = REPO / ".venv" / "bin" / "dask"
AUTHORS = ["@budi_santoso88", "Dewi Lestari", "Drs. Agus Wibowo, M.Si", "", "Info Warga"]
REGIONS = ["32.01", "Kabupaten Sleman", "", "Bandung"]


@pytest.fixture(scope="session", autouse=True)
def _model_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    previous = os.environ.get("NETRAL_CACHE_DIR")
    cache = tmp_path_factory.mktemp("netral-cache")
    os.environ["NETRAL_CACHE_DIR"] = str(cache)
    yield cache
    if previous is None:
        os.environ.pop("NETRAL_CACHE_DIR", None)
    else:
        os.environ["NETRAL_CACHE_DIR"] = previous


def corpus_posts(count: int) -> list[dict[str, Any]]:
    from netral.triage import corpus

    examples = corpus.load()
    step = max(1, len(examples) // count)
    return [
        {
            "id": f"p{i}",
            "text": example.text,
            "author": AUTHORS[i % len(AUTHORS)],
            "region": REGIONS[i % len(REGIONS)],
            "platform": ["facebook", "x", "tiktok"][i % 3],
            "url": f"https://contoh.example/p/{i}",
            "posted_at": "2024-11-20T08:00:00+07:00",
        }
        for i, example in enumerate(examples[::step][:count])
    ]


def write_jsonl(path: Path, records: list[Any], bad_every: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i, record in enumerate(records):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            if bad_every and i % bad_every == 0:
                out.write('{"id": "rusak", "text": \n')
    return path


def netral(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "netral.cli", *args],
        cwd=REPO, capture_output=True, text=True, check=False, timeout=600,
        env={**os.environ, **(env or {})},
    )  # fmt: skip


def triage_codes(path: Path) -> dict[str, list[str]]:
    done = netral("triage", str(path))
    return {
        str(r["id"]): r["codes"]
        for r in map(json.loads, done.stdout.splitlines())
        if "error" not in r
    }


def screened_codes(out: Path) -> dict[str, list[str]]:
    import pyarrow.parquet as pq

    found: dict[str, list[str]] = {}
    for part in sorted((out / "parts").glob("*.parquet")):
        for row in pq.read_table(part, columns=["id", "error", "codes"]).to_pylist():
            if row["error"] is None:
                found[row["id"]] = row["codes"]
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def external_scheduler(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`dask scheduler` and two `dask worker` processes on free ports, torn down after.
    The workers have a model cache of their own, empty: the model must come from the
    client."""
    address = f"tcp://127.0.0.1:{_free_port()}"
    port = address.rsplit(":", 1)[1]
    worker_cache = tmp_path / "worker-cache"
    logs = (tmp_path / "dask.log").open("w")
    processes = [
        subprocess.Popen(
            [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"],
            stdout=logs, stderr=logs,
        )
    ]  # fmt: skip
    for n in range(2):
        processes.append(
            subprocess.Popen(
                [str(DASK), "worker", address, "--nthreads", "1", "--no-dashboard",
                 "--host", "127.0.0.1", "--memory-limit", "0", "--name", f"w{n}",
                 "--local-directory", str(tmp_path / f"w{n}")],
                stdout=logs, stderr=logs, cwd=REPO,
                env={**os.environ, "NETRAL_CACHE_DIR": str(worker_cache)},
            )
        )  # fmt: skip
    try:
        _wait_for_workers(address, 2)
        yield address, worker_cache
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        logs.close()


def _wait_for_workers(address: str, count: int) -> None:
    code = (
        "import sys; from distributed import Client\n"
        f"c = Client({address!r}, timeout='60s')\n"
        f"c.wait_for_workers({count}, timeout=60); c.close()"
    )
    deadline = time.monotonic() + 90
    while True:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              check=False, timeout=120)  # fmt: skip
        if done.returncode == 0:
            return
        if time.monotonic() > deadline:
            raise RuntimeError(f"the Dask workers did not connect: {done.stderr[-1000:]}")
        time.sleep(1)
