from __future__ import annotations

import re

import pytest
from django.test import Client

from netral.intake.models import Report
from tests.intake.conftest import report_fields, upload


@pytest.fixture
def quick_form(settings) -> None:
    settings.INTAKE_MIN_FILL_SECONDS = 0


def _started(client: Client) -> str:
    page = client.get("/lapor/").content.decode()
    return re.search(r'name="started" value="([^"]+)"', page).group(1)


def _preview(client: Client, **overrides):
    data = report_fields(**overrides) | {"started": _started(client)}
    return client.post("/lapor/", data, follow=True)


def test_the_form_renders_with_the_three_identity_choices_explained(client: Client, db):
    page = client.get("/lapor/").content.decode()
    for choice in ("anonymous", "confidential", "identified"):
        assert f'value="{choice}"' in page
    assert "penjaga identitas" in page


def test_preview_warns_about_gps_and_suggests_rules_before_anything_is_filed(
    client: Client, regions, quick_form, gps_photo
):
    response = _preview(client, files=[upload("IMG_1.jpg", gps_photo)])
    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="metadata-warning"' in page
    assert "lokasi GPS" in page
    assert "simbol keberpihakan" in page  # the label of FOTO_SIMBOL
    assert Report.objects.count() == 0


def test_confirming_the_preview_files_the_report_and_shows_the_secret_once(
    client: Client, regions, quick_form
):
    page = _preview(client).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    receipt_page = client.post("/lapor/kirim/", {"token": token})
    assert receipt_page.status_code == 201
    assert "no-store" in receipt_page["Cache-Control"]
    assert Report.objects.count() == 1
    again = client.post("/lapor/kirim/", {"token": token})
    assert again.status_code == 410
    assert Report.objects.count() == 1


def test_the_receipt_can_be_downloaded_only_with_the_matching_secret(client: Client, submit):
    filed = submit().json()
    good = client.post("/lapor/tanda-terima/", filed)
    assert filed["secret"] in good.content.decode()
    assert good["Content-Disposition"].startswith("attachment")
    bad = client.post("/lapor/tanda-terima/", filed | {"secret": "salah"})
    assert bad.status_code == 404


def test_a_filled_honeypot_is_treated_as_spam(client: Client, regions, quick_form):
    response = _preview(client, website="http://spam.example")
    assert response.status_code == 429


def test_a_form_sent_faster_than_a_person_could_fill_it_is_refused(
    client: Client, regions, settings
):
    settings.INTAKE_MIN_FILL_SECONDS = 60
    assert _preview(client).status_code == 429


def test_a_forged_start_time_is_refused(client: Client, regions, quick_form):
    data = report_fields() | {"started": "1:forged"}
    assert client.post("/lapor/", data).status_code == 429


def test_the_status_page_opens_with_receipt_and_secret_and_accepts_a_message(
    client: Client, submit
):
    filed = submit().json()
    client.post("/lapor/status/masuk/", {"receipt": filed["receipt"], "secret": filed["secret"]})
    client.post("/lapor/status/", {"body": "Saya <b>menambah</b> keterangan."})
    page = client.get("/lapor/status/").content.decode()
    assert "Diterima" in page
    assert "Saya &lt;b&gt;menambah&lt;/b&gt; keterangan." in page


def test_a_wrong_secret_does_not_open_the_status_page(client: Client, submit):
    filed = submit().json()
    client.post("/lapor/status/masuk/", {"receipt": filed["receipt"], "secret": "salah"})
    assert client.get("/lapor/status/").status_code == 302


def test_a_web_report_is_triaged_once_and_files_what_the_preview_showed(
    client: Client, regions, quick_form, monkeypatch
):
    from netral.intake import services, suggestions, views

    calls: list[str] = []

    def counted(text: str) -> suggestions.TriageOutcome:
        calls.append(text)
        return suggestions.run_triage(text)

    monkeypatch.setattr(views, "run_triage", counted)
    monkeypatch.setattr(services, "run_triage", counted)
    page = _preview(client).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    client.post("/lapor/kirim/", {"token": token})

    assert len(calls) == 1
    report = Report.objects.get()
    assert report.suggested_codes == list(suggestions.run_triage(report.text).codes)
    assert report.suggested_codes  # the form's text describes conduct, so codes were kept
