"""The case stages in one table: each stage, whether a case ever leaves it, and the public
report status the reporter sees while the case is there.

The transitions between stages are declared beside this in `netral.cases.machine`; the
model, the queue's open-stage filters and the public mirror all read this table.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    RECEIVED = "RECEIVED", _("Diterima")
    VERIFICATION = "VERIFICATION", _("Verifikasi")
    BAWASLU_REVIEW = "BAWASLU_REVIEW", _("Kajian Bawaslu")
    AGENCY_EXAMINATION = "AGENCY_EXAMINATION", _("Pemeriksaan instansi")
    RECOMMENDATION = "RECOMMENDATION", _("Rekomendasi")
    PPK_FOLLOW_UP = "PPK_FOLLOW_UP", _("Tindak lanjut PPK")
    SANCTION_EXECUTED = "SANCTION_EXECUTED", _("Sanksi dijatuhkan")
    CLOSED = "CLOSED", _("Selesai")
    NOT_ACTIONABLE = "NOT_ACTIONABLE", _("Tidak dapat ditindaklanjuti")
    NOT_PROVEN = "NOT_PROVEN", _("Tidak terbukti")
    MERGED = "MERGED", _("Digabung")
    REFERRED = "REFERRED", _("Dilimpahkan")


@dataclass(frozen=True)
class StageRow:
    stage: Stage
    final: bool  # a case never leaves it
    public_status: str  # netral.intake.models.ReportStatus value shown to the reporter


STAGES: tuple[StageRow, ...] = (
    StageRow(Stage.RECEIVED, False, "RECEIVED"),
    StageRow(Stage.VERIFICATION, False, "VERIFICATION"),
    StageRow(Stage.BAWASLU_REVIEW, False, "REVIEW"),
    StageRow(Stage.AGENCY_EXAMINATION, False, "EXAMINATION"),
    StageRow(Stage.RECOMMENDATION, False, "RECOMMENDATION"),
    StageRow(Stage.PPK_FOLLOW_UP, False, "PPK_FOLLOW_UP"),
    StageRow(Stage.SANCTION_EXECUTED, False, "SANCTION_EXECUTED"),
    StageRow(Stage.CLOSED, True, "CLOSED"),
    StageRow(Stage.NOT_ACTIONABLE, True, "NOT_ACTIONABLE"),
    StageRow(Stage.NOT_PROVEN, True, "NOT_PROVEN"),
    StageRow(Stage.MERGED, True, "MERGED"),
    StageRow(Stage.REFERRED, True, "REFERRED"),
)

FINAL_STAGES = frozenset(row.stage for row in STAGES if row.final)
OPEN_STAGES = tuple(row.stage.value for row in STAGES if not row.final)
PUBLIC_STATUS = {row.stage: row.public_status for row in STAGES}
