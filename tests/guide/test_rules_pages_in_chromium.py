"""The rules index, a conduct page and the self-check on a phone, with and without
JavaScript, in a real Chromium: they fit the screen, keep the strict CSP, and axe-core finds
no accessibility violation. axe-core comes from npm (package.json) and is injected by the
test alone; the site never serves it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.conftest import PHONE, REPO

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
QUESTION = (
    "/aturan/cek/?q=boleh+gak+saya+foto+bareng+caleg+pake+pose+2+jari%3F"
    "&tanggal=2024-01-10&status=PNS"
)


@dataclass
class Phone:
    page: Any
    javascript: bool
    problems: list[str] = field(default_factory=list)


def _context(browser: Any, javascript: bool) -> Any:
    context = browser.new_context(viewport=PHONE, locale="id-ID", java_script_enabled=javascript)
    # An init script runs through the DevTools protocol, outside the page's CSP.
    context.add_init_script(path=str(AXE))
    return context


@pytest.fixture
def phone(browser: Any, request: pytest.FixtureRequest) -> Iterator[Phone]:
    """A phone-sized page with JavaScript on or off (indirect parameter)."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make install` (npm ci) first")
    context = _context(browser, request.param)
    page = context.new_page()
    page.set_default_timeout(15_000)
    opened = Phone(page, request.param)
    page.on("console", lambda m: opened.problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: opened.problems.append(str(e)))
    yield opened
    context.close()


JS_ON_OFF = pytest.mark.parametrize("phone", [True, False], ids=["js", "no-js"], indirect=True)


def _axe(page: Any) -> list[str]:
    found = page.evaluate(
        "async () => (await axe.run(document)).violations"
        ".map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)"
    )
    return list(found)


def axe_violations(phone: Phone) -> list[str]:
    """axe-core's violations on the page as it is now.

    axe itself needs JavaScript. For a page seen without it, the same address is opened
    again with JavaScript on for axe but every script of the site refused, so axe sees the
    page as a browser without JavaScript builds it."""
    if phone.javascript:
        return _axe(phone.page)
    context = _context(phone.page.context.browser, True)
    try:
        again = context.new_page()
        again.route("**/*.js", lambda route: route.abort())
        again.goto(phone.page.url)
        return _axe(again)
    finally:
        context.close()


def check_page(phone: Phone) -> None:
    page = phone.page
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px on a phone"
    assert axe_violations(phone) == []
    assert phone.problems == []  # CSP violations are reported as console errors


@JS_ON_OFF
def test_the_rules_index_on_a_phone(phone: Phone, live_server: Any) -> None:
    phone.page.goto(f"{live_server.url}/aturan/")
    assert phone.page.get_by_role("heading", level=1).inner_text().startswith("Apa yang boleh")
    assert phone.page.locator("ul.conduct-list a").count() == 17
    check_page(phone)


@JS_ON_OFF
def test_a_conduct_page_on_a_phone(phone: Phone, live_server: Any) -> None:
    page = phone.page
    page.goto(f"{live_server.url}/aturan/")
    page.get_by_role(
        "link", name="Menyukai, mengomentari, membagikan atau mengikuti konten calon"
    ).click()
    page.wait_for_url(f"{live_server.url}/aturan/suka-komentar-bagikan/")
    assert page.get_by_role("heading", name="Dasar hukum dan sanksi").is_visible()
    assert page.locator(".cite", has_text="PP-94-2021 Pasal 14 huruf i").count() >= 1
    check_page(phone)


@JS_ON_OFF
def test_the_self_check_on_a_phone(phone: Phone, live_server: Any) -> None:
    page = phone.page
    page.goto(f"{live_server.url}/aturan/cek/")
    check_page(phone)
    page.fill("#id_q", "Bolehkah saya nge-like postingan bakal calon bupati?")
    page.fill("#id_tanggal", "2024-06-15")
    page.get_by_label("Pegawai Pemerintah dengan Perjanjian Kerja").check()
    page.get_by_role("button", name="Periksa").click()
    page.get_by_test_id("verdict").wait_for()
    assert page.get_by_test_id("verdict").inner_text() == "Tidak boleh"
    assert "q=Bolehkah" in page.url  # the address holds the question: a permalink
    assert page.locator("[data-code=MEDSOS_INTERAKSI]").is_visible()
    assert "bukan pendapat hukum" in page.get_by_test_id("boundary").inner_text()
    check_page(phone)


@JS_ON_OFF
def test_a_depends_answer_is_settled_by_following_its_question(
    phone: Phone, live_server: Any
) -> None:
    page = phone.page
    page.goto(
        f"{live_server.url}/aturan/cek/?q=Boleh+saya+datang+ke+kampanye+caleg%3F"
        "&tanggal=2024-01-20&status=PNS"
    )
    assert page.get_by_test_id("verdict").inner_text() == "Tergantung"
    check_page(phone)
    page.locator("[data-fact=passive_attendance]").get_by_role("button", name="Ya").click()
    page.wait_for_url("**pasif=ya**")
    assert page.get_by_test_id("verdict").inner_text() == "Boleh"


def test_the_printed_answer_leaves_out_the_form_and_navigation(
    browser: Any, live_server: Any
) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(live_server.url + QUESTION)
    page.emulate_media(media="print")
    assert page.get_by_test_id("answer").is_visible()
    assert page.locator("form.selfcheck-form").is_hidden()
    assert page.locator("header.site-header").is_hidden()
    context.close()


def test_the_print_button_appears_only_with_javascript(browser: Any, live_server: Any) -> None:
    seen = {}
    for javascript in (True, False):
        context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
        page = context.new_page()
        page.goto(live_server.url + QUESTION)
        seen[javascript] = page.get_by_role("button", name="Cetak").is_visible()
        context.close()
    assert seen == {True: True, False: False}


def test_axe_is_not_served_by_the_site(browser: Any, live_server: Any) -> None:
    context = browser.new_context()
    response = context.new_page().goto(f"{live_server.url}/static/axe-core/axe.min.js")
    assert response is not None
    assert response.status == 404
    context.close()
