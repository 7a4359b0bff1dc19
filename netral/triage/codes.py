"""The seventeen conduct codes (``shared/domain/conduct.md``): labels that never change."""

from __future__ import annotations

from pathlib import Path

from netral.datafiles import read_strict_yaml

# Declared once, in the rules catalogue (netral/rules/data/codes.yaml); read here in the
# catalogue's order, which is also the order of the model's columns.
_CATALOGUE = Path(__file__).resolve().parents[1] / "rules" / "data" / "codes.yaml"
CONDUCT_CODES: tuple[str, ...] = tuple(
    str(entry["code"]) for entry in read_strict_yaml(_CATALOGUE)["conduct"]
)

CODE_SET: frozenset[str] = frozenset(CONDUCT_CODES)

NEGATIVE_KINDS: tuple[str, ...] = (
    "rule_explained",
    "appeal",
    "statistic",
    "pledge",
    "cleared",
    "non_bound_actor",
    "circular_issued",
    "neutral_event",
    "passive",
)
