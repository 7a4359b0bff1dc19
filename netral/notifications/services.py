"""`notify`: the one call other code makes to tell someone something.

It writes the notification row in the caller's transaction and, once that commits, queues
the e-mail on the task queue (django-q2), so a slow mail server never holds a request or
a lock. The preference rows decide the channels of staff notifications; a reporter who
left a contact gets e-mail only.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from netral.accounts.models import User
from netral.intake.models import IdentityMode, Report
from netral.notifications.kinds import DEFAULTS, Kind
from netral.notifications.models import EmailState, Notification, Preference

log = logging.getLogger(__name__)

Recipient = User | Report


def channels_for(user: User, kind: str) -> tuple[bool, bool]:
    """(in app, e-mail) for this user and kind: the user's choice, else the kind's default."""
    chosen = Preference.objects.filter(user=user, kind=kind).first()
    if chosen is not None:
        return chosen.in_app, chosen.email
    defaults = DEFAULTS[Kind(kind)]
    return defaults.in_app, defaults.email


def _reporter_reachable(report: Report) -> bool:
    return report.identity_mode != IdentityMode.ANONYMOUS and bool(
        report.reporter_contact_encrypted
    )


def notify(
    recipient: Recipient,
    kind: str,
    *,
    title: str,
    body: str = "",
    url: str = "",
    dedupe_key: str = "",
) -> Notification | None:
    """Record a notification for a staff user or a report's reporter, and queue its e-mail.

    Returns None when nothing is sent: every channel is off, the reporter left no contact,
    or a notification with the same `dedupe_key` already went to this recipient.
    """
    Kind(kind)  # an unknown kind is a programming error: fail loudly
    if isinstance(recipient, Report):
        if not DEFAULTS[Kind(kind)].for_reporters or not _reporter_reachable(recipient):
            return None
        in_app, email = False, True
        target: dict[str, Any] = {"report": recipient}
    else:
        if DEFAULTS[Kind(kind)].for_reporters or not recipient.is_active:
            return None
        in_app, email = channels_for(recipient, kind)
        if email and not recipient.email:
            email = False
        target = {"user": recipient}
    if not (in_app or email):
        return None
    try:
        with transaction.atomic():  # a savepoint: a duplicate undoes only this row
            row = Notification.objects.create(
                **target,
                kind=kind,
                title=title[:200],
                body=body,
                url=url[:300],
                dedupe_key=dedupe_key[:120],
                in_app=in_app,
                email_state=EmailState.PENDING if email else EmailState.NONE,
            )
    except IntegrityError:
        if not dedupe_key:
            raise
        return None
    if email:
        transaction.on_commit(lambda: _queue_email(row.pk), robust=True)
    return row


def _queue_email(notification_id: int) -> None:
    from django_q.tasks import async_task

    async_task("netral.notifications.tasks.send_email", notification_id)


def notify_many(users: list[User], kind: str, **fields: Any) -> int:
    return sum(notify(user, kind, **fields) is not None for user in users)


def inbox(user: User) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user, in_app=True)


def unread_count(user: User) -> int:
    return inbox(user).filter(read_at__isnull=True).count()


def mark_read(*, user: User, ids: list[int] | None = None) -> int:
    """Mark the user's own notifications read (all when `ids` is None)."""
    rows = inbox(user).filter(read_at__isnull=True)
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    return rows.update(read_at=timezone.now())


def preferences_save(*, user: User, chosen: dict[str, tuple[bool, bool]]) -> None:
    with transaction.atomic():
        for kind, (in_app, email) in chosen.items():
            Preference.objects.update_or_create(
                user=user, kind=Kind(kind), defaults={"in_app": in_app, "email": email}
            )
    log.info("notification preferences of user %s changed: %d kinds", user.pk, len(chosen))
