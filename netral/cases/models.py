"""Cases: one or more reports about one person and one incident, and their audit trail.

The stage of a case is protected: it changes only through
`netral.cases.services.transitions.case_transition`, which locks the row, checks the
declared state machine (`netral.cases.machine`), bumps `version` and appends a
hash-chained `CaseEvent` in the same transaction.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection
from typing import Any, ClassVar

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Re-exported: the stage table lives in netral.cases.stages, callers import it from here too.
from netral.cases.stages import FINAL_STAGES as FINAL_STAGES
from netral.cases.stages import OPEN_STAGES as OPEN_STAGES
from netral.cases.stages import Stage as Stage


class CaseElection(models.TextChoices):
    PEMILU = "PEMILU", _("Pemilu")
    PILKADA = "PILKADA", _("Pilkada")


class SubjectStatus(models.TextChoices):
    """Codes shared with the rules engine's `subject` vocabulary."""

    PNS = "PNS", "PNS"
    CPNS = "CPNS", "CPNS"
    PPPK = "PPPK", "PPPK"
    NON_ASN = "NON_ASN", _("Non-ASN (PPNPN/honorer)")
    KEPALA_DESA = "KEPALA_DESA", _("Kepala desa")
    PERANGKAT_DESA = "PERANGKAT_DESA", _("Perangkat desa")
    BPD = "BPD", _("Anggota BPD")
    BUMN = "BUMN", _("Pegawai BUMN")
    BUMD = "BUMD", _("Pegawai BUMD")
    TNI = "TNI", "TNI"
    POLRI = "POLRI", "Polri"


class CandidateStatus(models.TextChoices):
    BAKAL_CALON = "BAKAL_CALON", _("Bakal calon")
    CALON = "CALON", _("Calon")


class ReferralTarget(models.TextChoices):
    GAKKUMDU = "GAKKUMDU", _("Sentra Gakkumdu (dugaan pidana pemilihan)")
    REGENT_MAYOR = "REGENT_MAYOR", _("Bupati/wali kota (kepala desa dan perangkat desa)")
    INSTITUTION = "INSTITUTION", _("Institusi asal (TNI/Polri)")


class CaseSource(models.TextChoices):
    REPORT = "REPORT", _("Laporan masyarakat")
    SCREENING = "SCREENING", _("Temuan penyaringan media sosial")


class StageProtected(Exception):
    """Raised when code assigns `Case.stage` outside `case_transition`."""


