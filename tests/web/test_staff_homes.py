"""Each role gets its own home after signing in, a menu it can use, and nothing else.

The menu is derived from `netral.web.menu.ROLE_PAGES`; these tests walk that declaration:
every link a role is shown answers 200 for that role, and every declared page the role is
not shown is refused.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from netral.accounts.models import Role, User
from netral.cases import services
from netral.cases.models import Case
from netral.intake.models import IdentityAccessRequest
from netral.web.menu import PAGES, ROLE_PAGES
from netral.web.staff_home import staff_home
from tests.accounts.factories import agency_in, staff
from tests.cases.conftest import act, make_report, new_case

pytestmark = pytest.mark.django_db


def signed_in(user: User) -> Client:
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="default", confirmed=True)
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def one_per_role() -> dict[str, User]:
    bogor = agency_in("32.01", "Pemerintah Kabupaten Bogor")
    users = {
        Role.VERIFIER: staff("verif", Role.VERIFIER, regions=("32.01",)),
        Role.BAWASLU_ANALYST: staff("bawaslu", Role.BAWASLU_ANALYST, regions=("32",)),
        Role.PPK_STAFF: staff("ppk", Role.PPK_STAFF, agencies=(bogor,)),
        Role.CENTRAL_SUPERVISOR: staff("bkn", Role.CENTRAL_SUPERVISOR, national=True),
        Role.IDENTITY_CUSTODIAN: staff("kustodian", Role.IDENTITY_CUSTODIAN, national=True),
        Role.ADMINISTRATOR: staff("admin", Role.ADMINISTRATOR, national=True),
    }
    admin = users[Role.ADMINISTRATOR]
    admin.is_staff = True
    admin.save()
    return users


def header_links(html: str) -> set[str]:
    header = html.split("<main", 1)[0]
    return set(re.findall(r'data-page="([a-z]+)"', header))


@pytest.mark.parametrize("role", list(ROLE_PAGES))
def test_every_page_in_a_roles_menu_opens_and_every_other_is_refused(role: str) -> None:
    user = one_per_role()[role]
    client = signed_in(user)
    home = client.get(reverse("web:staff-home"))
    assert home.status_code == 200
    html = home.content.decode()
    listed = set(re.findall(r'data-page="([a-z]+)"', html))
    assert listed == set(ROLE_PAGES[role])
    for key in ROLE_PAGES[role]:
        response = client.get(reverse(PAGES[key].url_name))
        assert response.status_code == 200, (role, key, response.status_code)
    for key in set(PAGES) - set(ROLE_PAGES[role]):
        response = client.get(reverse(PAGES[key].url_name))
        # Django's admin sends non-staff users to its own login; every other page says 403.
        refused = {403} if key != "admin" else {302, 403}
        assert response.status_code in refused, (role, key, response.status_code)
        assert f'data-page="{key}"' not in html


def test_the_header_shows_the_same_declared_pages_on_every_page() -> None:
    users = one_per_role()
    client = signed_in(users[Role.IDENTITY_CUSTODIAN])
    html = client.get(reverse("intake:custodian")).content.decode()
    assert header_links(html) == {"home", "custodian", "notifications"}
    assert "Antrean kasus" not in html


def test_the_custodian_sees_no_queue_and_no_bulk_bar() -> None:
    users = one_per_role()
    client = signed_in(users[Role.IDENTITY_CUSTODIAN])
    assert client.get(reverse("cases:queue")).status_code == 403
    assert client.post(reverse("cases:bulk"), {"action": "assign"}).status_code == 403
    html = client.get(reverse("web:staff-home")).content.decode()
    assert "0 kasus" not in html
    assert "bulk-bar" not in html


def test_the_bulk_bar_is_shown_only_to_roles_that_can_use_it() -> None:
    users = one_per_role()
    verifier_html = signed_in(users[Role.VERIFIER]).get(reverse("cases:queue")).content.decode()
    analyst = signed_in(users[Role.BAWASLU_ANALYST])
    analyst_html = analyst.get(reverse("cases:queue")).content.decode()
    assert "bulk-bar" in verifier_html
    assert "bulk-bar" not in analyst_html
    assert 'name="cases"' not in analyst_html
    refused = analyst.post(reverse("cases:bulk"), {"action": "assign", "cases": ["1"]})
    assert refused.status_code == 403


def test_signing_in_lands_on_the_staff_home_not_the_public_page(settings: Any) -> None:
    settings.NETRAL_DEMO = True
    user = staff("verif", Role.VERIFIER, regions=("32.01",))
    user.is_demo = True
    user.save()
    client = Client()
    response = client.post(
        reverse("accounts:login"),
        {"username": "verif", "password": "a-long-test-password-1"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("web:staff-home")


def test_the_verifier_home_lists_overdue_due_soon_and_new_cases_in_working_days() -> None:
    users = one_per_role()
    verifier = users[Role.VERIFIER]
    agency_in("33.05")
    fresh_case = new_case("32.01")  # RECEIVED, due by the verification rule
    elsewhere = new_case("33.05")  # another region: not the Bogor verifier's
    started = act(new_case("32.01"), "start_verification", verifier)
    today = datetime.date(2026, 12, 4)  # a Friday
    Case.objects.filter(pk=fresh_case.pk).update(due_date=datetime.date(2026, 12, 8))
    Case.objects.filter(pk=started.pk).update(due_date=datetime.date(2026, 12, 2))
    Case.objects.filter(pk=elsewhere.pk).update(due_date=datetime.date(2026, 12, 1))

    home = staff_home(verifier, today)

    assert [r.case.pk for r in home.overdue.rows] == [started.pk]
    assert home.overdue.rows[0].days_left == -2  # Thursday and Friday
    # Two working days after Friday is Tuesday: Monday 7th, Tuesday 8th.
    assert home.horizon == datetime.date(2026, 12, 8)
    assert [r.case.pk for r in home.at_risk.rows] == [fresh_case.pk]
    assert home.at_risk.rows[0].days_left == 2
    assert {r.case.pk for r in home.new_cases.rows} == {fresh_case.pk}


def test_a_ppk_home_holds_nothing_before_the_ppk_stage() -> None:
    users = one_per_role()
    new_case("32.01")
    home = staff_home(users[Role.PPK_STAFF], datetime.date(2026, 12, 4))
    assert home.overdue.count == 0
    assert home.at_risk.count == 0
    assert home.new_cases.count == 0


def test_the_custodian_home_lists_pending_identity_requests() -> None:
    users = one_per_role()
    report = make_report("32.01")
    report.identity_mode = "confidential"
    report.save()
    IdentityAccessRequest.objects.create(
        report=report, requester=users[Role.VERIFIER], reason="Perlu menghubungi saksi kunci."
    )
    client = signed_in(users[Role.IDENTITY_CUSTODIAN])
    html = client.get(reverse("web:staff-home")).content.decode()
    assert f"Laporan #{report.pk}" in html
    assert reverse("intake:custodian") in html


def test_a_case_given_to_me_by_someone_else_is_listed_as_returned() -> None:
    users = one_per_role()
    verifier = users[Role.VERIFIER]
    supervisor = users[Role.CENTRAL_SUPERVISOR]
    mine = new_case("32.01")
    services.case_assign(
        case=mine, actor=supervisor, assignee=verifier, expected_version=mine.version
    )
    home = staff_home(verifier, datetime.date(2026, 12, 4))
    assert [r.case.pk for r in home.returned.rows] == [mine.pk]
    # Once the verifier acts on it, it is no longer waiting on someone else's change.
    act(Case.objects.get(pk=mine.pk), "start_verification", verifier)
    assert staff_home(verifier, datetime.date(2026, 12, 4)).returned.count == 0
