"""Cross-file checks run at load: every code, instrument and set a record names must exist."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from netral.rules.errors import CatalogueError
from netral.rules.model import Conditions, Period, Ref

if TYPE_CHECKING:
    from netral.rules.catalogue import Catalogue


def _known(values: Iterable[str], allowed: Iterable[str], where: str) -> None:
    allowed_set = set(allowed)
    for value in values:
        if value not in allowed_set:
            raise CatalogueError(f"{where}: unknown code {value!r}")


def _period_ok(period: Period, where: str) -> None:
    if period.end is not None and period.end < period.start:
        raise CatalogueError(f"{where}: effective period ends before it starts")


def _refs_ok(catalogue: Catalogue, refs: Iterable[Ref], period: Period, where: str) -> None:
    for ref in refs:
        instrument = catalogue.instruments.get(ref.instrument)
        if instrument is None:
            raise CatalogueError(f"{where}.basis: unknown instrument {ref.instrument!r}")
        if not instrument.in_force.overlaps(period):
            raise CatalogueError(
                f"{where}.basis: {ref.instrument} is never in force during {period.describe()}"
            )


def _conditions_ok(catalogue: Catalogue, when: Conditions, where: str) -> None:
    vocabulary = catalogue.vocabulary
    allowed = {
        "conduct": vocabulary.conduct,
        "subject": vocabulary.subjects,
        "candidate_status": vocabulary.statuses,
        "election": vocabulary.elections,
    }
    for name, values in when.lists:
        _known(values, allowed[name], f"{where}.when.{name}")


def _unique(ids: Iterable[str], what: str) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise CatalogueError(f"{what}: duplicate id {item!r}")
        seen.add(item)


def _provisions_ok(catalogue: Catalogue) -> None:
    vocabulary = catalogue.vocabulary
    for item in catalogue.provisions:
        where = f"{item.file}: {item.id}"
        _period_ok(item.effective, where)
        _conditions_ok(catalogue, item.when, where)
        _refs_ok(catalogue, item.basis, item.effective, where)
        _known([item.track], vocabulary.tracks, f"{where}.track")
        _known([item.level] if item.level else [], vocabulary.levels, f"{where}.level")
        _known(item.handled_by, vocabulary.handlers, f"{where}.handled_by")
        if item.sanctions not in catalogue.sanction_sets:
            raise CatalogueError(f"{where}.sanctions: unknown sanction set {item.sanctions!r}")
        if item.when.allowed("conduct") is None or item.when.allowed("subject") is None:
            raise CatalogueError(f"{where}.when: a provision must name its conduct and subject")


def _others_ok(catalogue: Catalogue) -> None:
    for exc in catalogue.exceptions:
        _period_ok(exc.effective, f"{exc.file}: {exc.id}")
        _conditions_ok(catalogue, exc.when, f"{exc.file}: {exc.id}")
    for bridge in catalogue.bridges:
        where = f"{bridge.file}: {bridge.id}"
        _period_ok(bridge.effective, where)
        _conditions_ok(catalogue, bridge.when, where)
        _refs_ok(catalogue, bridge.add_basis, bridge.effective, where)
    for set_ in catalogue.sanction_sets.values():
        _known(set_.sanctions, catalogue.sanction_labels, f"sanctions.yaml: {set_.id}.sanctions")
    for cycle in catalogue.cycles:
        _known([cycle.election], catalogue.vocabulary.elections, f"elections.yaml: {cycle.id}")
    for rule in catalogue.deadlines:
        where = f"deadlines.yaml: {rule.stage}"
        _known([rule.election] if rule.election else [], catalogue.vocabulary.elections, where)
        _refs_ok(catalogue, rule.basis, rule.effective, where)


def _calendar_ok(catalogue: Catalogue) -> None:
    for year, data in catalogue.calendar.items():
        where = f"calendar/{year}.yaml"
        decrees = {decree.id for decree in data.decrees}
        _unique([d.date.isoformat() for d in data.days], f"{where}: days")
        for day in data.days:
            if day.date.year != year:
                raise CatalogueError(f"{where}: {day.date} is not in {year}")
            if day.decree not in decrees:
                raise CatalogueError(f"{where}: {day.date}.decree: unknown decree {day.decree!r}")


def check_references(catalogue: Catalogue) -> None:
    _unique([p.id for p in catalogue.provisions], "provisions")
    _unique([e.id for e in catalogue.exceptions], "exceptions.yaml")
    _unique([b.id for b in catalogue.bridges], "bridges.yaml")
    _provisions_ok(catalogue)
    _others_ok(catalogue)
    _calendar_ok(catalogue)
