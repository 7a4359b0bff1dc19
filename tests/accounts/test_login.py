"""Staff sign-in: throttled, and TOTP is required outside demo mode."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from netral.accounts.models import LoginAttempt, Role
from tests.accounts.factories import staff

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password-1"


def sign_in(client: Client, username: str, password: str = PASSWORD) -> object:
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def current_token(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@override_settings(LOGIN_THROTTLE_ATTEMPTS=3)
def test_an_account_is_refused_after_repeated_failures_even_with_the_right_password() -> None:
    staff("rina", Role.VERIFIER, regions=("32.01",))
    client = Client()
    for _ in range(3):
        assert sign_in(client, "rina", "wrong-password").status_code == 200
    response = sign_in(client, "rina")
    assert response.status_code == 200
    assert "Terlalu banyak percobaan" in response.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(LOGIN_THROTTLE_ATTEMPTS=3)
def test_throttling_stores_no_usernames_or_addresses_in_the_clear() -> None:
    staff("rina", Role.VERIFIER)
    sign_in(Client(REMOTE_ADDR="203.0.113.9"), "rina", "wrong-password")
    keys = list(LoginAttempt.objects.values_list("key", flat=True))
    assert len(keys) == 2
    assert all("rina" not in key and "203.0.113.9" not in key for key in keys)


def test_a_successful_sign_in_clears_the_accounts_failures() -> None:
    staff("rina", Role.VERIFIER)
    client = Client()
    sign_in(client, "rina", "wrong-password")
    sign_in(client, "rina")
    assert "_auth_user_id" in client.session


@override_settings(NETRAL_DEMO=False)
def test_staff_must_enrol_totp_before_reaching_any_page() -> None:
    staff("rina", Role.VERIFIER)
    client = Client()
    sign_in(client, "rina")
    response = client.get(reverse("web:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:otp"))


@override_settings(NETRAL_DEMO=False)
def test_enrolment_with_a_valid_code_verifies_the_session() -> None:
    user = staff("rina", Role.VERIFIER)
    client = Client()
    sign_in(client, "rina")
    page = client.get(reverse("accounts:otp"))
    assert page.context["enrolling"] is True
    device = TOTPDevice.objects.get(user=user)

    wrong_code = "111111" if current_token(device) == "000000" else "000000"
    wrong = client.post(reverse("accounts:otp"), {"token": wrong_code})
    assert "Kode salah" in wrong.content.decode()
    assert client.get(reverse("web:home")).status_code == 302

    too_soon = client.post(reverse("accounts:otp"), {"token": current_token(device)})
    assert "Tunggu sebentar" in too_soon.content.decode()

    device.refresh_from_db()
    device.throttle_reset()  # the back-off after a wrong code has passed
    client.post(reverse("accounts:otp"), {"token": current_token(device), "next": "/"})
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("web:home")).status_code == 200


@override_settings(NETRAL_DEMO=True)
def test_demo_accounts_skip_totp_only_in_demo_mode_and_are_told_so() -> None:
    user = staff("demo-rina", Role.VERIFIER)
    user.is_demo = True
    user.save()
    client = Client()
    sign_in(client, "demo-rina")
    response = client.get(reverse("web:home"))
    assert response.status_code == 200
    assert "Akun demo" in response.content.decode()
    with override_settings(NETRAL_DEMO=False):
        assert client.get(reverse("web:home")).status_code == 302


@override_settings(NETRAL_DEMO=True)
def test_real_accounts_need_totp_even_in_demo_mode() -> None:
    staff("real", Role.VERIFIER)
    client = Client()
    sign_in(client, "real")
    assert client.get(reverse("web:home")).status_code == 302
