"""Every new report gets a case of its own; verifiers merge duplicates later."""

from __future__ import annotations

import logging

from django.db import IntegrityError, transaction

from netral.cases.deadlines import local_today, stage_deadline
from netral.cases.models import Case, CaseElection, CaseReport, Stage
from netral.cases.searchtext import search_text_refresh
from netral.cases.services.escalation import case_flag_if_no_actor
from netral.cases.services.events import event_append
from netral.intake.models import Report

log = logging.getLogger(__name__)


def _new_case_for(report: Report) -> Case:
    election = report.election if report.election in CaseElection.values else ""
    deadline = stage_deadline(
        stage=Stage.RECEIVED, election=election, start=local_today(report.created_at)
    )
    case = Case.objects.create(
        region=report.region,
        election=election,
        subject_name=report.subject_name,
        subject_position=report.subject_position,
        subject_agency_name=report.subject_agency,
        incident_date=report.occurred_on,
        suggested_codes=list(report.suggested_codes or []),
        due_date=deadline.due_date,
        deadline_rule=deadline.rule,
        created_at=report.created_at,
        stage_entered_at=report.created_at,
    )
    CaseReport.objects.create(case=case, report=report, original_case=case)
    search_text_refresh(case.pk)
    event_append(
        case=case,
        action="open",
        actor=None,
        payload={"report": report.pk, "receipt": report.receipt, "due_date": deadline.due_date},
    )
    case_flag_if_no_actor(case)
    return case


def case_open_for_report(*, report: Report) -> Case:
    """The report's case, created at RECEIVED with the verification deadline. Idempotent."""
    existing = CaseReport.objects.filter(report=report).select_related("case").first()
    if existing is not None:
        return existing.case
    try:
        with transaction.atomic():
            return _new_case_for(report)
    except IntegrityError:
        # Another process opened it at the same moment: the one-to-one link decided.
        return CaseReport.objects.select_related("case").get(report=report).case


def cases_open_for_orphan_reports(limit: int = 500) -> int:
    """Open cases for reports that have none (a missed signal, an import). Returns count."""
    orphans = Report.objects.filter(case_link__isnull=True).order_by("created_at")[:limit]
    opened = 0
    for report in orphans:
        case_open_for_report(report=report)
        opened += 1
    return opened


def open_case_after_commit(report_id: int) -> None:
    """Signal hook: runs after the intake's transaction committed (robust on_commit)."""
    report = Report.objects.filter(pk=report_id).first()
    if report is not None:
        case_open_for_report(report=report)
