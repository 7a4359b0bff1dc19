"""Refusals of case writes: codes and messages; the API maps codes to statuses."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from netral.errors import Conflict, DomainError, Forbidden, Invalid, NotFound

__all__ = [
    "ConditionsFailed",
    "Conflict",
    "Forbidden",
    "Invalid",
    "NotFound",
    "TransitionRefused",
]


class TransitionRefused(DomainError):
    """The action is unknown, not allowed from the current stage, or service-only."""

    code = "transition_refused"
    message = _("Tindakan ini tidak dapat dilakukan pada tahap kasus saat ini.")


class ConditionsFailed(DomainError):
    """The action is allowed here, but its conditions do not hold (see `detail`)."""

    code = "conditions_failed"
    message = _("Syarat untuk tindakan ini belum terpenuhi.")
