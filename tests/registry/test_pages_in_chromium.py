"""In Chromium on a phone: the public list, an instrument page and the coverage map with
its drill-down; a BKPSDM officer uploads a scanned circular (a PDF of page images, no
text layer) through the page, confirms what OCR read, and it is published."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from netral.accounts.models import Role
from netral.demo.registry import load_demo_registry
from netral.registry.models import Instrument, Status
from tests.accounts.factories import staff
from tests.conftest import PHONE
from tests.documents.circulars import write_scanned_pdf
from tests.registry.conftest import own_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
FITS = "document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"


def _watched(page: Any) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    return problems


def test_list_instrument_and_coverage_map_on_a_phone(
    live_server: Any, page_at: Any, tmp_path: Path
) -> None:
    publisher = staff("pusat", Role.CENTRAL_SUPERVISOR, national=True)
    loaded = load_demo_registry(publisher, seeds=tmp_path)
    bogor = next(i for i in loaded if i.region and i.region.code == "32.01")
    page = page_at(PHONE)
    problems = _watched(page)

    page.goto(f"{live_server.url}/edaran/")
    assert page.locator("[data-instrument]").count() == len(loaded)
    assert page.evaluate(FITS)
    page.select_option("#id_type", "INSTRUKSI")
    page.get_by_role("button", name="Tampilkan").click()
    assert page.locator("[data-instrument]").count() == 1

    page.goto(f"{live_server.url}/edaran/")
    page.locator(f"[data-instrument='{bogor.pk}'] a").click()
    assert page.locator("[data-field=number]").inner_text() == bogor.number
    assert page.locator("[data-testid=conduct] li").count() == len(bogor.prohibited_conduct)
    assert page.evaluate(FITS)
    page.locator("[data-testid=conduct] a").first.click()
    assert page.url.startswith(f"{live_server.url}/aturan/")

    page.goto(f"{live_server.url}/edaran/cakupan/?siklus=PILKADA-2024")
    assert page.locator(".tilegrid-tile").count() == 38
    assert page.locator(".tilegrid").is_visible()
    assert page.evaluate(FITS)
    jabar = page.locator(".tilegrid-tile a[href*='/32/']")
    assert "tg-s0" not in (jabar.locator("xpath=..").get_attribute("class") or "")
    jabar.click()
    assert page.locator("tr[data-region='32.01'].covered").count() == 1
    assert page.locator("tr[data-region='32.02'].missing").count() == 1
    assert page.evaluate(FITS)
    assert problems == []


@pytest.mark.slow
def test_a_scanned_circular_uploaded_through_the_page_is_published(
    live_server: Any, page_at: Any, settings: Any, tmp_path: Path
) -> None:
    settings.NETRAL_DEMO = True  # the officer signs in without TOTP, as in the demo
    officer = staff("bkpsdm-bogor", Role.PPK_STAFF, regions=("32.01",))
    officer.is_demo = True
    officer.save()
    scan = write_scanned_pdf([own_text("bogor")], tmp_path / "edaran-bupati-bogor.pdf")

    page = page_at(PHONE)
    problems = _watched(page)
    page.goto(f"{live_server.url}/akun/masuk/?next=/edaran/kelola/")
    page.fill("#id_username", officer.username)
    page.fill("#id_password", "a-long-test-password-1")
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.wait_for_url("**/edaran/kelola/")
    page.set_input_files("#id_file", str(scan))
    page.get_by_role("button", name="Baca dokumen").click()
    page.wait_for_url("**/edaran/kelola/*/", timeout=120_000)

    draft = Instrument.objects.get()
    assert draft.status == Status.DRAFT
    assert draft.extracted["ocr"] is True
    assert page.locator("#id_number").input_value() == draft.number != ""
    assert page.locator("[data-testid=source-text] mark").count() >= 1
    # The officer checks the form and adds a prohibition the scan's reading missed.
    page.locator("input[name=prohibited_conduct][value=APK_PASANG]").check()
    page.get_by_role("button", name="Terbitkan").click()
    assert "Terbit" in page.get_by_test_id("status").inner_text()

    published = Instrument.objects.get(pk=draft.pk)
    assert published.status == Status.PUBLISHED
    assert "APK_PASANG" in published.prohibited_conduct
    assert published.file_type == "application/pdf"
    page.goto(f"{live_server.url}/edaran/{published.pk}/")
    assert page.locator("[data-field=number]").inner_text() == published.number
    # A PDF is offered as a copy without its metadata; the original's hash is shown.
    assert page.get_by_role("button", name="Unduh berkas", exact=True).count() == 1
    assert published.file_sha256 in page.get_by_test_id("cleaned-note").inner_text()
    assert problems == []
