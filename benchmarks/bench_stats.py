"""Public statistics, open data and the staff dashboard at 100,000 cases, on PostgreSQL.

Every figure is a GROUP BY over the summary table `CaseFact` (netral/stats/models.py),
rebuilt by `refresh_facts` on the task queue; pages cache their figures per rebuild, so a
rebuild computes the national ones itself (netral/stats/warm.py), and a visitor pays the
queries of the others on the first view after a rebuild (per filter, scope and language).
This benchmark measures:

1. cold: in-process (Django test client), the cache emptied before each request, so every
   request runs all of the page's queries: at 1,000 cases (the baseline) and at the full
   size; prints p50/p95, the ratio full/1,000 and the SQL query count at both sizes (they
   must be equal: no query per row);
2. after a rebuild: in-process, the cache emptied and the rebuild's `warm_figures` run
   (timed), then the first view of each page;
3. warm: gunicorn (production settings, 2 workers) from a few client threads, GET /healthz
   (the baseline) and each page a bounded number of times; p50/p95 and the ratio to /healthz.

Target: p95 under 300 ms at 100,000 cases, cold.

Data: cases are bulk-inserted with their `CaseFact` row written directly, not through the
services and `refresh_facts` (the pages read only CaseFact, and 100,000 cases through the
services would take hours). The facts follow the shape of the generated election in
netral/demo/election.py: every province, an agency per regency/city, every outcome, about
a third proven and recommended, most of those sanctioned (on time or late), some blocked;
reported over 18 months. Re-running on the same database tops the facts up.

Usage: .venv/bin/python benchmarks/bench_stats.py [--quick] [--cases N] [--count N]
       [--cold N] [--threads T] [--workers W] [--explain]

--quick is --cases 5000 with fewer requests. --explain prints, for each query of each page
at full size, PostgreSQL's planning and execution time. Needs DATABASE_URL (PostgreSQL;
`scripts/bench` provides a throwaway cluster); migrates it itself.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_cases import (
    analyse_tables,
    explain_queries,
    free_port,
    getter,
    manage,
    run,
    server_env,
    session_cookie,
)
from gunicorn_harness import start_server, stop_server

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
BATCH = 5000
FIRST_SIZE = 1000
TARGET_MS = 300

PUBLIC_PAGES = {
    "statistik": "/statistik/",
    "statistik prov": "/statistik/?provinsi=32",
    "datapackage": "/data/datapackage.json",
    "csv cube": "/data/kasus-wilayah-bulan.csv",
    "csv compliance": "/data/kepatuhan-ppk-instansi.csv",
    "csv position": "/data/kategori-jabatan.csv",
    "csv sanctions": "/data/sanksi-tingkat.csv",
    "api package": "/api/v1/statistics/",
    "api cube": "/api/v1/statistics/kasus-wilayah-bulan",
    "api compliance": "/api/v1/statistics/kepatuhan-ppk-instansi",
}
# name: (user key, path)
STAFF_PAGES = {
    "dasbor pusat": ("supervisor", "/statistik/dasbor/"),
    "dasbor pusat filt": ("supervisor", "/statistik/dasbor/?pemilihan=PILKADA-2024&wilayah=32"),
    "dasbor verif 32": ("verifier", "/statistik/dasbor/"),
    "dasbor ppk 32": ("ppk", "/statistik/dasbor/"),
}

STAGES_OPEN = ("RECEIVED", "VERIFICATION", "BAWASLU_REVIEW", "AGENCY_EXAMINATION")
# (stage, outcome, weight): the mix of the generated election, roughly.
STAGE_MIX = (
    ("RECEIVED", "OPEN", 8),
    ("VERIFICATION", "OPEN", 10),
    ("BAWASLU_REVIEW", "OPEN", 6),
    ("AGENCY_EXAMINATION", "OPEN", 6),
    ("NOT_ACTIONABLE", "NOT_ACTIONABLE", 14),
    ("NOT_PROVEN", "NOT_PROVEN", 10),
    ("MERGED", "MERGED", 6),
    ("REFERRED", "REFERRED", 5),
    ("RECOMMENDATION", "PROVEN", 5),
    ("PPK_FOLLOW_UP", "PROVEN", 10),
    ("SANCTION_EXECUTED", "PROVEN", 8),
    ("CLOSED", "PROVEN", 12),
)
ELECTIONS = (("PILKADA", 2024, 6), ("PEMILU", 2024, 3), ("", None, 1))
POSITION_GROUPS = ("JPT", "ADMINISTRATOR", "PENGAWAS", "KEPALA_WILAYAH", "FUNGSIONAL", "PELAKSANA")
STATUSES = ("PNS", "PPPK", "NON_ASN")
LEVELS = ("MORAL", "RINGAN", "SEDANG", "BERAT")
SANCTIONS = ("TEGURAN_LISAN", "TEGURAN_TERTULIS", "PENUNDAAN_KGB", "PENURUNAN_JABATAN")


# --- data -----------------------------------------------------------------------------


def bench_users() -> dict[str, Any]:
    """A national supervisor, a verifier and PPK staff for province 32 (each with TOTP)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from netral.accounts.models import Role, RoleAssignment, User
    from netral.org.models import Region

    out = {}
    for key, role, national in (
        ("supervisor", Role.CENTRAL_SUPERVISOR, True),
        ("verifier", Role.VERIFIER, False),
        ("ppk", Role.PPK_STAFF, False),
    ):
        user, _ = User.objects.get_or_create(username=f"bench-stats-{key}", first_name="Bench")
        assignment, _ = RoleAssignment.objects.get_or_create(
            user=user, role=role, defaults={"national": national}
        )
        if not national:
            assignment.regions.set(Region.objects.filter(code="32"))
        TOTPDevice.objects.get_or_create(user=user, name="bench", confirmed=True)
        out[key] = user
    return out


