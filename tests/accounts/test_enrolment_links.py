"""TOTP enrolment needs a one-time link from an administrator, not the password alone.

The link names one account, expires, works once, is stored only as a digest; issuing and
using it are audited. Without one, a user with no device is told to ask the administrator.
"""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from netral.accounts.enrolment import enrolment_link_issue
from netral.accounts.models import EnrolmentLink, Role, User
from netral.audit import AuditAction
from netral.audit.models import AuditEntry
from netral.errors import Forbidden
from tests.accounts.factories import staff
from tests.accounts.test_login import code_for, sign_in
from tests.web.test_staff_homes import signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_real_mode")]


@pytest.fixture
def _real_mode(settings: object) -> None:
    settings.NETRAL_DEMO = False  # type: ignore[attr-defined]


def admin_user() -> User:
    user = staff("admin", Role.ADMINISTRATOR, national=True)
    return user


def enrol_with(client: Client) -> bool:
    """Scan (read the secret) and confirm with a right code; True when a device exists."""
    page = client.get(reverse("accounts:otp"))
    if not page.context.get("enrolling"):
        return False
    client.post(reverse("accounts:otp"), {"token": code_for(page.context["secret"])})
    return TOTPDevice.objects.filter(confirmed=True).exists()


def test_without_a_link_a_user_without_a_device_cannot_enrol_and_is_told_to_ask() -> None:
    staff("rina", Role.VERIFIER)
    client = Client()
    sign_in(client, "rina")
    page = client.get(reverse("accounts:otp"))
    html = page.content.decode()
    assert "minta" in html.lower()
    assert "administrator" in html
    assert "enrolling" not in page.context
    assert 'data-testid="totp-secret"' not in html
    client.post(reverse("accounts:otp"), {"token": "123456"})
    assert not TOTPDevice.objects.exists()
    assert client.get(reverse("web:staff-home")).status_code == 302


def test_a_link_enrols_once_and_is_then_spent() -> None:
    admin = admin_user()
    rina = staff("rina", Role.VERIFIER)
    link, token = enrolment_link_issue(user=rina, actor=admin)
    client = Client()
    sign_in(client, "rina")
    assert client.get(reverse("accounts:enrol", args=[token])).status_code == 302
    assert enrol_with(client)
    assert client.get(reverse("web:staff-home")).status_code == 200
    link.refresh_from_db()
    assert link.used_at is not None

    # The phone is lost; the administrator deletes the device. The old link does not work.
    TOTPDevice.objects.filter(user=rina).delete()
    again = Client()
    sign_in(again, "rina")
    refused = again.get(reverse("accounts:enrol", args=[token]))
    assert refused.status_code == 404
    assert "sudah dipakai" in refused.content.decode()
    assert not enrol_with(again)


