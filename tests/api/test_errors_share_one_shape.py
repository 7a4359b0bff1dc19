"""Whatever layer refuses a request under /api/, the answer is JSON {code, message, detail}
with the status the one table gives its code."""

from __future__ import annotations

import json

import pytest
from django.test import Client, RequestFactory, override_settings

from netral.api.errors import STATUS_BY_CODE
from netral.api.middleware import csrf_failure
from netral.cases.services import errors as case_errors
from netral.errors import DomainError
from tests.api.conftest import Caller

pytestmark = pytest.mark.django_db


def _shaped(response: object, status: int, code: str) -> dict[str, object]:
    assert response.status_code == status, response.content  # type: ignore[attr-defined]
    assert response["Content-Type"].startswith("application/json")  # type: ignore[index]
    body = json.loads(response.content)  # type: ignore[attr-defined]
    assert set(body) == {"code", "message", "detail"}
    assert body["code"] == code
    assert STATUS_BY_CODE[code] == status
    return dict(body)


def _subclasses(cls: type) -> list[type]:
    return [cls, *[sub for child in cls.__subclasses__() for sub in _subclasses(child)]]


def test_every_domain_error_code_has_a_status() -> None:
    assert case_errors.TransitionRefused in _subclasses(DomainError)
    assert all(error.code in STATUS_BY_CODE for error in _subclasses(DomainError))


def test_an_unknown_api_path_is_404_in_the_shape() -> None:
    _shaped(Client().get("/api/v1/tidak-ada"), 404, "not_found")


def test_a_method_an_operation_does_not_take_is_405_and_says_which_it_does(
    caller: Caller,
) -> None:
    response = caller.client().delete("/api/v1/cases/")
    _shaped(response, 405, "method_not_allowed")
    assert "GET" in response["Allow"]


def test_unparsable_json_is_400_malformed(caller: Caller) -> None:
    response = caller.client().post(
        f"/api/v1/cases/{caller.case.pk}/transitions",
        "{tidak json",
        content_type="application/json",
    )
    _shaped(response, 400, "malformed")


def test_a_multipart_body_without_a_boundary_is_400_malformed() -> None:
    response = Client().post("/api/v1/reports", b"x", content_type="multipart/form-data")
    _shaped(response, 400, "malformed")


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_a_json_body_over_the_size_limit_is_413(caller: Caller) -> None:
    body = '{"action": "start_verification", "reason": "' + "a" * 2000 + '", "expected_version": 1}'
    response = caller.client().post(
        f"/api/v1/cases/{caller.case.pk}/transitions", body, content_type="application/json"
    )
    _shaped(response, 413, "too_large")


def test_nul_in_a_queue_filter_is_422_naming_the_filter(caller: Caller) -> None:
    body = _shaped(caller.client().get("/api/v1/cases/", {"q": "camat\x00"}), 422, "invalid")
    assert "q" in body["detail"]  # type: ignore[operator]


def test_an_offset_beyond_bigint_is_422_naming_it(caller: Caller) -> None:
    response = caller.client().get("/api/v1/cases/", {"offset": str(2**64)})
    assert "offset" in _shaped(response, 422, "invalid")["detail"]  # type: ignore[operator]


def test_a_missing_token_is_401_in_the_shape() -> None:
    _shaped(Client().get("/api/v1/cases/"), 401, "unauthenticated")


def test_a_csrf_failure_under_the_api_answers_in_the_shape_and_elsewhere_as_html() -> None:
    factory = RequestFactory()
    _shaped(csrf_failure(factory.post("/api/v1/reports"), "no cookie"), 403, "csrf_failed")
    page = csrf_failure(factory.post("/lapor/"), "no cookie")
    assert page.status_code == 403
    assert "text/html" in page["Content-Type"]
