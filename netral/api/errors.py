"""How domain errors become HTTP: one table from error code to status, one body shape.

Every error the API answers, whether a service refused, the input did not validate, the
body could not be read, the path or method is unknown or the server failed, has the body
`{"code": str, "message": str, "detail": any}`. The codes are listed in docs/api.md.
"""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from ninja import Schema

# The only place where an error code meets an HTTP status.
STATUS_BY_CODE: dict[str, int] = {
    "malformed": 400,  # the body is not JSON (or not the declared form)
    "unauthenticated": 401,
    "forbidden": 403,
    "csrf_failed": 403,
    "not_found": 404,
    "method_not_allowed": 405,
    "conflict": 409,
    "transition_refused": 409,
    "duplicate": 409,
    "wrong_state": 409,
    "too_large": 413,
    "invalid": 422,
    "invalid_file": 422,
    "unreadable": 422,
    "conditions_failed": 422,
    "rate_limited": 429,
    "server_error": 500,
}
# What the handful of statuses Django or ninja produce on their own are called.
CODE_BY_STATUS: dict[int, str] = {
    400: "malformed",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "invalid",
    429: "rate_limited",
}
MESSAGE_BY_CODE: dict[str, str | Promise] = {
    "malformed": _("Isi permintaan tidak dapat dibaca."),
    "unauthenticated": _("Perlu autentikasi."),
    "forbidden": _("Anda tidak berwenang melakukan ini."),
    "csrf_failed": _("Pemeriksaan CSRF gagal."),
    "not_found": _("Tidak ditemukan."),
    "method_not_allowed": _("Metode HTTP ini tidak didukung di alamat ini."),
    "too_large": _("Permintaan terlalu besar."),
    "invalid": _("Data yang dikirim tidak valid."),
    "rate_limited": _("Terlalu banyak permintaan. Coba lagi nanti."),
    "server_error": _("Terjadi kesalahan pada server."),
}


class ErrorOut(Schema):
    code: str
    message: str
    detail: Any = None


def status_for(code: str) -> int:
    """An unmapped code is a programming error; it still answers as a client error."""
    return STATUS_BY_CODE.get(code, 400)


def code_for(status: int) -> str:
    return CODE_BY_STATUS.get(status, "server_error" if status >= 500 else "invalid")


def error_body(
    code: str, message: str | Promise | None = None, detail: Any = None
) -> dict[str, Any]:
    text = message if message is not None else MESSAGE_BY_CODE.get(code, code)
    return {"code": code, "message": str(text), "detail": detail}
