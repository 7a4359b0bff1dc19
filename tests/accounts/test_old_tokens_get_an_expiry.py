"""An upgrade gives the API tokens issued before tokens expired by default the default
lifetime from the day of the upgrade (cases.0010); revoked ones stay as they were."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tests.accounts.factories import staff

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("cases", "0009_letter_numbers")]
AFTER = [("cases", "0010_tokens_without_expiry_expire")]


def _migrate(targets: list[tuple[str, str]]) -> Any:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_tokens_without_an_expiry_get_the_default_lifetime_at_the_upgrade(settings: Any) -> None:
    settings.NETRAL_API_TOKEN_DAYS = 30
    owner = staff("lama", "VERIFIER", regions=("32.01",))
    old = _migrate(BEFORE)
    try:
        token = old.get_model("cases", "ApiToken")
        forever = token.objects.create(user_id=owner.pk, name="lama", prefix="a", digest="1" * 64)
        revoked = token.objects.create(
            user_id=owner.pk, name="dicabut", prefix="b", digest="2" * 64, revoked_at=timezone.now()
        )
        dated = timezone.now() + datetime.timedelta(days=3)
        kept = token.objects.create(
            user_id=owner.pk, name="berbatas", prefix="c", digest="3" * 64, expires_at=dated
        )
    finally:
        new = _migrate(AFTER)
    token = new.get_model("cases", "ApiToken")
    expires = token.objects.get(pk=forever.pk).expires_at
    assert expires is not None
    assert abs(expires - (timezone.now() + datetime.timedelta(days=30))) < datetime.timedelta(
        minutes=5
    )
    assert token.objects.get(pk=revoked.pk).expires_at is None  # revoked: refused anyway
    assert token.objects.get(pk=kept.pk).expires_at == dated
