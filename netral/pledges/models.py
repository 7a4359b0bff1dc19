"""Pledge events (an agency's officials sign the neutrality pledge or integrity pact) and
the signatures of each employee, matched to the roster by NIP."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PledgeEvent(models.Model):
    agency = models.ForeignKey(
        "org.Agency",
        on_delete=models.PROTECT,
        related_name="pledge_events",
        verbose_name=_("instansi"),
    )
    cycle = models.CharField(_("pemilihan"), max_length=20)  # rules catalogue cycle id
    held_on = models.DateField(_("tanggal"))
    # Position categories (org.PositionCategory) the event was for: the echelons covered.
    echelons = models.JSONField(_("jenjang jabatan"), default=list)
    note = models.CharField(_("keterangan"), max_length=300, blank=True)
    document_sha256 = models.CharField(max_length=64, blank=True)
    document_name = models.CharField(max_length=200, blank=True)
    document_type = models.CharField(max_length=80, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("acara ikrar")
        verbose_name_plural = _("acara ikrar")
        indexes = [models.Index(fields=["cycle", "agency"])]

    def __str__(self) -> str:
        return f"{self.agency} · {self.held_on:%Y-%m-%d}"


class PledgeSignature(models.Model):
    # The unique (event, employee) index serves lookups by event.
    event = models.ForeignKey(
        PledgeEvent, on_delete=models.CASCADE, related_name="signatures", db_index=False
    )
    employee = models.ForeignKey(
        "org.Employee", on_delete=models.PROTECT, related_name="+", db_index=False
    )
    # The employee's position category when the signature was imported: the echelon
    # the signature counts for, even if the roster changes later.
    category = models.CharField(max_length=13)
    signed_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "employee"], name="one_signature_per_event"),
        ]
        # The coverage count per event and echelon reads this index alone (an index-only
        # scan), not one heap page per signature (selectors.coverage_of).
        indexes = [models.Index(fields=["event", "category", "employee"])]

    def __str__(self) -> str:
        return f"{self.event_id}:{self.employee_id}"


class PledgeReminder(models.Model):
    """A reminder sent about a region's agencies without a pledge; once per cycle."""

    cycle = models.CharField(max_length=20)
    region = models.ForeignKey("org.Region", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField()
    agencies = models.PositiveIntegerField()
    recipients = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cycle", "region"], name="one_reminder_per_region"),
        ]

    def __str__(self) -> str:
        return f"{self.cycle} {self.region_id}"
