"""Finding 14: a past window's rate-limit keys cannot be matched against addresses."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.test import Client
from django.utils import timezone

from netral.intake import throttle
from netral.intake.models import ClientHit, ThrottleSalt
from netral.intake.secrecy import server_key
from netral.security.crypto import keyed_hash
from netral.security.ratelimit import Window


def test_a_stored_key_is_not_the_hmac_of_the_address_under_the_server_key(submit: Any) -> None:
    Client(REMOTE_ADDR="192.0.2.44").get("/api/v1/reports/1234567890123456")
    [hit] = ClientHit.objects.all()
    window = Window(seconds=900, limit=20)
    guess = keyed_hash(
        server_key("ratelimit"),
        f"lookup\x00192.0.2.44\x00{window.number(timezone.now())}",
    )
    assert hit.key != guess
    assert ThrottleSalt.objects.filter(scope="lookup").exists()


def test_the_cleanup_discards_past_windows_salts_and_hits(submit: Any) -> None:
    Client(REMOTE_ADDR="192.0.2.45").get("/api/v1/reports/1234567890123456")
    assert ThrottleSalt.objects.exists()
    hits, salts = throttle.prune(timezone.now() + timedelta(days=1))
    assert (hits, salts) == (1, 1)
    assert not ThrottleSalt.objects.exists()
    assert not ClientHit.objects.exists()
