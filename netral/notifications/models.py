"""Notifications: one row per message to one recipient, staff user or reporter.

A reporter has no account: the row points at the report, whose contact stays encrypted
there; only the delivery task decrypts it, and nothing here stores or logs it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netral.notifications.kinds import Kind


class EmailState(models.TextChoices):
    NONE = "NONE", _("Tidak dikirim lewat surel")
    PENDING = "PENDING", _("Menunggu dikirim")
    SENT = "SENT", _("Terkirim")
    FAILED = "FAILED", _("Gagal dikirim")
    NO_ADDRESS = "NO_ADDRESS", _("Tidak ada alamat surel")


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    # Reporter notices: the report holds the (encrypted) contact. Deleted with the report.
    report = models.ForeignKey(
        "intake.Report", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("judul"), max_length=200)
    body = models.TextField(_("isi"), blank=True)
    url = models.CharField(max_length=300, blank=True)
    # Repeated calls with the same key (per recipient) notify once, e.g. one warning per
    # case, stage and due date however often the sweep runs.
    dedupe_key = models.CharField(max_length=120, blank=True)
    in_app = models.BooleanField(default=True)
    email_state = models.CharField(
        max_length=10, choices=EmailState.choices, default=EmailState.NONE
    )
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    # A failed send is tried again later (tasks.retry_emails), a few times, then given up.
    email_attempts = models.PositiveSmallIntegerField(default=0)
    email_retry_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("pemberitahuan")
        verbose_name_plural = _("pemberitahuan")
        indexes = [
            models.Index(fields=["user", "read_at", "created_at"], name="notification_inbox"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False, report__isnull=True)
                | Q(user__isnull=True, report__isnull=False),
                name="notification_one_recipient",
            ),
            models.UniqueConstraint(
                fields=["user", "dedupe_key"],
                condition=~Q(dedupe_key="") & Q(user__isnull=False),
                name="notification_user_dedupe",
            ),
            models.UniqueConstraint(
                fields=["report", "dedupe_key"],
                condition=~Q(dedupe_key="") & Q(report__isnull=False),
                name="notification_report_dedupe",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.user_id or 'pelapor'}"


class Preference(models.Model):
    """A user's channels for one kind; no row means the kind's defaults."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    in_app = models.BooleanField(_("di aplikasi"), default=True)
    email = models.BooleanField(_("surel"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pengaturan pemberitahuan")
        verbose_name_plural = _("pengaturan pemberitahuan")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}"
