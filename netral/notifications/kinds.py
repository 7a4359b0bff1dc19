"""What a notification can be about, who receives it, and its default channels."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    ASSIGNED = "ASSIGNED", _("Kasus ditugaskan kepada saya")
    DEADLINE_AT_RISK = "DEADLINE_AT_RISK", _("Batas waktu kasus segera berakhir")
    DEADLINE_OVERDUE = "DEADLINE_OVERDUE", _("Batas waktu kasus terlewati")
    REPORTER_MESSAGE = "REPORTER_MESSAGE", _("Pesan atau bukti baru dari pelapor")
    IDENTITY_REQUEST = "IDENTITY_REQUEST", _("Permintaan akses identitas pelapor")
    IDENTITY_DECIDED = "IDENTITY_DECIDED", _("Keputusan atas permintaan akses identitas")
    # To reporters who left a contact: no account, no preferences beyond leaving one.
    REPORT_STATUS = "REPORT_STATUS", _("Status laporan berubah")
    OFFICER_QUESTION = "OFFICER_QUESTION", _("Pesan atau pertanyaan dari petugas")


@dataclass(frozen=True)
class KindDefaults:
    in_app: bool
    email: bool
    for_reporters: bool = False


DEFAULTS: dict[str, KindDefaults] = {
    Kind.ASSIGNED: KindDefaults(in_app=True, email=True),
    Kind.DEADLINE_AT_RISK: KindDefaults(in_app=True, email=True),
    Kind.DEADLINE_OVERDUE: KindDefaults(in_app=True, email=True),
    Kind.REPORTER_MESSAGE: KindDefaults(in_app=True, email=True),
    Kind.IDENTITY_REQUEST: KindDefaults(in_app=True, email=True),
    Kind.IDENTITY_DECIDED: KindDefaults(in_app=True, email=False),
    Kind.REPORT_STATUS: KindDefaults(in_app=False, email=True, for_reporters=True),
    Kind.OFFICER_QUESTION: KindDefaults(in_app=False, email=True, for_reporters=True),
}

STAFF_KINDS = tuple(k for k in Kind if not DEFAULTS[k].for_reporters)
REPORTER_KINDS = tuple(k for k in Kind if DEFAULTS[k].for_reporters)


def label(kind: str) -> str | Promise:
    return Kind(kind).label
