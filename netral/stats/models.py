"""A summary table: one flat row per case with what the figures group by.

Rebuilt from the case tables by `netral.stats.refresh.refresh_facts` (a django-q2 task on a
schedule, and `netral stats refresh`). Every figure is a GROUP BY over this one table, so
a dashboard never joins cases, recommendations, decisions and follow-ups per request.
Field names `region`, `agency`, `election` and `stage` match `Case`, so the case scoping
condition (`netral.cases.scoping.cases_condition`) applies to it unchanged.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Outcome(models.TextChoices):
    OPEN = "OPEN", _("Masih ditangani")
    NOT_ACTIONABLE = "NOT_ACTIONABLE", _("Tidak dapat ditindaklanjuti")
    NOT_PROVEN = "NOT_PROVEN", _("Tidak terbukti")
    PROVEN = "PROVEN", _("Terbukti")
    REFERRED = "REFERRED", _("Dilimpahkan")
    MERGED = "MERGED", _("Digabung")


class CaseFact(models.Model):
    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    region = models.ForeignKey(
        "org.Region", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    province_code = models.CharField(max_length=2, blank=True)
    agency = models.ForeignKey(
        "org.Agency", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    election = models.CharField(max_length=8, blank=True)
    election_year = models.PositiveSmallIntegerField(null=True, blank=True)
    stage = models.CharField(max_length=20)
    stage_entered_on = models.DateField()
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    position_group = models.CharField(max_length=16, blank=True)
    subject_status = models.CharField(max_length=16, blank=True)
    conduct = models.CharField(max_length=40, blank=True)  # the first confirmed code
    reported_on = models.DateField()
    reported_month = models.DateField()  # first day of the month reported
    closed_on = models.DateField(null=True, blank=True)
    due_date = models.DateField(null=True, blank=True)
    recommended_on = models.DateField(null=True, blank=True)
    recommended_level = models.CharField(max_length=20, blank=True)
    recommended_sanction = models.CharField(max_length=40, blank=True)
    ppk_due_date = models.DateField(null=True, blank=True)
    sanctioned_on = models.DateField(null=True, blank=True)
    imposed_sanction = models.CharField(max_length=40, blank=True)
    imposed_as_recommended = models.BooleanField(null=True)
    sanction_on_time = models.BooleanField(null=True)
    warned = models.BooleanField(default=False)
    blocked = models.BooleanField(default=False)
    days_to_recommendation = models.PositiveIntegerField(null=True, blank=True)
    days_to_sanction = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["province_code", "reported_month"], name="fact_province_month"),
            models.Index(fields=["agency", "outcome"], name="fact_agency_outcome"),
            models.Index(fields=["region", "outcome"], name="fact_region_outcome"),
            models.Index(fields=["stage", "stage_entered_on"], name="fact_stage_entered"),
            models.Index(fields=["election", "election_year"], name="fact_election_year"),
        ]

    def __str__(self) -> str:
        return f"fact {self.case_id}"


class Refresh(models.Model):
    """When the facts were last rebuilt (one row per rebuild; the newest counts)."""

    finished_at = models.DateTimeField(default=timezone.now, db_index=True)
    cases = models.PositiveIntegerField()
    seconds = models.FloatField()

    class Meta:
        ordering = ["-finished_at"]

    def __str__(self) -> str:
        return f"{self.finished_at:%Y-%m-%d %H:%M} ({self.cases})"
