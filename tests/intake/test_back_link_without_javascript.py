"""On a phone with JavaScript off, a mistake and "Kembali dan ubah" never meet the
browser's "resubmit the form?" page, and the attached photo stays attached."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from netral.intake.models import EvidenceKind, Report
from netral.org.models import Region, RegionLevel
from tests.conftest import PHONE
from tests.security.media_samples import photo_with_gps

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STORY = (
    "Pak camat berpose dengan calon bupati sambil mengacungkan salam dua jari "
    "di halaman kantor kecamatan, lalu fotonya beredar di grup WhatsApp warga."
)


@pytest.fixture
def no_script_phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=PHONE, locale="id-ID", java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_back_and_change_without_javascript_keeps_the_text_and_the_photo(
    no_script_phone: Any, live_server: Any, settings: Any
) -> None:
    settings.INTAKE_MIN_FILL_SECONDS = 0
    province, _ = Region.objects.get_or_create(
        code="32", defaults={"name": "JAWA BARAT", "level": RegionLevel.PROVINCE}
    )
    Region.objects.get_or_create(
        code="32.04",
        defaults={"name": "KABUPATEN BANDUNG", "level": RegionLevel.REGENCY, "parent": province},
    )
    page = no_script_phone
    page.goto(f"{live_server.url}/lapor/")
    page.fill("#id_text", "terlalu pendek")  # a mistake: the story is too short
    page.set_input_files(
        "#id_files",
        files=[{"name": "IMG_1.jpg", "mimeType": "image/jpeg", "buffer": photo_with_gps()}],
    )
    page.check("input[name=identity][value=anonymous]")
    page.get_by_role("button", name="Periksa sebelum mengirim").click()
    page.wait_for_url(f"{live_server.url}/lapor/")
    assert page.get_by_test_id("kept-files").is_visible()  # the photo was not dropped

    page.fill("#id_text", STORY)
    page.get_by_role("button", name="Periksa sebelum mengirim").click()
    page.wait_for_url(f"{live_server.url}/lapor/pratinjau/")

    page.get_by_test_id("back-to-form").click()  # a plain link: no script needed
    page.wait_for_url(f"{live_server.url}/lapor/")
    assert page.input_value("#id_text") == STORY
    assert page.get_by_test_id("kept-files").is_visible()

    # The browser's own back button lands on pages fetched with GET: no resubmission.
    response = page.go_back()
    assert response is None or response.status == 200
    assert "pratinjau" in page.url
    page.reload()  # a reload of the preview re-reads the draft; nothing is sent twice
    page.get_by_test_id("confirm").click()
    page.get_by_test_id("secret").wait_for()
    report = Report.objects.get()
    assert report.evidence.filter(kind=EvidenceKind.FILE).count() == 1
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
