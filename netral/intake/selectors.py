"""Reads. Staff see reports only inside their scope, filtered in the query itself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from netral.accounts.models import Role, User
from netral.accounts.scope import Scope, region_filter, scope_for
from netral.intake.models import (
    AccessStatus,
    IdentityAccessRequest,
    IdentityMode,
    Report,
)
from netral.security.crypto import digests_match, secret_digest

# Who works reports in this issue; the queue issue may widen it.
REPORT_READER_ROLES = (Role.VERIFIER,)
# A digest no real secret has, compared against when the receipt is unknown so both
# failures cost the same.
_DUMMY_DIGEST = "0" * 64


def report_for_receipt(*, receipt: str, secret: str) -> Report | None:
    """The report if both receipt and secret match; otherwise None, in similar time."""
    receipt = "".join(ch for ch in receipt if ch.isdigit())[:16]
    report = Report.objects.filter(receipt=receipt).first() if len(receipt) == 16 else None
    offered = secret_digest(secret)
    matches = digests_match(report.secret_digest if report else _DUMMY_DIGEST, offered)
    return report if report is not None and matches else None


def report_public_view(*, report: Report) -> dict[str, Any]:
    """What the reporter may see: status, public timeline, the message thread."""
    return {
        "receipt": report.receipt,
        "status": report.status,
        "status_label": str(report.get_status_display()),
        "created_at": report.created_at,
        "evidence_count": report.evidence.count(),
        "timeline": [
            {
                "at": event.created_at,
                "kind": event.kind,
                "status": event.status,
                "status_label": str(event.get_status_display()),
                "note": event.note,
            }
            for event in report.events.filter(public=True).order_by("seq")
        ],
        "messages": [
            {"at": m.created_at, "sender": m.sender, "body": m.body}
            for m in report.messages.order_by("created_at", "pk")
        ],
    }


def _scope_condition(scope: Scope) -> Q:
    # Reports carry a region, not an agency: agency-only scopes see nothing (deny by default).
    if scope.national:
        return Q()
    return region_filter("region", scope.region_codes)


# More staff who may read reports, registered by other apps (the case workflow lets the
# roles that decide on a report's case read it). Each returns a condition on Report, or
# None for "nothing more"; the intake itself knows nothing of cases.
StaffReader = Callable[[User], Q | None]
_extra_readers: list[StaffReader] = []


def staff_reader_register(reader: StaffReader) -> None:
    if reader not in _extra_readers:
        _extra_readers.append(reader)


def reports_for_staff(*, user: User) -> QuerySet[Report]:
    scope = scope_for(user, REPORT_READER_ROLES)
    condition = None if scope.empty else _scope_condition(scope)
    for reader in _extra_readers:
        extra = reader(user)
        if extra is not None:
            condition = extra if condition is None else condition | extra
    if condition is None:
        return Report.objects.none()
    return Report.objects.filter(condition).select_related("region")


def report_for_staff(*, user: User, pk: int) -> Report | None:
    return reports_for_staff(user=user).filter(pk=pk).first()


def _custodian_reports(user: User) -> QuerySet[Report]:
    scope = scope_for(user, (Role.IDENTITY_CUSTODIAN,))
    if scope.empty:
        return Report.objects.none()
    return Report.objects.filter(_scope_condition(scope))


def report_in_custodian_scope(*, user: User, report_id: int) -> bool:
    return _custodian_reports(user).filter(pk=report_id).exists()


def access_requests_for_custodian(*, user: User) -> QuerySet[IdentityAccessRequest]:
    return (
        IdentityAccessRequest.objects.filter(report__in=_custodian_reports(user))
        .exclude(requester=user)
        .select_related("report", "requester", "decided_by")
    )


@dataclass(frozen=True)
class Visibility:
    may_view: bool
    state: str  # visible, approved, pending, needs_request, refused, anonymous, out_of_scope
    access_request: IdentityAccessRequest | None = None


def _approval_visibility(report: Report, user: User) -> Visibility:
    """What the user's own identity-access requests for this report allow now."""
    requests = IdentityAccessRequest.objects.filter(report=report, requester=user)
    approved = requests.filter(status=AccessStatus.APPROVED, expires_at__gt=timezone.now()).first()
    if approved is not None:
        return Visibility(True, "approved", approved)
    if requests.filter(status=AccessStatus.PENDING).exists():
        return Visibility(False, "pending")
    latest = requests.order_by("-created_at").first()
    if latest is not None and latest.status == AccessStatus.REFUSED:
        return Visibility(False, "refused")
    return Visibility(False, "needs_request")


def identity_visibility(*, report: Report, user: User) -> Visibility:
    if not reports_for_staff(user=user).filter(pk=report.pk).exists():
        return Visibility(False, "out_of_scope")
    if report.identity_mode == IdentityMode.ANONYMOUS:
        return Visibility(False, "anonymous")
    if report.identity_mode == IdentityMode.IDENTIFIED:
        return Visibility(True, "visible")
    return _approval_visibility(report, user)


def original_visibility(*, report: Report, user: User) -> Visibility:
    """Original evidence files can identify the reporter (GPS, serials, owner names): for
    anonymous and confidential reports they need the same custodian approval as the name."""
    if not reports_for_staff(user=user).filter(pk=report.pk).exists():
        return Visibility(False, "out_of_scope")
    if report.identity_mode == IdentityMode.IDENTIFIED:
        return Visibility(True, "visible")
    return _approval_visibility(report, user)


def regions_for_picker() -> list[tuple[Any, list[Any]]]:
    """Provinces, each with its regencies and cities, for the two-step region picker."""
    from netral.org.models import Region, RegionLevel

    regions = list(Region.objects.only("code", "name", "level", "parent_id").order_by("code"))
    provinces = [r for r in regions if r.level == RegionLevel.PROVINCE]
    children: dict[int, list[Region]] = {}
    for region in regions:
        if region.parent_id is not None:
            children.setdefault(region.parent_id, []).append(region)
    return [(province, children.get(province.pk, [])) for province in provinces]