class Case(models.Model):
    # Null when the reporter gave no region: then only a national scope sees the case.
    region = models.ForeignKey(
        "org.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("wilayah"),
    )
    # The subject's employer; set when the employee is linked (or chosen by hand).
    agency = models.ForeignKey(
        "org.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("instansi"),
    )
    election = models.CharField(
        _("pemilihan"), max_length=8, choices=CaseElection.choices, blank=True
    )  # "" when the case is not about an election
    stage = models.CharField(
        _("tahap"), max_length=20, choices=Stage.choices, default=Stage.RECEIVED, editable=False
    )
    stage_entered_at = models.DateTimeField(_("masuk tahap"), default=timezone.now)
    # A citizen's report, or a supervisor's own finding from screening social media.
    source = models.CharField(
        _("sumber"), max_length=10, choices=CaseSource.choices, default=CaseSource.REPORT
    )

    # Subject: a roster link, or "not found" with what the reports said.
    employee = models.ForeignKey(
        "org.Employee",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("pegawai terlapor"),
    )
    subject_not_found = models.BooleanField(
        _("terlapor tidak ditemukan di data pegawai"), default=False
    )
    subject_name = models.CharField(_("nama terlapor"), max_length=200, blank=True)
    subject_position = models.CharField(_("jabatan terlapor"), max_length=200, blank=True)
    subject_agency_name = models.CharField(_("instansi terlapor"), max_length=200, blank=True)
    subject_status = models.CharField(
        _("status terlapor"), max_length=16, choices=SubjectStatus.choices, blank=True
    )

    # Facts for the rules engine.
    confirmed_codes = models.JSONField(_("kode perbuatan terkonfirmasi"), default=list, blank=True)
    # Triage suggestions of its reports, copied here so the queue filters on one table.
    suggested_codes = models.JSONField(_("kode perbuatan usulan triase"), default=list, blank=True)
    incident_date = models.DateField(_("tanggal kejadian"), null=True, blank=True)
    candidate_status = models.CharField(
        _("status calon yang didukung"),
        max_length=12,
        choices=CandidateStatus.choices,
        blank=True,
    )
    on_leave = models.BooleanField(_("sedang CLTN"), default=False)
    passive_attendance = models.BooleanField(_("hanya hadir pasif"), default=False)

    # The current stage's deadline, from the rules engine.
    due_date = models.DateField(_("batas waktu"), null=True, blank=True)
    deadline_rule = models.JSONField(_("aturan batas waktu"), default=dict, blank=True)
    overdue = models.BooleanField(_("lewat batas waktu"), default=False)
    escalation_level = models.PositiveSmallIntegerField(_("tingkat eskalasi"), default=0)
    ppk_conflicted = models.BooleanField(_("PPK berkonflik kepentingan"), default=False)

    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_cases",
        verbose_name=_("petugas"),
    )
    # Soft work lock: who has the case open, until when (see services.locking).
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    locked_until = models.DateTimeField(null=True, blank=True)

    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="absorbed"
    )
    referral_target = models.CharField(
        _("dilimpahkan ke"), max_length=12, choices=ReferralTarget.choices, blank=True
    )
    # What the queue's text search reads: report texts, names, agencies and places, folded
    # (see netral.cases.searchtext); kept by the services that change any of them.
    search_text = models.TextField(default="", blank=True, editable=False)

    version = models.PositiveIntegerField(default=1)
    _loaded_stage: str | None = None  # the stage as read from the database (see `save`)
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("kasus")
        verbose_name_plural = _("kasus")
        indexes = [
            models.Index(fields=["stage", "due_date"], name="case_stage_due"),
            models.Index(fields=["region", "stage", "due_date"], name="case_region_stage_due"),
            models.Index(fields=["agency", "stage"], name="case_agency_stage"),
            models.Index(fields=["due_date", "id"], name="case_due_id"),
            models.Index(fields=["assigned_to", "stage"], name="case_assignee_stage"),
            models.Index(fields=["overdue", "stage"], name="case_overdue_stage"),
            models.Index(fields=["election", "stage"], name="case_election_stage"),
            # The queue lists open cases in one of its orderings and reads a page off the
            # front: one partial index per ordering lets it stop after a page of rows
            # instead of sorting every open case in scope (see docs/cases-ui.md).
            models.Index(
                fields=["due_date", "id"],  # ascending puts nulls last in PostgreSQL
                name="case_open_due",
                condition=Q(stage__in=OPEN_STAGES),
            ),
            # PostgreSQL only (migration 0004): SQLite cannot index NULLS LAST.
            models.Index(
                F("due_date").desc(nulls_last=True),
                F("id").desc(),
                name="case_open_due_desc",
                condition=Q(stage__in=OPEN_STAGES),
            ),
            models.Index(
                fields=["created_at", "id"],
                name="case_open_created",
                condition=Q(stage__in=OPEN_STAGES),
            ),
            models.Index(
                fields=["updated_at", "id"],
                name="case_open_updated",
                condition=Q(stage__in=OPEN_STAGES),
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    def save(self, *args: Any, **kwargs: Any) -> None:
        loaded = getattr(self, "_loaded_stage", None)
        if self._state.adding and self.stage != Stage.RECEIVED:
            raise StageProtected("a new case starts at RECEIVED")
        if not self._state.adding and loaded is not None and self.stage != loaded:
            raise StageProtected("Case.stage changes only through case_transition")
        super().save(*args, **kwargs)

    @classmethod
    def from_db(
        cls,
        db: str | None,
        field_names: Collection[str],
        values: Collection[Any],
        *args: Any,
        **kwargs: Any,
    ) -> Case:
        instance = super().from_db(db, field_names, values, *args, **kwargs)
        instance._loaded_stage = instance.__dict__.get("stage")
        return instance

    @property
    def reference(self) -> str:
        """A human case number, e.g. `NTR-2026-000042`."""
        return f"NTR-{self.created_at:%Y}-{self.pk or 0:06d}"

    @property
    def is_open(self) -> bool:
        return self.stage not in FINAL_STAGES

    def lock_holder_id(self, at: datetime.datetime) -> int | None:
        """Who holds the soft work lock at `at`, if anyone: an expired lock holds nobody."""
        if self.locked_by_id and self.locked_until and self.locked_until > at:
            return int(self.locked_by_id)
        return None


class CaseReport(models.Model):
    """A report belongs to at most one case; merging moves the link, never the report."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="links")
    report = models.OneToOneField(
        "intake.Report", on_delete=models.PROTECT, related_name="case_link"
    )
    added_at = models.DateTimeField(default=timezone.now)
    # The case the report first belonged to, kept through merges.
    original_case = models.ForeignKey(
        Case, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["case", "added_at", "pk"]

    def __str__(self) -> str:
        return f"{self.case_id} ← {self.report_id}"


class ScreenedPost(models.Model):
    """A post that `netral screen` flagged, imported into a case (see services.screening).

    `key` identifies the post across imports (its normalised URL, or platform and id),
    so importing the same findings twice adds nothing. `candidates` are roster
    suggestions for the analyst; nothing links them to the case by itself.
    """

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="screened_posts")
    key = models.CharField(max_length=64, unique=True)  # sha256 of the identity below
    identity = models.TextField()  # normalised URL, or "platform:id"
    post_id = models.CharField(_("id unggahan"), max_length=200)
    url = models.TextField(_("tautan"), blank=True)
    platform = models.CharField(_("platform"), max_length=40, blank=True)
    author = models.CharField(_("akun"), max_length=200, blank=True)
    author_bio = models.TextField(_("bio akun"), blank=True)
    text = models.TextField(_("isi unggahan"))
    posted_at = models.CharField(_("waktu unggah"), max_length=40, blank=True)
    posted_on = models.DateField(_("tanggal unggah"), null=True, blank=True)
    region_code = models.CharField(_("kode wilayah"), max_length=13, blank=True)
    codes = models.JSONField(_("kode perbuatan"), default=list)
    scores = models.JSONField(default=dict)
    evidence = models.JSONField(default=list)
    candidates = models.JSONField(_("kandidat pegawai"), default=list)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["case", "imported_at", "pk"]
        verbose_name = _("unggahan tersaring")
        verbose_name_plural = _("unggahan tersaring")

    def __str__(self) -> str:
        return f"{self.case_id} ← {self.identity}"


class AppendOnlyQuerySet(models.QuerySet["CaseEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise ValueError("CaseEvent is append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise ValueError("CaseEvent is append-only")


class CaseEvent(models.Model):
    """The audit trail: append-only, one hash chain per case (see `netral.cases.audit`).

    PostgreSQL also refuses UPDATE and DELETE with a trigger (migration 0002).
    """

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="events")
    seq = models.PositiveIntegerField()
    action = models.CharField(max_length=40)
    from_stage = models.CharField(max_length=20, choices=Stage.choices)
    to_stage = models.CharField(max_length=20, choices=Stage.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(blank=True)
    payload = models.JSONField(default=dict, blank=True)
    public = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    previous_digest = models.CharField(max_length=64, blank=True)
    digest = models.CharField(max_length=64)

    objects: ClassVar[Any] = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["case", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["case", "seq"], name="case_event_seq_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} #{self.seq} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError("CaseEvent is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("CaseEvent is append-only")


class EscalationKind(models.TextChoices):
    OVERDUE = "OVERDUE", _("Lewat batas waktu")
    PPK_CONFLICTED = "PPK_CONFLICTED", _("PPK berkonflik kepentingan")
    NO_ACTOR = "NO_ACTOR", _("Tidak ada petugas yang dapat bertindak")
    NON_COMPLIANT = "NON_COMPLIANT", _("Sanksi PPK tidak sesuai rekomendasi")


class Escalation(models.Model):
    """A case raised to the central supervisor; unique per case, kind, stage and due date."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="escalations")
    kind = models.CharField(max_length=16, choices=EscalationKind.choices)
    stage = models.CharField(max_length=20, choices=Stage.choices)
    due_date = models.DateField(null=True, blank=True)
    level = models.PositiveSmallIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "kind", "stage"],
                name="one_escalation_per_case_kind_stage",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} {self.stage}"


