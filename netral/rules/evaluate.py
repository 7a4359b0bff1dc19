"""Applying the catalogue to one conduct, from scratch.

The engine takes the provisions in force on the date whose conditions the facts meet, lets
exceptions remove tracks, lets bridges add basis, keeps only basis instruments in force on
the date, and resolves the recommending body by date. Every step leaves a trace line.
``netral.rules.engine`` calls this only when its outcome cache has no answer yet.
"""

from __future__ import annotations

from collections.abc import Mapping

from netral.rules import explain
from netral.rules.catalogue import Catalogue
from netral.rules.context import Context
from netral.rules.errors import RulesError
from netral.rules.facts import Facts
from netral.rules.model import TRACKS, Conditions, Provision, Ref
from netral.rules.result import Finding, Part, TrackResult, make_part
from netral.rules.tables import RECOMMENDER
from netral.rules.trace import TraceLine


def _view(facts: Facts, context: Context, conduct: str) -> dict[str, object]:
    return {
        "conduct": conduct,
        "subject": facts.subject,
        "candidate_status": context.status,
        "election": facts.election,
        "on_leave": facts.on_leave,
        "passive_attendance": facts.passive_attendance,
        "during_campaign": context.during_campaign,
    }


def _matches(when: Conditions, view: Mapping[str, object]) -> bool | None:
    """True or False, or None when a fact the rule needs is unknown."""
    unknown = False
    for name, allowed in when.lists:
        value = view[name]
        if value is None:
            unknown = True
        elif value not in allowed:
            return False
    for name, wanted in when.flags:
        value = view[name]
        if value is None:
            unknown = True
        elif value is not wanted:
            return False
    return None if unknown else True


def _used(when: Conditions, view: Mapping[str, object]) -> dict[str, object]:
    names = [name for name, _ in when.lists] + [name for name, _ in when.flags]
    return {name: view[name] for name in names}


class ConductRun:
    """One conduct being assessed: collects its finding and trace lines."""

    def __init__(self, catalogue: Catalogue, facts: Facts, context: Context) -> None:
        self.catalogue = catalogue
        self.facts = facts
        self.context = context
        self.trace: list[TraceLine] = []
        self.needs_body = False

    def conduct(
        self, conduct: str, candidates: tuple[Provision, ...], memo: dict[object, str]
    ) -> Part:
        view = _view(self.facts, self.context, conduct)
        chosen = self._choose(conduct, candidates, view)
        removed = self._exceptions(conduct, view)
        tracks = [self._track(conduct, p, view) for p in chosen if p.track not in removed]
        if not chosen:
            self.trace.append(explain.nothing_line(conduct, self.facts, self.context.status))
        tracks.sort(key=lambda t: TRACKS.index(t.track))
        finding = Finding(conduct, tuple(tracks))
        return make_part(finding, tuple(self.trace), self.needs_body, memo)

    def _choose(
        self, conduct: str, candidates: tuple[Provision, ...], view: Mapping[str, object]
    ) -> list[Provision]:
        chosen = []
        for provision in candidates:
            if not provision.effective.contains(self.facts.date):
                continue
            verdict = _matches(provision.when, view)
            if verdict is None and view["candidate_status"] is None:
                raise RulesError(
                    f"candidate_status is needed for {conduct}: no {self.facts.election} "
                    f"timetable covers {self.facts.date.isoformat()}"
                )
            if verdict is None:
                self.trace.append(explain.undecided_line(conduct, provision))
            elif verdict:
                chosen.append(provision)
                used = _used(provision.when, view)
                self.trace.append(explain.provision_line(conduct, provision, used))
                if provision.note and not provision.confirmed:
                    self.trace.append(explain.note_line(conduct, provision.id, provision.note))
        return chosen

    def _exceptions(self, conduct: str, view: Mapping[str, object]) -> set[str]:
        removed: set[str] = set()
        for exc in self.catalogue.exceptions:
            if exc.effective.contains(self.facts.date) and _matches(exc.when, view):
                self.trace.append(explain.exception_line(conduct, exc, sorted(exc.removes)))
                removed |= exc.removes
        return removed

    def _track(self, conduct: str, provision: Provision, view: Mapping[str, object]) -> TrackResult:
        sanction_set = self.catalogue.sanction_sets[provision.sanctions]
        confirmed = provision.confirmed and sanction_set.confirmed
        basis = list(provision.basis)
        if sanction_set.note:
            self.trace.append(explain.note_line(conduct, sanction_set.id, sanction_set.note))
        for bridge in self.catalogue.bridges:
            applies = provision.track in bridge.tracks and bridge.effective.contains(
                self.facts.date
            )
            if applies and _matches(bridge.when, view):
                basis += bridge.add_basis
                confirmed = confirmed and bridge.confirmed
                self.trace.append(explain.bridge_line(conduct, bridge, provision.track))
        return TrackResult(
            track=provision.track,
            level=provision.level,
            sanctions=sanction_set.sanctions,
            basis=self._in_force(conduct, basis),
            handled_by=self._handlers(provision.handled_by),
            confirmed=confirmed,
        )

    def _in_force(self, conduct: str, refs: list[Ref]) -> tuple[Ref, ...]:
        kept = []
        for ref in refs:
            instrument = self.catalogue.instruments[ref.instrument]
            if instrument.in_force.contains(self.facts.date):
                kept.append(ref)
            else:
                not_yet = self.facts.date < instrument.in_force.start
                self.trace.append(explain.omitted_line(conduct, ref, instrument, not_yet))
        return tuple(kept)

    def _handlers(self, handlers: tuple[str, ...]) -> tuple[str, ...]:
        if RECOMMENDER not in handlers:
            return handlers
        self.needs_body = True
        body = self.catalogue.body_on(self.facts.date)
        resolved = (body.body if body and h == RECOMMENDER else h for h in handlers)
        return tuple(h for h in resolved if h != RECOMMENDER)
