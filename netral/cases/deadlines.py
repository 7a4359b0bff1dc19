"""Stage deadlines from the rules engine, on the working-day calendar.

Only this module talks to `netral.rules` about deadlines. Dates are office-local dates
(settings.TIME_ZONE); the stored due date is the last day allowed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from netral import rules
from netral.cases.models import Stage

# Case stage -> the rules engine's stage. RECEIVED shares the verification clock, which
# runs from the day the report came in. RECOMMENDATION has no deadline in the catalogue.
RULES_STAGE = {
    Stage.RECEIVED: "VERIFICATION",
    Stage.VERIFICATION: "VERIFICATION",
    Stage.BAWASLU_REVIEW: "BAWASLU_REVIEW",
    Stage.AGENCY_EXAMINATION: "AGENCY_EXAMINATION",
    Stage.PPK_FOLLOW_UP: "PPK_FOLLOW_UP",
}


@dataclass(frozen=True)
class StageDeadline:
    due_date: datetime.date | None
    rule: dict[str, Any] = field(default_factory=dict)


def local_today(now: datetime.datetime | None = None) -> datetime.date:
    return timezone.localdate(now or timezone.now())


def rule_snapshot(found: rules.DeadlineRule, start: datetime.date) -> dict[str, Any]:
    return {
        "stage": found.stage,
        "election": found.election,
        "days": found.days,
        "unit": found.unit,
        "extendable_to": found.extendable_to,
        "confirmed": found.confirmed,
        "source": found.source,
        "basis": [ref.to_dict() for ref in found.basis],
        "start": start.isoformat(),
    }


def stage_deadline(*, stage: str, election: str, start: datetime.date) -> StageDeadline:
    """The due date for a stage entered on ``start`` (empty when the stage has none)."""
    rules_stage = RULES_STAGE.get(Stage(stage))
    if rules_stage is None:
        return StageDeadline(None)
    try:
        found = rules.deadline(rules_stage, election or None, start)
        due = rules.due(start, found.days, found.unit)
    except rules.RulesError as error:
        # No rule or no calendar for that year: record the error, never guess a date.
        return StageDeadline(None, {"stage": rules_stage, "error": str(error)})
    return StageDeadline(due, rule_snapshot(found, start))


def is_overdue(due_date: datetime.date | None, today: datetime.date) -> bool:
    return due_date is not None and today > due_date


def warning_horizon(today: datetime.date, working_days: int) -> datetime.date:
    """The last day that counts as "at risk": ``working_days`` working days after today.

    Without holiday data for the period, only today is at risk (never a guessed calendar).
    """
    try:
        return rules.due(today, working_days, "WORKING")
    except rules.RulesError:
        return today


def working_days_left(today: datetime.date, due_date: datetime.date) -> int | None:
    """Working days from today to the due date (0 on the due date, negative once overdue);
    None when the calendar has no data for a year in between."""
    sign = 1 if due_date >= today else -1
    first, last = sorted((today, due_date))
    count = 0
    day = first + datetime.timedelta(days=1)
    try:
        while day <= last:
            count += rules.is_working_day(day)
            day += datetime.timedelta(days=1)
    except rules.RulesError:
        return None
    return sign * count