class PpkConflict(models.Model):
    """A PPK who is himself a candidate or otherwise conflicted: route around him."""

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("alasan"))
    active = models.BooleanField(default=True)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    declared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("konflik kepentingan PPK")
        verbose_name_plural = _("konflik kepentingan PPK")

    def __str__(self) -> str:
        return f"{self.agency_id} {'aktif' if self.active else 'selesai'}"


class Recommendation(models.Model):
    """The signed recommendation, with the engine's assessment as it was at signing."""

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="recommendation")
    body = models.CharField(_("lembaga pemberi rekomendasi"), max_length=20)
    facts = models.JSONField(default=dict)
    assessment = models.JSONField(default=dict)
    catalogue_version = models.CharField(max_length=40)
    chosen_track = models.CharField(_("jalur"), max_length=20)
    chosen_level = models.CharField(_("tingkat"), max_length=20, blank=True)
    chosen_sanction = models.CharField(_("sanksi"), max_length=40)
    note = models.TextField(_("catatan"), blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    signed_at = models.DateTimeField(default=timezone.now)
    letter = models.FileField(upload_to="cases/letters/", blank=True)
    letter_sha256 = models.CharField(max_length=64, blank=True)
    # The office's own outgoing-letter number (see netral.cases.letters.letter_number_next).
    letter_number = models.CharField(_("nomor surat"), max_length=100, blank=True)
    ppk_due_date = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.case_id} {self.chosen_track} {self.chosen_sanction}"


