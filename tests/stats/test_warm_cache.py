"""A rebuild computes the national figures itself: the first visitor after it counts nothing."""

from __future__ import annotations

import os
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from netral.accounts.models import Role, RoleAssignment
from netral.org.models import Region
from netral.stats.warm import SWEEP_AFTER_SECONDS, sweep_file_cache
from tests.stats.conftest import People, signed_in


def _fact_queries(captured: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in captured.captured_queries if "stats_casefact" in q["sql"]]


def test_the_public_page_after_a_rebuild_reads_only_the_cache(election: People) -> None:
    # `election` ran refresh_facts, which warmed the national figures in every language.
    for language in ("id", "en"):
        client = Client()
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/statistik/")
        assert response.status_code == 200
        assert response.headers["Content-Language"] == language
        assert _fact_queries(captured) == []


def test_a_province_page_counts_once_then_reads_the_cache(election: People) -> None:
    client = Client()
    with CaptureQueriesContext(connection) as first:
        assert client.get("/statistik/?provinsi=32").status_code == 200
    assert _fact_queries(first)  # not warmed: computed on the first view
    with CaptureQueriesContext(connection) as second:
        assert client.get("/statistik/?provinsi=32").status_code == 200
    assert _fact_queries(second) == []  # the election filter's choices are cached too


def test_the_national_dashboard_after_a_rebuild_reads_only_the_cache(election: People) -> None:
    client = signed_in(election.supervisor)
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/statistik/dasbor/")
    assert response.status_code == 200
    assert _fact_queries(captured) == []
    assert "Kepatuhan PPK per instansi" in response.content.decode()


def test_a_new_region_in_a_role_shows_in_the_filter_at_once(election: People) -> None:
    client = signed_in(election.verifier)
    assert 'value="32.01"' in client.get("/statistik/dasbor/").content.decode()
    other = Region.objects.filter(code__contains=".").exclude(code__startswith="32.").first()
    assert other is not None
    assignment = RoleAssignment.objects.get(user=election.verifier, role=Role.VERIFIER)
    assignment.regions.add(other)
    page = client.get("/statistik/dasbor/").content.decode()
    assert f'value="{other.code}"' in page


def test_the_sweep_deletes_only_expired_cache_files(tmp_path: Path) -> None:
    location = tmp_path / "cache"
    backend = "django.core.cache.backends.filebased.FileBasedCache"
    with override_settings(CACHES={"default": {"BACKEND": backend, "LOCATION": str(location)}}):
        cache.set("stats:old", "x", 60)
        old_files = list(location.glob("*.djcache"))
        cache.set("stats:new", "y", 60)
        past = time.time() - SWEEP_AFTER_SECONDS - 60
        for path in old_files:
            os.utime(path, (past, past))
        assert sweep_file_cache() == 1
        assert cache.get("stats:old") is None
        assert cache.get("stats:new") == "y"
