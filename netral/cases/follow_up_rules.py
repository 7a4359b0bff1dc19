"""The escalation a supervisor may take when a PPK does not follow a recommendation.

Read from `data/ppk_follow_up.yaml` (dated, cited steps), not written into the services:
which levers exist, in what order, and from when each has a legal basis.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from netral.datafiles import DataFileError, check_fields, read_strict_yaml

FILE = Path(__file__).resolve().parent / "data" / "ppk_follow_up.yaml"
STEP_FIELDS = ("lever", "id", "after", "effective", "basis", "confirmed", "source")


@dataclass(frozen=True)
class Step:
    lever: str
    label: str
    after: str | None
    effective_from: datetime.date
    effective_until: datetime.date | None
    basis: tuple[str, ...]
    confirmed: bool
    source: str

    def in_force(self, day: datetime.date) -> bool:
        return self.effective_from <= day and (
            self.effective_until is None or day <= self.effective_until
        )


def _step(raw: dict[str, object], index: int) -> Step:
    check_fields(f"{FILE.name} step {index + 1}", raw, STEP_FIELDS, ("note",))
    effective = raw["effective"]
    basis = raw["basis"]
    if not isinstance(effective, dict) or not isinstance(basis, list):
        raise DataFileError(f"{FILE.name} step {index + 1}: effective and basis are required")
    return Step(
        lever=str(raw["lever"]),
        label=str(raw["id"]),
        after=str(raw["after"]) if raw["after"] else None,
        effective_from=effective["from"],
        effective_until=effective.get("until"),
        basis=tuple(str(b["instrument"]) for b in basis),
        confirmed=bool(raw["confirmed"]),
        source=str(raw["source"]),
    )


@cache
def steps() -> tuple[Step, ...]:
    data = read_strict_yaml(FILE)
    check_fields(FILE.name, data, ("triggers", "steps"))
    found = tuple(_step(raw, i) for i, raw in enumerate(data["steps"]))
    levers = [s.lever for s in found]
    for step in found:
        if step.after is not None and step.after not in levers[: levers.index(step.lever)]:
            raise DataFileError(f"{FILE.name}: {step.lever} follows unknown step {step.after}")
    return found


def step_for(lever: str) -> Step | None:
    return next((s for s in steps() if s.lever == lever), None)


def triggers() -> dict[str, str]:
    data = read_strict_yaml(FILE)
    return {str(t["code"]): str(t["id"]) for t in data["triggers"]}
