"""What each entry of a case's audit trail means, in words an officer reads.

Transitions carry their own labels in the declared machine; the other actions written to
the trail by services and the sweep are named here.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from netral.cases.machine import transition_named
from netral.cases.models import EscalationKind, FollowUpKind

SERVICE_ACTIONS: dict[str, str | Promise] = {
    "open": _("Kasus dibuka dari laporan"),
    "open_screening": _("Kasus dibuka dari temuan penyaringan media sosial"),
    "screening_post_added": _("Unggahan tersaring ditambahkan ke kasus"),
    "assign": _("Petugas ditugaskan"),
    "facts_update": _("Fakta kasus diperbarui"),
    "subject_link": _("Terlapor ditautkan ke data pegawai"),
    "subject_not_found": _("Terlapor tidak ditemukan di data pegawai"),
    "merge_in": _("Laporan dari kasus lain digabungkan"),
    "ppk_conflict_flag": _("Konflik kepentingan PPK dicatat"),
    "retention_delete": _("Laporan dan buktinya dihapus: masa retensi berakhir"),
    **{kind.lower(): label for kind, label in FollowUpKind.choices},
}
ESCALATIONS = {f"escalate_{kind.lower()}": label for kind, label in EscalationKind.choices}


def event_label(action: str) -> str:
    transition = transition_named(action)
    if transition is not None:
        return str(transition.label)
    if action in ESCALATIONS:
        return str(_("Dieskalasi: %(reason)s") % {"reason": ESCALATIONS[action]})
    return str(SERVICE_ACTIONS.get(action, action))
