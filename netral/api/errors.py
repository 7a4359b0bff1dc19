"""Errors with a machine-readable code and a translated message."""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class ApiError(Exception):
    status = 400
    code = "bad_request"
    message: str | Promise = _("Permintaan tidak valid.")

    def __init__(
        self,
        message: str | Promise | None = None,
        *,
        code: str | None = None,
        status: int | None = None,
        detail: Any = None,
    ) -> None:
        super().__init__(str(message or self.message))
        self.message = message or self.message
        self.code = code or self.code
        self.status = status or self.status
        self.detail = detail


class NotFound(ApiError):
    status = 404
    code = "not_found"
    message = _("Tidak ditemukan.")


class Conflict(ApiError):
    status = 409
    code = "conflict"
    message = _("Data telah diubah oleh orang lain. Muat ulang lalu coba lagi.")


class Forbidden(ApiError):
    status = 403
    code = "forbidden"
    message = _("Anda tidak berwenang melakukan ini.")


class RateLimited(ApiError):
    status = 429
    code = "rate_limited"
    message = _("Terlalu banyak permintaan. Coba lagi nanti.")


def error_body(code: str, message: str | Promise, detail: Any = None) -> dict[str, Any]:
    return {"code": code, "message": str(message), "detail": detail}
