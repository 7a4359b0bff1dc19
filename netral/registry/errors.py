"""Refusals of registry writes, mapped by the API to `{"code", "message", "detail"}`."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from netral.api.errors import ApiError, Conflict, Forbidden, NotFound

__all__ = ["Conflict", "Duplicate", "Forbidden", "Invalid", "NotFound", "Unreadable"]


class Invalid(ApiError):
    status = 400
    code = "invalid"
    message = _("Data instrumen tidak valid.")


class Unreadable(ApiError):
    status = 422
    code = "unreadable"
    message = _("Berkas tidak dapat dibaca sebagai dokumen.")


class Duplicate(ApiError):
    """Another published instrument has the same number and issuer (`detail["id"]`)."""

    status = 409
    code = "duplicate"
    message = _(
        "Instrumen dengan nomor dan penerbit yang sama sudah terbit. Jika ini versi baru, "
        "pilih instrumen yang digantikannya."
    )


class WrongState(ApiError):
    status = 409
    code = "wrong_state"
    message = _("Tindakan ini tidak dapat dilakukan pada status instrumen saat ini.")
