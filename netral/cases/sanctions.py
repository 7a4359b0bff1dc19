"""What a PPK may record against a recommendation, and how it compares with it.

The choices come from the catalogue, not from a flat list: the sanction sets the
catalogue's provisions use for the recommended track under the same regulation (the
recommended set's legal basis), level by level from the lightest. A discipline
recommendation under PP-94-2021 therefore offers the PP-94-2021 sedang and berat sanctions,
never a criminal penalty or a village sanction. Severity is the catalogue's own order:
levels as the vocabulary lists them (moral, ringan, sedang, berat, PTDH), sanctions within
a set as the set lists them.
"""

from __future__ import annotations

from dataclasses import dataclass

from netral import rules
from netral.cases.models import Compliance, Recommendation
from netral.rules.catalogue import Catalogue

NONE = ""  # the PPK imposed no sanction


@dataclass(frozen=True)
class LevelChoices:
    level: str  # "" when the track has no levels
    level_label: str
    sanctions: tuple[str, ...]


def _sets_for(catalogue: Catalogue, track: str) -> list[tuple[str, str]]:
    """(level, set id) pairs the catalogue's provisions use for `track`, deduplicated."""
    seen: dict[tuple[str, str], None] = {}
    for provision in catalogue.provisions:
        if provision.track == track:
            seen[(provision.level or "", provision.sanctions)] = None
    return list(seen)


def _basis(catalogue: Catalogue, set_id: str) -> frozenset[str]:
    found = catalogue.sanction_sets.get(set_id)
    return frozenset(b.instrument for b in found.basis) if found else frozenset()


def _recommended_set(catalogue: Catalogue, track: str, level: str, sanction: str) -> str | None:
    for found_level, set_id in _sets_for(catalogue, track):
        members = catalogue.sanction_sets[set_id].sanctions
        if found_level == level and sanction in members:
            return set_id
    return None


def ladder(*, track: str, level: str, sanction: str) -> list[LevelChoices]:
    """The levels and sanctions a PPK may record for this recommendation, lightest first."""
    catalogue = rules.default_catalogue()
    recommended = _recommended_set(catalogue, track, level, sanction)
    if recommended is None:
        return []
    basis = _basis(catalogue, recommended)
    order = list(catalogue.vocabulary.levels)
    rungs: dict[str, list[str]] = {}
    for found_level, set_id in _sets_for(catalogue, track):
        if set_id != recommended and _basis(catalogue, set_id) != basis:
            continue
        members = rungs.setdefault(found_level, [])
        members += [s for s in catalogue.sanction_sets[set_id].sanctions if s not in members]
    levels = sorted(rungs, key=lambda lv: order.index(lv) if lv in order else len(order))
    return [
        LevelChoices(
            lv,
            catalogue.vocabulary.levels[lv].id if lv in catalogue.vocabulary.levels else "",
            tuple(rungs[lv]),
        )
        for lv in levels
        if rungs[lv]
    ]


def ladder_for(recommendation: Recommendation) -> list[LevelChoices]:
    return ladder(
        track=recommendation.chosen_track,
        level=recommendation.chosen_level,
        sanction=recommendation.chosen_sanction,
    )


def level_of(choices: list[LevelChoices], sanction: str) -> str | None:
    """The level a sanction sits at on the ladder (None: not on it)."""
    return next((c.level for c in choices if sanction in c.sanctions), None)


def _rank(choices: list[LevelChoices], sanction: str) -> tuple[int, int]:
    for index, rung in enumerate(choices):
        if sanction in rung.sanctions:
            return index, rung.sanctions.index(sanction)
    return len(choices), 0


def compare(choices: list[LevelChoices], recommended: str, imposed: str) -> Compliance:
    """Only the recommended sanction complies; anything else is named by how it differs."""
    if imposed == recommended:
        return Compliance.COMPLIANT
    if imposed == NONE:
        return Compliance.NONE
    if _rank(choices, imposed) < _rank(choices, recommended):
        return Compliance.LIGHTER
    return Compliance.DIFFERENT
