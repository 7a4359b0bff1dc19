"""Roster import benchmark: `netral import employees` against PostgreSQL's own COPY.

Generates N valid roster rows (default 1,000,000; `--quick` 50,000) into a temporary CSV,
then measures, in the same run and on the same database:
  (a) COPY of that CSV into a plain table with the same columns (the baseline),
  (b) `netral import employees` of the same file into an empty Employee table,
  (c) the same import again (every row an update),
and the import's peak RSS at N/4 and N rows, to show memory does not grow with the file.

Needs DATABASE_URL (`make bench` starts a throwaway cluster); runs migrations itself.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

AGENCIES = 40
STATUSES = ("PNS", "PNS", "PNS", "CPNS", "PPPK", "P3K", "Honorer")
CATEGORIES = ("JPT", "Administrator", "Pengawas", "Fungsional", "Pelaksana", "")
POSITIONS = ("Analis Kebijakan", "Guru Ahli Pertama", "Camat", "Pengadministrasi Umum", "Perawat")
GIVEN = ("Budi", "Siti", "Agus", "Dewi", "Rina", "Joko", "Putri", "Wahyu", "Nur", "Eko")
FAMILY = ("Santoso", "Lestari", "Wibowo", "Hidayat", "Rahayu", "Saputra", "Kurniawan")
COLUMNS = ("nip", "nama", "status", "jabatan", "kategori_jabatan", "instansi")


def agency_name(index: int) -> str:
    return f"Dinas Uji Kinerja {index:02d}"


def unique_nip(index: int, rng: random.Random) -> str:
    """Valid and unique by construction: each (birth date, sequence) pair is used once."""
    born = date(1965, 1, 1) + timedelta(days=(index // 999) * 11)
    appointed_year = rng.randint(born.year + 20, 2020)
    return (
        f"{born:%Y%m%d}{appointed_year:04d}{rng.randint(1, 12):02d}"
        f"{rng.choice('12')}{index % 999 + 1:03d}"
    )


def write_roster(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for index in range(rows):
            writer.writerow(
                (
                    unique_nip(index, rng),
                    f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
                    rng.choice(STATUSES),
                    rng.choice(POSITIONS),
                    rng.choice(CATEGORIES),
                    agency_name(rng.randrange(AGENCIES)),
                )
            )


def setup_database() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netral.settings.test")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from netral.org.models import Agency, AgencyLevel

    for index in range(AGENCIES):
        Agency.objects.get_or_create(
            name=agency_name(index), region=None, defaults={"level": AgencyLevel.CENTRAL}
        )


def raw_copy_seconds(url: str, path: Path) -> float:
    """PostgreSQL's COPY of the CSV into a plain table with the same columns."""
    import psycopg

    with psycopg.connect(url) as conn:
        conn.execute("DROP TABLE IF EXISTS bench_roster_copy")
        conn.execute(
            "CREATE TABLE bench_roster_copy (nip varchar(18), nama varchar(200), "
            "status varchar(20), jabatan varchar(200), kategori_jabatan varchar(20), "
            "instansi varchar(200))"
        )
        conn.commit()
        started = time.perf_counter()
        with (
            conn.cursor() as cursor,
            cursor.copy("COPY bench_roster_copy FROM STDIN (FORMAT csv, HEADER true)") as copy,
            path.open("rb") as handle,
        ):
            while chunk := handle.read(1 << 20):
                copy.write(chunk)
        conn.commit()
        elapsed = time.perf_counter() - started
        conn.execute("DROP TABLE bench_roster_copy")
        conn.commit()
    return elapsed


def empty_employees(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DELETE FROM org_employee")
        conn.execute("VACUUM org_employee")


def run_import(path: Path) -> tuple[float, int, str]:
    """(seconds, peak RSS in KiB, stdout) of `netral import employees PATH`."""
    command = [sys.executable, "-m", "netral.cli", "import", "employees", str(path)]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "netral.settings.test"}
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None  # noqa: S101 - Popen with PIPE always has it
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"import failed ({child.returncode}): {output[:2000]}")
    return elapsed, usage.ru_maxrss, output.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="50,000 rows instead of 1,000,000")
    parser.add_argument("--rows", type=int, help="number of rows (overrides --quick)")
    args = parser.parse_args()
    rows = args.rows or (50_000 if args.quick else 1_000_000)
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        print("bench_roster_import: set DATABASE_URL to a PostgreSQL database", file=sys.stderr)
        return 2
    setup_database()
    with tempfile.TemporaryDirectory(prefix="netral-bench-") as tmp:
        small, full = Path(tmp) / "roster_quarter.csv", Path(tmp) / "roster.csv"
        write_roster(small, rows // 4)
        write_roster(full, rows)
        size_mb = full.stat().st_size / 1e6
        print(f"rows: {rows:,} ({size_mb:.1f} MB CSV); quarter file: {rows // 4:,} rows")

        copy_s = min(raw_copy_seconds(url, full) for _ in range(2))
        empty_employees(url)
        _, quarter_rss, _ = run_import(small)
        empty_employees(url)
        import_s, import_rss, summary = run_import(full)
        reimport_s, reimport_rss, resummary = run_import(full)

    print(f"(a) PostgreSQL COPY (best of 2): {copy_s:7.2f} s  {rows / copy_s:12,.0f} rows/s")
    print(f"(b) netral import, new rows:     {import_s:7.2f} s  {rows / import_s:12,.0f} rows/s")
    print(f"    summary: {summary}")
    print(
        f"(c) netral import, all updates:  {reimport_s:7.2f} s  {rows / reimport_s:12,.0f} rows/s"
    )
    print(f"    summary: {resummary}")
    print(
        f"ratio import/COPY (rows/s): new rows {copy_s / import_s:.2f}, "
        f"updates {copy_s / reimport_s:.2f} (target >= 0.50)"
    )
    print(
        f"peak RSS of the import: {quarter_rss / 1024:.0f} MiB at {rows // 4:,} rows (new), "
        f"{import_rss / 1024:.0f} MiB at {rows:,} rows (new), "
        f"{reimport_rss / 1024:.0f} MiB at {rows:,} rows (updates)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
