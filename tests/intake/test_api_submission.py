from __future__ import annotations

import hashlib
import json
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.db import connection
from PIL import Image

from netral.intake.models import Evidence, IdentityMode, Report, ReportEvent
from netral.security.crypto import luhn_valid
from tests.intake.conftest import API, upload
from tests.security.media_samples import pdf_with_author


def _stored(sha256: str, kind: str) -> Path:
    return Path(settings.EVIDENCE_ROOT) / kind / sha256[:2] / sha256[2:4] / sha256


def test_a_report_with_a_photo_gets_a_receipt_a_secret_and_suggestions(submit, gps_photo):
    response = submit(files=[upload("IMG_0001.jpg", gps_photo)])
    assert response.status_code == 201, response.content
    body = response.json()
    assert len(body["receipt"]) == 16
    assert luhn_valid(body["receipt"])
    assert len(body["secret"].replace("-", "")) == 20
    assert "FOTO_SIMBOL" in body["suggested_codes"]
    labels = {s["code"]: s["label"] for s in body["suggestions"]}
    assert labels["FOTO_SIMBOL"] != "FOTO_SIMBOL"  # an Indonesian label, not the bare code


def test_only_a_hash_of_the_secret_is_stored(submit):
    body = submit().json()
    report = Report.objects.get(receipt=body["receipt"])
    assert report.secret_digest != body["secret"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM intake_report WHERE id = %s", [report.pk])
        row = json.dumps(cursor.fetchone(), default=str)
    assert body["secret"] not in row
    assert body["secret"].replace("-", "") not in row


def test_the_reporters_identity_is_encrypted_at_rest(submit):
    body = submit(reporter_name="Rina Wulandari", reporter_contact="0812-1111-2222").json()
    report = Report.objects.get(receipt=body["receipt"])
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM intake_report WHERE id = %s", [report.pk])
        row = json.dumps(cursor.fetchone(), default=str)
    assert "Rina" not in row
    assert "0812" not in row
    assert report.reporter_name_encrypted


def test_an_anonymous_report_stores_nothing_identifying_even_if_a_name_is_sent(submit):
    body = submit(identity="anonymous", reporter_name="Rina", reporter_contact="rina@x.id").json()
    report = Report.objects.get(receipt=body["receipt"])
    assert report.identity_mode == IdentityMode.ANONYMOUS
    assert report.reporter_name_encrypted == ""
    assert report.reporter_contact_encrypted == ""


def test_the_original_is_kept_byte_for_byte_and_the_clean_copy_has_no_exif(submit, gps_photo):
    receipt = submit(files=[upload("bukti.jpg", gps_photo)]).json()["receipt"]
    evidence = Evidence.objects.get(report__receipt=receipt, kind="FILE")
    original = _stored(evidence.sha256, "original").read_bytes()
    assert original == gps_photo
    assert evidence.sha256 == hashlib.sha256(gps_photo).hexdigest()
    assert evidence.size == len(gps_photo)
    assert evidence.received_at is not None
    cleaned = _stored(evidence.cleaned_sha256, "cleaned").read_bytes()
    assert dict(Image.open(BytesIO(cleaned)).getexif()) == {}
    assert {f["kind"] for f in evidence.findings if f["identifying"]} >= {"gps", "camera_serial"}


def test_links_and_pdfs_become_evidence_and_the_pdf_author_is_stripped(submit):
    pdf = pdf_with_author("Siti Pelapor")
    files = [upload("undangan.pdf", pdf, "application/pdf")]
    receipt = submit(files=files, links="https://facebook.com/asep.camat/posts/1").json()["receipt"]
    kinds = sorted(Evidence.objects.filter(report__receipt=receipt).values_list("kind", flat=True))
    assert kinds == ["FILE", "LINK"]
    item = Evidence.objects.get(report__receipt=receipt, kind="FILE")
    assert b"Siti Pelapor" not in _stored(item.cleaned_sha256, "cleaned").read_bytes()
    assert b"Siti Pelapor" in _stored(item.sha256, "original").read_bytes()


def test_submission_opens_the_public_timeline_with_received(submit):
    receipt = submit().json()["receipt"]
    events = list(ReportEvent.objects.filter(report__receipt=receipt))
    assert [(e.seq, e.kind, e.status, e.public) for e in events] == [
        (1, "RECEIVED", "RECEIVED", True)
    ]


def test_a_report_is_filed_even_when_triage_is_unavailable(submit, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "netral.triage", None)  # as if the module were missing
    response = submit()
    assert response.status_code == 201
    assert response.json()["suggested_codes"] == []


def test_the_api_is_described_in_openapi_with_multipart_files(client):
    schema = client.get("/api/v1/openapi.json").json()
    post = schema["paths"][API]["post"]
    form = post["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert {"text", "identity", "files", "links", "region_code"} <= set(form["properties"])
    assert "/api/v1/reports/{receipt}/messages" in schema["paths"]
