"""Applying the catalogue to facts.

For each conduct the engine takes the provisions in force on the date whose conditions the
facts meet, lets exceptions remove tracks, lets bridges add basis, keeps only basis
instruments in force on the date, and resolves the recommending body by date. Every step
leaves a trace line. Results are cached per stretch of dates in which no rule changes.
"""

from __future__ import annotations

import bisect
import datetime
import json
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from netral.rules import explain
from netral.rules.catalogue import Catalogue
from netral.rules.context import Context, derive_context
from netral.rules.errors import RulesError
from netral.rules.facts import Facts, parse_facts
from netral.rules.model import TRACKS, Conditions, Period, Provision, Ref
from netral.rules.result import Assessment, Finding, Outcome, Part, TrackResult
from netral.rules.trace import TraceLine

RECOMMENDER = "PEMBERI_REKOMENDASI"
CACHE_LIMIT = 100_000
FACTS_LINE_DATES = 3  # the facts line shows the date in "id", "en" and "facts"
T = TypeVar("T")


def _index(catalogue: Catalogue) -> dict[tuple[str, str], list[Provision]]:
    index: dict[tuple[str, str], list[Provision]] = defaultdict(list)
    for provision in catalogue.provisions:
        for conduct in provision.when.allowed("conduct") or ():
            for subject in provision.when.allowed("subject") or ():
                index[conduct, subject].append(provision)
    return dict(index)


def _edges(periods: list[Period]) -> set[datetime.date]:
    days = {p.start for p in periods}
    return days | {p.end + datetime.timedelta(days=1) for p in periods if p.end is not None}


def _election_edges(catalogue: Catalogue, election: str) -> set[datetime.date]:
    """Dates on which the candidate status or the campaign period can change."""
    cycles = [c for c in catalogue.cycles if c.election == election]
    days = _edges([c.window for c in cycles] + [c.campaign for c in cycles])
    return days | {date for c in cycles for _, date in c.determinations}


def _pair_edges(catalogue: Catalogue, provisions: list[Provision]) -> set[datetime.date]:
    """Dates on which anything a conduct's answer depends on can change."""
    periods = [p.effective for p in provisions]
    periods += [e.effective for e in catalogue.exceptions]
    periods += [b.effective for b in catalogue.bridges] + [b.effective for b in catalogue.bodies]
    cited = {ref.instrument for p in provisions for ref in p.basis}
    cited |= {ref.instrument for b in catalogue.bridges for ref in b.add_basis}
    periods += [catalogue.instruments[name].in_force for name in cited]
    return _edges(periods)


@dataclass(frozen=True)
class _Lookups:
    """Structural indexes of a catalogue, built once (never evicted with the outcome cache).

    Outcomes are cached per *segment*: the stretch between two consecutive dates on which
    something they depend on changes. Fewer edges per key means fewer distinct entries.
    """

    index: dict[tuple[str, str], list[Provision]]
    head_edges: dict[str, list[datetime.date]]
    pair_edges: dict[tuple[str, str, str], list[datetime.date]]


def _build_lookups(catalogue: Catalogue) -> _Lookups:
    index = _index(catalogue)
    elections = list(catalogue.vocabulary.elections)
    head = {e: sorted(_election_edges(catalogue, e)) for e in elections}
    pairs = {
        (conduct, subject, election): sorted(
            _pair_edges(catalogue, index.get((conduct, subject), []))
            | _election_edges(catalogue, election)
        )
        for conduct in catalogue.vocabulary.conduct
        for subject in catalogue.vocabulary.subjects
        for election in elections
    }
    return _Lookups(index, head, pairs)


def _lookups(catalogue: Catalogue) -> _Lookups:
    found = catalogue.derived.get("engine")
    if found is None:
        found = _build_lookups(catalogue)
        catalogue.derived["engine"] = found
    assert isinstance(found, _Lookups)  # noqa: S101 - narrows the stored type for mypy
    return found


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


