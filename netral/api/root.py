from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import (
    RequestDataTooBig,
    SuspiciousOperation,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.http import Http404, HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.openapi.schema import OpenAPISchema

from netral.api.docs import StaffSwagger
from netral.api.errors import code_for, error_body, status_for
from netral.api.openapi import document_errors
from netral.api.parser import RefusingParser
from netral.errors import DomainError

logger = logging.getLogger("netral.api")


class NetralAPI(NinjaAPI):
    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        document_errors(schema)
        return schema


api = NetralAPI(
    title="Netral API",
    version="1",
    description=(
        "Pelaporan dan penanganan pelanggaran netralitas ASN. Every error answers "
        '`{"code", "message", "detail"}`; the codes are listed in docs/api.md.'
    ),
    urls_namespace="api",
    parser=RefusingParser(),
    docs=StaffSwagger(),
)


def field_errors(errors: list[dict[str, Any]]) -> dict[str, list[str]]:
    """pydantic's errors as the forms give them: each field's name and its messages."""
    fields: dict[str, list[str]] = {}
    for error in errors:
        names = [str(part) for part in error.get("loc", ()) if not isinstance(part, int)]
        fields.setdefault(names[-1] if names else "body", []).append(str(error.get("msg", "")))
    return fields


def _answer(
    request: HttpRequest, code: str, message: Any = None, detail: Any = None
) -> HttpResponse:
    return api.create_response(request, error_body(code, message, detail), status=status_for(code))


@api.exception_handler(DomainError)
def _domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return _answer(request, exc.code, exc.message, exc.detail)


@api.exception_handler(ValidationError)
def _validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return _answer(request, "invalid", detail=field_errors(exc.errors))


@api.exception_handler(AuthenticationError)
def _auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _answer(request, "unauthenticated")


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    # ninja wraps whatever went wrong reading the body in a 400; say what it was.
    cause = exc.__cause__
    if isinstance(cause, DomainError):
        return _domain_error(request, cause)
    if isinstance(cause, RequestDataTooBig):
        return _answer(request, "too_large")
    return _answer(request, code_for(exc.status_code))


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _answer(request, "not_found")


@api.exception_handler(RequestDataTooBig)
def _too_large(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    return _answer(request, "too_large")


@api.exception_handler(SuspiciousOperation)
def _suspicious(request: HttpRequest, exc: SuspiciousOperation) -> HttpResponse:
    too_many = isinstance(exc, TooManyFieldsSent | TooManyFilesSent)
    return _answer(request, "too_large" if too_many else "malformed")


@api.exception_handler(MultiPartParserError)
def _bad_multipart(request: HttpRequest, exc: MultiPartParserError) -> HttpResponse:
    return _answer(request, "malformed")


@api.exception_handler(Exception)
def _server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    # The operation's name, not the path: report paths carry receipt numbers.
    operation = getattr(request.resolver_match, "url_name", None)
    logger.exception("API request failed: %s %s", request.method, operation)
    return _answer(request, "server_error")


def _register_routers() -> None:
    # Imported here so each app's router module can import `api` helpers freely.
    from netral.cases.api import router as cases_router
    from netral.cases.token_api import router as tokens_router
    from netral.guide.api import router as guide_router
    from netral.intake.api import router as intake_router
    from netral.registry.api import router as registry_router
    from netral.stats.api import router as stats_router

    api.add_router("/reports", intake_router)
    api.add_router("/cases", cases_router)
    api.add_router("/tokens", tokens_router)
    api.add_router("/self-check", guide_router)
    api.add_router("/instruments", registry_router)
    api.add_router("/statistics", stats_router)


_register_routers()
