"""Handling deadlines and the recommending body are dated, cited parameters."""

from __future__ import annotations

import datetime

import pytest

from netral.rules import RulesError, deadline, recommending_body

D = datetime.date


def test_bawaslu_reviews_a_pemilu_case_in_seven_working_days_extendable_to_fourteen() -> None:
    rule = deadline("BAWASLU_REVIEW", "PEMILU", D(2024, 1, 10))
    assert (rule.days, rule.unit, rule.extendable_to, rule.confirmed) == (7, "WORKING", 14, True)
    assert "454" in rule.source


def test_bawaslu_reviews_a_pilkada_case_in_five_calendar_days_unconfirmed() -> None:
    rule = deadline("BAWASLU_REVIEW", "PILKADA", D(2024, 10, 10))
    assert (rule.days, rule.unit, rule.confirmed) == (5, "CALENDAR", False)


def test_satgas_verification_is_seven_days_with_the_unit_unconfirmed() -> None:
    rule = deadline("VERIFICATION", None, D(2024, 10, 10))
    assert (rule.days, rule.confirmed) == (7, False)
    assert rule.note
    assert "working or calendar" in rule.note


def test_ppk_follow_up_is_ten_days_unconfirmed_and_mentions_the_fourteen_day_figure() -> None:
    rule = deadline("PPK_FOLLOW_UP", "PILKADA", D(2024, 10, 10))
    assert (rule.days, rule.confirmed) == (10, False)
    assert rule.note
    assert "14 days" in rule.note


def test_the_pp94_procedure_has_its_steps_and_starts_with_the_regulation() -> None:
    rule = deadline("AGENCY_EXAMINATION", None, D(2022, 1, 3))
    assert [s.step for s in rule.steps] == [
        "FIRST_SUMMONS",
        "SECOND_SUMMONS",
        "DECISION_DELIVERED",
        "DECISION_EFFECTIVE",
    ]
    with pytest.raises(RulesError, match="no AGENCY_EXAMINATION deadline"):
        deadline("AGENCY_EXAMINATION", None, D(2021, 8, 30))


def test_bawaslu_review_without_an_election_says_the_stage_depends_on_it() -> None:
    with pytest.raises(RulesError, match="depends on the election"):
        deadline("BAWASLU_REVIEW", None, D(2024, 1, 10))


def test_an_unknown_stage_is_refused() -> None:
    with pytest.raises(RulesError, match="unknown stage"):
        deadline("SIDANG", None, D(2024, 1, 10))


def test_kasn_recommends_until_the_transfer_and_bkn_from_4_september_2024() -> None:
    assert recommending_body(D(2020, 11, 1)) == "KASN"
    assert recommending_body(D(2024, 9, 3)) == "KASN"
    assert recommending_body(D(2024, 9, 4)) == "BKN"


def test_no_recommending_body_before_kasn_existed() -> None:
    with pytest.raises(RulesError, match="no recommending body"):
        recommending_body(D(2012, 1, 1))
