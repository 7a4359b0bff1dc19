"""The home page in a real Chromium: phone and desktop widths, language switch, strict CSP."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_home(page_at: Any, live_server: Any, viewport: dict[str, int]) -> tuple[Any, list[str]]:
    page = page_at(viewport, locale="en-US")  # an English browser still gets Indonesian
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(live_server.url + "/")
    return page, problems


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone-360", "desktop"])
def test_home_page_fits_the_screen_in_indonesian_without_csp_violations(
    page_at: Any, live_server: Any, viewport: dict[str, int]
) -> None:
    page, problems = open_home(page_at, live_server, viewport)
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.get_by_role("heading", level=1).inner_text() == "Netralitas ASN, diawasi bersama"
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"page scrolls sideways by {overflow}px"
    assert page.get_by_role("link", name="Masuk petugas").first.is_visible()
    assert problems == []


def test_switching_language_to_english_and_back(page_at: Any, live_server: Any) -> None:
    page, problems = open_home(page_at, live_server, PHONE)
    page.get_by_label("Bahasa").select_option("en")
    page.wait_for_load_state()
    page.get_by_role("heading", name="Civil-service neutrality, supervised together").wait_for()
    assert page.locator("html").get_attribute("lang") == "en"

    page.get_by_label("Language").select_option("id")
    page.get_by_role("heading", name="Netralitas ASN, diawasi bersama").wait_for()
    assert problems == []


def test_the_language_switch_works_with_the_keyboard_alone(page_at: Any, live_server: Any) -> None:
    page, _ = open_home(page_at, live_server, DESKTOP)
    page.get_by_label("Bahasa").focus()
    page.keyboard.press("ArrowDown")  # selects English; the change submits the form
    page.get_by_role("heading", name="Civil-service neutrality, supervised together").wait_for()


def test_a_citizen_reaches_the_report_form_from_the_home_page(
    page_at: Any, live_server: Any
) -> None:
    page, problems = open_home(page_at, live_server, PHONE)
    page.get_by_role("button", name="Laporkan pelanggaran").click()
    page.wait_for_url(f"{live_server.url}/lapor/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Laporkan")
    assert problems == []
