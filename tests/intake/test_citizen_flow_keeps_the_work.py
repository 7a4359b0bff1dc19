"""The citizen's form forgives mistakes: errors keep the files, only filed reports count
against the address's allowance, every POST ends in a redirect, and evidence can be added
after filing with the receipt."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from netral.intake.models import Evidence, EvidenceKind, Report
from tests.intake.conftest import report_fields, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _quick(settings: Any) -> None:
    settings.INTAKE_MIN_FILL_SECONDS = 0
    cache.clear()


def started(client: Client) -> str:
    page = client.get("/lapor/").content.decode()
    return re.search(r'name="started" value="([^"]+)"', page).group(1)


def send(client: Client, **overrides: Any) -> Any:
    return client.post("/lapor/", report_fields(**overrides) | {"started": started(client)})


def confirm(client: Client) -> Any:
    page = client.get("/lapor/pratinjau/").content.decode()
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    return client.post("/lapor/kirim/", {"token": token})


def test_every_form_post_ends_in_a_redirect_to_a_page_that_can_be_reloaded(
    client: Client, regions: Any
) -> None:
    wrong = send(client, text="terlalu pendek")
    assert wrong.status_code == 302
    assert wrong["Location"] == "/lapor/"
    again = client.get("/lapor/")
    assert again.status_code == 200
    assert "terlalu pendek" in again.content.decode()  # the reporter's text is still there
    assert 'class="field-error"' in again.content.decode()  # and why it was refused

    right = send(client)
    assert right.status_code == 302
    assert right["Location"] == "/lapor/pratinjau/"
    assert client.get("/lapor/pratinjau/").status_code == 200
    assert client.get("/lapor/pratinjau/").status_code == 200  # a reload shows it again


def test_the_back_link_refills_the_form_from_the_preview(client: Client, regions: Any) -> None:
    send(client, subject_name="Drs. Asep Hidayat")
    preview = client.get("/lapor/pratinjau/").content.decode()
    assert 'href="/lapor/"' in preview
    form = client.get("/lapor/").content.decode()
    assert 'value="Drs. Asep Hidayat"' in form
    assert "Camat Sukamaju berfoto" in form


def test_files_attached_before_a_validation_error_are_filed_with_the_report(
    client: Client, regions: Any, gps_photo: bytes
) -> None:
    client.post(
        "/lapor/",
        report_fields(text="pendek")
        | {"started": started(client), "files": [upload("IMG_9.jpg", gps_photo)]},
    )
    form = client.get("/lapor/").content.decode()
    assert 'data-testid="kept-files"' in form
    assert "IMG_9.jpg" in form

    send(client)  # the corrected text, no file chosen again
    preview = client.get("/lapor/pratinjau/").content.decode()
    assert "1 berkas" in preview
    assert confirm(client).status_code == 201
    report = Report.objects.get()
    assert report.evidence.filter(kind=EvidenceKind.FILE).count() == 1


def test_kept_files_can_be_let_go(client: Client, regions: Any, gps_photo: bytes) -> None:
    client.post(
        "/lapor/",
        report_fields(text="pendek")
        | {"started": started(client), "files": [upload("IMG_9.jpg", gps_photo)]},
    )
    client.post("/lapor/", report_fields() | {"started": started(client), "drop_kept": "1"})
    assert "0 berkas" in client.get("/lapor/pratinjau/").content.decode()


def test_only_filed_reports_count_against_the_allowance(
    client: Client, regions: Any, settings: Any
) -> None:
    settings.INTAKE_SUBMISSIONS_PER_WINDOW = 2
    for _ in range(5):  # previews and mistakes cost nothing
        assert send(client, text="pendek").status_code == 302
        assert send(client).status_code == 302
    neighbour = Client()  # another phone behind the same address
    send(neighbour)
    assert confirm(client).status_code == 201
    send(client)
    assert confirm(client).status_code == 201
    # The allowance is used up: a preview opened earlier cannot be filed now,
    assert confirm(neighbour).status_code == 429
    # and a new form is told so at once.
    assert send(client).status_code == 429
    assert Report.objects.count() == 2


def test_the_api_counts_filed_reports_not_refused_ones(
    client: Client, regions: Any, settings: Any, submit: Any
) -> None:
    settings.INTAKE_SUBMISSIONS_PER_WINDOW = 1
    for _ in range(3):
        assert submit(text="pendek").status_code == 422
    assert submit().status_code == 201
    assert submit().status_code == 429


def test_evidence_can_be_added_after_filing_with_the_receipt(
    client: Client, regions: Any, gps_photo: bytes, submit: Any
) -> None:
    filed = submit().json()
    client.post("/lapor/status/masuk/", {"receipt": filed["receipt"], "secret": filed["secret"]})
    response = client.post(
        "/lapor/status/bukti/",
        {
            "files": [upload("IMG_LATER.jpg", gps_photo)],
            "links": "https://contoh.id/unggahan/1",
        },
    )
    assert response.status_code == 302
    report = Report.objects.get(receipt=filed["receipt"])
    kinds = sorted(report.evidence.values_list("kind", flat=True))
    assert kinds == [EvidenceKind.FILE, EvidenceKind.LINK]
    page = client.get("/lapor/status/").content.decode()
    assert "2 bukti ditambahkan" in page
    assert "Pelapor menambahkan bukti" in page


def test_evidence_cannot_be_added_without_the_receipt(
    client: Client, regions: Any, gps_photo: bytes
) -> None:
    response = client.post("/lapor/status/bukti/", {"links": "https://contoh.id/a"})
    assert response.status_code == 302
    assert response["Location"] == "/lapor/status/masuk/"
    assert Evidence.objects.count() == 0


def test_added_files_stay_within_the_per_report_limit(
    client: Client, regions: Any, gps_photo: bytes, submit: Any, settings: Any
) -> None:
    settings.INTAKE_MAX_FILES = 1
    filed = submit(files=[upload("A.jpg", gps_photo)]).json()
    client.post("/lapor/status/masuk/", {"receipt": filed["receipt"], "secret": filed["secret"]})
    client.post("/lapor/status/bukti/", {"files": [upload("B.jpg", gps_photo)]})
    assert Evidence.objects.filter(kind=EvidenceKind.FILE).count() == 1
    assert "batas jumlah berkas" in client.get("/lapor/status/").content.decode()
