"""Refusals of case writes, mapped by the API to `{"code", "message", "detail"}`."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from netral.api.errors import ApiError, Conflict, Forbidden, NotFound

__all__ = [
    "ConditionsFailed",
    "Conflict",
    "Forbidden",
    "Invalid",
    "NotFound",
    "TransitionRefused",
]


class TransitionRefused(ApiError):
    """The action is unknown, not allowed from the current stage, or service-only."""

    status = 409
    code = "transition_refused"
    message = _("Tindakan ini tidak dapat dilakukan pada tahap kasus saat ini.")


class ConditionsFailed(ApiError):
    """The action is allowed here, but its conditions do not hold (see `detail`)."""

    status = 422
    code = "conditions_failed"
    message = _("Syarat untuk tindakan ini belum terpenuhi.")


class Invalid(ApiError):
    status = 400
    code = "invalid"
    message = _("Data yang dikirim tidak valid.")
