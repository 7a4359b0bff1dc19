"""What an instrument binds and when: scope, elections, prohibited conduct, references."""

from __future__ import annotations

import datetime as dt
from functools import cache

from netral.documents.conduct import ConductHit
from netral.documents.context import Context
from netral.documents.keywords import elections_in, keywords
from netral.documents.loader import check_fields, load_data
from netral.documents.model import Reference, Span


def scope_in(context: Context, windows: list[Span]) -> list[str]:
    found = []
    for start, end in windows:
        found += keywords().scope.labels(context.text, start, end)
    return list(dict.fromkeys(found))


def elections(
    context: Context, windows: list[Span], day: dt.date | None
) -> tuple[list[str], int | None]:
    """The elections named in the windows, and the year: written, or the next vote."""
    named = [pair for start, end in windows for pair in elections_in(context.text, start, end)]
    kinds = list(dict.fromkeys(kind for kind, _ in named))
    year = next((year for _, year in named if year is not None), None)
    if year is None and day is not None:
        year = next_election_year(tuple(kinds), day)
    if year is None:
        whole = elections_in(context.text, 0, len(context.text))
        year = next((y for kind, y in whole if y is not None and kind in kinds), None)
    return kinds, year


@cache
def _voting_days() -> list[tuple[str, int, dt.date]]:
    days = []
    for index, entry in enumerate(load_data("elections.yaml")["elections"]):
        check_fields(f"elections.yaml elections[{index}]", entry,
                     ("kind", "year", "voting", "confirmed"))
        days.append((entry["kind"], entry["year"], entry["voting"]))
    return sorted(days, key=lambda day: day[2])


def next_election_year(kinds: tuple[str, ...], day: dt.date) -> int | None:
    """The year of the first listed election of these kinds voting on or after `day`."""
    wanted = {"PEMILU" if kind in {"PILPRES", "PILEG"} else kind for kind in kinds}
    for kind, year, voting in _voting_days():
        if kind in wanted and voting >= day:
            return year
    return None


def conduct_codes(hits: list[ConductHit], passages: list[Span]) -> tuple[list[str], dict[str, Span]]:
    """Codes matched inside the passages, in order, with where each was first seen."""
    codes: dict[str, Span] = {}
    for hit in hits:
        if hit.code not in codes and any(s <= hit.start and hit.end <= e for s, e in passages):
            codes[hit.code] = (hit.start, hit.end)
    return list(codes), codes


def references(context: Context, windows: list[Span], day: dt.date | None) -> list[Reference]:
    """Known rules cited in the windows; a bare rule is dropped when an article of it is."""
    found: list[Reference] = []
    for rule in context.cited:
        if any(start <= rule.start < end for start, end in windows):
            found += rule.references(day)
    unique = list(dict.fromkeys(found))
    detailed = {r.instrument for r in unique if r.pasal}
    return [r for r in unique if r.pasal or r.instrument not in detailed]
