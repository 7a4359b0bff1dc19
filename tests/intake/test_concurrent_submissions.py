from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.test import Client

from netral.intake.models import Report, ReportEvent
from netral.org.models import Region, RegionLevel
from tests.intake.conftest import API, report_fields

SUBMISSIONS = 100


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_hundred_concurrent_submissions_lose_nothing_and_get_distinct_receipts(settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL) for real concurrency")
    settings.INTAKE_SUBMISSIONS_PER_WINDOW = 10_000
    Region.objects.get_or_create(
        code="32.04", defaults={"name": "KABUPATEN BANDUNG", "level": RegionLevel.REGENCY}
    )

    def submit(n: int) -> tuple[int, dict[str, str]]:
        try:
            text = f"Laporan nomor {n}: kepala dinas membagikan kaos calon kepada pegawai."
            response = Client().post(API, data=report_fields(text=text))
            return response.status_code, response.json()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(submit, range(SUBMISSIONS)))

    assert [status for status, _ in results] == [201] * SUBMISSIONS
    receipts = {body["receipt"] for _, body in results}
    assert len(receipts) == SUBMISSIONS
    assert set(Report.objects.values_list("receipt", flat=True)) == receipts
    texts = set(Report.objects.values_list("text", flat=True))
    assert all(any(t.startswith(f"Laporan nomor {n}:") for t in texts) for n in range(SUBMISSIONS))
    assert ReportEvent.objects.filter(kind="RECEIVED").count() == SUBMISSIONS
