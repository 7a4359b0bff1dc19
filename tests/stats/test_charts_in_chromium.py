"""`/statistik/` and each staff dashboard in a real Chromium, on a phone and a desktop:
every chart is drawn, the strict CSP holds (no console error), nothing scrolls sideways,
and axe-core finds no violation. axe-core comes from npm and is injected by the test."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from tests.conftest import DESKTOP, PHONE, REPO
from tests.stats.conftest import generate, make_people, signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone-360", "desktop"])


def _open(browser: Any, viewport: dict[str, int], url: str, client: Client | None = None) -> Any:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make install` (npm ci) first")
    context = browser.new_context(viewport=viewport, locale="id-ID")
    context.add_init_script(path=str(AXE))
    if client is not None:
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        host = url.split("/")[2].split(":")[0]
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "domain": host, "path": "/"}]
        )
    page = context.new_page()
    page.set_default_timeout(20_000)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(url)
    page.wait_for_load_state("load")
    page.problems = problems
    return page


def _check(page: Any) -> None:
    canvases = page.locator("canvas[data-chart]")
    assert canvases.count() >= 3
    page.wait_for_function(
        "document.querySelectorAll('canvas[data-chart]').length"
        " === document.querySelectorAll('canvas[data-drawn]').length"
    )
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"page scrolls sideways by {overflow}px"
    violations = page.evaluate(
        "async () => (await axe.run(document)).violations"
        ".map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)"
    )
    assert violations == []
    assert page.problems == []
    page.context.close()


@pytest.fixture
def people(transactional_db: Any) -> Any:
    found = make_people()
    generate(found, reports=200)
    return found


@VIEWPORTS
def test_public_statistics(
    browser: Any, live_server: Any, people: Any, viewport: dict[str, int]
) -> None:
    page = _open(browser, viewport, f"{live_server.url}/statistik/")
    assert page.get_by_role("heading", level=1).inner_text() == "Statistik netralitas ASN"
    # Indonesian grouping in the table: a thousand is written 1.234.
    assert page.locator("#tabel-alur td.num").first.inner_text().replace(".", "").isdigit()
    _check(page)


def test_public_statistics_drill_down_to_a_province(
    browser: Any, live_server: Any, people: Any
) -> None:
    page = _open(browser, PHONE, f"{live_server.url}/statistik/")
    page.locator(".tilegrid a[href*='provinsi=32']").click()
    page.wait_for_load_state("load")
    assert "Jawa Barat" in page.get_by_role("heading", level=1).inner_text()
    assert page.get_by_role("heading", name="Menurut kabupaten/kota").is_visible()
    _check(page)


@pytest.mark.parametrize(
    ("who", "viewport"),
    [
        ("supervisor", PHONE),
        ("supervisor", DESKTOP),
        ("verifier", PHONE),
        ("ppk", PHONE),
        ("analyst", DESKTOP),
    ],
    ids=[
        "supervisor-phone",
        "supervisor-desktop",
        "verifier-phone",
        "ppk-phone",
        "analyst-desktop",
    ],
)
def test_staff_dashboards(
    browser: Any, live_server: Any, people: Any, viewport: dict[str, int], who: str
) -> None:
    client = signed_in(getattr(people, who))
    page = _open(browser, viewport, f"{live_server.url}/statistik/dasbor/", client)
    assert page.get_by_role("heading", level=1).inner_text() == "Dasbor pengawasan"
    _check(page)
