"""Public reports, their evidence, the public timeline, messages and identity access.

Important rows change only through `services`: the status moves by appending a
`ReportEvent`; events and identity-access logs are append-only.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class IdentityMode(models.TextChoices):
    IDENTIFIED = "identified", _("Beridentitas")
    CONFIDENTIAL = "confidential", _("Rahasia")
    ANONYMOUS = "anonymous", _("Anonim")


class Election(models.TextChoices):
    PEMILU = "PEMILU", _("Pemilu (presiden, DPR, DPD, DPRD)")
    PILKADA = "PILKADA", _("Pilkada (gubernur, bupati, wali kota)")
    UNKNOWN = "UNKNOWN", _("Tidak tahu")


class ReportStatus(models.TextChoices):
    """Public stages (DESIGN section 5); the case workflow decides when each applies."""

    RECEIVED = "RECEIVED", _("Diterima")
    VERIFICATION = "VERIFICATION", _("Sedang diverifikasi")
    REVIEW = "REVIEW", _("Dikaji Bawaslu")
    EXAMINATION = "EXAMINATION", _("Diperiksa instansi")
    RECOMMENDATION = "RECOMMENDATION", _("Rekomendasi diterbitkan")
    PPK_FOLLOW_UP = "PPK_FOLLOW_UP", _("Menunggu tindak lanjut PPK")
    SANCTION_EXECUTED = "SANCTION_EXECUTED", _("Sanksi dijatuhkan")
    CLOSED = "CLOSED", _("Selesai")
    NOT_ACTIONABLE = "NOT_ACTIONABLE", _("Tidak dapat ditindaklanjuti")
    NOT_PROVEN = "NOT_PROVEN", _("Tidak terbukti")
    REFERRED = "REFERRED", _("Dilimpahkan ke instansi berwenang")
    MERGED = "MERGED", _("Digabung dengan laporan lain")


class Report(models.Model):
    receipt = models.CharField(_("nomor tanda terima"), max_length=16, unique=True)
    secret_digest = models.CharField(max_length=64)
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.RECEIVED
    )
    text = models.TextField(_("apa yang terjadi"))
    occurred_on = models.DateField(_("tanggal kejadian"), null=True, blank=True)
    region = models.ForeignKey(
        "org.Region", on_delete=models.PROTECT, null=True, blank=True, related_name="reports"
    )
    place = models.CharField(_("tempat"), max_length=200, blank=True)
    election = models.CharField(
        _("pemilihan"), max_length=10, choices=Election.choices, default=Election.UNKNOWN
    )
    subject_name = models.CharField(_("nama terlapor"), max_length=200, blank=True)
    subject_position = models.CharField(_("jabatan terlapor"), max_length=200, blank=True)
    subject_agency = models.CharField(_("instansi terlapor"), max_length=200, blank=True)
    subject_nip = models.CharField(_("NIP terlapor"), max_length=18, blank=True)
    identity_mode = models.CharField(
        _("pilihan identitas"), max_length=12, choices=IdentityMode.choices
    )
    # Fernet tokens (netral.security.crypto.FieldCipher); never the plain text.
    reporter_name_encrypted = models.TextField(blank=True)
    reporter_contact_encrypted = models.TextField(blank=True)
    suggested_codes = models.JSONField(default=list, blank=True)
    triage = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("diterima"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("laporan")
        verbose_name_plural = _("laporan")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(identity_mode="anonymous")
                | (models.Q(reporter_name_encrypted="") & models.Q(reporter_contact_encrypted="")),
                name="anonymous_report_stores_no_identity",
            ),
        ]

    def __str__(self) -> str:
        return self.receipt


class EvidenceKind(models.TextChoices):
    FILE = "FILE", _("Berkas")
    LINK = "LINK", _("Tautan")


class Evidence(models.Model):
    """A file (original kept byte-for-byte, addressed by sha256) or a link."""

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="evidence")
    kind = models.CharField(max_length=4, choices=EvidenceKind.choices)
    url = models.URLField(max_length=2000, blank=True)
    media_type = models.CharField(max_length=40, blank=True)
    sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    cleaned_sha256 = models.CharField(max_length=64, blank=True)
    cleaned_media_type = models.CharField(max_length=40, blank=True)
    cleaned_size = models.PositiveBigIntegerField(null=True, blank=True)
    # [{"kind": "gps", "identifying": true}, ...] as found in the original.
    findings = models.JSONField(default=list, blank=True)
    notes = models.JSONField(default=list, blank=True)
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["report", "pk"]
        verbose_name = _("bukti")
        verbose_name_plural = _("bukti")

    def __str__(self) -> str:
        return self.url or self.sha256


class AppendOnly(models.Model):
    """Rows that are written once and never changed or deleted."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError(f"{type(self).__name__} is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError(f"{type(self).__name__} is append-only")


