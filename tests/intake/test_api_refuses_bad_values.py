from __future__ import annotations

import pytest
from django.test import Client

from netral.intake.models import Report
from tests.intake.conftest import API, report_fields, upload
from tests.security.media_samples import plain_image, png_declaring

FUTURE = "2999-01-01"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("text", "terlalu pendek"),
        ("text", "x" * 10_001),
        ("text", "Camat memasang baliho calon di depan kantor\x00 kecamatan pagi ini."),
        ("occurred_on", "kemarin sore"),
        ("occurred_on", FUTURE),
        ("region_code", "99.99"),
        ("election", "PILKADES"),
        ("subject_name", "n" * 201),
        ("subject_nip", "1975-01-02"),
        ("subject_nip", "12345"),
        ("links", "javascript:alert(1)"),
        ("links", "ftp://contoh.id/berkas"),
        ("identity", "rahasia-sekali"),
        ("identity", ""),
        ("reporter_name", ""),
        ("reporter_contact", ""),
    ],
)
def test_each_bad_field_value_is_refused_with_the_field_named(submit, field, value):
    response = submit(**{field: value})
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["code"] == "invalid"
    assert field in body["detail"]
    assert Report.objects.count() == 0


def test_too_many_links_are_refused(submit):
    links = "\n".join(f"https://contoh.id/{n}" for n in range(11))
    response = submit(links=links)
    assert response.status_code == 422
    assert "links" in response.json()["detail"]


def _multipart(fields: dict[str, bytes]) -> tuple[bytes, str]:
    boundary = "netralbatas"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
        + value
        + b"\r\n"
        for name, value in fields.items()
    ]
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), boundary


def test_text_that_is_not_valid_utf8_is_refused_with_a_clear_error(client: Client, regions):
    fields = {k: str(v).encode() for k, v in report_fields().items()}
    fields["text"] = b"Kepala dinas ikut kampanye calon bupati di lapangan " + b"\xff\xfe"
    body, boundary = _multipart(fields)
    response = client.post(API, data=body, content_type=f"multipart/form-data; boundary={boundary}")
    assert response.status_code == 422
    assert "UTF-8" in " ".join(response.json()["detail"]["text"])


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("foto.jpg", b"<html><body>bukan foto</body></html>", "type_not_allowed"),
        ("foto.jpg", b"GIF89a" + b"\x00" * 40, "type_not_allowed"),
        ("bom.png", png_declaring(60_000, 60_000), "too_many_pixels"),
        ("bom-kecil.png", png_declaring(9_000, 9_000), "too_many_pixels"),
        ("rusak.pdf", b"%PDF-1.7\n garbage without any objects", "unreadable"),
        ("kosong.jpg", b"", "empty"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_filed(submit, name, data, reason):
    response = submit(files=[upload(name, data)])
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["code"] == "invalid_file"
    assert body["detail"] == {"files": reason}
    assert body["message"]
    assert Report.objects.count() == 0


def test_a_file_over_the_per_file_limit_is_refused(submit, settings):
    settings.INTAKE_MAX_FILE_BYTES = 1000
    response = submit(files=[upload("besar.png", plain_image("PNG", (200, 200)) + b"\0" * 1000)])
    assert response.status_code == 422
    assert response.json()["detail"] == {"files": "too_large"}


def test_more_files_than_allowed_are_refused(submit, settings):
    settings.INTAKE_MAX_FILES = 2
    files = [upload(f"f{n}.png", plain_image("PNG")) for n in range(3)]
    response = submit(files=files)
    assert response.json()["detail"] == {"files": "too_many_files"}


def test_files_over_the_per_report_total_are_refused(submit, settings):
    photo = plain_image("PNG", (64, 64))
    settings.INTAKE_MAX_REPORT_BYTES = len(photo) * 2 - 1
    settings.INTAKE_MAX_FILE_BYTES = len(photo)
    response = submit(files=[upload("a.png", photo), upload("b.png", photo)])
    # The upload handler stops reading past the per-report total, before the view's check.
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"
    assert not Report.objects.exists()


def test_a_body_far_over_the_limit_is_refused_before_it_is_read(client: Client, settings, regions):
    settings.INTAKE_MAX_REPORT_BYTES = 10
    data = report_fields() | {"files": [upload("a.png", plain_image("PNG", (300, 300)))]}
    settings_slack = 1024 * 1024
    data["text"] = data["text"] + " " + "panjang " * (settings_slack // 8)
    response = client.post(API, data=data)
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"


def test_script_tags_are_stored_as_given(submit):
    text = "<script>alert('x')</script> Lurah membagikan stiker calon kepada warga di balai desa."
    receipt = submit(text=text).json()["receipt"]
    assert Report.objects.get(receipt=receipt).text == text


def test_submissions_beyond_the_rate_limit_are_refused_without_storing_the_address(
    submit, settings
):
    from netral.intake.models import ClientHit

    settings.INTAKE_SUBMISSIONS_PER_WINDOW = 2
    assert submit().status_code == 201
    assert submit().status_code == 201
    response = submit()
    assert response.status_code == 429
    assert response.json()["code"] == "rate_limited"
    assert all("127.0.0.1" not in hit.key for hit in ClientHit.objects.all())
