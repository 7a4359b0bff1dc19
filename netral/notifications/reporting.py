"""Intake events turned into `notify` calls: messages, status changes, identity access.

The intake calls these; this module knows nothing about cases (the intake must not depend
on them), only the report's case link through its reverse relation.
"""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from netral.accounts.models import Role, RoleAssignment, User
from netral.intake.models import IdentityAccessRequest, Message, Report, Sender
from netral.notifications.kinds import Kind
from netral.notifications.services import notify, notify_many

# Notification texts are stored as written; write them in the system's first language.
LANGUAGE = "id"


def _region_holders(role: Role, region_code: str | None) -> list[User]:
    """Active users holding `role` over the region (or nationally)."""
    covering = Q(national=True)
    if region_code:
        parts = region_code.split(".")
        covering |= Q(regions__code__in=[".".join(parts[: i + 1]) for i in range(len(parts))])
    user_ids = (
        RoleAssignment.objects.filter(role=role).filter(covering).values_list("user_id", flat=True)
    )
    return list(User.objects.filter(pk__in=user_ids, is_active=True))


def _case_assignee(report: Report) -> User | None:
    """The officer assigned to the report's case, if it has one (through the reverse link,
    so this module needs nothing from the cases app)."""
    link = getattr(report, "case_link", None)
    assignee = getattr(link.case, "assigned_to", None) if link is not None else None
    return assignee if isinstance(assignee, User) and assignee.is_active else None


def reporter_message_notify(message: Message) -> int:
    """A reporter wrote: the case's officer, else the verifiers over the report's region."""
    report = message.report
    if message.sender == Sender.OFFICER:
        with override(LANGUAGE):
            title = _("Ada pesan baru dari petugas tentang laporan Anda")
            body = _(
                "Petugas menulis pesan tentang laporan Anda. Buka halaman status laporan "
                "dengan nomor tanda terima dan kode rahasia Anda untuk membacanya dan membalas."
            )
        sent = notify(
            report,
            Kind.OFFICER_QUESTION,
            title=title,
            body=body,
            url=reverse("intake:lookup"),
            dedupe_key=f"message:{message.pk}",
        )
        return int(sent is not None)
    assignee = _case_assignee(report)
    recipients: list[User]
    if assignee is not None:
        recipients = [assignee]
    else:
        recipients = _region_holders(Role.VERIFIER, report.region.code if report.region else None)
    with override(LANGUAGE):
        title = _("Pesan baru dari pelapor")
        body = _("Pelapor mengirim pesan pada laporan #%(id)d.") % {"id": report.pk}
    return notify_many(
        recipients,
        Kind.REPORTER_MESSAGE,
        title=title,
        body=body,
        url=reverse("intake:staff-detail", args=[report.pk]),
        dedupe_key=f"message:{message.pk}",
    )


def report_status_notify(report: Report, status_label: str, seq: int) -> int:
    with override(LANGUAGE):
        title = _("Status laporan Anda berubah")
        body = _(
            "Status laporan Anda kini: %(status)s. Buka halaman status laporan dengan nomor "
            "tanda terima dan kode rahasia Anda untuk melihat rinciannya."
        ) % {"status": status_label}
    sent = notify(
        report,
        Kind.REPORT_STATUS,
        title=title,
        body=body,
        url=reverse("intake:lookup"),
        dedupe_key=f"status:{seq}",
    )
    return int(sent is not None)


def access_request_notify(access_request: IdentityAccessRequest) -> int:
    report = access_request.report
    custodians = [
        u
        for u in _region_holders(
            Role.IDENTITY_CUSTODIAN, report.region.code if report.region else None
        )
        if u.pk != access_request.requester_id
    ]
    with override(LANGUAGE):
        title = _("Permintaan akses identitas pelapor menunggu keputusan")
        body = _("Seorang petugas meminta akses identitas pelapor laporan #%(id)d.") % {
            "id": report.pk
        }
    return notify_many(
        custodians,
        Kind.IDENTITY_REQUEST,
        title=title,
        body=body,
        url=reverse("intake:custodian"),
        dedupe_key=f"access:{access_request.pk}",
    )


def access_decision_notify(access_request: IdentityAccessRequest) -> int:
    with override(LANGUAGE):
        title = _("Permintaan akses identitas Anda telah diputuskan")
        body = _("Keputusan atas permintaan Anda untuk laporan #%(id)d: %(status)s.") % {
            "id": access_request.report_id,
            "status": access_request.get_status_display(),
        }
    sent = notify(
        access_request.requester,
        Kind.IDENTITY_DECIDED,
        title=title,
        body=body,
        url=reverse("intake:staff-detail", args=[access_request.report_id]),
        dedupe_key=f"access-decided:{access_request.pk}",
    )
    return int(sent is not None)


def reporter_evidence_notify(report: Report, count: int) -> int:
    """The reporter added evidence after filing: the same people as for a message."""
    assignee = _case_assignee(report)
    recipients = (
        [assignee]
        if assignee is not None
        else _region_holders(Role.VERIFIER, report.region.code if report.region else None)
    )
    with override(LANGUAGE):
        title = _("Pelapor menambahkan bukti")
        body = _("Pelapor menambahkan %(n)d bukti pada laporan #%(id)d.") % {
            "n": count,
            "id": report.pk,
        }
    return notify_many(
        recipients,
        Kind.REPORTER_MESSAGE,
        title=title,
        body=body,
        url=reverse("intake:staff-detail", args=[report.pk]),
    )
