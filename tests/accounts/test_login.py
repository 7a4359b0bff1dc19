"""Staff sign-in: throttled without letting anyone lock a colleague out; TOTP required."""

from __future__ import annotations

import base64
import re

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from netral.accounts.enrolment import enrolment_link_issue
from netral.accounts.models import LoginAttempt, Role, User
from tests.accounts.factories import staff

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password-1"


def sign_in(client: Client, username: str, password: str = PASSWORD) -> object:
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def code_for(secret_b32: str) -> str:
    return f"{totp(base64.b32decode(secret_b32)):06d}"


def open_enrolment_link(client: Client, username: str) -> None:
    """What an administrator gives the user: a one-time link, opened after signing in."""
    _link, token = enrolment_link_issue(user=User.objects.get(username=username), actor=None)
    opened = client.get(reverse("accounts:enrol", args=[token]))
    assert opened.status_code == 302
    assert opened["Location"] == reverse("accounts:otp")


def device_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@override_settings(LOGIN_THROTTLE_ATTEMPTS=3)
def test_an_account_is_refused_after_repeated_failures_even_with_the_right_password() -> None:
    staff("rina", Role.VERIFIER, regions=("32.01",))
    client = Client()
    for _ in range(3):
        assert sign_in(client, "rina", "wrong-password").status_code == 200
    response = sign_in(client, "rina")
    assert "Terlalu banyak percobaan" in response.content.decode()
    assert not signed_in(client)


@override_settings(LOGIN_THROTTLE_ATTEMPTS=3, LOGIN_THROTTLE_CLIENT_ATTEMPTS=30)
def test_failures_for_other_accounts_from_the_same_office_do_not_lock_a_colleague_out() -> None:
    staff("rina", Role.VERIFIER)
    office = Client(REMOTE_ADDR="198.51.100.7")
    for name in ("budi", "sari", "agus", "dewi", "eko"):
        sign_in(office, name, "wrong-password")
    sign_in(office, "rina")
    assert signed_in(office)


@override_settings(LOGIN_THROTTLE_ATTEMPTS=3, LOGIN_THROTTLE_ACCOUNT_ATTEMPTS=10)
def test_a_handful_of_failures_from_elsewhere_cannot_lock_the_owner_out() -> None:
    staff("kustodian", Role.IDENTITY_CUSTODIAN, national=True)
    for host in range(5):
        sign_in(Client(REMOTE_ADDR=f"203.0.113.{host}"), "kustodian", "wrong-password")
    owner = Client(REMOTE_ADDR="192.0.2.50")
    sign_in(owner, "kustodian")
    assert signed_in(owner)


@override_settings(LOGIN_THROTTLE_ATTEMPTS=3, LOGIN_THROTTLE_ACCOUNT_ATTEMPTS=6)
def test_guessing_one_account_from_many_addresses_is_stopped_at_the_account_limit() -> None:
    staff("kustodian", Role.IDENTITY_CUSTODIAN, national=True)
    for host in range(6):
        sign_in(Client(REMOTE_ADDR=f"203.0.113.{host}"), "kustodian", "wrong-password")
    guesser = Client(REMOTE_ADDR="203.0.113.99")
    response = sign_in(guesser, "kustodian")
    assert "Terlalu banyak percobaan" in response.content.decode()


@override_settings(LOGIN_THROTTLE_ATTEMPTS=3)
def test_the_admin_login_page_is_throttled_too() -> None:
    admin = staff("admin", Role.ADMINISTRATOR, national=True)
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client = Client()
    for _ in range(3):
        client.post("/admin/login/", {"username": "admin", "password": "wrong-password"})
    response = client.post("/admin/login/", {"username": "admin", "password": PASSWORD})
    assert response.status_code == 200
    assert "Terlalu banyak percobaan" in response.content.decode()
    assert not signed_in(client)


def test_throttling_stores_no_usernames_or_addresses_in_the_clear() -> None:
    staff("rina", Role.VERIFIER)
    sign_in(Client(REMOTE_ADDR="203.0.113.9"), "rina", "wrong-password")
    keys = list(LoginAttempt.objects.values_list("key", flat=True))
    assert len(keys) == 3  # account+client, account, client
    assert all(re.fullmatch(r"[0-9a-f]{64}", key) for key in keys)  # digests only


def test_a_successful_sign_in_clears_the_failures_of_that_account_and_client() -> None:
    staff("rina", Role.VERIFIER)
    client = Client()
    sign_in(client, "rina", "wrong-password")
    sign_in(client, "rina")
    assert signed_in(client)


