"""When the missing-pledge reminder is due: a set number of working days before the
campaign period starts. The number is data (data/reminder.yaml); the campaign start comes
from the rules catalogue's timetables, the working days from its calendar. Pure Python."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from netral.datafiles import DataFileError, check_fields, read_strict_yaml
from netral.rules import Catalogue, default_catalogue
from netral.rules.calendar import is_working_day
from netral.rules.model import Cycle

REMINDER_FILE = Path(__file__).parent / "data" / "reminder.yaml"


@dataclass(frozen=True)
class ReminderRule:
    working_days_before_campaign: int
    confirmed: bool
    source: str


@cache
def reminder_rule(path: Path = REMINDER_FILE) -> ReminderRule:
    data = read_strict_yaml(path)
    check_fields(
        str(path),
        data,
        ("version", "working_days_before_campaign", "description", "source", "confirmed"),
    )
    days = data["working_days_before_campaign"]
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= 120:
        raise DataFileError(f"{path}: working_days_before_campaign must be 0..120")
    return ReminderRule(days, bool(data["confirmed"]), str(data["source"]))


def reminder_day(
    cycle: Cycle, rule: ReminderRule | None = None, catalogue: Catalogue | None = None
) -> datetime.date:
    """The working day that lies `rule` working days before the campaign starts
    (RulesError when the calendar has no holiday data for a year on the way)."""
    catalogue = catalogue or default_catalogue()
    rule = rule or reminder_rule()
    day = cycle.campaign.start
    counted = 0
    while counted < rule.working_days_before_campaign:
        day -= datetime.timedelta(days=1)
        if is_working_day(catalogue, day):
            counted += 1
    return day
