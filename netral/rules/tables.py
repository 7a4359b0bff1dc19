"""Lookup tables the engine compiles from a catalogue once, before it sees any facts.

For every (conduct, subject) the table lists the provisions that can apply, the
dates on which anything that decides the answer changes, and which optional facts any
relevant rule looks at. Two sets of facts that agree on those facts and fall between the
same two dates get the same finding and trace, so the engine computes it once.

Nothing here depends on the facts of a case, so the tables live in ``catalogue.derived``
and are never evicted with the outcome cache.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from netral.rules.catalogue import Catalogue
from netral.rules.encode import inner
from netral.rules.model import Bridge, Conditions, Period, Provision, RuleException

RECOMMENDER = "PEMBERI_REKOMENDASI"


@dataclass(frozen=True, slots=True, eq=False)  # compared and hashed by identity: a cache key
class PairTable:
    """What one conduct's answer can depend on for one subject, besides the election and the
    candidate status (which are always part of the key)."""

    candidates: tuple[Provision, ...]
    edges: tuple[datetime.date, ...]
    uses_leave: bool
    uses_passive: bool
    uses_campaign: bool


@dataclass(frozen=True, slots=True)
class Tables:
    pairs: dict[str, dict[str, PairTable]]  # subject -> conduct -> table
    head_edges: dict[str, tuple[datetime.date, ...]]
    body_edges: tuple[datetime.date, ...]
    conduct_json: dict[str, str]  # each conduct code JSON-escaped, without quotes


def _may_apply(when: Conditions, conduct: str, subject: str) -> bool:
    """False when the rule's own lists exclude the conduct or the subject on any date."""
    conducts, subjects = when.allowed("conduct"), when.allowed("subject")
    return (conducts is None or conduct in conducts) and (subjects is None or subject in subjects)


def _edges(periods: Iterable[Period]) -> set[datetime.date]:
    days: set[datetime.date] = set()
    for period in periods:
        days.add(period.start)
        if period.end is not None:
            days.add(period.end + datetime.timedelta(days=1))
    return days


def _flags(rules: Iterable[Conditions]) -> set[str]:
    return {name for when in rules for name, _ in when.flags}


def _pair(
    catalogue: Catalogue,
    candidates: tuple[Provision, ...],
    exceptions: list[RuleException],
    bridges: list[Bridge],
) -> PairTable:
    """Only rules that can touch this pair add dates or optional facts to its key."""
    rules: list[Provision | RuleException | Bridge] = [*candidates, *exceptions, *bridges]
    periods = [rule.effective for rule in rules]
    if any(RECOMMENDER in p.handled_by for p in candidates):
        periods += [b.effective for b in catalogue.bodies]
    cited = {ref.instrument for p in candidates for ref in p.basis}
    cited |= {ref.instrument for b in bridges for ref in b.add_basis}
    periods += [catalogue.instruments[name].in_force for name in cited]
    flags = _flags(rule.when for rule in rules)
    return PairTable(
        candidates=candidates,
        edges=tuple(sorted(_edges(periods))),
        uses_leave="on_leave" in flags,
        uses_passive="passive_attendance" in flags,
        uses_campaign="during_campaign" in flags,
    )


def _election_edges(catalogue: Catalogue, election: str) -> tuple[datetime.date, ...]:
    """Dates on which the candidate status or the campaign period can change."""
    cycles = [c for c in catalogue.cycles if c.election == election]
    days = _edges([c.window for c in cycles] + [c.campaign for c in cycles])
    return tuple(sorted(days | {date for c in cycles for _, date in c.determinations}))


def build_tables(catalogue: Catalogue) -> Tables:
    index: dict[tuple[str, str], list[Provision]] = defaultdict(list)
    for provision in catalogue.provisions:
        for conduct in provision.when.allowed("conduct") or ():
            for subject in provision.when.allowed("subject") or ():
                index[conduct, subject].append(provision)
    vocabulary = catalogue.vocabulary
    pairs: dict[str, dict[str, PairTable]] = {}
    for subject in vocabulary.subjects:
        for conduct in vocabulary.conduct:
            candidates = tuple(index.get((conduct, subject), ()))
            exceptions = [e for e in catalogue.exceptions if _may_apply(e.when, conduct, subject)]
            bridges = [b for b in catalogue.bridges if _may_apply(b.when, conduct, subject)]
            table = _pair(catalogue, candidates, exceptions, bridges)
            pairs.setdefault(subject, {})[conduct] = table
    return Tables(
        pairs=pairs,
        head_edges={e: _election_edges(catalogue, e) for e in vocabulary.elections},
        body_edges=tuple(sorted(_edges(b.effective for b in catalogue.bodies))),
        conduct_json={code: inner(code) for code in vocabulary.conduct},
    )


def tables(catalogue: Catalogue) -> Tables:
    """The catalogue's tables, compiled on first use and kept for the catalogue's life."""
    found: Tables | None = catalogue.derived.get("engine.tables")
    if found is None:
        found = build_tables(catalogue)
        catalogue.derived["engine.tables"] = found
    return found
