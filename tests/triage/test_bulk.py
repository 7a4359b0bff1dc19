"""`--workers`: one model, loaded before the fork and inherited by every worker."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from netral.triage import bulk
from netral.triage.model import get_model

REPO = Path(__file__).resolve().parents[2]


def _model_is_loaded() -> bool:
    return get_model.cache_info().currsize == 1


def test_workers_inherit_the_model_the_parent_loaded() -> None:
    get_model.cache_clear()
    bulk.prepare()
    with bulk.worker_pool(2) as pool:
        loaded = pool.starmap(_model_is_loaded, [()] * 4)
    assert loaded == [True] * 4


def test_a_parallel_run_without_a_cached_model_trains_once_before_any_line(
    tmp_path: Path,
) -> None:
    text = "Lurah pasang baliho caleg kemarin."
    lines = [json.dumps({"id": i, "text": text}) for i in range(700)]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cache = tmp_path / "cache"
    done = subprocess.run(
        [sys.executable, "-m", "netral.cli", "triage", str(source), "--workers", "2"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "NETRAL_CACHE_DIR": str(cache)},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("training") == 1
    assert len(list(cache.glob("triage-model-*.json"))) == 1
    assert len(done.stdout.splitlines()) == 700


def test_chunks_cover_the_input_in_order() -> None:
    chunks = list(bulk.chunks(str(i) for i in range(bulk.CHUNK * 2 + 5)))
    assert [len(c) for c in chunks] == [bulk.CHUNK, bulk.CHUNK, 5]
    assert [x for c in chunks for x in c] == [str(i) for i in range(bulk.CHUNK * 2 + 5)]
