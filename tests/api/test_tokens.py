"""API tokens expire and can be revoked by their owner: /api/v1/tokens lists the caller's
own tokens (never a secret) and revokes one by id; another user's token is not found."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from netral.accounts.models import Role
from netral.audit import AuditAction
from netral.audit.models import AuditEntry
from netral.cases.auth import api_token_issue, api_token_revoke
from netral.cases.models import ApiToken
from tests.accounts.factories import staff

pytestmark = pytest.mark.django_db
BASE = "/api/v1/tokens"


def bearer(token: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def test_a_token_without_a_chosen_lifetime_expires_after_the_default() -> None:
    user = staff("rina", Role.VERIFIER)
    with override_settings(NETRAL_API_TOKEN_DAYS=30):
        row, _token = api_token_issue(user=user, name="skrip")
    assert row.expires_at is not None
    assert row.expires_at - row.created_at == pytest.approx(
        datetime.timedelta(days=30), abs=datetime.timedelta(seconds=5)
    )
    chosen, _token = api_token_issue(user=user, name="pendek", days=7)
    assert chosen.expires_at is not None
    assert chosen.expires_at - chosen.created_at == pytest.approx(
        datetime.timedelta(days=7), abs=datetime.timedelta(seconds=5)
    )


def test_an_expired_token_is_401_in_the_error_shape() -> None:
    row, token = api_token_issue(user=staff("rina", Role.VERIFIER), name="skrip")
    assert bearer(token).get(f"{BASE}/").status_code == 200
    ApiToken.objects.filter(pk=row.pk).update(expires_at=timezone.now())
    response = bearer(token).get(f"{BASE}/")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"
    assert set(response.json()) == {"code", "message", "detail"}
    assert bearer(token).get("/api/v1/cases/").status_code == 401


def test_a_token_revoked_through_the_api_is_401_from_then_on() -> None:
    user = staff("rina", Role.VERIFIER)
    row, token = api_token_issue(user=user, name="skrip")
    _other, other_token = api_token_issue(user=user, name="cadangan")
    response = bearer(other_token).post(f"{BASE}/{row.pk}/revoke")
    assert response.status_code == 200
    assert response.json()["status"] == "revoked"
    assert response.json()["revoked_at"]
    refused = bearer(token).get("/api/v1/cases/")
    assert refused.status_code == 401
    assert refused.json()["code"] == "unauthenticated"
    assert bearer(other_token).get(f"{BASE}/").status_code == 200


def test_a_token_can_revoke_itself() -> None:
    row, token = api_token_issue(user=staff("rina", Role.VERIFIER), name="bocor")
    assert bearer(token).post(f"{BASE}/{row.pk}/revoke").status_code == 200
    assert bearer(token).get(f"{BASE}/").status_code == 401


def test_another_users_token_is_not_found_and_stays_valid() -> None:
    rina, budi = staff("rina", Role.VERIFIER), staff("budi", Role.VERIFIER)
    _row, token = api_token_issue(user=rina, name="skrip")
    budis, budis_token = api_token_issue(user=budi, name="milik budi")
    response = bearer(token).post(f"{BASE}/{budis.pk}/revoke")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert response.json() == bearer(token).post(f"{BASE}/999999/revoke").json()
    assert ApiToken.objects.get(pk=budis.pk).revoked_at is None
    assert bearer(budis_token).get(f"{BASE}/").status_code == 200
    listed = bearer(token).get(f"{BASE}/").json()
    assert [item["name"] for item in listed] == ["skrip"]


def test_the_list_shows_own_tokens_and_never_a_secret_or_digest() -> None:
    user = staff("rina", Role.VERIFIER)
    old, old_token = api_token_issue(user=user, name="lama")
    api_token_revoke(token=old, actor=user)
    row, token = api_token_issue(user=user, name="skrip")
    response = bearer(token).get(f"{BASE}/")
    assert response.status_code == 200
    body = response.content.decode()
    for secret in (token, old_token, row.digest, old.digest, token[4:]):
        assert secret not in body
    items = response.json()
    assert [(i["name"], i["status"]) for i in items] == [("skrip", "active"), ("lama", "revoked")]
    assert set(items[0]) == {
        "id",
        "name",
        "prefix",
        "created_at",
        "expires_at",
        "last_used_at",
        "revoked_at",
        "status",
    }
    assert items[0]["prefix"] == row.prefix
    assert items[0]["last_used_at"]  # this request used it


def test_without_a_token_the_tokens_api_is_401() -> None:
    assert Client().get(f"{BASE}/").status_code == 401
    assert Client().post(f"{BASE}/1/revoke").status_code == 401


def test_issuing_and_revoking_are_audited_and_revoking_twice_writes_once() -> None:
    user = staff("rina", Role.VERIFIER)
    row, token = api_token_issue(user=user, name="skrip")
    issued = AuditEntry.objects.get(action=AuditAction.TOKEN_ISSUE)
    assert (issued.actor, issued.subject) == (user, f"token:{row.pk}")
    assert token not in str(issued.details)
    assert row.digest not in str(issued.details)
    bearer(token).post(f"{BASE}/{row.pk}/revoke")
    bearer(token).post(f"{BASE}/{row.pk}/revoke")  # 401 now: nothing more happens
    assert api_token_revoke(token=row, actor=user) is False
    revoked = AuditEntry.objects.get(action=AuditAction.TOKEN_REVOKE)
    assert (revoked.actor, revoked.subject) == (user, f"token:{row.pk}")


def test_the_openapi_document_describes_the_token_operations() -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    revoke = schema["paths"]["/api/v1/tokens/{token_id}/revoke"]["post"]
    assert {"200", "401", "404"} <= set(revoke["responses"])
    listing = schema["paths"]["/api/v1/tokens/"]["get"]
    assert {"200", "401"} <= set(listing["responses"])
