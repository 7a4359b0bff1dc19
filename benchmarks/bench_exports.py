"""Streaming exports: peak memory of writing 1,000,000 queue-shaped rows as CSV and XLSX,
as a ratio to a 10,000-row export measured in the same run (target: within 2x).

Measures the writer layer (netral.exports.formats) fed by a lazy row generator, as the
views feed it from a server-side cursor; the database read is not part of this figure.

With --database N (needs DATABASE_URL, PostgreSQL), it also fills the database with N cases
(benchmarks/bench_cases.py's filler) and streams the queue export the way the view does,
rows read through the server-side cursor (netral.exports.rows.queue_rows), for 10,000 cases
and then for all of them; again peak traced memory and the ratio.

    .venv/bin/python benchmarks/bench_exports.py [--quick] [--database N] [--skip-writer]
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


def measure_database(fmt: str, actor: Any, limit: int) -> tuple[float, float, int, int]:
    """Stream the queue export of the first `limit` cases (by id) from the database."""
    from netral.cases.queue import queue_filters
    from netral.exports.rows import queue_header, queue_rows

    filters = queue_filters({}, actor=actor).filters
    assert filters is not None  # noqa: S101  (no parameters: nothing to refuse)
    counted = 0

    def capped() -> Iterator[Sequence[Any]]:
        nonlocal counted
        for row in queue_rows(actor, filters):
            if counted == limit:
                return
            counted += 1
            yield row

    sheet = Sheet("Antrean", queue_header(), capped())
    chunks = csv_chunks(sheet) if fmt == "csv" else xlsx_chunks([sheet])
    tracemalloc.start()
    started = time.perf_counter()
    size = sum(len(chunk) for chunk in chunks)
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20, seconds, size, counted


def database_run(cases: int) -> None:
    import os
    import random
    import sys
    import tempfile
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import bench_cases

    with tempfile.TemporaryDirectory(prefix="netral-bench-") as tmp:
        env = bench_cases.server_env(Path(tmp) / "static", Path(tmp) / "media")
        env["DJANGO_SETTINGS_MODULE"] = "netral.settings.test"  # no static manifest needed
        os.environ.update(env)
        bench_cases.manage(env, "migrate", "--noinput", "-v0")
        import django

        django.setup()
        actor, _token = bench_cases.bench_staff()
        filled = bench_cases.fill_cases(cases, random.Random(7))
        bench_cases.analyse_tables()
        for fmt in ("csv", "xlsx"):
            base_peak, base_s, _, base_rows = measure_database(fmt, actor, 10_000)
            peak, seconds, size, count = measure_database(fmt, actor, filled)
            print(
                f"database {fmt}: {base_rows:,} cases peak {base_peak:.1f} MiB ({base_s:.1f} s); "
                f"{count:,} cases peak {peak:.1f} MiB ({seconds:.1f} s, "
                f"{size / 2**20:.0f} MiB out); ratio {peak / base_peak:.2f} (target <= 2)",
                flush=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="100,000 rows instead of 1,000,000")
    parser.add_argument("--database", type=int, default=0, metavar="N", help="also from N cases")
    parser.add_argument("--skip-writer", action="store_true", help="only the database run")
    args = parser.parse_args()
    if args.database:
        database_run(args.database)
    if args.skip_writer:
        return
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