def agencies_by_region() -> dict[str, list[int]]:
    """A government agency for every province and regency/city (created once)."""
    from netral.org.models import Agency, AgencyLevel, Region

    regions = list(Region.objects.all())
    Agency.objects.bulk_create(
        [
            Agency(
                name=f"Pemerintah {r.name}",
                region=r,
                level=AgencyLevel.PROVINCE if r.parent_id is None else AgencyLevel.REGENCY_CITY,
            )
            for r in regions
        ],
        ignore_conflicts=True,
    )
    by_region = dict(Agency.objects.values_list("region__code", "pk"))
    return {
        r.code: [by_region[r.code], by_region[r.code.split(".", 1)[0]]]
        for r in regions
        if r.parent_id is not None
    }


def conduct_codes() -> list[str]:
    from netral import rules

    return sorted(rules.default_catalogue().vocabulary.conduct)


def fill_facts(target: int, rng: random.Random) -> int:
    """Bulk-insert cases and their facts until there are `target` facts; then a Refresh row.

    Facts are written directly (see the module docstring): the pages read CaseFact only.
    """
    from django.db import transaction

    from netral.cases.models import Case
    from netral.org.models import Region
    from netral.stats.models import CaseFact, Refresh

    have = CaseFact.objects.count()
    if have >= target:
        return have
    agencies = agencies_by_region()
    regions = list(Region.objects.filter(parent__isnull=False))
    # A few big regions draw many reports, as in real elections.
    weights = [rng.choice((1, 1, 2, 3, 8)) for _ in regions]
    codes = conduct_codes()
    stages, outcomes, stage_w = zip(*[(s, o, w) for s, o, w in STAGE_MIX], strict=True)
    kinds, years, election_w = zip(*ELECTIONS, strict=True)
    today = datetime.date.today()  # noqa: DTZ011  (synthetic data; any day will do)
    started = time.perf_counter()
    while have < target:
        size = min(BATCH, target - have)
        now = datetime.datetime.now(datetime.UTC)
        cases, facts = [], []
        for i in range(have, have + size):
            region = rng.choices(regions, weights=weights, k=1)[0]
            k = rng.choices(range(len(stages)), weights=stage_w, k=1)[0]
            stage, outcome = stages[k], outcomes[k]
            e = rng.choices(range(len(kinds)), weights=election_w, k=1)[0]
            election, year = kinds[e], years[e]
            created = now - datetime.timedelta(minutes=rng.randrange(60 * 24 * 540))
            reported = created.date()
            entered = reported + datetime.timedelta(days=rng.randrange(0, 40))
            entered = min(entered, today)
            agency = rng.choice(agencies[region.code]) if rng.random() < 0.8 else None
            recommended = None
            sanctioned = None
            level = sanction = imposed = ""
            on_time = as_recommended = None
            ppk_due = None
            if outcome == "PROVEN":
                recommended = min(reported + datetime.timedelta(days=rng.randrange(10, 60)), today)
                ppk_due = recommended + datetime.timedelta(days=rng.randrange(20, 40))
                level = rng.choice(LEVELS)
                sanction = rng.choice(SANCTIONS)
                if stage in ("SANCTION_EXECUTED", "CLOSED") or rng.random() < 0.3:
                    sanctioned = recommended + datetime.timedelta(days=rng.randrange(5, 60))
                    on_time = sanctioned <= ppk_due
                    imposed = sanction if rng.random() < 0.8 else rng.choice(SANCTIONS)
                    as_recommended = imposed == sanction
            not_followed = recommended is not None and sanctioned is None
            blocked = not_followed and rng.random() < 0.3
            confirmed = [rng.choice(codes)] if outcome in ("PROVEN", "NOT_PROVEN") else []
            case = Case(
                region=region,
                agency_id=agency,
                election=election,
                stage=stage,
                subject_name=f"Pegawai statistik {i}",
                confirmed_codes=confirmed,
                due_date=today + datetime.timedelta(days=rng.randrange(-20, 30))
                if stage in STAGES_OPEN
                else None,
                created_at=created,
                stage_entered_at=created,
            )
            cases.append(case)
            facts.append(
                CaseFact(
                    case=case,
                    region=region,
                    province_code=region.code.split(".", 1)[0],
                    agency_id=agency,
                    election=election,
                    election_year=year,
                    stage=stage,
                    stage_entered_on=entered,
                    outcome=outcome,
                    position_group=rng.choice(POSITION_GROUPS) if rng.random() < 0.9 else "",
                    subject_status=rng.choice(STATUSES),
                    conduct=confirmed[0] if confirmed else "",
                    reported_on=reported,
                    reported_month=reported.replace(day=1),
                    closed_on=entered if outcome != "OPEN" and stage != "RECOMMENDATION" else None,
                    due_date=case.due_date,
                    recommended_on=recommended,
                    recommended_level=level,
                    recommended_sanction=sanction,
                    ppk_due_date=ppk_due,
                    sanctioned_on=sanctioned,
                    imposed_sanction=imposed,
                    imposed_as_recommended=as_recommended,
                    sanction_on_time=on_time,
                    warned=blocked or (not_followed and rng.random() < 0.2),
                    blocked=blocked,
                    days_to_recommendation=(recommended - reported).days if recommended else None,
                    days_to_sanction=(sanctioned - recommended).days
                    if sanctioned and recommended
                    else None,
                )
            )
        with transaction.atomic():
            Case.objects.bulk_create(cases, batch_size=BATCH)
            for fact, case in zip(facts, cases, strict=True):
                fact.case_id = case.pk
            CaseFact.objects.bulk_create(facts, batch_size=BATCH)
        have += size
        print(f"  {have:>7} facts", flush=True)
    # What refresh_facts leaves behind: a new stamp, so every cached figure is stale.
    Refresh.objects.create(cases=have, seconds=time.perf_counter() - started)
    return have


