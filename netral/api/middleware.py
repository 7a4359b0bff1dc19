"""Every answer under /api/ that is an error is JSON in the one shape.

The API's own handlers shape the errors of its operations; this catches what happens
outside them: an unknown path (Django's 404 page), a method an operation does not take
(ninja's plain 405), a body Django refused while reading it, a CSRF failure, or a server
error in a middleware. Headers such as `Allow` and `Retry-After` are kept.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from django.core.exceptions import (
    RequestDataTooBig,
    SuspiciousOperation,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.views.csrf import csrf_failure as django_csrf_failure

from netral.api.errors import code_for, error_body

logger = logging.getLogger("netral.api")
API_PREFIX = "/api/"
KEPT_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate", "Vary", "Cache-Control")


def _is_json(response: HttpResponse) -> bool:
    return str(response.get("Content-Type", "")).startswith("application/json")


def error_response(code: str, status: int) -> HttpResponse:
    return HttpResponse(
        json.dumps(error_body(code)), status=status, content_type="application/json"
    )


class ApiErrorShapeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith(API_PREFIX) or response.status_code < 400:
            return response
        if _is_json(response):
            return response
        shaped = error_response(code_for(response.status_code), response.status_code)
        for header in KEPT_HEADERS:
            if header in response:
                shaped[header] = response[header]
        return shaped

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        """A view that failed outside the API's handlers (reading an oversized form)."""
        if not request.path.startswith(API_PREFIX):
            return None
        if isinstance(exception, RequestDataTooBig | TooManyFieldsSent | TooManyFilesSent):
            return error_response("too_large", 413)
        if isinstance(exception, SuspiciousOperation | MultiPartParserError):
            return error_response("malformed", 400)
        logger.error("API request failed", exc_info=exception)
        return error_response("server_error", 500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: the error shape under /api/, Django's page elsewhere."""
    if request.path.startswith(API_PREFIX):
        return error_response("csrf_failed", 403)
    return django_csrf_failure(request, reason)
