"""Working days skip weekends, national holidays and cuti bersama; years need data."""

from __future__ import annotations

import datetime

import pytest

from netral.rules import RulesError, default_catalogue, due

D = datetime.date


def test_three_working_days_from_monday_23_december_2024_end_on_the_30th() -> None:
    assert due(D(2024, 12, 23), 3, "WORKING") == D(2024, 12, 30)


def test_one_working_day_from_26_november_2024_skips_the_pilkada_voting_day() -> None:
    assert due(D(2024, 11, 26), 1, "WORKING") == D(2024, 11, 28)


def test_christmas_2024_is_a_holiday_and_the_26th_is_cuti_bersama() -> None:
    days = {d.date: d.kind for d in default_catalogue().calendar[2024].days}
    assert days[D(2024, 12, 25)] == "LIBUR_NASIONAL"
    assert days[D(2024, 12, 26)] == "CUTI_BERSAMA"


def test_2024_has_seventeen_holidays_ten_cuti_bersama_and_two_voting_days() -> None:
    data = default_catalogue().calendar[2024]
    by_skb = [d for d in data.days if d.decree == "SKB-855-2023"]
    assert sum(d.kind == "LIBUR_NASIONAL" for d in by_skb) == 17
    assert sum(d.kind == "CUTI_BERSAMA" for d in by_skb) == 10
    assert {d.date for d in data.days if d.decree.startswith("KEPPRES")} == {
        D(2024, 2, 14),
        D(2024, 11, 27),
    }


def test_every_year_from_2023_to_2026_has_data_with_its_decrees() -> None:
    calendar = default_catalogue().calendar
    assert set(calendar) == {2023, 2024, 2025, 2026}
    assert all(year.decrees and year.days for year in calendar.values())


def test_five_working_days_across_the_2024_lebaran_break() -> None:
    # 8-12 and 15 April 2024 are all off: counting starts again on the 16th.
    assert due(D(2024, 4, 5), 5, "WORKING") == D(2024, 4, 22)


def test_working_days_across_new_year_use_both_years() -> None:
    # 2024-12-31 (Tue), 2025-01-01 holiday, then 2, 3, 6 January.
    assert due(D(2024, 12, 30), 4, "WORKING") == D(2025, 1, 6)


def test_a_weekend_start_counts_from_monday() -> None:
    assert due(D(2024, 6, 1), 1, "WORKING") == D(2024, 6, 3)


def test_calendar_days_count_weekends_and_holidays() -> None:
    assert due(D(2024, 11, 23), 5, "CALENDAR") == D(2024, 11, 28)


def test_calendar_days_roll_forward_only_when_asked() -> None:
    assert due(D(2024, 12, 20), 5, "CALENDAR") == D(2024, 12, 25)
    assert due(D(2024, 12, 20), 5, "CALENDAR", roll_forward=True) == D(2024, 12, 27)


def test_zero_days_is_the_start_date() -> None:
    assert due(D(2024, 3, 1), 0, "WORKING") == D(2024, 3, 1)


@pytest.mark.parametrize("start", [D(2022, 6, 1), D(2027, 1, 4)])
def test_a_year_without_holiday_data_is_an_error_not_a_guess(start: datetime.date) -> None:
    with pytest.raises(RulesError, match=f"no holiday data for {start.year}"):
        due(start, 3, "WORKING")


def test_a_calendar_day_deadline_running_into_a_year_without_data_is_an_error() -> None:
    with pytest.raises(RulesError, match="no holiday data for 2027"):
        due(D(2026, 12, 28), 7, "CALENDAR")


@pytest.mark.parametrize(("days", "unit"), [(-1, "WORKING"), (3, "HARI"), (True, "WORKING")])
def test_bad_arguments_are_refused(days: int, unit: str) -> None:
    with pytest.raises(RulesError):
        due(D(2024, 3, 1), days, unit)
