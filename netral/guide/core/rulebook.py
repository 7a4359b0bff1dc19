"""What the public rules pages show, read from the rules catalogue alone.

Nothing legal is written here: who is bound, the basis, the sanctions, the dates in force,
the exceptions and the timetables are the catalogue's records, arranged for reading.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from netral.rules import Catalogue
from netral.rules.model import (
    Bridge,
    CalendarYear,
    Cycle,
    Instrument,
    Provision,
    Ref,
    RuleException,
)

STATUS_ROWS = ("BAKAL_CALON", "CALON")


@dataclass(frozen=True, slots=True)
class RuleRow:
    """One provision as a row: for whom, when, and what follows."""

    provision: Provision
    subjects: tuple[str, ...]
    statuses: tuple[str, ...]  # empty: whatever the candidate's status
    elections: tuple[str, ...]  # empty: both elections
    during_campaign: bool | None
    on_leave: bool | None
    sanctions: tuple[str, ...]
    sanction_basis: tuple[Ref, ...]
    confirmed: bool


@dataclass(frozen=True, slots=True)
class Change:
    """A date on which the rules for a conduct changed: what began and what ended."""

    date: datetime.date
    started: tuple[RuleRow, ...]
    ended: tuple[RuleRow, ...]
    instruments_started: tuple[Instrument, ...]
    instruments_ended: tuple[Instrument, ...]


@dataclass(frozen=True, slots=True)
class ConductRules:
    code: str
    on: datetime.date
    by_status: tuple[tuple[str, tuple[RuleRow, ...]], ...]  # BAKAL_CALON / CALON rows
    bound: tuple[str, ...]  # subjects some rule in force binds
    exceptions: tuple[RuleException, ...]
    bridges: tuple[Bridge, ...]
    history: tuple[Change, ...]
    instruments: tuple[Instrument, ...]


def _in_order(codes: set[str], order: Mapping[str, object]) -> tuple[str, ...]:
    return tuple(code for code in order if code in codes)


def rule_row(catalogue: Catalogue, provision: Provision) -> RuleRow:
    when = provision.when
    vocabulary = catalogue.vocabulary
    sanction_set = catalogue.sanction_sets[provision.sanctions]
    return RuleRow(
        provision=provision,
        subjects=_in_order(
            set(when.allowed("subject") or vocabulary.subjects), vocabulary.subjects
        ),
        statuses=_in_order(set(when.allowed("candidate_status") or ()), vocabulary.statuses),
        elections=_in_order(set(when.allowed("election") or ()), vocabulary.elections),
        during_campaign=when.flag("during_campaign"),
        on_leave=when.flag("on_leave"),
        sanctions=sanction_set.sanctions,
        sanction_basis=sanction_set.basis,
        confirmed=provision.confirmed and sanction_set.confirmed,
    )


def _covers(provision: Provision, code: str) -> bool:
    allowed = provision.when.allowed("conduct")
    return allowed is None or code in allowed


def _touches(conditions_conduct: frozenset[str] | None, code: str) -> bool:
    return conditions_conduct is None or code in conditions_conduct


def _history(rows: list[RuleRow], instruments: tuple[Instrument, ...]) -> tuple[Change, ...]:
    dates: set[datetime.date] = set()
    for row in rows:
        dates.add(row.provision.effective.start)
        if row.provision.effective.end is not None:
            dates.add(row.provision.effective.end + datetime.timedelta(days=1))
    for instrument in instruments:
        dates.add(instrument.in_force.start)
        if instrument.in_force.end is not None:
            dates.add(instrument.in_force.end + datetime.timedelta(days=1))
    changes = []
    for day in sorted(dates):
        before = day - datetime.timedelta(days=1)
        changes.append(
            Change(
                date=day,
                started=tuple(r for r in rows if r.provision.effective.start == day),
                ended=tuple(r for r in rows if r.provision.effective.end == before),
                instruments_started=tuple(i for i in instruments if i.in_force.start == day),
                instruments_ended=tuple(i for i in instruments if i.in_force.end == before),
            )
        )
    return tuple(reversed(changes))


def cited_instruments(catalogue: Catalogue, refs: list[Ref]) -> tuple[Instrument, ...]:
    ids = dict.fromkeys(ref.instrument for ref in refs)
    return tuple(catalogue.instruments[i] for i in ids if i in catalogue.instruments)


def conduct_rules(catalogue: Catalogue, code: str, on: datetime.date) -> ConductRules:
    """The rules for one conduct in force on ``on``, with their history and citations."""
    all_rows = [rule_row(catalogue, p) for p in catalogue.provisions if _covers(p, code)]
    now = [row for row in all_rows if row.provision.effective.contains(on)]
    by_status = tuple(
        (status, tuple(r for r in now if not r.statuses or status in r.statuses))
        for status in STATUS_ROWS
    )
    exceptions = tuple(
        e
        for e in catalogue.exceptions
        if e.effective.contains(on) and _touches(e.when.allowed("conduct"), code)
    )
    bound = {s for row in now for s in row.subjects}
    bridges = tuple(
        b
        for b in catalogue.bridges
        if b.effective.contains(on) and bound & set(b.when.allowed("subject") or ())
    )
    refs = [ref for row in all_rows for ref in (*row.provision.basis, *row.sanction_basis)]
    refs += [ref for bridge in bridges for ref in bridge.add_basis]
    instruments = cited_instruments(catalogue, refs)
    return ConductRules(
        code=code,
        on=on,
        by_status=by_status,
        bound=_in_order(bound, catalogue.vocabulary.subjects),
        exceptions=exceptions,
        bridges=bridges,
        history=_history(all_rows, instruments),
        instruments=instruments,
    )


def timetables(catalogue: Catalogue) -> tuple[Cycle, ...]:
    """Election timetables, the latest first."""
    return tuple(sorted(catalogue.cycles, key=lambda c: c.voting, reverse=True))


def calendar_years(catalogue: Catalogue) -> tuple[CalendarYear, ...]:
    return tuple(catalogue.calendar[year] for year in sorted(catalogue.calendar, reverse=True))