class _Run:
    """One conduct being assessed: collects its finding and trace lines."""

    def __init__(self, catalogue: Catalogue, facts: Facts, context: Context) -> None:
        self.catalogue = catalogue
        self.facts = facts
        self.context = context
        self.trace: list[TraceLine] = []
        self.needs_body = False

    def conduct(self, conduct: str, candidates: list[Provision]) -> Part:
        view = _view(self.facts, self.context, conduct)
        chosen = self._choose(conduct, candidates, view)
        removed = self._exceptions(conduct, view)
        tracks = [self._track(conduct, p) for p in chosen if p.track not in removed]
        if not chosen:
            self.trace.append(explain.nothing_line(conduct, self.facts, self.context.status))
        tracks.sort(key=lambda t: TRACKS.index(t.track))
        return Part(Finding(conduct, tuple(tracks)), tuple(self.trace), self.needs_body)

    def _choose(
        self, conduct: str, candidates: list[Provision], view: Mapping[str, object]
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

    def _track(self, conduct: str, provision: Provision) -> TrackResult:
        sanction_set = self.catalogue.sanction_sets[provision.sanctions]
        confirmed = provision.confirmed and sanction_set.confirmed
        basis = list(provision.basis)
        if sanction_set.note:
            self.trace.append(explain.note_line(conduct, sanction_set.id, sanction_set.note))
        view = _view(self.facts, self.context, conduct)
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


def _remember(catalogue: Catalogue, key: tuple[object, ...], make: Callable[[], T]) -> T:
    """Cache a date-free result under a key that includes the date's segment."""
    cache = catalogue.cache
    if key in cache:
        return cache[key]  # type: ignore[return-value]
    value = make()
    if len(cache) > CACHE_LIMIT:
        cache.clear()
    cache[key] = value
    return value


def _head(catalogue: Catalogue, facts: Facts) -> tuple[Context, Part]:
    context = derive_context(catalogue, facts.election, facts.date, facts.candidate_status)
    return context, Part(None, (explain.status_line(context),))


def _conduct_part(
    catalogue: Catalogue, facts: Facts, context: Context, conduct: str, key: tuple[object, ...]
) -> Part:
    def make() -> Part:
        candidates = _lookups(catalogue).index.get((conduct, facts.subject), [])
        return _Run(catalogue, facts, context).conduct(conduct, candidates)

    return _remember(catalogue, key, make)


def assess_facts(catalogue: Catalogue, facts: Facts) -> Assessment:
    lookups = _lookups(catalogue)
    day = facts.date
    head_segment = bisect.bisect_right(lookups.head_edges[facts.election], day)
    state = (facts.election, facts.candidate_status)
    context, head = _remember(
        catalogue, ("head", *state, head_segment), lambda: _head(catalogue, facts)
    )
    parts = [head]
    flags = (facts.subject, facts.on_leave, facts.passive_attendance)
    cache = catalogue.cache
    for conduct in facts.conduct:
        edges = lookups.pair_edges[conduct, facts.subject, facts.election]
        key = ("conduct", conduct, *flags, *state, bisect.bisect_right(edges, day))
        part = cache.get(key)  # the common case, looked up inline: this loop is the hot path
        if part is None:
            part = _conduct_part(catalogue, facts, context, conduct, key)
        parts.append(part)  # type: ignore[arg-type]
    if any(part.needs_body for part in parts):
        body = catalogue.body_on(day)
        name = body.body if body else None
        parts.append(
            _remember(catalogue, ("body", name), lambda: Part(None, (explain.body_line(body),)))
        )
    return Assessment(
        facts, Outcome(tuple(parts)), catalogue.version, _facts_json(catalogue, facts)
    )


def _facts_json(catalogue: Catalogue, facts: Facts) -> str:
    """The serialised facts line, from a template cached per facts-without-the-date."""
    day = facts.date.isoformat()
    key = (
        "facts_json",
        facts.subject,
        facts.conduct,
        facts.election,
        facts.candidate_status,
        facts.on_leave,
        facts.passive_attendance,
    )
    template = catalogue.cache.get(key)
    if template is None:
        line = json.dumps(explain.facts_line(facts).to_dict(), ensure_ascii=False)
        template = line.split(day)
        if len(template) != FACTS_LINE_DATES + 1:  # the date must appear exactly where we put it
            return line
        catalogue.cache[key] = template
    assert isinstance(template, list)  # noqa: S101 - narrows the cache's value type for mypy
    return day.join(template)


def assess_with(catalogue: Catalogue, raw: Mapping[str, object]) -> Assessment:
    return assess_facts(catalogue, parse_facts(raw, catalogue.vocabulary))
