"""The staff page /akun/token-api/: a signed-in staff member lists, creates (the secret
shown once) and revokes their own API tokens; nobody else's."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from netral.accounts.models import Role, User
from netral.audit import AuditAction
from netral.audit.models import AuditEntry
from netral.cases.auth import api_token_issue
from netral.cases.models import ApiToken
from tests.accounts.factories import staff
from tests.accounts.test_login import sign_in
from tests.conftest import PHONE
from tests.web.test_staff_homes import signed_in

PAGE = "/akun/token-api/"


@pytest.mark.django_db
def test_a_staff_member_creates_a_token_whose_secret_is_shown_once() -> None:
    rina = staff("rina", Role.VERIFIER)
    client = signed_in(rina)
    assert reverse("accounts:tokens") == PAGE
    created = client.post(PAGE, {"name": "rekap mingguan", "days": "30"})
    assert created.status_code == 200
    assert "no-store" in created["Cache-Control"] or "max-age=0" in created["Cache-Control"]
    secret = created.context["secret"]
    html = created.content.decode()
    assert secret in html
    assert "hanya ditampilkan sekali" in html
    row = ApiToken.objects.get(user=rina)
    assert (row.name, row.prefix) == ("rekap mingguan", secret[4:12])
    assert Client(HTTP_AUTHORIZATION=f"Bearer {secret}").get("/api/v1/tokens/").status_code == 200

    later = client.get(PAGE).content.decode()
    assert secret not in later
    assert row.digest not in later
    assert "rekap mingguan" in later
    assert f"ntr_{row.prefix}" in later
    assert "Aktif" in later
    audited = AuditEntry.objects.get(action=AuditAction.TOKEN_ISSUE)
    assert (audited.actor, audited.subject) == (rina, f"token:{row.pk}")


@pytest.mark.django_db
def test_a_token_without_a_name_is_refused_with_the_reason() -> None:
    client = signed_in(staff("rina", Role.VERIFIER))
    response = client.post(PAGE, {"name": "", "days": "9999"})
    assert response.status_code == 200
    assert "secret" not in response.context
    assert not ApiToken.objects.exists()
    assert response.context["form"].errors.keys() == {"name", "days"}


@pytest.mark.django_db
def test_the_owner_revokes_a_token_and_it_stops_working() -> None:
    rina = staff("rina", Role.VERIFIER)
    row, token = api_token_issue(user=rina, name="skrip", actor=rina)
    client = signed_in(rina)
    response = client.post(reverse("accounts:token-revoke", args=[row.pk]), follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "dicabut" in html
    assert "Dicabut" in html
    assert Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/v1/tokens/").status_code == 401
    audited = AuditEntry.objects.get(action=AuditAction.TOKEN_REVOKE)
    assert (audited.actor, audited.subject) == (rina, f"token:{row.pk}")


@pytest.mark.django_db
def test_another_users_token_is_neither_listed_nor_revocable() -> None:
    rina, budi = staff("rina", Role.VERIFIER), staff("budi", Role.VERIFIER)
    budis, _budis_token = api_token_issue(user=budi, name="milik budi")
    client = signed_in(rina)
    assert "milik budi" not in client.get(PAGE).content.decode()
    refused = client.post(reverse("accounts:token-revoke", args=[budis.pk]))
    assert refused.status_code == 404
    assert ApiToken.objects.get(pk=budis.pk).revoked_at is None
    assert not AuditEntry.objects.filter(action=AuditAction.TOKEN_REVOKE).exists()


@pytest.mark.django_db
def test_the_page_needs_the_second_factor_and_a_staff_role(settings: Any) -> None:
    settings.NETRAL_DEMO = False
    staff("rina", Role.VERIFIER)
    password_only = Client()
    sign_in(password_only, "rina")
    response = password_only.get(PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:otp"))
    assert password_only.post(PAGE, {"name": "x"}).status_code == 302
    assert not ApiToken.objects.exists()
    assert Client().get(PAGE).status_code == 302  # to the sign-in page

    nobody = User.objects.create_user("tanpa-peran", password="a-long-test-password-1")
    assert signed_in(nobody).get(PAGE).status_code == 403


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_creating_and_revoking_in_chromium_on_a_phone(
    page_at: Any, live_server: Any, settings: Any
) -> None:
    settings.NETRAL_DEMO = True
    user = staff("rina", Role.VERIFIER)
    user.is_demo = True
    user.save()
    page = page_at(PHONE)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/akun/masuk/?next={PAGE}")
    page.fill("#id_username", "rina")
    page.fill("#id_password", "a-long-test-password-1")
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.wait_for_url(f"{live_server.url}{PAGE}")
    page.fill("#id_name", "skrip ponsel")
    page.get_by_role("button", name="Buat token").click()
    secret = page.get_by_test_id("token-secret").inner_text().strip()
    assert re.fullmatch(r"ntr_[A-Za-z0-9_-]{40,}", secret)
    row = page.locator("[data-testid=token-list] tbody tr").first
    assert "Aktif" in row.inner_text()
    row.get_by_role("button", name=re.compile("Cabut")).click()
    page.wait_for_url(f"{live_server.url}{PAGE}")
    assert "Dicabut" in page.locator("[data-testid=token-list] tbody tr").first.inner_text()
    assert page.get_by_test_id("token-secret").count() == 0
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert problems == []
