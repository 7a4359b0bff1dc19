"""Delivery on the task queue: e-mail through Django's e-mail backend (console in the demo),
and the daily warning about deadlines at risk.

Logs name the notification and the report by id only: never an address or a receipt.
"""

from __future__ import annotations

import logging
import re
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from netral.intake.secrecy import decrypt_optional
from netral.notifications.models import EmailState, Notification

log = logging.getLogger(__name__)

# A contact is free text ("0812…" or "nama@contoh.id"): only an address that is one whole
# e-mail address gets e-mail; a phone number needs a channel Netral does not have yet.
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _address(row: Notification) -> str:
    if row.user_id is not None:
        return row.user.email if row.user else ""
    contact = decrypt_optional(row.report.reporter_contact_encrypted) if row.report else ""
    contact = contact.strip()
    return contact if EMAIL.match(contact) else ""


def _text(row: Notification) -> str:
    site = getattr(settings, "NETRAL_SITE_URL", "").rstrip("/")
    link = f"\n\n{site}{row.url}" if row.url and site else ""
    footer = (
        "\n\n-- \nNetral · pemberitahuan otomatis. Ubah pengaturan pemberitahuan di halaman "
        "Pengaturan pemberitahuan."
        if row.user_id
        else "\n\n-- \nNetral · Anda menerima surel ini karena meninggalkan kontak saat melapor."
    )
    return f"{row.body}{link}{footer}"


def send_email(notification_id: int) -> str:
    """Send one pending e-mail; idempotent (a sent one is not sent again)."""
    with transaction.atomic():
        row = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("user", "report")
            .filter(pk=notification_id)
            .first()
        )
        if row is None or row.email_state != EmailState.PENDING:
            return "skipped"
        address = _address(row)
        if not address:
            row.email_state = EmailState.NO_ADDRESS
            row.save(update_fields=["email_state"])
            log.info("notification %s: no e-mail address", row.pk)
            return row.email_state
        try:
            send_mail(
                f"[Netral] {row.title}",
                _text(row),
                settings.DEFAULT_FROM_EMAIL,
                [address],
            )
        except Exception as error:
            row.email_attempts += 1
            if row.email_attempts < settings.NETRAL_EMAIL_MAX_ATTEMPTS:
                wait = settings.NETRAL_EMAIL_RETRY_MINUTES * 2 ** (row.email_attempts - 1)
                row.email_retry_at = timezone.now() + timedelta(minutes=wait)
            else:
                row.email_state = EmailState.FAILED
                row.email_retry_at = None
            row.save(update_fields=["email_state", "email_attempts", "email_retry_at"])
            # The class only: a backend's message can quote the address.
            log.warning(
                "notification %s: e-mail failed (%s), attempt %d of %d",
                row.pk,
                type(error).__name__,
                row.email_attempts,
                settings.NETRAL_EMAIL_MAX_ATTEMPTS,
            )
            return row.email_state
        row.email_state = EmailState.SENT
        row.emailed_at = timezone.now()
        row.email_attempts += 1
        row.email_retry_at = None
        row.save(update_fields=["email_state", "emailed_at", "email_attempts", "email_retry_at"])
        log.info("notification %s: e-mail sent", row.pk)
        return row.email_state


# A pending e-mail whose task never ran (the queue was down) is sent after this long.
LOST_AFTER = timedelta(minutes=30)


def retry_emails() -> dict[str, int]:
    """Send the e-mails that are due again (a failed try) or were never tried (a lost task).
    Scheduled every few minutes; each row is sent by `send_email`, which locks it."""
    now = timezone.now()
    due = Notification.objects.filter(email_state=EmailState.PENDING).filter(
        Q(email_retry_at__lte=now) | Q(email_attempts=0, created_at__lte=now - LOST_AFTER)
    )
    outcomes: dict[str, int] = {}
    for pk in due.order_by("pk").values_list("pk", flat=True)[:500]:
        outcome = send_email(pk)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    if outcomes:
        log.info("e-mail retries: %s", outcomes)
    return outcomes


def warn_deadlines(now: str | None = None) -> dict[str, int]:
    from netral.notifications.casework import deadlines_warn

    result = deadlines_warn(now)
    log.info("deadline warnings: %s", result)
    return result