def test_an_expired_link_is_refused() -> None:
    rina = staff("rina", Role.VERIFIER)
    link, token = enrolment_link_issue(user=rina, actor=admin_user())
    EnrolmentLink.objects.filter(pk=link.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    client = Client()
    sign_in(client, "rina")
    refused = client.get(reverse("accounts:enrol", args=[token]))
    assert refused.status_code == 404
    assert "kedaluwarsa" in refused.content.decode()
    assert not enrol_with(client)


def test_a_link_that_expires_while_the_page_is_open_no_longer_enrols() -> None:
    rina = staff("rina", Role.VERIFIER)
    link, token = enrolment_link_issue(user=rina, actor=admin_user())
    client = Client()
    sign_in(client, "rina")
    client.get(reverse("accounts:enrol", args=[token]))
    secret = client.get(reverse("accounts:otp")).context["secret"]
    EnrolmentLink.objects.filter(pk=link.pk).update(expires_at=timezone.now())
    response = client.post(reverse("accounts:otp"), {"token": code_for(secret)})
    assert "administrator" in response.content.decode()
    assert not TOTPDevice.objects.exists()


@override_settings(NETRAL_ENROLMENT_LINK_HOURS=5)
def test_a_link_lasts_the_configured_hours() -> None:
    link, _token = enrolment_link_issue(user=staff("rina", Role.VERIFIER), actor=admin_user())
    assert link.expires_at - link.created_at == datetime.timedelta(hours=5)


def test_a_link_works_only_for_the_account_it_was_issued_for() -> None:
    rina = staff("rina", Role.VERIFIER)
    staff("budi", Role.VERIFIER)
    _link, token = enrolment_link_issue(user=rina, actor=admin_user())
    client = Client()
    sign_in(client, "budi")
    refused = client.get(reverse("accounts:enrol", args=[token]))
    assert refused.status_code == 404
    assert "bukan untuk akun Anda" in refused.content.decode()
    assert not enrol_with(client)


def test_opening_a_link_requires_the_password_first() -> None:
    _link, token = enrolment_link_issue(user=staff("rina", Role.VERIFIER), actor=admin_user())
    path = reverse("accounts:enrol", args=[token])
    response = Client().get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_only_the_digest_is_stored_and_a_new_link_replaces_the_unused_one() -> None:
    rina = staff("rina", Role.VERIFIER)
    admin = admin_user()
    first, first_token = enrolment_link_issue(user=rina, actor=admin)
    assert first_token not in first.digest
    assert not EnrolmentLink.objects.filter(digest=first_token).exists()
    second, _token = enrolment_link_issue(user=rina, actor=admin)
    assert list(EnrolmentLink.objects.filter(user=rina)) == [second]
    client = Client()
    sign_in(client, "rina")
    assert client.get(reverse("accounts:enrol", args=[first_token])).status_code == 404


def test_only_superusers_and_administrators_may_issue_links() -> None:
    rina = staff("rina", Role.VERIFIER)
    verifier = staff("budi", Role.VERIFIER)
    with pytest.raises(Forbidden):
        enrolment_link_issue(user=rina, actor=verifier)
    root = User.objects.create_superuser("root", password="a-long-test-password-1")
    enrolment_link_issue(user=rina, actor=root)
    enrolment_link_issue(user=rina, actor=admin_user())
    assert EnrolmentLink.objects.filter(user=rina).count() == 1


def test_issuing_and_using_a_link_are_audited() -> None:
    admin = admin_user()
    rina = staff("rina", Role.VERIFIER)
    link, token = enrolment_link_issue(user=rina, actor=admin)
    issued = AuditEntry.objects.get(action=AuditAction.ENROLMENT_LINK_ISSUE)
    assert (issued.actor, issued.subject) == (admin, f"user:{rina.pk}")
    assert issued.details["link"] == link.pk
    assert token not in str(issued.details)

    client = Client()
    sign_in(client, "rina")
    client.get(reverse("accounts:enrol", args=[token]))
    assert enrol_with(client)
    used = AuditEntry.objects.get(action=AuditAction.ENROLMENT_LINK_USE)
    assert (used.actor, used.subject, used.details["link"]) == (rina, f"user:{rina.pk}", link.pk)
    assert AuditEntry.objects.filter(action=AuditAction.TOTP_ENROL, actor=rina).count() == 1


def test_the_command_prints_a_working_link_and_audits_it(settings: object) -> None:
    settings.NETRAL_SITE_URL = "https://netral.example.go.id/"  # type: ignore[attr-defined]
    staff("rina", Role.VERIFIER)
    out, err = io.StringIO(), io.StringIO()
    call_command("enrolment-link", "rina", stdout=out, stderr=err)
    url = out.getvalue().strip()
    assert url.startswith("https://netral.example.go.id/akun/dua-langkah/daftar/")
    assert "rina" in err.getvalue()
    issued = AuditEntry.objects.get(action=AuditAction.ENROLMENT_LINK_ISSUE)
    assert issued.actor is None
    client = Client()
    sign_in(client, "rina")
    path = url.removeprefix("https://netral.example.go.id")
    assert client.get(path).status_code == 302
    assert enrol_with(client)


def test_the_command_refuses_an_unknown_user() -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("enrolment-link", "nobody", stdout=io.StringIO(), stderr=io.StringIO())


def test_the_user_admin_issues_a_link_shown_once() -> None:
    root = User.objects.create_superuser("root", password="a-long-test-password-1")
    rina = staff("rina", Role.VERIFIER)
    client = signed_in(root)
    response = client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "issue_enrolment_link", "_selected_action": [rina.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "/akun/dua-langkah/daftar/" in html
    link = EnrolmentLink.objects.get(user=rina)
    assert link.created_by == root
    audited = AuditEntry.objects.get(action=AuditAction.ENROLMENT_LINK_ISSUE)
    assert audited.actor == root
