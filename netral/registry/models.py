"""Published neutrality instruments (circulars, instructions, decrees, pledges) and the
election cycles each one covers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class InstrumentType(models.TextChoices):
    # The documents core's type codes (netral/documents/data/instrument_types.yaml).
    SE = "SE", _("Surat edaran")
    INSTRUKSI = "INSTRUKSI", _("Instruksi")
    KEPUTUSAN = "KEPUTUSAN", _("Keputusan")
    SKB = "SKB", _("Keputusan bersama (SKB)")
    PERATURAN = "PERATURAN", _("Peraturan")
    SURAT = "SURAT", _("Surat")
    MAKLUMAT = "MAKLUMAT", _("Maklumat")
    PAKTA_INTEGRITAS = "PAKTA_INTEGRITAS", _("Pakta integritas")
    IKRAR = "IKRAR", _("Ikrar")
    OTHER = "OTHER", _("Lainnya")


class Status(models.TextChoices):
    DRAFT = "DRAFT", _("Draf")
    PUBLISHED = "PUBLISHED", _("Terbit")
    SUPERSEDED = "SUPERSEDED", _("Diganti versi baru")
    WITHDRAWN = "WITHDRAWN", _("Dicabut")


class Source(models.TextChoices):
    FILE = "FILE", _("Berkas")
    TEXT = "TEXT", _("Teks")
    URL = "URL", _("Teks dari alamat web")


class Instrument(models.Model):
    """One instrument as its issuer wrote it; a draft until a staff member publishes it.

    Only service functions (netral.registry.services) change it: each write is one
    transaction with its audit event.
    """

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    type = models.CharField(
        _("jenis"), max_length=16, choices=InstrumentType.choices, default=InstrumentType.SE
    )
    type_as_written = models.CharField(_("jenis seperti tertulis"), max_length=80, blank=True)
    number = models.CharField(_("nomor seperti tertulis"), max_length=300, blank=True)
    # What spellings of one number share (netral.documents.numbers.number_key).
    number_key = models.CharField(max_length=300, blank=True)
    title = models.CharField(_("perihal"), max_length=300, blank=True)
    date = models.DateField(_("tanggal"), null=True, blank=True)
    issuer = models.CharField(_("penerbit"), max_length=200, blank=True)
    issuer_key = models.CharField(max_length=200, blank=True)
    # Null: a national instrument (a ministry, BKN, a joint decree).
    region = models.ForeignKey(
        "org.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="instruments",
        verbose_name=_("wilayah"),
    )
    scope = models.JSONField(_("berlaku bagi"), default=list, blank=True)
    elections = models.JSONField(_("pemilihan"), default=list, blank=True)
    election_year = models.PositiveSmallIntegerField(_("tahun pemilihan"), null=True, blank=True)
    references = models.JSONField(_("rujukan"), default=list, blank=True)
    prohibited_conduct = models.JSONField(_("larangan"), default=list, blank=True)
    # The rules catalogue's id when the instrument is itself a catalogued national rule
    # (SKB-2022, SE-MENPANRB-1-2023): the public rules pages link to it.
    catalogue_id = models.CharField(_("kode katalog aturan"), max_length=40, blank=True)

    # What extraction read, kept so the review form can show the evidence again.
    text = models.TextField(_("teks"), blank=True)
    evidence = models.JSONField(default=dict, blank=True)
    extracted = models.JSONField(default=dict, blank=True)
    extractor = models.CharField(max_length=40, blank=True)
    source = models.CharField(max_length=4, choices=Source.choices, default=Source.TEXT)
    source_url = models.URLField(_("alamat sumber"), max_length=500, blank=True)
    file_sha256 = models.CharField(max_length=64, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    file_type = models.CharField(max_length=80, blank=True)
    # The copy offered for download (netral.registry.files): the original, or for images
    # and PDFs a copy without metadata; empty when none can be offered.
    public_sha256 = models.CharField(max_length=64, blank=True)
    public_cleaned = models.BooleanField(default=False)

    replaces = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("menggantikan"),
    )
    withdrawn_reason = models.CharField(_("alasan pencabutan"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("instrumen")
        verbose_name_plural = _("instrumen")
        indexes = [
            models.Index(fields=["status", "region"]),
            models.Index(fields=["status", "-date"]),
            models.Index(fields=["catalogue_id"]),
        ]
        constraints = [
            # Two published instruments never share a number and an issuer; a new version
            # supersedes the old one first.
            models.UniqueConstraint(
                fields=["number_key", "issuer_key"],
                condition=Q(status="PUBLISHED") & ~Q(number_key=""),
                name="one_published_instrument_per_number_and_issuer",
            ),
        ]

    def __str__(self) -> str:
        label = self.get_type_display()
        return f"{label} {self.number}".strip() if self.number else str(label)

    def get_absolute_url(self) -> str:
        return reverse("registry:instrument", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.status != Status.DRAFT


class Coverage(models.Model):
    """An election cycle (rules catalogue id) a published instrument covers, in its region.

    Rebuilt whenever the instrument is published, edited or withdrawn: the coverage page
    counts regions from these rows without reading instruments.
    """

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="coverage")
    cycle = models.CharField(max_length=20)
    region = models.ForeignKey("org.Region", on_delete=models.CASCADE, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["cycle", "region"])]
        constraints = [
            models.UniqueConstraint(fields=["instrument", "cycle"], name="coverage_once_per_cycle")
        ]

    def __str__(self) -> str:
        return f"{self.cycle} {self.region_id} #{self.instrument_id}"
