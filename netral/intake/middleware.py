"""Refuse oversized report bodies before anything reads them.

Django's CSRF middleware reads `request.POST` (the whole multipart body, spooled to disk)
before any view runs, so the size check must come earlier: this middleware, placed before
`CsrfViewMiddleware`, answers 413 for the intake upload endpoints when `Content-Length`
is over the limit, and otherwise installs `ReportSizeUploadHandler`, which stops reading
once the files pass the per-report limit (a body with a false or no `Content-Length`).
Views then check `body_was_refused`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve

from netral.api.errors import error_body
from netral.intake import conf

REFUSED = "netral.intake.body_refused"
# (namespace, url name) of the endpoints that take report uploads.
_WEB_FORM = ("intake", "form")
_API_CREATE = ("api", "report_create")


def _endpoint(request: HttpRequest) -> tuple[str, str] | None:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    key = (match.namespace, match.url_name or "")
    return key if key in {_WEB_FORM, _API_CREATE} else None


def too_large_response(request: HttpRequest, *, api: bool) -> HttpResponse:
    limit = conf.body_limit()
    if api:
        body = error_body("too_large", "Permintaan terlalu besar.", {"limit": limit})
        return JsonResponse(body, status=413)
    context = {"limit_mb": conf.get("INTAKE_MAX_REPORT_BYTES") // (1024 * 1024)}
    return render(request, "intake/too_large.html", context, status=413)


class ReportSizeUploadHandler(FileUploadHandler):
    """Counts file bytes as they arrive and stops the upload past the per-report limit."""

    def __init__(self, request: HttpRequest, limit: int) -> None:
        super().__init__(request)
        self.limit = limit
        self.total = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.total += len(raw_data)
        if self.total > self.limit:
            assert self.request is not None  # noqa: S101 - set by the constructor
            self.request.META[REFUSED] = True
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler builds the file


def body_was_refused(request: HttpRequest) -> bool:
    """After reading POST: did the upload handler stop an oversized body?"""
    request.POST  # noqa: B018 - parse now, so the handler has seen every byte
    return bool(request.META.get(REFUSED))


def declared_too_large(request: HttpRequest) -> bool:
    return int(request.META.get("CONTENT_LENGTH") or 0) > conf.body_limit()


def body_too_large(request: HttpRequest) -> bool:
    """For views: the second line behind the middleware (declared length, then the read)."""
    return declared_too_large(request) or body_was_refused(request)


class IntakeBodyLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> Any:
        endpoint = _endpoint(request) if request.method == "POST" else None
        if endpoint is not None:
            if declared_too_large(request):
                return too_large_response(request, api=endpoint == _API_CREATE)
            handler = ReportSizeUploadHandler(request, conf.get("INTAKE_MAX_REPORT_BYTES"))
            request.upload_handlers.insert(0, handler)
        return self.get_response(request)
