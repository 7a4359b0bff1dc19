"""Domain errors: a machine-readable code and a translated message, never an HTTP status.

Services and selectors raise these; the web views show the message, and the API maps the
code to a status in one place (`netral.api.errors.STATUS_BY_CODE`).
"""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    code = "invalid"
    message: str | Promise = _("Data yang dikirim tidak valid.")

    def __init__(
        self,
        message: str | Promise | None = None,
        *,
        code: str | None = None,
        detail: Any = None,
    ) -> None:
        super().__init__(str(message or self.message))
        self.message = message or self.message
        self.code = code or self.code
        self.detail = detail


class Invalid(DomainError):
    code = "invalid"
    message = _("Data yang dikirim tidak valid.")


class NotFound(DomainError):
    code = "not_found"
    message = _("Tidak ditemukan.")


class Conflict(DomainError):
    code = "conflict"
    message = _("Data telah diubah oleh orang lain. Muat ulang lalu coba lagi.")


class Forbidden(DomainError):
    code = "forbidden"
    message = _("Anda tidak berwenang melakukan ini.")


class RateLimited(DomainError):
    code = "rate_limited"
    message = _("Terlalu banyak permintaan. Coba lagi nanti.")