class Compliance(models.TextChoices):
    """How the imposed sanction compares with the recommended one (netral.cases.sanctions)."""

    COMPLIANT = "COMPLIANT", _("sesuai rekomendasi")
    LIGHTER = "LIGHTER", _("lebih ringan dari rekomendasi")
    DIFFERENT = "DIFFERENT", _("berbeda dari rekomendasi")
    NONE = "NONE", _("tidak menjatuhkan sanksi")


class LetterSequence(models.Model):
    """The last number an office gave its recommendation letters in one year."""

    office = models.CharField(max_length=40)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["office", "year"], name="one_sequence_per_office_year"),
        ]

    def __str__(self) -> str:
        return f"{self.office} {self.year}: {self.last}"


class SanctionDecision(models.Model):
    """The PPK's decree (SK), recorded by PPK staff, compared with the recommendation."""

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="sanction")
    recommendation = models.OneToOneField(
        Recommendation, on_delete=models.PROTECT, related_name="decision"
    )
    sk_number = models.CharField(_("nomor SK"), max_length=100)
    sk_date = models.DateField(_("tanggal SK"))
    sanction = models.CharField(_("sanksi"), max_length=40, blank=True)  # "": none imposed
    level = models.CharField(_("tingkat"), max_length=20, blank=True)
    compliance = models.CharField(
        _("kesesuaian dengan rekomendasi"),
        max_length=10,
        choices=Compliance.choices,
        default=Compliance.COMPLIANT,
    )
    effective_date = models.DateField(_("berlaku sejak"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    on_time = models.BooleanField(_("tepat waktu"))

    def __str__(self) -> str:
        return f"{self.case_id} {self.sk_number}"

    @property
    def complies(self) -> bool:
        return self.compliance == Compliance.COMPLIANT


class FollowUpKind(models.TextChoices):
    PPK_WARNING = "PPK_WARNING", _("Teguran kepada PPK")
    DATA_BLOCKING = "DATA_BLOCKING", _("Permintaan pemblokiran data kepegawaian")


class FollowUpAction(models.Model):
    """The supervisor's levers once the PPK deadline has passed."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="follow_ups")
    kind = models.CharField(max_length=16, choices=FollowUpKind.choices)
    note = models.TextField(blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["case", "issued_at"]
        constraints = [
            models.UniqueConstraint(fields=["case", "kind"], name="one_follow_up_per_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind}"


class SavedSearch(models.Model):
    """A verifier's saved queue filter (the query string of the queue page)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_case_searches"
    )
    name = models.CharField(_("nama"), max_length=100)
    params = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["owner", "name"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="saved_search_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class ApiToken(models.Model):
    """A staff API token; only its sha256 is stored. Header: `Authorization: Bearer …`."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("nama"), max_length=100)
    prefix = models.CharField(max_length=8)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = _("token API")

    def __str__(self) -> str:
        return f"{self.user_id} {self.name} {self.prefix}…"


def _open_case_for_new_report(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    """A new report gets its case after the intake's transaction commits.

    A signal, because the intake must not depend on cases. `robust`: a failure here is
    logged and never undoes the citizen's submission; the hourly sweep retries orphans.
    """
    if not created or kwargs.get("raw"):
        return
    from netral.cases.services.opening import open_case_after_commit

    report_id = instance.pk
    transaction.on_commit(lambda: open_case_after_commit(report_id), robust=True)


post_save.connect(
    _open_case_for_new_report, sender="intake.Report", dispatch_uid="cases_open_for_report"
)
