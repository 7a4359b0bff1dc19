"""The case queue under load: the staff pages /kasus/ and /beranda/ (the role's home) and
GET /api/v1/cases/ on PostgreSQL.

Fills the database with cases (each with its report and link, bulk-inserted) in the
regencies of West Java, then:

1. counts the SQL queries of one queue page (and one API page) in-process at 1,000 cases
   and again at the full size: they must be equal (no query per row);
2. starts gunicorn (production settings, throwaway secrets) on a free loopback port and,
   from a few client threads, requests GET /healthz (baseline), the queue page (first
   page, a filtered, re-sorted page and a searched one), the home page and the API, a
   bounded number of times each.

Prints p50/p95 latency and requests per second for each, and the ratio to /healthz.
Needs DATABASE_URL (PostgreSQL; `scripts/bench` provides a throwaway cluster); migrates
it itself. Re-running on the same database tops the cases up rather than duplicating.

Usage: .venv/bin/python benchmarks/bench_cases.py [--quick] [--cases N] [--count N]
       [--threads T] [--workers W] [--explain]

--explain prints, for each query of the three pages at full size, PostgreSQL's planning and
execution time. gunicorn inherits the environment: DB_CONN_MAX_AGE=60 measures persistent
database connections (the default 0 opens one per request).
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet
from gunicorn_harness import start_server, stop_server

REPO = Path(__file__).resolve().parents[1]
VENV_BIN = REPO / ".venv" / "bin"
sys.path.insert(0, str(REPO))
BATCH = 5000
# Words of the report texts and region names (a regency, a conduct): rare and common parts.
SEARCH = "/kasus/?q=kepala+dinas+bogor+kaos"
FIRST_SIZE = 1000
STAGES = ("RECEIVED", "VERIFICATION", "BAWASLU_REVIEW", "AGENCY_EXAMINATION")
CODES = ("MEDSOS_UNGGAH", "FOTO_SIMBOL", "KAMPANYE_IKUT", "APK_PASANG", "FASILITAS_NEGARA")
TEXT = (
    "Seorang {who} di {place} terlihat {what} pada kegiatan warga; foto dan videonya "
    "beredar di grup percakapan. Laporan nomor {n}."
)
WHO = ("camat", "lurah", "guru SD", "kepala dinas", "sekretaris kecamatan", "perawat")
WHAT = (
    "mengacungkan dua jari bersama calon bupati",
    "membagikan kaos bergambar pasangan calon",
    "mengunggah ajakan memilih di Facebook",
    "memakai mobil dinas ke lokasi kampanye",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_env(static: Path, media: Path) -> dict[str, str]:
    return os.environ | {
        "DJANGO_SETTINGS_MODULE": "netral.settings.production",
        "SECRET_KEY": uuid.uuid4().hex * 2,
        "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "STATIC_ROOT": str(static),
        "MEDIA_ROOT": str(media),
        "LOG_LEVEL": "WARNING",
    }


def manage(env: dict[str, str], *args: str) -> None:
    command = [str(VENV_BIN / "python"), "-m", "netral.cli", "manage", *args]
    subprocess.run(command, env=env, cwd=REPO, check=True)


# --- data -----------------------------------------------------------------------------


def bench_staff() -> tuple[Any, str]:
    """A verifier for province 32 with a confirmed TOTP device, and an API token."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from netral.accounts.models import Role, RoleAssignment, User
    from netral.cases.auth import api_token_issue
    from netral.org.models import Region

    user, _ = User.objects.get_or_create(username="bench-verifikator", first_name="Bench")
    assignment, _ = RoleAssignment.objects.get_or_create(user=user, role=Role.VERIFIER)
    assignment.regions.set(Region.objects.filter(code="32"))
    TOTPDevice.objects.get_or_create(user=user, name="bench", confirmed=True)
    _row, token = api_token_issue(user=user, name=f"bench-{uuid.uuid4().hex[:6]}")
    return user, token


