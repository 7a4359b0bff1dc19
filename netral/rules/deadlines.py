"""Handling deadlines and the recommending body, as dated parameters."""

from __future__ import annotations

import datetime

from netral.rules.catalogue import Catalogue
from netral.rules.errors import RulesError
from netral.rules.model import STAGES, DeadlineRule


def deadline_on(
    catalogue: Catalogue, stage: str, election: str | None, on: datetime.date
) -> DeadlineRule:
    """The deadline rule for a stage (and election, where it matters) in force on a date."""
    if stage not in STAGES:
        raise RulesError(f"unknown stage {stage!r}; expected one of {', '.join(STAGES)}")
    if election is not None and election not in catalogue.vocabulary.elections:
        raise RulesError(f"unknown election {election!r}")
    rules = [r for r in catalogue.deadlines if r.stage == stage and r.effective.contains(on)]
    exact = [r for r in rules if r.election == election]
    general = [r for r in rules if r.election is None]
    found = exact or general
    if not found:
        needs = any(r.election is not None for r in rules)
        hint = "; this stage depends on the election" if needs and election is None else ""
        raise RulesError(f"no {stage} deadline on record for {on.isoformat()}{hint}")
    return found[0]


def recommending_body_on(catalogue: Catalogue, on: datetime.date) -> str:
    body = catalogue.body_on(on)
    if body is None:
        raise RulesError(f"no recommending body on record for {on.isoformat()}")
    return body.body