@override_settings(NETRAL_DEMO=False)
def test_staff_must_enrol_totp_before_reaching_any_page() -> None:
    staff("rina", Role.VERIFIER)
    client = Client()
    sign_in(client, "rina")
    response = client.get(reverse("web:home") + "?tab=antrean&urut=tenggat")
    assert response.status_code == 302
    assert response["Location"] == (
        reverse("accounts:otp") + "?next=%2F%3Ftab%3Dantrean%26urut%3Dtenggat"
    )


@override_settings(NETRAL_DEMO=False)
def test_enrolment_with_a_valid_code_verifies_and_renews_the_session() -> None:
    staff("rina", Role.VERIFIER)
    client = Client()
    sign_in(client, "rina")
    open_enrolment_link(client, "rina")
    page = client.get(reverse("accounts:otp"))
    assert page.context["enrolling"] is True
    assert "no-store" in page["Cache-Control"] or "max-age=0" in page["Cache-Control"]
    secret = page.context["secret"]

    wrong = "111111" if code_for(secret) == "000000" else "000000"
    assert "Kode salah" in client.post(reverse("accounts:otp"), {"token": wrong}).content.decode()
    assert client.get(reverse("web:home")).status_code == 302

    before = client.session.session_key
    client.post(reverse("accounts:otp"), {"token": code_for(secret), "next": "/"})
    assert TOTPDevice.objects.get(user__username="rina").confirmed
    assert client.session.session_key != before
    assert client.get(reverse("web:home")).status_code == 200


@override_settings(NETRAL_DEMO=False)
def test_a_second_session_with_the_password_cannot_share_or_take_over_the_enrolment() -> None:
    staff("rina", Role.VERIFIER)
    intruder, owner = Client(), Client()
    sign_in(intruder, "rina")
    sign_in(owner, "rina")
    # Even holding both the password and the link, the slower session cannot enrol.
    _link, token = enrolment_link_issue(user=User.objects.get(username="rina"), actor=None)
    intruder.get(reverse("accounts:enrol", args=[token]))
    owner.get(reverse("accounts:enrol", args=[token]))
    intruder_secret = intruder.get(reverse("accounts:otp")).context["secret"]
    owner_secret = owner.get(reverse("accounts:otp")).context["secret"]
    assert intruder_secret != owner_secret

    owner.post(reverse("accounts:otp"), {"token": code_for(owner_secret)})
    refused = intruder.post(reverse("accounts:otp"), {"token": code_for(intruder_secret)})
    assert refused.status_code == 200
    assert intruder.get(reverse("web:home")).status_code == 302
    device = TOTPDevice.objects.get(user__username="rina")
    assert device_code(device) == code_for(owner_secret)


@override_settings(NETRAL_DEMO=False)
def test_an_enrolled_user_verifies_each_session_and_wrong_codes_back_off() -> None:
    staff("rina", Role.VERIFIER)
    first = Client()
    sign_in(first, "rina")
    open_enrolment_link(first, "rina")
    secret = first.get(reverse("accounts:otp")).context["secret"]
    first.post(reverse("accounts:otp"), {"token": code_for(secret)})

    later = Client()
    sign_in(later, "rina")
    page = later.get(reverse("accounts:otp"))
    assert "enrolling" not in page.context
    device = TOTPDevice.objects.get(user__username="rina")
    wrong = "111111" if device_code(device) == "000000" else "000000"
    later.post(reverse("accounts:otp"), {"token": wrong})
    too_soon = later.post(reverse("accounts:otp"), {"token": device_code(device)})
    assert "Tunggu sebentar" in too_soon.content.decode()

    device.refresh_from_db()
    device.throttle_reset()  # the back-off after a wrong code has passed
    later.post(reverse("accounts:otp"), {"token": device_code(device)})
    assert later.get(reverse("web:home")).status_code == 200


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


@override_settings(NETRAL_DEMO=False)
def test_a_six_character_code_that_is_not_digits_is_refused_at_enrolment() -> None:
    staff("rina", Role.VERIFIER)
    client = Client()
    sign_in(client, "rina")
    open_enrolment_link(client, "rina")
    client.get(reverse("accounts:otp"))
    response = client.post(reverse("accounts:otp"), {"token": "12a4b6"})
    assert response.status_code == 200
    assert "6 angka" in response.content.decode()
    assert not TOTPDevice.objects.filter(user__username="rina").exists()
