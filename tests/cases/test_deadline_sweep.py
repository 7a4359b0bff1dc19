"""The hourly sweep: overdue cases escalate once, conflicted PPKs are routed around."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone
from django_q.models import Schedule

from netral.cases import selectors, services
from netral.cases.models import CaseEvent, Escalation, EscalationKind, PpkConflict, Stage
from netral.cases.tasks import sweep_deadlines
from tests.cases.conftest import World, fresh, make_report, new_case, signed

WIB = ZoneInfo("Asia/Jakarta")


def test_the_sweep_is_scheduled_hourly_exactly_once(db: object) -> None:
    schedules = Schedule.objects.filter(func="netral.cases.tasks.sweep_deadlines")
    assert [(s.name, s.schedule_type) for s in schedules] == [("cases.sweep_deadlines", "H")]


def test_an_overdue_case_is_escalated_to_the_supervisor_once_however_often_it_runs(
    world: World,
) -> None:
    received = datetime.datetime(2024, 12, 20, 10, 0, tzinfo=WIB)
    case = new_case(created_at=received)
    assert case.due_date == datetime.date(2024, 12, 27)
    on_time = sweep_deadlines(now="2024-12-27T16:00:00+07:00")
    assert on_time["overdue"] == 0
    assert not fresh(case).overdue

    first = sweep_deadlines(now="2024-12-28T08:00:00+07:00")
    second = sweep_deadlines(now="2024-12-28T09:00:00+07:00")
    assert (first["overdue"], second["overdue"]) == (1, 0)
    case = fresh(case)
    assert case.overdue
    assert case.escalation_level == 1
    escalation = Escalation.objects.get(case=case)
    assert (escalation.kind, escalation.stage) == (EscalationKind.OVERDUE, Stage.RECEIVED)
    assert CaseEvent.objects.filter(case=case, action="escalate_overdue").count() == 1


def test_a_case_whose_ppk_is_conflicted_is_escalated_around_him(world: World) -> None:
    case = signed(world, new_case())
    PpkConflict.objects.create(agency=world.bogor, reason="Bupati mencalonkan diri kembali.")
    assert sweep_deadlines()["ppk_conflicted"] == 1
    assert sweep_deadlines()["ppk_conflicted"] == 0
    escalation = Escalation.objects.get(case=case, kind=EscalationKind.PPK_CONFLICTED)
    assert escalation.stage == Stage.PPK_FOLLOW_UP


def test_a_sanction_that_takes_effect_later_closes_the_case_when_it_does(world: World) -> None:
    case = signed(world, new_case())
    today = timezone.localdate()
    services.sanction_record(
        case=case,
        actor=world.ppk,
        sk_number="800/45/2026",
        sk_date=today,
        sanction=case.recommendation.chosen_sanction,
        effective_date=today + datetime.timedelta(days=5),
        expected_version=case.version,
    )
    assert fresh(case).stage == Stage.SANCTION_EXECUTED
    early = (today + datetime.timedelta(days=4)).isoformat() + "T12:00:00+07:00"
    assert sweep_deadlines(now=early)["closed"] == 0
    late = (today + datetime.timedelta(days=5)).isoformat() + "T12:00:00+07:00"
    assert sweep_deadlines(now=late)["closed"] == 1
    assert fresh(case).stage == Stage.CLOSED


def test_a_report_that_missed_its_case_gets_one_from_the_sweep(world: World) -> None:
    report = make_report()  # in a test transaction the after-commit hook never runs
    assert sweep_deadlines()["opened"] == 1
    assert report.case_link.case.stage == Stage.RECEIVED
    assert sweep_deadlines()["opened"] == 0


def test_a_submitted_report_opens_its_case_after_the_commit(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        report = make_report()
    assert report.case_link.case.links.count() == 1


def test_the_supervisor_sees_escalations_and_a_verifier_elsewhere_does_not(world: World) -> None:
    case = new_case(created_at=datetime.datetime(2024, 12, 20, 10, 0, tzinfo=WIB))
    sweep_deadlines(now="2024-12-30T08:00:00+07:00")
    assert [e.case for e in selectors.escalations_for(actor=world.supervisor)] == [case]
    assert not selectors.escalations_for(actor=world.verifier_kebumen).exists()


def test_a_conflict_flagged_on_the_case_alone_is_escalated_too(world: World) -> None:
    case = signed(world, new_case())
    assert sweep_deadlines()["ppk_conflicted"] == 0
    services.case_ppk_conflict_flag(
        case=case,
        actor=world.supervisor,
        conflicted=True,
        reason="Bupati adalah calon petahana.",
        expected_version=case.version,
    )
    assert sweep_deadlines()["ppk_conflicted"] == 1
    assert Escalation.objects.get(case=case).kind == EscalationKind.PPK_CONFLICTED
