"""What an instrument binds and when: scope, elections, prohibited conduct, references."""

from __future__ import annotations

import datetime as dt
from functools import cache

from netral.documents.conduct import match_conduct
from netral.documents.context import Context
from netral.documents.keywords import elections_in, keywords
from netral.documents.model import Reference, Span
from netral.rules import default_catalogue


def scope_in(context: Context, windows: list[Span]) -> list[str]:
    found = []
    for start, end in windows:
        found += keywords().scope.labels(context.text, start, end)
    return list(dict.fromkeys(found))


def elections(
    context: Context, windows: list[Span], day: dt.date | None
) -> tuple[list[str], int | None]:
    """The elections named in the windows, and the year: written, or the next vote."""
    named = [
        pair for start, end in windows for pair in _elections_outside_offices(context, start, end)
    ]
    kinds = list(dict.fromkeys(kind for kind, _ in named))
    year = next((year for _, year in named if year is not None), None)
    if year is None and day is not None:
        year = next_election_year(tuple(kinds), day)
    if year is None:
        whole = _elections_outside_offices(context, 0, len(context.text))
        year = next((y for kind, y in whole if y is not None and kind in kinds), None)
    return kinds, year


def _elections_outside_offices(
    context: Context, start: int, end: int
) -> list[tuple[str, int | None]]:
    """Elections named in text[start:end], except inside an office ("Badan Pengawas Pemilu")."""
    offices = [(office.start, office.end) for office in context.offices]
    return [
        (kind, year)
        for kind, year, position in elections_in(context.text, start, end)
        if not any(s <= position < e for s, e in offices)
    ]


@cache
def _voting_days() -> list[tuple[str, int, dt.date]]:
    """(election, year, voting day) from the rules catalogue's election timetables."""
    cycles = default_catalogue().cycles
    return sorted((c.election, c.voting.year, c.voting) for c in cycles)


def next_election_year(kinds: tuple[str, ...], day: dt.date) -> int | None:
    """The year of the first listed election of these kinds voting on or after `day`."""
    wanted = {"PEMILU" if kind in {"PILPRES", "PILEG"} else kind for kind in kinds}
    for kind, year, voting in _voting_days():
        if kind in wanted and voting >= day:
            return year
    return None


def conduct_codes(context: Context, passages: list[Span]) -> tuple[list[str], dict[str, Span]]:
    """Codes named in the passages, in order, with where each was first seen.

    Words inside a cited rule ("PP 94 2021 pasal 5") are not conduct.
    """
    cited = [(rule.start, rule.end) for rule in context.cited]
    codes: dict[str, Span] = {}
    for hit in sorted(match_conduct(context.text, passages), key=lambda hit: hit.start):
        if hit.code not in codes and not any(s < hit.end and hit.start < e for s, e in cited):
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
