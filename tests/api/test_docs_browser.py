"""The API reference page: Swagger UI from our own static files under the site's CSP,
for signed-in staff only."""

from __future__ import annotations

from typing import Any

import pytest

from tests.accounts.factories import staff
from tests.conftest import DESKTOP

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password-1"


def test_the_docs_need_a_signed_in_staff_member(live_server: Any, page_at: Any) -> None:
    page = page_at(DESKTOP)
    page.goto(f"{live_server.url}/api/v1/docs")
    assert "/akun/masuk/" in page.url


def test_staff_see_every_operation_with_no_script_refused_by_the_csp(
    live_server: Any, page_at: Any, settings: Any
) -> None:
    from netral.accounts.models import Role

    settings.NETRAL_DEMO = True
    user = staff("demo-dok", Role.VERIFIER, regions=("32.01",))
    user.is_demo = True
    user.save()
    page = page_at(DESKTOP)
    refused: list[str] = []
    outside: list[str] = []
    page.on(
        "console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None
    )
    page.on(
        "request",
        lambda r: (
            outside.append(r.url) if not r.url.startswith((live_server.url, "data:")) else None
        ),
    )
    page.goto(f"{live_server.url}/akun/masuk/?next=/api/v1/docs")
    page.fill("#id_username", "demo-dok")
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/api/v1/docs")
    page.wait_for_selector(".opblock-summary-path")
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/v1/cases/{case_id}/transitions" in p for p in paths)
    assert any("/api/v1/reports" in p for p in paths)
    assert outside == []
    assert not [text for text in refused if "script" in text.lower()], refused
