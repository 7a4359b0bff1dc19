"""The loaded catalogue: vocabulary, instruments, provisions, timetables, calendars."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from netral.rules.model import (
    BodyPeriod,
    Bridge,
    CalendarYear,
    Cycle,
    DeadlineRule,
    Instrument,
    Label,
    Provision,
    RuleException,
    SanctionSet,
)


@dataclass(frozen=True)
class Vocabulary:
    conduct: dict[str, Label]
    subjects: dict[str, Label]
    elections: dict[str, Label]
    statuses: dict[str, Label]
    tracks: dict[str, Label]
    levels: dict[str, Label]
    handlers: dict[str, Label]


@dataclass
class Catalogue:
    """Everything the engine knows; ``version`` is a fingerprint of the data files."""

    version: str
    vocabulary: Vocabulary
    sanction_labels: dict[str, Label]
    sanction_sets: dict[str, SanctionSet]
    instruments: dict[str, Instrument]
    provisions: tuple[Provision, ...]
    exceptions: tuple[RuleException, ...]
    bridges: tuple[Bridge, ...]
    cycles: tuple[Cycle, ...]
    deadlines: tuple[DeadlineRule, ...]
    bodies: tuple[BodyPeriod, ...]
    calendar: dict[int, CalendarYear]
    # Structural indexes built on first use (engine, calendar); kept for the catalogue's life.
    # Values are typed Any: each kind of key has its own value type, and the engine reads
    # them once per line, where a cast or an isinstance check would cost measurable time.
    derived: dict[object, Any] = field(default_factory=dict, repr=False, compare=False)
    # Outcomes the engine may evict and rebuild at any time (keyed by a kind tag first).
    cache: dict[tuple[object, ...], Any] = field(default_factory=dict, repr=False, compare=False)

    def provision(self, provision_id: str) -> Provision:
        for item in self.provisions:
            if item.id == provision_id:
                return item
        raise KeyError(provision_id)

    def body_on(self, day: datetime.date) -> BodyPeriod | None:
        return next((b for b in self.bodies if b.effective.contains(day)), None)
