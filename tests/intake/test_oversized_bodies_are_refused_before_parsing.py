"""Finding 5: oversized report bodies are refused before the CSRF middleware parses them."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadhandler import StopUpload
from django.http import multipartparser
from django.test import Client, RequestFactory, override_settings

from netral.intake.middleware import ReportSizeUploadHandler
from netral.intake.models import Report
from tests.intake.conftest import API, report_fields, upload


def test_the_body_limit_runs_before_the_csrf_check_reads_the_body() -> None:
    order = list(settings.MIDDLEWARE)
    limit = order.index("netral.intake.middleware.IntakeBodyLimitMiddleware")
    assert limit < order.index("django.middleware.csrf.CsrfViewMiddleware")


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts how often Django's multipart parser runs."""
    calls: list[int] = []
    real = multipartparser.MultiPartParser.parse

    def counting(self: Any) -> Any:
        calls.append(1)
        return real(self)

    monkeypatch.setattr(multipartparser.MultiPartParser, "parse", counting)
    return calls


def test_an_oversized_web_form_is_refused_in_indonesian_without_parsing(
    regions: Any, parses: list[int]
) -> None:
    client = Client(enforce_csrf_checks=True)
    client.get("/lapor/")
    big = b"\xff\xd8\xff" + b"\0" * (27 * 1024 * 1024)
    response = client.post(
        "/lapor/",
        {"csrfmiddlewaretoken": client.cookies["csrftoken"].value, "files": [upload("x.jpg", big)]},
    )
    assert response.status_code == 413
    assert "melebihi batas" in response.content.decode()
    assert parses == []


def test_an_oversized_api_request_is_refused_without_parsing(
    regions: Any, parses: list[int]
) -> None:
    big = b"\xff\xd8\xff" + b"\0" * (27 * 1024 * 1024)
    response = Client().post(API, {"files": [upload("x.jpg", big)]})
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"
    assert parses == []


@override_settings(INTAKE_MAX_REPORT_BYTES=100_000)
def test_files_past_the_report_limit_stop_the_upload_even_under_the_length_check(
    regions: Any,
) -> None:
    # 300 kB is below limit + slack (so Content-Length passes) but over the file budget.
    data = report_fields() | {"files": [upload("x.jpg", b"\xff\xd8\xff" + b"\0" * 300_000)]}
    response = Client().post(API, data)
    assert response.status_code == 413
    assert not Report.objects.exists()


def test_the_upload_handler_stops_a_body_without_content_length() -> None:
    request = RequestFactory().post("/lapor/")
    request.META.pop("CONTENT_LENGTH", None)
    handler = ReportSizeUploadHandler(request, limit=1000)
    handler.new_file("files", "x.jpg", "image/jpeg", None)
    assert handler.receive_data_chunk(b"a" * 600, 0) == b"a" * 600
    with pytest.raises(StopUpload):
        handler.receive_data_chunk(b"a" * 600, 600)
    assert request.META["netral.intake.body_refused"] is True