# --- cold: in-process, cache emptied before each request ------------------------------


def clients(users: dict[str, Any]) -> dict[str | None, Any]:
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY

    out: dict[str | None, Any] = {None: Client(HTTP_HOST="127.0.0.1")}
    for key, user in users.items():
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = user.totpdevice_set.first().persistent_id
        session.save()
        out[key] = client
    return out


def all_pages() -> dict[str, tuple[str | None, str]]:
    return {**{k: (None, p) for k, p in PUBLIC_PAGES.items()}, **STAFF_PAGES}


def fetch(client: Any, path: str) -> int:
    response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered HTTP {response.status_code}")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return len(body)


def cold(
    users: dict[str, Any], repeats: int, explain: bool = False
) -> dict[str, tuple[list[float], int]]:
    """Per page: latencies with an empty cache, and the number of SQL queries of one view."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    by_user = clients(users)
    out = {}
    for name, (user, path) in all_pages().items():
        client = by_user[user]
        fetch(client, path)  # templates, catalogue and province names loaded once
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            fetch(client, path)
        queries = len(captured)  # now: the next request empties the connection's query log
        if explain:
            explain_queries(name, [q["sql"] for q in captured.captured_queries])
        latencies = []
        for _ in range(repeats):
            cache.clear()
            began = time.perf_counter()
            fetch(client, path)
            latencies.append(time.perf_counter() - began)
        out[name] = (latencies, queries)
    return out


def after_rebuild(
    users: dict[str, Any], repeats: int
) -> tuple[list[float], dict[str, list[float]]]:
    """The first view of each page right after a rebuild: the cache emptied, then the
    rebuild's own warming (`warm_figures`, timed) run, as `refresh_facts` does."""
    from django.core.cache import cache

    from netral.stats.warm import warm_figures

    by_user = clients(users)
    warming: list[float] = []
    out: dict[str, list[float]] = {name: [] for name in all_pages()}
    for _ in range(repeats):
        cache.clear()
        began = time.perf_counter()
        warm_figures()
        warming.append(time.perf_counter() - began)
        for name, (user, path) in all_pages().items():
            began = time.perf_counter()
            fetch(by_user[user], path)
            out[name].append(time.perf_counter() - began)
    return warming, out


def p95(latencies: list[float]) -> float:
    if len(latencies) < 2:
        return latencies[0]
    return statistics.quantiles(latencies, n=20)[18]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


