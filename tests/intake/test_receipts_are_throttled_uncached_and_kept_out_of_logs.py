"""Findings 10, 11 and 12: receipt download limited; pages not cached; receipts not logged."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from django.test import Client, override_settings

from netral.accounts.models import Role
from netral.intake.logging import RedactReceipts
from tests.intake.conftest import API


@override_settings(INTAKE_LOOKUP_FAILURES_PER_WINDOW=5)
def test_guessing_secrets_on_the_receipt_download_gets_throttled(submit: Any) -> None:
    filed = submit().json()
    guesser = Client(REMOTE_ADDR="192.0.2.7")
    codes = [
        guesser.post("/lapor/tanda-terima/", {"receipt": filed["receipt"], "secret": f"X{i}"})
        for i in range(6)
    ]
    assert [c.status_code for c in codes] == [404] * 5 + [429]
    right = guesser.post(
        "/lapor/tanda-terima/", {"receipt": filed["receipt"], "secret": filed["secret"]}
    )
    assert right.status_code == 429
    elsewhere = Client(REMOTE_ADDR="192.0.2.8").post(
        "/lapor/tanda-terima/", {"receipt": filed["receipt"], "secret": filed["secret"]}
    )
    assert elsewhere.status_code == 200
    assert "no-store" in elsewhere["Cache-Control"]
    assert "private" in elsewhere["Cache-Control"]


def test_the_staff_report_list_is_not_cached(make_staff: Any, regions: Any) -> None:
    verifier, _ = make_staff("verif", Role.VERIFIER, regions=[regions["32"]])
    cache_control = verifier.get("/lapor/petugas/")["Cache-Control"]
    assert "no-store" in cache_control
    assert "private" in cache_control


def test_a_wrong_secret_does_not_put_the_receipt_in_the_request_log(
    submit: Any, caplog: pytest.LogCaptureFixture
) -> None:
    # Relies on the LOGGING setting, which installs the filter on django.request.
    receipt = submit().json()["receipt"]
    caplog.set_level(logging.WARNING, logger="django.request")
    Client().get(f"{API}/{receipt}", HTTP_X_RECEIPT_SECRET="SALAH")
    Client().get("/halaman-yang-tidak-ada/")
    messages = [record.getMessage() for record in caplog.records]
    assert not any(receipt in message for message in messages)
    assert any("/api/v1/reports/[nomor-tanda-terima]" in message for message in messages)
    assert any("/halaman-yang-tidak-ada/" in message for message in messages)


def test_the_filter_leaves_other_numbers_alone() -> None:
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "%s: %s", ("Not Found", "/x/12345/"), None
    )
    assert RedactReceipts().filter(record)
    assert record.getMessage() == "Not Found: /x/12345/"
