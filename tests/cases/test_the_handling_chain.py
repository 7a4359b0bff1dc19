"""The whole chain through the services, and what the reporter sees on the way."""

from __future__ import annotations

import datetime

from django.utils import timezone

from netral.cases import services
from netral.cases.models import Case, CaseEvent, CaseReport, Stage
from netral.intake.selectors import report_public_view
from tests.cases.conftest import World, act, fresh, new_case, signed


def test_a_new_report_opens_a_case_at_received_with_the_verification_deadline(
    world: World,
) -> None:
    case = new_case()
    assert case.stage == Stage.RECEIVED
    assert case.due_date is not None
    assert case.deadline_rule["stage"] == "VERIFICATION"
    assert case.links.count() == 1
    assert services.case_open_for_report(report=case.links.get().report) == case


def test_an_election_case_goes_from_report_to_closed_and_the_reporter_sees_each_stage(
    world: World,
) -> None:
    case = signed(world, new_case())
    assert case.stage == Stage.PPK_FOLLOW_UP
    assert case.recommendation.letter_sha256
    services.sanction_record(
        case=case,
        actor=world.ppk,
        sk_number="800/123/BKPSDM/2026",
        sk_date=timezone.localdate() - datetime.timedelta(days=1),
        sanction=case.recommendation.chosen_sanction,
        effective_date=timezone.localdate() - datetime.timedelta(days=1),
        expected_version=case.version,
    )
    case = fresh(case)
    assert case.stage == Stage.CLOSED
    stages = [e.to_stage for e in CaseEvent.objects.filter(case=case, public=True).order_by("seq")]
    assert stages == [
        Stage.VERIFICATION,
        Stage.BAWASLU_REVIEW,
        Stage.RECOMMENDATION,
        Stage.PPK_FOLLOW_UP,
        Stage.SANCTION_EXECUTED,
        Stage.CLOSED,
    ]
    report = case.links.get().report
    timeline = [row["status"] for row in report_public_view(report=report)["timeline"]]
    assert timeline[-6:] == [
        "VERIFICATION",
        "REVIEW",
        "RECOMMENDATION",
        "PPK_FOLLOW_UP",
        "SANCTION_EXECUTED",
        "CLOSED",
    ]
    report.refresh_from_db()
    assert report.status == "CLOSED"


def test_a_case_without_election_goes_to_the_agency_for_examination(world: World) -> None:
    case = new_case(election="UNKNOWN")
    case = act(case, "start_verification", world.verifier)
    case = services.case_subject_link(
        case=case, actor=world.verifier, employee=world.camat, expected_version=case.version
    )
    case = services.case_facts_update(
        case=case,
        actor=world.verifier,
        expected_version=case.version,
        confirmed_codes=["FASILITAS_NEGARA"],
        incident_date=datetime.date(2024, 10, 14),
    )
    case = act(case, "send_to_agency", world.verifier)
    assert case.stage == Stage.AGENCY_EXAMINATION
    assert case.deadline_rule["stage"] == "AGENCY_EXAMINATION"
    case = act(case, "agency_not_proven", world.verifier, "Mobil dinas dipakai untuk tugas resmi.")
    assert case.stage == Stage.NOT_PROVEN


def test_a_village_head_is_referred_to_the_regent_and_the_target_is_kept(world: World) -> None:
    case = act(new_case(), "start_verification", world.verifier)
    case = services.case_facts_update(
        case=case, actor=world.verifier, expected_version=case.version, subject_status="KEPALA_DESA"
    )
    case = act(
        case, "refer", world.verifier, "Kepala desa: kewenangan bupati.", target="REGENT_MAYOR"
    )
    assert case.stage == Stage.REFERRED
    assert case.referral_target == "REGENT_MAYOR"
    report = CaseReport.objects.get(case=case).report
    assert report.status == "REFERRED"  # the reporter sees a referral, not a closed case


def test_every_transition_records_who_when_and_why(world: World) -> None:
    case = act(new_case(), "start_verification", world.verifier)
    case = act(case, "mark_not_actionable", world.verifier, "Laporan tidak memuat kejadian.")
    event = CaseEvent.objects.filter(case=case).order_by("-seq").first()
    assert event is not None
    assert (event.actor, event.action, event.reason) == (
        world.verifier,
        "mark_not_actionable",
        "Laporan tidak memuat kejadian.",
    )
    assert (event.from_stage, event.to_stage) == (Stage.VERIFICATION, Stage.NOT_ACTIONABLE)
    assert event.created_at is not None
    assert Case.objects.get(pk=case.pk).version == 2 + 1  # open=1, two transitions
