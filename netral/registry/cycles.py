"""Which election cycles of the rules catalogue an instrument is about.

An instrument names its elections and year ("Pemilu dan Pilkada 2024"): it covers each
catalogue cycle of those kinds voting in that year. One that names neither covers the
cycles whose window holds its date. Pure Python.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from netral.rules import Catalogue, default_catalogue
from netral.rules.model import Cycle

# The documents core reads the presidential and legislative votes apart; the catalogue's
# timetables know them as the one general election.
KIND_OF = {"PEMILU": "PEMILU", "PILPRES": "PEMILU", "PILEG": "PEMILU", "PILKADA": "PILKADA"}


def cycles_for(
    elections: Iterable[str],
    year: int | None,
    date: datetime.date | None,
    catalogue: Catalogue | None = None,
) -> list[str]:
    cycles = (catalogue or default_catalogue()).cycles
    kinds = {KIND_OF[e] for e in elections if e in KIND_OF}
    if kinds and year is not None:
        return [c.id for c in cycles if c.election in kinds and c.voting.year == year]
    if date is not None:
        return [
            c.id
            for c in cycles
            if (not kinds or c.election in kinds) and c.window.start <= date <= c.voting
        ]
    return []


def cycle_by_id(cycle_id: str, catalogue: Catalogue | None = None) -> Cycle | None:
    return next((c for c in (catalogue or default_catalogue()).cycles if c.id == cycle_id), None)


def current_cycle(today: datetime.date, catalogue: Catalogue | None = None) -> Cycle:
    """The cycle voting next on or after `today`, else the latest one."""
    cycles = sorted((catalogue or default_catalogue()).cycles, key=lambda c: c.voting)
    upcoming = [c for c in cycles if c.voting >= today]
    return upcoming[0] if upcoming else cycles[-1]