def session_cookie(user: Any) -> str:
    """A logged-in session that passed TOTP, as the login views would leave it."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django_otp import DEVICE_ID_SESSION_KEY

    device = user.totpdevice_set.first()
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def fill_cases(target: int, rng: random.Random) -> int:
    """Bulk-insert reports, cases and links in West Java until there are `target` cases."""
    from django.db import transaction

    from netral.cases.models import Case, CaseReport
    from netral.cases.searchtext import fold
    from netral.intake.models import Report
    from netral.org.models import Region

    regions = list(Region.objects.filter(code__startswith="32."))
    have = Case.objects.count()
    today = datetime.date.today()  # noqa: DTZ011  (synthetic data; any day will do)
    while have < target:
        size = min(BATCH, target - have)
        now = datetime.datetime.now(datetime.UTC)
        reports, cases = [], []
        for i in range(have, have + size):
            region = rng.choice(regions)
            code = rng.choice(CODES)
            created = now - datetime.timedelta(minutes=rng.randrange(60 * 24 * 120))
            text = TEXT.format(who=rng.choice(WHO), place=region.name, what=rng.choice(WHAT), n=i)
            reports.append(
                Report(
                    receipt=f"B{i:015d}",
                    secret_digest="0" * 64,
                    text=text,
                    region=region,
                    election="PILKADA",
                    identity_mode="anonymous",
                    suggested_codes=[code],
                    triage={"evidence": [{"code": code, "start": 0, "end": 7, "text": "Seorang"}]},
                    created_at=created,
                )
            )
            cases.append(
                Case(
                    region=region,
                    election=rng.choice(("PILKADA", "PEMILU", "")),
                    stage=rng.choice(STAGES),
                    subject_name=f"Pegawai {i}",
                    # What searchtext.case_search_text makes of these fields (its number
                    # is left out: the pk is not known before the insert).
                    search_text=fold(f"Pegawai {i} {region.name} {text}"),
                    suggested_codes=[code],
                    due_date=today + datetime.timedelta(days=rng.randrange(-20, 30)),
                    created_at=created,
                    stage_entered_at=created,
                )
            )
        with transaction.atomic():
            Report.objects.bulk_create(reports, batch_size=BATCH)
            Case.objects.bulk_create(cases, batch_size=BATCH)
            CaseReport.objects.bulk_create(
                [
                    CaseReport(case=c, report=r, original_case=c, added_at=r.created_at)
                    for c, r in zip(cases, reports, strict=True)
                ],
                batch_size=BATCH,
            )
        have += size
        print(f"  {have:>7} cases", flush=True)
    return have


def count_queries(user: Any, token: str, explain: bool = False) -> dict[str, int]:
    """SQL queries of one queue page and one API page, in-process (optionally explained)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django_otp import DEVICE_ID_SESSION_KEY

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = user.totpdevice_set.first().persistent_id
    session.save()
    out = {}
    for name, path, headers in (
        ("page", "/kasus/", {}),
        ("page filtered", "/kasus/?stage=VERIFICATION&ordering=-due_date&page=3", {}),
        ("page searched", SEARCH, {}),
        ("home", "/beranda/", {}),
        ("api", "/api/v1/cases/?limit=25", {"Authorization": f"Bearer {token}"}),
    ):
        client.get(path, headers=headers)  # warm caches (catalogue, templates)
        with CaptureQueriesContext(connection) as captured:
            status = client.get(path, headers=headers).status_code
        if status != 200:
            raise SystemExit(f"{path} answered HTTP {status}")
        out[name] = len(captured)
        if explain:
            explain_queries(name, [q["sql"] for q in captured.captured_queries])
    return out


def explain_queries(name: str, queries: list[str]) -> None:
    """Planning and execution time of each SELECT, with the plan's top node."""
    from django.db import connection

    print(f"EXPLAIN (ANALYZE, BUFFERS) of {name}:")
    for n, sql in enumerate(queries):
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            plan = [row[0] for row in cursor.fetchall()]
        times = "  ".join(line.strip() for line in plan if line.strip().endswith(" ms"))
        print(f"  q{n:<2} {times}  | {plan[0].strip()[:70]}  | {sql[:60]}")


