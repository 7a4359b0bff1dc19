"""What the engine returns: findings per conduct and a bilingual explanation trace."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from netral.rules.explain import facts_line
from netral.rules.model import Ref
from netral.rules.trace import TraceLine

if TYPE_CHECKING:
    from netral.rules.facts import Facts


@dataclass(frozen=True, slots=True)
class TrackResult:
    track: str
    level: str | None
    sanctions: tuple[str, ...]
    basis: tuple[Ref, ...]
    handled_by: tuple[str, ...]
    confirmed: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "track": self.track,
            "level": self.level,
            "sanctions": list(self.sanctions),
            "basis": [ref.to_dict() for ref in self.basis],
            "handled_by": list(self.handled_by),
            "confirmed": self.confirmed,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    conduct: str
    tracks: tuple[TrackResult, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"conduct": self.conduct, "tracks": [t.to_dict() for t in self.tracks]}


@dataclass(frozen=True)
class Part:
    """A reusable piece of an outcome: one conduct's finding, or a shared trace step.

    Parts never mention the conduct date, so the engine caches them per stretch of dates in
    which no rule changes, with their JSON serialised once.
    """

    finding: Finding | None
    trace: tuple[TraceLine, ...]
    needs_body: bool = False

    @cached_property
    def finding_json(self) -> str:
        return json.dumps(self.finding.to_dict(), ensure_ascii=False) if self.finding else ""

    @cached_property
    def trace_json(self) -> str:
        return ", ".join(json.dumps(line.to_dict(), ensure_ascii=False) for line in self.trace)


@dataclass(frozen=True)
class Outcome:
    parts: tuple[Part, ...]

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(part.finding for part in self.parts if part.finding is not None)

    @property
    def trace(self) -> tuple[TraceLine, ...]:
        return tuple(line for part in self.parts for line in part.trace)

    def findings_json(self) -> str:
        return "[" + ", ".join(p.finding_json for p in self.parts if p.finding) + "]"

    def trace_json(self) -> list[str]:
        return [p.trace_json for p in self.parts if p.trace]


@dataclass(frozen=True)
class Assessment:
    """Findings and explanation for one set of facts.

    ``facts_json`` is the facts line already serialised (the engine fills it from a cached
    template, since that line is the only one that carries the date).
    """

    facts: Facts
    outcome: Outcome = field(repr=False)
    catalogue_version: str = ""
    facts_json: str = field(default="", repr=False)

    @cached_property
    def facts_line(self) -> TraceLine:
        return facts_line(self.facts)

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.outcome.findings

    @property
    def explanation(self) -> tuple[TraceLine, ...]:
        return (self.facts_line, *self.outcome.trace)

    def to_dict(self) -> dict[str, Any]:
        return {
            "findings": [f.to_dict() for f in self.findings],
            "explanation": [line.to_dict() for line in self.explanation],
        }

    def to_json(self, line_id: object) -> str:
        """The CLI output line; same content as ``{"id": ..., **to_dict()}``, built faster."""
        head = self.facts_json or json.dumps(self.facts_line.to_dict(), ensure_ascii=False)
        trace = ", ".join([head, *self.outcome.trace_json()])
        return (
            f'{{"id": {json.dumps(line_id, ensure_ascii=False)}, '
            f'"findings": {self.outcome.findings_json()}, "explanation": [{trace}]}}'
        )
