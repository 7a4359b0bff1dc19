from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from PIL import Image

from netral.intake.models import Evidence, Message, Report
from netral.org.models import Region, RegionLevel
from tests.conftest import PHONE
from tests.security.media_samples import photo_with_gps


def _stored(sha256: str, kind: str) -> bytes:
    root = Path(django_settings.EVIDENCE_ROOT)
    return (root / kind / sha256[:2] / sha256[2:4] / sha256).read_bytes()


def _fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.browser
@pytest.mark.slow
def test_a_citizen_reports_from_a_phone_is_warned_about_gps_and_follows_up(
    live_server, page_at, settings
):
    settings.INTAKE_MIN_FILL_SECONDS = 0
    province, _ = Region.objects.get_or_create(
        code="32", defaults={"name": "JAWA BARAT", "level": RegionLevel.PROVINCE}
    )
    Region.objects.get_or_create(
        code="32.04",
        defaults={"name": "KABUPATEN BANDUNG", "level": RegionLevel.REGENCY, "parent": province},
    )
    photo = photo_with_gps()
    page = page_at(PHONE)

    page.goto(f"{live_server.url}/lapor/")
    assert _fits_the_screen(page)
    page.fill(
        "#id_text",
        "Pak camat berpose dengan calon bupati sambil mengacungkan salam dua jari "
        "di halaman kantor kecamatan, lalu fotonya beredar di grup WhatsApp warga.",
    )
    page.fill("#id_occurred_on", "2024-11-12")
    page.select_option("#id_province", "32")
    page.select_option("#id_region_code", "32.04")
    page.fill("#id_subject_position", "Camat")
    page.set_input_files(
        "#id_files", files=[{"name": "IMG_20241112.jpg", "mimeType": "image/jpeg", "buffer": photo}]
    )
    page.check("input[name=identity][value=anonymous]")
    assert page.locator("#id_reporter_name").is_hidden()
    page.get_by_role("button", name="Periksa sebelum mengirim").click()

    warning = page.get_by_test_id("metadata-warning")
    warning.wait_for()
    assert "lokasi GPS" in warning.inner_text()
    assert page.get_by_test_id("suggestions").is_visible()
    assert _fits_the_screen(page)
    assert Report.objects.count() == 0

    page.get_by_test_id("confirm").click()
    receipt = page.get_by_test_id("receipt").inner_text().strip()
    secret = page.get_by_test_id("secret").inner_text().strip()
    assert len(receipt) == 16
    assert _fits_the_screen(page)

    page.get_by_test_id("to-status").click()
    page.fill("#id_receipt", receipt)
    page.fill("#id_secret", secret)
    page.get_by_role("button", name="Buka", exact=True).click()
    assert page.get_by_test_id("status").inner_text() == "Diterima"
    page.fill("#id_body", "Saya juga melihat mobil dinas dipakai ke lokasi kampanye.")
    page.get_by_role("button", name="Kirim pesan").click()
    page.get_by_test_id("thread").get_by_text("mobil dinas dipakai").wait_for()

    report = Report.objects.get(receipt=receipt)
    assert report.identity_mode == "anonymous"
    assert Message.objects.get(report=report).sender == "REPORTER"
    evidence = Evidence.objects.get(report=report, kind="FILE")
    assert _stored(evidence.sha256, "original") == photo
    cleaned = _stored(evidence.cleaned_sha256, "cleaned")
    assert dict(Image.open(BytesIO(cleaned)).getexif()) == {}