def analyse_tables() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


# --- load -----------------------------------------------------------------------------


def getter(path: str, headers: dict[str, str]) -> Callable[[http.client.HTTPConnection], int]:
    def get(conn: http.client.HTTPConnection) -> int:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        return response.status

    return get


def run(
    port: int, count: int, threads: int, request: Callable[..., int]
) -> tuple[float, list[float]]:
    def worker(share: range) -> list[float]:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        latencies = []
        for _ in share:
            began = time.perf_counter()
            status = request(conn)
            latencies.append(time.perf_counter() - began)
            if status != 200:
                raise SystemExit(f"request failed with HTTP {status}")
        conn.close()
        return latencies

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        parts = pool.map(worker, [range(t, count, threads) for t in range(threads)])
        latencies = [x for part in parts for x in part]
    return time.perf_counter() - began, latencies


def describe(name: str, wall: float, latencies: list[float], base_p95: float | None) -> float:
    p95 = statistics.quantiles(latencies, n=20)[18]
    ratio = f"  p95 {p95 / base_p95:6.1f}x healthz" if base_p95 else ""
    print(
        f"{name:<15} {len(latencies):>5} req  {len(latencies) / wall:7.1f} req/s  "
        f"p50 {statistics.median(latencies) * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms{ratio}"
    )
    return p95


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 cases, fewer requests")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--count", type=int, default=300, help="requests per endpoint")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--explain", action="store_true", help="EXPLAIN each query at full size")
    args = parser.parse_args()
    cases, count = (5000, 100) if args.quick else (args.cases, args.count)
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
        rng = random.Random(7)
        user, token = bench_staff()
        print(f"filling to {FIRST_SIZE} cases ...", flush=True)
        small_size = fill_cases(FIRST_SIZE, rng)
        if small_size > FIRST_SIZE:
            print(f"  (database already holds {small_size} cases: both counts at that size)")
        small = count_queries(user, token)
        began = time.perf_counter()
        print(f"filling to {cases} cases ...", flush=True)
        big_size = fill_cases(cases, rng)
        print(f"filled in {time.perf_counter() - began:.0f} s")
        # A database that gathered these cases over an election has been vacuumed and
        # analysed by autovacuum; one filled in seconds has not, and its plans are not
        # the ones an office would see.
        analyse_tables()
        big = count_queries(user, token, explain=args.explain)
        for name in small:
            same = "equal" if small[name] == big[name] else "NOT EQUAL"
            print(
                f"queries {name:<14} {small[name]:>3} at {small_size} cases, "
                f"{big[name]:>3} at {big_size} cases: {same}"
            )
        cookie = {"Cookie": session_cookie(user)}
        bearer = {"Authorization": f"Bearer {token}"}
        port = free_port()
        server = start_server(env, port, args.workers)
        try:
            endpoints = {
                "healthz": getter("/healthz", {}),
                "queue page": getter("/kasus/", cookie),
                "queue filtered": getter(
                    "/kasus/?stage=VERIFICATION&ordering=-due_date&page=3", cookie
                ),
                "queue searched": getter(SEARCH, cookie),
                "home page": getter("/beranda/", cookie),
                "api page": getter("/api/v1/cases/?limit=25", bearer),
            }
            for request in endpoints.values():
                run(port, 4, 2, request)  # warm up each worker
            results = {name: run(port, count, args.threads, r) for name, r in endpoints.items()}
        finally:
            stop_server(server)
    print(
        f"gunicorn workers: {args.workers}, client threads: {args.threads}, cases: {big_size}, "
        f"DB_CONN_MAX_AGE={os.environ.get('DB_CONN_MAX_AGE', '0')}"
    )
    base_p95 = describe("healthz", *results.pop("healthz"), None)
    for name, (wall, latencies) in results.items():
        describe(name, wall, latencies, base_p95)
    return 0 if all(small[k] == big[k] for k in small) else 1


if __name__ == "__main__":
    raise SystemExit(main())
