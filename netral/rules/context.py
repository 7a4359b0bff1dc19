"""Facts the engine derives from the election timetable: candidate status, campaign period."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from netral.rules.catalogue import Catalogue
from netral.rules.model import Cycle


@dataclass(frozen=True, slots=True)
class Context:
    status: str | None
    status_given: bool
    cycle: Cycle | None
    during_campaign: bool | None
    before_determination: bool
    ambiguity_id: str = ""
    ambiguity_en: str = ""


def find_cycle(catalogue: Catalogue, election: str, day: datetime.date) -> Cycle | None:
    return next(
        (c for c in catalogue.cycles if c.election == election and c.window.contains(day)),
        None,
    )


def _ambiguity(cycle: Cycle, day: datetime.date) -> tuple[str, str]:
    """Several races determined on different days: say which boundary was used."""
    dates = sorted(date for _, date in cycle.determinations)
    if len(dates) < 2 or not dates[0] <= day < dates[-1]:
        return "", ""
    later = ", ".join(f"{race} {date.isoformat()}" for race, date in cycle.determinations)
    return (
        f"Perhatian: calon ditetapkan pada tanggal berbeda per jenis pemilihan ({later}); "
        "berikan candidate_status bila calon yang didukung belum ditetapkan.",
        f"Caution: candidates were determined on different days per race ({later}); give "
        "candidate_status if the candidate supported was not yet determined.",
    )


def derive_context(
    catalogue: Catalogue, election: str, day: datetime.date, given: str | None
) -> Context:
    cycle = find_cycle(catalogue, election, day)
    if cycle is None:
        return Context(given, given is not None, None, None, False)
    before = day < cycle.first_determination
    derived = "BAKAL_CALON" if before else "CALON"
    ambiguity = _ambiguity(cycle, day) if given is None else ("", "")
    return Context(
        status=given or derived,
        status_given=given is not None,
        cycle=cycle,
        during_campaign=cycle.campaign.contains(day),
        before_determination=before,
        ambiguity_id=ambiguity[0],
        ambiguity_en=ambiguity[1],
    )
