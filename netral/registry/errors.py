"""Refusals of registry writes, mapped by the API to `{"code", "message", "detail"}`."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from netral.errors import Conflict, DomainError, Forbidden, NotFound

__all__ = ["Conflict", "Duplicate", "Forbidden", "Invalid", "NotFound", "Unreadable"]


class Invalid(DomainError):
    code = "invalid"
    message = _("Data instrumen tidak valid.")


class Unreadable(DomainError):
    code = "unreadable"
    message = _("Berkas tidak dapat dibaca sebagai dokumen.")


class Duplicate(DomainError):
    """Another published instrument has the same number and issuer (`detail["id"]`)."""

    code = "duplicate"
    message = _(
        "Instrumen dengan nomor dan penerbit yang sama sudah terbit. Jika ini versi baru, "
        "pilih instrumen yang digantikannya."
    )


class WrongState(DomainError):
    code = "wrong_state"
    message = _("Tindakan ini tidak dapat dilakukan pada status instrumen saat ini.")
