"""Netral's legal catalogue as dated, cited data, the engine that applies it, and the
working-day calendar. Pure Python: nothing here imports Django.

Public API (stable; other parts of Netral build on it)::

    assess(facts) -> Assessment            # .to_dict() is the CLI output object without "id"
    due(start, days, unit) -> date         # unit "WORKING" or "CALENDAR"
    is_working_day(day) -> bool
    deadline(stage, election, on) -> DeadlineRule
    recommending_body(on) -> str
    load_catalogue(path=None) -> Catalogue
    RulesError                              # bad input, English message
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from functools import cache

from netral.rules.calendar import due_on
from netral.rules.calendar import is_working_day as is_working_day_on
from netral.rules.catalogue import Catalogue
from netral.rules.deadlines import deadline_on, recommending_body_on
from netral.rules.engine import assess_with
from netral.rules.errors import CatalogueError, RulesError
from netral.rules.loader import load_catalogue
from netral.rules.model import DeadlineRule
from netral.rules.result import Assessment, Finding, TrackResult
from netral.rules.trace import TraceLine

__all__ = [
    "Assessment",
    "Catalogue",
    "CatalogueError",
    "DeadlineRule",
    "Finding",
    "RulesError",
    "TraceLine",
    "TrackResult",
    "assess",
    "deadline",
    "default_catalogue",
    "due",
    "is_working_day",
    "load_catalogue",
    "recommending_body",
]


@cache
def default_catalogue() -> Catalogue:
    """The packaged catalogue, read once per process."""
    return load_catalogue()


def assess(facts: Mapping[str, object], *, catalogue: Catalogue | None = None) -> Assessment:
    """Assess one set of facts; raises :class:`RulesError` on bad input."""
    return assess_with(catalogue or default_catalogue(), facts)


def due(
    start: datetime.date,
    days: int,
    unit: str,
    *,
    roll_forward: bool = False,
    catalogue: Catalogue | None = None,
) -> datetime.date:
    """The due date ``days`` working or calendar days after ``start``."""
    return due_on(catalogue or default_catalogue(), start, days, unit, roll_forward=roll_forward)


def deadline(
    stage: str,
    election: str | None,
    on: datetime.date,
    *,
    catalogue: Catalogue | None = None,
) -> DeadlineRule:
    """The handling deadline for ``stage`` in force on ``on``."""
    return deadline_on(catalogue or default_catalogue(), stage, election, on)


def recommending_body(on: datetime.date, *, catalogue: Catalogue | None = None) -> str:
    """Which body recommends the sanction for a case on ``on``: KASN, later BKN."""
    return recommending_body_on(catalogue or default_catalogue(), on)


def is_working_day(day: datetime.date, *, catalogue: Catalogue | None = None) -> bool:
    """Whether ``day`` is a working day; raises :class:`RulesError` for a year without data."""
    return is_working_day_on(catalogue or default_catalogue(), day)
