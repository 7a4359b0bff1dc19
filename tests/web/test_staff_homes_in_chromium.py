"""Signing in lands each role on its own home, in a real Chromium, on a phone too."""

from __future__ import annotations

from typing import Any

import pytest

from netral.accounts.models import Role
from netral.web.menu import PAGES, ROLE_PAGES
from tests.accounts.factories import staff
from tests.conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password-1"


def sign_in(page_at: Any, url: str, username: str, viewport: dict[str, int]) -> Any:
    page = page_at(viewport)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto(f"{url}/akun/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.wait_for_url(f"{url}/beranda/")
    page.problems = problems
    return page


def demo_user(username: str, role: Role, **scope: Any) -> None:
    user = staff(username, role, **scope)
    user.is_demo = True  # TOTP is skipped for demo accounts in demo mode only
    user.save()


def test_the_custodian_lands_on_a_home_without_the_case_queue_on_a_phone(
    page_at: Any, live_server: Any, settings: Any
) -> None:
    settings.NETRAL_DEMO = True
    demo_user("kustodian", Role.IDENTITY_CUSTODIAN, national=True)
    page = sign_in(page_at, live_server.url, "kustodian", PHONE)
    header = page.locator("header nav")
    assert header.get_by_role("link", name="Permintaan akses identitas").is_visible()
    assert header.get_by_role("link", name="Antrean kasus").count() == 0
    assert page.get_by_test_id("access-requests").is_visible()
    assert "kasus" not in page.get_by_test_id("access-requests").inner_text().lower()
    wide = page.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
        " > window.innerWidth).map(e => e.tagName + '.' + e.className + ' ' +"
        " (e.textContent || '').slice(0, 30))"
    )
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, wide
    assert page.problems == []


def test_a_verifier_reaches_every_page_of_her_menu_by_clicking(
    page_at: Any, live_server: Any, settings: Any
) -> None:
    settings.NETRAL_DEMO = True
    demo_user("verif", Role.VERIFIER, regions=("32.01",))
    page = sign_in(page_at, live_server.url, "verif", DESKTOP)
    for key in [k for k in ROLE_PAGES[Role.VERIFIER] if k != "home"]:
        page.goto(f"{live_server.url}/beranda/")
        with page.expect_navigation() as navigation:
            page.locator(f"[data-testid=home-menu] [data-page={key}]").click()
        assert navigation.value.status == 200, (key, PAGES[key].url_name)
    assert page.problems == []
