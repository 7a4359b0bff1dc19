"""Streaming exports: peak memory of writing 1,000,000 queue-shaped rows as CSV and XLSX,
as a ratio to a 10,000-row export measured in the same run (target: within 2x).

Measures the writer layer (netral.exports.formats) fed by a lazy row generator, as the
views feed it from a server-side cursor; the database read is not part of this figure.

    .venv/bin/python benchmarks/bench_exports.py [--quick]
"""

from __future__ import annotations

import argparse
import datetime
import time
import tracemalloc
from collections.abc import Iterator, Sequence
from typing import Any

from netral.exports.formats import Sheet, csv_chunks, xlsx_chunks


def rows(count: int) -> Iterator[Sequence[Any]]:
    day = datetime.date(2024, 10, 1)
    for i in range(count):
        yield [
            f"NTR-2024-{i:06d}",
            "Verifikasi",
            "32.01",
            "Kabupaten Bogor",
            "Pemerintah Kabupaten Bogor",
            f"Pegawai {i}",
            "197803122005011003",
            "Camat",
            "Pilkada",
            "FOTO_SIMBOL",
            "MEDSOS_UNGGAH",
            day,
            day,
            i % 3 == 0,
            "verifikator",
            datetime.datetime(2024, 10, 1, 3, 0, tzinfo=datetime.UTC),
            datetime.datetime(2024, 10, 2, 3, 0, tzinfo=datetime.UTC),
        ]


def measure(fmt: str, count: int) -> tuple[float, float, int]:
    header = [f"kolom_{i}" for i in range(17)]
    sheet = Sheet("Antrean", header, rows(count))
    chunks = csv_chunks(sheet) if fmt == "csv" else xlsx_chunks([sheet])
    tracemalloc.start()
    started = time.perf_counter()
    size = 0
    for chunk in chunks:
        size += len(chunk)
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20, seconds, size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="100,000 rows instead of 1,000,000")
    args = parser.parse_args()
    large = 100_000 if args.quick else 1_000_000
    for fmt in ("csv", "xlsx"):
        base_peak, base_s, _ = measure(fmt, 10_000)
        peak, seconds, size = measure(fmt, large)
        print(
            f"{fmt}: 10,000 rows peak {base_peak:.1f} MiB ({base_s:.1f} s); "
            f"{large:,} rows peak {peak:.1f} MiB ({seconds:.1f} s, {size / 2**20:.0f} MiB out); "
            f"ratio {peak / base_peak:.2f} (target <= 2)"
        )


if __name__ == "__main__":
    main()