class EventKind(models.TextChoices):
    RECEIVED = "RECEIVED", _("Laporan diterima")
    STATUS = "STATUS", _("Status berubah")
    NOTE = "NOTE", _("Catatan")


class ReportEvent(AppendOnly):
    """The report's timeline, hash-chained per report. `public` ones the reporter sees."""

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="events")
    seq = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=EventKind.choices)
    status = models.CharField(max_length=20, choices=ReportStatus.choices)
    public = models.BooleanField(default=True)
    note = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    previous_digest = models.CharField(max_length=64, blank=True)
    digest = models.CharField(max_length=64)

    class Meta:
        ordering = ["report", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["report", "seq"], name="report_event_seq_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.report_id} #{self.seq} {self.kind}"


class Sender(models.TextChoices):
    REPORTER = "REPORTER", _("Pelapor")
    OFFICER = "OFFICER", _("Petugas")


class Message(AppendOnly):
    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="messages")
    sender = models.CharField(max_length=8, choices=Sender.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["report", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.report_id} {self.sender} {self.created_at:%Y-%m-%d}"


class AccessStatus(models.TextChoices):
    PENDING = "PENDING", _("Menunggu keputusan")
    APPROVED = "APPROVED", _("Disetujui")
    REFUSED = "REFUSED", _("Ditolak")


class IdentityAccessRequest(models.Model):
    """A verifier's request to see a confidential reporter's identity, decided by a custodian."""

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="access_requests")
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("alasan"))
    status = models.CharField(
        max_length=8, choices=AccessStatus.choices, default=AccessStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decision_note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "requester"],
                condition=models.Q(status="PENDING"),
                name="one_pending_identity_request",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report_id} {self.requester_id} {self.status}"


class IdentityAccessLog(AppendOnly):
    """Every time a reporter's identity, or an original evidence file, was given to someone.

    `evidence` empty: the name and contact were shown; set: that file's original (with its
    metadata) was downloaded.
    """

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    access_request = models.ForeignKey(
        IdentityAccessRequest, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    evidence = models.ForeignKey(
        Evidence, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.report_id} {self.user_id} {self.created_at:%Y-%m-%d %H:%M}"


class ReportDraft(models.Model):
    """A form awaiting confirmation after the preview; payload encrypted, token hashed."""

    token_digest = models.CharField(max_length=64, unique=True)
    payload_encrypted = models.TextField()
    expires_at = models.DateTimeField(db_index=True)
    # Names the staging directory of the previewed files (random; the key to decrypt
    # them is inside the encrypted payload, so the files die with the draft).
    staging_id = models.CharField(max_length=32, blank=True, db_index=True)

    def __str__(self) -> str:
        return self.token_digest[:8]


class ClientHit(models.Model):
    """One counted request, keyed by a per-window HMAC; never a client address."""

    key = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return self.key[:8]


class ThrottleSalt(models.Model):
    """The random salt of one rate-limit window; deleted once the window is over."""

    scope = models.CharField(max_length=20)
    number = models.BigIntegerField()
    salt = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "number"], name="one_salt_per_window"),
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.number}"
