"""Roster import benchmark: `netral import employees` against PostgreSQL's own COPY.

Generates N valid roster rows (default 1,000,000; `--quick` 50,000) into a temporary CSV,
then measures, in the same run and on the same database:
  (a) COPY of that CSV into a plain table with the same columns (the baseline),
  (b) `netral import employees` of the same file into an empty Employee table,
  (c) the same file again (every row unchanged, so nothing is rewritten),
  (d) a file with the same NIPs and other names and positions (every row an update),
and the import's peak RSS at N/4 and N rows, to show memory does not grow with the file.
It refuses to run on a database whose Employee table is not empty.

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
    """The same NIPs whatever the seed; the seed changes the other columns."""
    nip_rng, rng = random.Random(1), random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for index in range(rows):
            writer.writerow(
                (
                    unique_nip(index, nip_rng),
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


def shaped_copy_seconds(url: str, path: Path) -> float:
    """COPY of the same rows into a table shaped like Employee: same indexes, same foreign
    key. Not the baseline the target is set against; it shows what the indexes cost.
    Agency names must become ids, so Python reads the CSV and psycopg sends the rows."""
    import psycopg

    with psycopg.connect(url) as conn:
        conn.execute("DROP TABLE IF EXISTS bench_roster_shaped")
        conn.execute("CREATE TABLE bench_roster_shaped (LIKE org_employee INCLUDING ALL)")
        for index in ("(nip varchar_pattern_ops)", "(agency_id)", "(agency_id, name)"):
            conn.execute(f"CREATE INDEX ON bench_roster_shaped {index}")
        conn.execute(
            "ALTER TABLE bench_roster_shaped ADD FOREIGN KEY (agency_id) REFERENCES org_agency "
            "DEFERRABLE INITIALLY DEFERRED"
        )
        ids: dict[str, int] = dict(conn.execute("SELECT name, id FROM org_agency").fetchall())
        conn.commit()
        started = time.perf_counter()
        with (
            conn.cursor() as cursor,
            cursor.copy(
                "COPY bench_roster_shaped (nip, name, status, position, position_category, "
                "agency_id, updated_at) FROM STDIN"
            ) as copy,
            path.open(encoding="utf-8", newline="") as handle,
        ):
            now = time.strftime("%Y-%m-%d %H:%M:%S+00", time.gmtime())
            reader = csv.reader(handle)
            next(reader)
            for nip, name, status, position, category, agency in reader:
                copy.write_row(
                    (nip, name, status[:8], position, category or "LAINNYA", ids[agency], now)
                )
        conn.commit()
        elapsed = time.perf_counter() - started
        conn.execute("DROP TABLE bench_roster_shaped")
        conn.commit()
    return elapsed


def employee_count(url: str) -> int:
    import psycopg

    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT count(*) FROM org_employee").fetchone()
    return int(row[0]) if row else 0


def empty_employees(url: str) -> None:
    """Back to an empty, compact Employee table (VACUUM FULL also rebuilds its indexes)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DELETE FROM org_employee")
        conn.execute("VACUUM FULL org_employee")


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
    if employee_count(url):
        print("bench_roster_import: the Employee table is not empty; use a throwaway database")
        return 2
    try:
        measure(url, rows)
    finally:
        empty_employees(url)
    return 0


def rate(rows: int, seconds: float) -> str:
    return f"{seconds:7.2f} s {rows / seconds:12,.0f} rows/s"


def measure(url: str, rows: int) -> None:
    with tempfile.TemporaryDirectory(prefix="netral-bench-") as tmp:
        small, full = Path(tmp) / "roster_quarter.csv", Path(tmp) / "roster.csv"
        changed = Path(tmp) / "roster_changed.csv"
        write_roster(small, rows // 4)
        write_roster(full, rows)
        write_roster(changed, rows, seed=8)
        size_mb = full.stat().st_size / 1e6
        print(f"rows: {rows:,} ({size_mb:.1f} MB CSV); quarter file: {rows // 4:,} rows")

        copy_s = min(raw_copy_seconds(url, full) for _ in range(2))
        shaped_s = shaped_copy_seconds(url, full)
        _, quarter_rss, _ = run_import(small)
        empty_employees(url)
        import_s, import_rss, summary = run_import(full)
        same_s, same_rss, same_summary = run_import(full)
        update_s, update_rss, update_summary = run_import(changed)

    print(f"(a) PostgreSQL COPY, plain table (best of 2): {rate(rows, copy_s)}")
    print(f"    COPY into an Employee-shaped table:      {rate(rows, shaped_s)}")
    print(f"(b) netral import, all new:                  {rate(rows, import_s)}")
    print(f"    {summary}")
    print(f"(c) netral import, same file again:          {rate(rows, same_s)}")
    print(f"    {same_summary}")
    print(f"(d) netral import, every row changed:        {rate(rows, update_s)}")
    print(f"    {update_summary}")
    print(
        f"ratio import/COPY in rows/s (target >= 0.50): all new {copy_s / import_s:.2f}, "
        f"unchanged {copy_s / same_s:.2f}, all updated {copy_s / update_s:.2f}"
    )
    # Like for like: COPY into a table that keeps the same unique NIP, foreign key and
    # indexes, i.e. the database's own bulk path doing the same job without our checks.
    print(f"ratio import/COPY into the Employee-shaped table: all new {shaped_s / import_s:.2f}")
    print(
        f"peak RSS of the import process: {quarter_rss / 1024:.0f} MiB at {rows // 4:,} rows, "
        f"{import_rss / 1024:.0f} MiB at {rows:,} rows (new), {same_rss / 1024:.0f} MiB "
        f"(unchanged), {update_rss / 1024:.0f} MiB (updated)"
    )


if __name__ == "__main__":
    sys.exit(main())