# --- main -----------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 cases, fewer requests")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--count", type=int, default=200, help="warm requests per page")
    parser.add_argument("--cold", type=int, default=20, help="cold requests per page")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--explain", action="store_true", help="EXPLAIN each query at full size")
    args = parser.parse_args()
    size, count, repeats = (5000, 60, 8) if args.quick else (args.cases, args.count, args.cold)
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("DATABASE_URL must point to PostgreSQL (scripts/bench starts one)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="netral-bench-") as tmp:
        env = server_env(Path(tmp) / "static", Path(tmp) / "media")
        env["NETRAL_WEB_CACHE_DIR"] = str(Path(tmp) / "cache")  # production's file cache
        os.environ.update(env)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")
        import django

        django.setup()
        rng = random.Random(11)
        users = bench_users()
        print(f"filling to {FIRST_SIZE} facts ...", flush=True)
        small_size = fill_facts(FIRST_SIZE, rng)
        if small_size > FIRST_SIZE:
            print(f"  (database already holds {small_size} facts: the baseline is at that size)")
        analyse_tables()
        small = cold(users, repeats)
        began = time.perf_counter()
        print(f"filling to {size} facts ...", flush=True)
        big_size = fill_facts(size, rng)
        print(f"filled in {time.perf_counter() - began:.0f} s")
        analyse_tables()  # as autovacuum would have, for the plans an office would see
        big = cold(users, repeats, explain=args.explain)
        warming, first = after_rebuild(users, max(2, repeats // 2))

        cookies = {key: {"Cookie": session_cookie(user)} for key, user in users.items()}
        port = free_port()
        server = start_server(env, port, args.workers)
        try:
            endpoints = {"healthz": getter("/healthz", {})}
            for name, (user, path) in all_pages().items():
                endpoints[name] = getter(path, cookies[user] if user else {})
            for request in endpoints.values():
                run(port, 4, 2, request)  # warm up each worker (and its cache)
            warm = {name: run(port, count, args.threads, r) for name, r in endpoints.items()}
        finally:
            stop_server(server)

    print(
        f"\ncold (in-process, cache emptied each time, {repeats} requests per page): "
        f"{small_size} facts (baseline) vs {big_size} facts; target p95 < {TARGET_MS} ms"
    )
    print(f"{'page':<18} {'p50 base':>10} {'p95 base':>10} {'p50':>10} {'p95':>10} ratio  queries")
    over = []
    unequal = []
    for name in all_pages():
        (base_l, base_q), (big_l, big_q) = small[name], big[name]
        ratio = p95(big_l) / p95(base_l)
        flag = "" if p95(big_l) * 1000 < TARGET_MS else "  OVER TARGET"
        same = "equal" if base_q == big_q else "NOT EQUAL"
        print(
            f"{name:<18} {ms(statistics.median(base_l))} {ms(p95(base_l))} "
            f"{ms(statistics.median(big_l))} {ms(p95(big_l))} {ratio:5.1f}x "
            f"{base_q:>3}/{big_q:<3} {same}{flag}"
        )
        if flag:
            over.append(name)
        if base_q != big_q:
            unequal.append(name)
    print(
        f"\nfirst view after a rebuild (in-process: the cache emptied, then the rebuild's "
        f"warm_figures, {len(warming)} times), {big_size} facts; warm_figures took "
        f"p50 {ms(statistics.median(warming))}, max {ms(max(warming))}"
    )
    for name, latencies in first.items():
        flag = "" if max(latencies) * 1000 < TARGET_MS else "  OVER TARGET"
        print(f"{name:<18} p50 {ms(statistics.median(latencies))}  max {ms(max(latencies))}{flag}")
    print(
        f"\nwarm (gunicorn, {args.workers} workers, {args.threads} client threads, "
        f"{count} requests per page, figures cached), {big_size} facts:"
    )
    base_wall, base_lat = warm.pop("healthz")
    print(
        f"{'healthz':<18} {len(base_lat) / base_wall:7.1f} req/s  "
        f"p50 {ms(statistics.median(base_lat))}  p95 {ms(p95(base_lat))}"
    )
    for name, (wall, latencies) in warm.items():
        flag = "" if p95(latencies) * 1000 < TARGET_MS else "  OVER TARGET"
        print(
            f"{name:<18} {len(latencies) / wall:7.1f} req/s  "
            f"p50 {ms(statistics.median(latencies))}  p95 {ms(p95(latencies))}  "
            f"{p95(latencies) / p95(base_lat):5.1f}x healthz{flag}"
        )
        if flag:
            over.append(f"{name} (warm)")
    if over:
        print(f"over {TARGET_MS} ms p95: {', '.join(over)}")
    if unequal:
        print(f"query count grows with the data: {', '.join(unequal)}")
    return 1 if over or unequal else 0


if __name__ == "__main__":
    raise SystemExit(main())
