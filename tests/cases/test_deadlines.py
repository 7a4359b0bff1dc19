"""Stage deadlines come from the rules engine and its working-day calendar."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from netral.cases import services
from netral.cases.deadlines import stage_deadline
from netral.cases.models import Stage
from tests.cases.conftest import World, act, new_case

WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[datetime.datetime], None]:
    """Freeze `timezone.now()` at a given office-local moment."""

    def set_to(moment: datetime.datetime) -> None:
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return set_to


def test_bawaslu_pemilu_review_counts_seven_working_days_across_christmas_and_new_year() -> None:
    # Friday 20 Dec 2024: skip weekends, 25 Dec (Christmas), 26 Dec (cuti bersama), 1 Jan.
    found = stage_deadline(
        stage=Stage.BAWASLU_REVIEW, election="PEMILU", start=datetime.date(2024, 12, 20)
    )
    assert found.due_date == datetime.date(2025, 1, 3)
    assert (found.rule["days"], found.rule["unit"], found.rule["confirmed"]) == (7, "WORKING", True)
    assert "UU-7-2017" in found.rule["source"]


def test_bawaslu_pilkada_review_counts_calendar_days_through_voting_day() -> None:
    found = stage_deadline(
        stage=Stage.BAWASLU_REVIEW, election="PILKADA", start=datetime.date(2024, 11, 22)
    )
    assert found.due_date == datetime.date(2024, 11, 27)
    assert found.rule["unit"] == "CALENDAR"
    assert found.rule["confirmed"] is False


def test_a_year_without_calendar_data_gives_no_due_date_and_says_why() -> None:
    found = stage_deadline(
        stage=Stage.AGENCY_EXAMINATION, election="", start=datetime.date(2031, 3, 2)
    )
    assert found.due_date is None
    assert "2031" in found.rule["error"]


def test_the_recommendation_stage_has_no_deadline_in_the_catalogue() -> None:
    found = stage_deadline(
        stage=Stage.RECOMMENDATION, election="PEMILU", start=datetime.date(2024, 5, 6)
    )
    assert found.due_date is None


def test_sending_a_pemilu_case_to_bawaslu_stores_the_due_date_and_the_rule_used(
    world: World, clock: Callable[[datetime.datetime], None]
) -> None:
    friday = datetime.datetime(2024, 12, 20, 9, 30, tzinfo=WIB)
    clock(friday)
    case = new_case(election="PEMILU", created_at=friday, occurred_on=datetime.date(2024, 12, 18))
    # Verification: 7 calendar days from the day the report came in.
    assert case.due_date == datetime.date(2024, 12, 27)
    case = act(case, "start_verification", world.verifier)
    assert case.due_date == datetime.date(2024, 12, 27)  # the same clock keeps running
    case = services.case_subject_link(
        case=case, actor=world.verifier, employee=world.camat, expected_version=case.version
    )
    case = services.case_facts_update(
        case=case,
        actor=world.verifier,
        expected_version=case.version,
        confirmed_codes=["MEDSOS_UNGGAH"],
        incident_date=datetime.date(2024, 12, 18),
    )
    case = act(case, "send_to_bawaslu", world.verifier)
    assert case.due_date == datetime.date(2025, 1, 3)
    assert case.deadline_rule["stage"] == "BAWASLU_REVIEW"
    assert case.deadline_rule["start"] == "2024-12-20"
    assert not case.overdue


def test_a_late_evening_in_jakarta_counts_as_that_local_day_not_the_utc_one(
    world: World, clock: Callable[[datetime.datetime], None]
) -> None:
    # 23:30 WIB on Monday 23 Dec is still Monday in the office, though 16:30 UTC.
    monday_night = datetime.datetime(2024, 12, 23, 23, 30, tzinfo=WIB)
    clock(monday_night.astimezone(datetime.UTC))
    case = new_case(election="UNKNOWN", created_at=monday_night)
    assert case.deadline_rule["start"] == "2024-12-23"
