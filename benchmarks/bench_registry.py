"""The instrument registry under load: the public coverage page and the BKPSDM pledge page
on PostgreSQL with every region (514 regencies and cities, 38 provinces), 5,000 published
instruments and 1,000,000 pledge signatures (one per employee, one agency per region).

Starts gunicorn (production settings) like bench_cases.py and, from a few client threads,
requests GET /healthz (the baseline measured in the same run), the coverage page, a
province's drill-down, the public API by region and the pledge page of one regency.
Prints p50/p95 and the ratio of each p95 to /healthz; the target is p95 under 300 ms.

Usage: .venv/bin/python benchmarks/bench_registry.py [--quick] [--signatures N]
       [--instruments N] [--count N] [--threads T] [--workers W]
Needs DATABASE_URL (PostgreSQL; `scripts/bench` provides a throwaway cluster).
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_cases import describe, free_port, getter, manage, run, server_env, session_cookie
from gunicorn_harness import start_server, stop_server

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
BATCH = 10_000
CHUNK = 100_000
CYCLE = "PILKADA-2024"
CATEGORIES = ("JPT", "ADMINISTRATOR", "PENGAWAS", "FUNGSIONAL", "PELAKSANA")
CODES = ("KAMPANYE_IKUT", "APK_PASANG", "MEDSOS_UNGGAH", "FASILITAS_NEGARA", "FOTO_SIMBOL")


def fill(instruments: int, signatures: int, rng: random.Random) -> dict[str, int]:
    """Agencies per region, instruments with their coverage rows, employees, pledge events
    and signatures; bulk-inserted, topped up on a re-run."""
    from django.db import connection, transaction

    from netral.org.models import Agency, Employee, Region
    from netral.pledges.models import PledgeEvent, PledgeSignature
    from netral.registry.models import Coverage, Instrument, Status

    regions = list(Region.objects.order_by("code"))
    with transaction.atomic():
        have = set(
            Agency.objects.filter(name__startswith="Bench ").values_list("region_id", flat=True)
        )
        Agency.objects.bulk_create(
            [
                Agency(name=f"Bench {r.name}", level="REGENCY_CITY", region=r)
                for r in regions
                if r.pk not in have
            ]
        )
    agencies = list(Agency.objects.filter(name__startswith="Bench ").order_by("pk"))
    now = datetime.datetime.now(datetime.UTC)
    start = Instrument.objects.count()
    for first in range(start, instruments, BATCH):
        rows = []
        for i in range(first, min(instruments, first + BATCH)):
            region = rng.choice(regions)
            rows.append(
                Instrument(
                    status=Status.PUBLISHED, type="SE", number=f"800/{i}/BKPSDM/2024",
                    number_key=f"800/{i}/BKPSDM/2024", issuer=f"Bupati {region.name}",
                    issuer_key=f"bupati {region.name.lower()}", region=region,
                    date=datetime.date(2024, 1, 1) + datetime.timedelta(days=i % 250),
                    elections=["PILKADA"], election_year=2024, scope=["ASN"],
                    prohibited_conduct=rng.sample(CODES, 3), published_at=now,
                    text=f"Surat edaran nomor 800/{i}/BKPSDM/2024 tentang netralitas ASN.",
                )
            )  # fmt: skip
        with transaction.atomic():
            made = Instrument.objects.bulk_create(rows)
            Coverage.objects.bulk_create(
                [Coverage(instrument=m, cycle=CYCLE, region_id=m.region_id) for m in made]
            )
    with transaction.atomic():
        held = set(PledgeEvent.objects.values_list("agency_id", flat=True))
        PledgeEvent.objects.bulk_create(
            [
                PledgeEvent(agency=a, cycle=CYCLE, held_on=datetime.date(2024, 9, 10),
                            echelons=list(CATEGORIES))
                for a in agencies if a.pk not in held
            ]
        )  # fmt: skip
    # Employees and their signatures are generated in SQL (INSERT ... SELECT over
    # generate_series), a chunk per transaction: the same rows the ORM would make
    # (employee i in agency i mod n, one signature each at its agency's event), minutes faster.
    have = Employee.objects.filter(nip__startswith="9").count()
    employee, signature = Employee._meta.db_table, PledgeSignature._meta.db_table
    event = PledgeEvent._meta.db_table
    ids = [a.pk for a in agencies]
    began = time.perf_counter()
    for first in range(have, signatures, CHUNK):
        last = min(signatures, first + CHUNK)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                f"""INSERT INTO {employee}
                      (nip, name, status, position, position_category, agency_id, updated_at)
                    SELECT '9' || lpad(i::text, 17, '0'), 'Pegawai ' || i, 'PNS', '',
                           (%s::text[])[i %% %s + 1], (%s::bigint[])[i %% %s + 1], now()
                    FROM generate_series(%s, %s) AS i""",  # noqa: S608 (table names from the models)
                [list(CATEGORIES), len(CATEGORIES), ids, len(ids), first, last - 1],
            )
            cursor.execute(
                f"""INSERT INTO {signature} (event_id, employee_id, category)
                    SELECT ev.id, e.id, e.position_category
                    FROM {employee} e JOIN {event} ev ON ev.agency_id = e.agency_id
                    WHERE e.nip BETWEEN %s AND %s""",  # noqa: S608
                [f"9{first:017d}", f"9{last - 1:017d}"],
            )
        print(f"  {last:>9} signatures ({time.perf_counter() - began:.0f} s)", flush=True)
    return {
        "regions": len(regions),
        "instruments": Instrument.objects.filter(status=Status.PUBLISHED).count(),
        "signatures": PledgeSignature.objects.count(),
    }


def bkpsdm() -> Any:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from netral.accounts.models import Role, RoleAssignment, User
    from netral.org.models import Region

    user, _ = User.objects.get_or_create(username="bench-bkpsdm", first_name="Bench")
    assignment, _ = RoleAssignment.objects.get_or_create(user=user, role=Role.PPK_STAFF)
    assignment.regions.set(Region.objects.filter(code="32.01"))
    TOTPDevice.objects.get_or_create(user=user, name="bench", confirmed=True)
    return user


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100,000 signatures, fewer requests")
    parser.add_argument("--signatures", type=int, default=1_000_000)
    parser.add_argument("--instruments", type=int, default=5_000)
    parser.add_argument("--count", type=int, default=200, help="requests per endpoint")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    signatures, count = (100_000, 60) if args.quick else (args.signatures, args.count)
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("DATABASE_URL must point to PostgreSQL (scripts/bench starts one)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="netral-bench-") as tmp:
        env = server_env(Path(tmp) / "static", Path(tmp) / "media")
        os.environ.update(env)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")
        import django

        django.setup()
        from django.db import connection

        began = time.perf_counter()
        sizes = fill(args.instruments, signatures, random.Random(7))
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        print(f"filled in {time.perf_counter() - began:.0f} s: {sizes}")
        cookie = {"Cookie": session_cookie(bkpsdm())}
        port = free_port()
        server = start_server(env, port, args.workers)
        try:
            endpoints = {
                "healthz": getter("/healthz", {}),
                "coverage page": getter(f"/edaran/cakupan/?siklus={CYCLE}", {}),
                "coverage drill": getter(f"/edaran/cakupan/{CYCLE}/32/", {}),
                "api by region": getter("/api/v1/instruments/?region=32.01", {}),
                "pledge page": getter(f"/ikrar/?siklus={CYCLE}&wilayah=32.01", cookie),
            }
            for request in endpoints.values():
                run(port, 4, 2, request)  # warm up each worker
            results = {name: run(port, count, args.threads, r) for name, r in endpoints.items()}
        finally:
            stop_server(server)
    print(f"gunicorn workers: {args.workers}, client threads: {args.threads}, data: {sizes}")
    base_p95 = describe("healthz", *results.pop("healthz"), None)
    worst = max(describe(name, *r, base_p95) for name, r in results.items())
    print(f"slowest p95 {worst * 1000:.0f} ms (target under 300 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
