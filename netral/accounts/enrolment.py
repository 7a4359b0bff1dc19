"""TOTP enrolment by a one-time link an administrator issues (README, "Verifikasi dua langkah").

A password alone never enrols a device: a staff member without one needs a link issued for
their account by a superuser or an administrator. The link's secret is shown once; only its
sha256 is stored. It expires after NETRAL_ENROLMENT_LINK_HOURS, works once (it is spent by
the enrolment it allows) and only for the user it names, who must also sign in with the
password. Issuing a link replaces the user's unused ones. Issuing and using are audited on
the accounts chain.
"""

from __future__ import annotations

import datetime
import secrets
from enum import StrEnum

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from netral.accounts.models import EnrolmentLink, Role, User
from netral.audit import AuditAction, Chain, record
from netral.cases.auth import token_digest
from netral.errors import Forbidden, Invalid


class LinkState(StrEnum):
    VALID = "valid"
    UNKNOWN = "unknown"  # no such link, or one issued for another account
    USED = "used"
    EXPIRED = "expired"


class Enrolment(StrEnum):
    DONE = "done"
    TAKEN = "taken"  # another session enrolled a device first
    NO_LINK = "no_link"  # the link was spent, replaced or expired meanwhile


def may_issue_enrolment_links(actor: object) -> bool:
    """Superusers and holders of the administrator role (who manage users)."""
    if not isinstance(actor, User) or not actor.is_active:
        return False
    return actor.is_superuser or actor.role_assignments.filter(role=Role.ADMINISTRATOR).exists()


def enrolment_link_path(token: str) -> str:
    return reverse("accounts:enrol", args=[token])


def enrolment_link_url(token: str) -> str:
    """The full address when NETRAL_SITE_URL is set, else the path."""
    return settings.NETRAL_SITE_URL.rstrip("/") + enrolment_link_path(token)


def enrolment_link_issue(*, user: User, actor: User | None) -> tuple[EnrolmentLink, str]:
    """A new link for `user`; the secret is returned once. `actor` None: the command line."""
    if actor is not None and not may_issue_enrolment_links(actor):
        raise Forbidden(_("Hanya administrator yang dapat menerbitkan tautan pendaftaran."))
    if not user.is_active:
        raise Invalid(_("Akun ini tidak aktif."))
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        replaced, _by_model = EnrolmentLink.objects.filter(user=user, used_at__isnull=True).delete()
        link = EnrolmentLink.objects.create(
            user=user,
            digest=token_digest(token),
            created_by=actor,
            created_at=now,
            expires_at=now + datetime.timedelta(hours=settings.NETRAL_ENROLMENT_LINK_HOURS),
        )
        record(
            Chain.ACCOUNTS,
            AuditAction.ENROLMENT_LINK_ISSUE,
            actor,
            f"user:{user.pk}",
            {"link": link.pk, "expires_at": link.expires_at, "replaced": replaced},
        )
    return link, token


def _state(link: EnrolmentLink | None, user: User, now: datetime.datetime) -> LinkState:
    if link is None or link.user_id != user.pk:
        return LinkState.UNKNOWN
    if link.used_at is not None:
        return LinkState.USED
    if link.expires_at <= now:
        return LinkState.EXPIRED
    return LinkState.VALID


def enrolment_link_find(*, token: str, user: User) -> tuple[LinkState, EnrolmentLink | None]:
    """What a link the user opened is worth (reads only)."""
    link = EnrolmentLink.objects.filter(digest=token_digest(token)).first()
    state = _state(link, user, timezone.now())
    return state, link if state is LinkState.VALID else None


def enrolment_link_valid(*, link_id: int | None, user: User) -> bool:
    """Whether the link remembered in the session still allows `user` to enrol (reads only)."""
    if link_id is None:
        return False
    link = EnrolmentLink.objects.filter(pk=link_id).first()
    return _state(link, user, timezone.now()) is LinkState.VALID


def has_totp_device(user: User) -> bool:
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


@transaction.atomic
def totp_enrol(*, user: User, candidate: TOTPDevice, link_id: int | None) -> Enrolment:
    """Save the confirmed device and spend the link, unless another session enrolled first
    or the link is no longer valid (both checked under locks)."""
    User.objects.select_for_update().get(pk=user.pk)
    if has_totp_device(user):
        return Enrolment.TAKEN
    if link_id is None:
        return Enrolment.NO_LINK
    link = EnrolmentLink.objects.select_for_update().filter(pk=link_id).first()
    if link is None or _state(link, user, timezone.now()) is not LinkState.VALID:
        return Enrolment.NO_LINK
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    candidate.save()
    link.used_at = timezone.now()
    link.save(update_fields=["used_at"])
    subject = f"user:{user.pk}"
    record(Chain.ACCOUNTS, AuditAction.ENROLMENT_LINK_USE, user, subject, {"link": link.pk})
    record(Chain.ACCOUNTS, AuditAction.TOTP_ENROL, user, subject, {"device": candidate.pk})
    return Enrolment.DONE
