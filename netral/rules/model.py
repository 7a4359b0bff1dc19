"""The catalogue's records, as immutable values built from the data files."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

TRACKS = ("ETIK", "DISIPLIN", "PEMBERHENTIAN", "PIDANA", "ADMINISTRATIF", "KONTRAK", "RUJUKAN")
UNITS = ("WORKING", "CALENDAR")
STAGES = ("VERIFICATION", "BAWASLU_REVIEW", "AGENCY_EXAMINATION", "PPK_FOLLOW_UP")
LIST_CONDITIONS = ("conduct", "subject", "candidate_status", "election")
FLAG_CONDITIONS = ("on_leave", "passive_attendance", "during_campaign")


@dataclass(frozen=True, slots=True)
class Label:
    code: str
    id: str
    en: str


@dataclass(frozen=True, slots=True)
class Period:
    """Inclusive dates; ``end`` None means still running."""

    start: datetime.date
    end: datetime.date | None

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def overlaps(self, other: Period) -> bool:
        starts_before_other_ends = other.end is None or self.start <= other.end
        ends_after_other_starts = self.end is None or other.start <= self.end
        return starts_before_other_ends and ends_after_other_starts

    def describe(self) -> str:
        return f"{self.start.isoformat()} – {self.end.isoformat() if self.end else '…'}"


@dataclass(frozen=True, slots=True)
class Ref:
    """A structured article reference; fields that do not apply are None."""

    instrument: str
    pasal: str | None = None
    ayat: str | None = None
    huruf: str | None = None
    angka: str | None = None

    def to_dict(self) -> dict[str, str]:
        fields = (
            ("instrument", self.instrument),
            ("pasal", self.pasal),
            ("ayat", self.ayat),
            ("huruf", self.huruf),
            ("angka", self.angka),
        )
        return {key: value for key, value in fields if value is not None}

    def cite(self) -> str:
        parts = [self.instrument]
        for word, value in (
            ("Pasal", self.pasal),
            ("ayat", self.ayat),
            ("huruf", self.huruf),
            ("angka", self.angka),
        ):
            if value is not None:
                parts.append(f"{word} {value}")
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class Instrument:
    id: str
    title: str
    in_force: Period
    confirmed: bool
    source: str


@dataclass(frozen=True, slots=True)
class SanctionSet:
    id: str
    sanctions: tuple[str, ...]
    basis: tuple[Ref, ...]
    confirmed: bool
    source: str
    note: str | None


@dataclass(frozen=True, slots=True)
class Conditions:
    """What must hold for a rule to apply: lists of allowed codes and required flags."""

    lists: tuple[tuple[str, frozenset[str]], ...]
    flags: tuple[tuple[str, bool], ...]

    def allowed(self, name: str) -> frozenset[str] | None:
        return next((values for key, values in self.lists if key == name), None)

    def flag(self, name: str) -> bool | None:
        return next((value for key, value in self.flags if key == name), None)


@dataclass(frozen=True, slots=True)
class Provision:
    id: str
    file: str
    description: str
    when: Conditions
    effective: Period
    track: str
    level: str | None
    sanctions: str
    basis: tuple[Ref, ...]
    handled_by: tuple[str, ...]
    confirmed: bool
    source: str
    note: str | None


@dataclass(frozen=True, slots=True)
class RuleException:
    """Facts that remove tracks another provision would give (trailing _ : not the builtin)."""

    id: str
    file: str
    description: str
    when: Conditions
    effective: Period
    removes: frozenset[str]
    reason_id: str
    reason_en: str
    confirmed: bool
    source: str


@dataclass(frozen=True, slots=True)
class Bridge:
    id: str
    file: str
    description: str
    when: Conditions
    tracks: frozenset[str]
    effective: Period
    add_basis: tuple[Ref, ...]
    confirmed: bool
    source: str
    note: str | None


@dataclass(frozen=True, slots=True)
class Cycle:
    id: str
    election: str
    window: Period
    determinations: tuple[tuple[str, datetime.date], ...]
    campaign: Period
    quiet: Period
    voting: datetime.date
    confirmed: bool
    source: str

    @property
    def first_determination(self) -> datetime.date:
        return min(date for _, date in self.determinations)


@dataclass(frozen=True, slots=True)
class Step:
    step: str
    days: int
    unit: str
    id: str
    en: str


@dataclass(frozen=True, slots=True)
class DeadlineRule:
    stage: str
    election: str | None
    effective: Period
    days: int
    unit: str
    extendable_to: int | None
    basis: tuple[Ref, ...]
    confirmed: bool
    source: str
    note: str | None
    steps: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class BodyPeriod:
    body: str
    effective: Period
    confirmed: bool
    source: str


@dataclass(frozen=True, slots=True)
class Decree:
    id: str
    title: str
    signed: datetime.date
    confirmed: bool
    source: str


@dataclass(frozen=True, slots=True)
class DayOff:
    date: datetime.date
    kind: str
    name: str
    decree: str
    confirmed: bool


@dataclass(frozen=True, slots=True)
class CalendarYear:
    year: int
    decrees: tuple[Decree, ...]
    days: tuple[DayOff, ...]
