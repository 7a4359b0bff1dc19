"""What a run leaves in its output directory.

run.json                 what the run screens (inputs, partition size, model, roster):
                         a run resumes only over the same
parts/part-NNNNN.parquet one file per partition, written last and atomically, so its
                         presence means the partition is done
parts/part-NNNNN.json    the partition's counts and first errors
parts/part-NNNNN.findings.jsonl   its findings
findings.jsonl           every partition's findings, in input order
summary.json             counts by code, region and platform; throughput; failures
roster-FINGERPRINT/      the roster index the workers map (see `roster.py`)
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

_EVIDENCE = pa.struct(
    [("code", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())]
)
_CANDIDATE = pa.struct(
    [
        ("employee_id", pa.int64()),
        ("nip", pa.string()),
        ("name", pa.string()),
        ("position", pa.string()),
        ("agency", pa.string()),
        ("region_code", pa.string()),
        ("score", pa.float64()),
        ("parts", pa.map_(pa.string(), pa.float64())),
        ("reasons", pa.list_(pa.string())),
    ]
)
SCHEMA = pa.schema(
    [
        ("source", pa.string()),
        ("position", pa.int64()),
        ("id", pa.string()),
        ("error", pa.string()),
        ("platform", pa.string()),
        ("region", pa.string()),
        ("region_code", pa.string()),
        ("author", pa.string()),
        ("url", pa.string()),
        ("posted_at", pa.string()),
        ("codes", pa.list_(pa.string())),
        ("scores", pa.map_(pa.string(), pa.float64())),
        ("evidence", pa.list_(_EVIDENCE)),
        ("entities", pa.string()),  # JSON: its shape is triage's, and grows with it
        ("candidates", pa.list_(_CANDIDATE)),
    ]
)


def parts_dir(out_dir: Path) -> Path:
    return out_dir / "parts"


def part_path(out_dir: Path, name: str, suffix: str) -> Path:
    return parts_dir(out_dir) / f"{name}{suffix}"


def write_atomic(path: Path, write: Any) -> None:
    """``write(temporary_path)`` then rename: a reader never sees half a file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    try:
        write(Path(temporary))
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    write_atomic(path, lambda temporary: temporary.write_text(text, encoding="utf-8"))


def write_part(out_dir: Path, name: str, rows: list[dict[str, Any]], findings: list[str],
               stats: dict[str, Any]) -> None:  # fmt: skip
    """The partition's findings and counts, then its Parquet file (the 'done' mark)."""
    write_text(part_path(out_dir, name, ".findings.jsonl"), "".join(f"{f}\n" for f in findings))
    write_text(part_path(out_dir, name, ".json"), _encode(stats))
    table = pa.Table.from_pylist(rows, schema=SCHEMA)
    write_atomic(part_path(out_dir, name, ".parquet"), lambda t: pq.write_table(table, t))


def part_done(out_dir: Path, name: str) -> bool:
    return all(part_path(out_dir, name, s).exists() for s in (".parquet", ".json"))


def part_stats(out_dir: Path, name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(part_path(out_dir, name, ".json").read_text("utf-8"))
    return loaded


def gather_findings(out_dir: Path, names: Iterable[str]) -> int:
    """findings.jsonl from the partitions' fragments, in partition order; returns lines."""
    count = 0

    def write(temporary: Path) -> None:
        nonlocal count
        with temporary.open("w", encoding="utf-8") as out:
            for name in names:
                fragment = part_path(out_dir, name, ".findings.jsonl")
                if not fragment.exists():
                    continue
                with fragment.open(encoding="utf-8") as lines:
                    for line in lines:
                        out.write(line)
                        count += 1

    write_atomic(out_dir / "findings.jsonl", write)
    return count


def encode(value: Any) -> str:
    return _encode(value)
