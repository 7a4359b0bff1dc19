"""What the engine returns: findings per conduct and a bilingual explanation trace."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from netral.rules.model import Period, Ref


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


@dataclass(frozen=True, slots=True)
class TraceLine:
    """One step of the explanation, in Indonesian (``id``) and English (``en``)."""

    step: str
    id: str
    en: str
    conduct: str | None = None
    provision: str | None = None
    effective: Period | None = None
    facts: tuple[tuple[str, object], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"step": self.step}
        if self.conduct is not None:
            out["conduct"] = self.conduct
        if self.provision is not None:
            out["provision"] = self.provision
        if self.effective is not None:
            out["effective_from"] = self.effective.start.isoformat()
            out["effective_until"] = self.effective.end.isoformat() if self.effective.end else None
        if self.facts:
            out["facts"] = dict(self.facts)
        out["id"] = self.id
        out["en"] = self.en
        return out


@dataclass(frozen=True)
class Outcome:
    """The part of an assessment that does not depend on the exact date (shared, cached)."""

    findings: tuple[Finding, ...]
    trace: tuple[TraceLine, ...]

    @cached_property
    def findings_json(self) -> str:
        return json.dumps([f.to_dict() for f in self.findings], ensure_ascii=False)

    @cached_property
    def trace_json(self) -> list[str]:
        return [json.dumps(line.to_dict(), ensure_ascii=False) for line in self.trace]


@dataclass(frozen=True)
class Assessment:
    """Findings and explanation for one set of facts."""

    facts_line: TraceLine
    outcome: Outcome = field(repr=False)
    catalogue_version: str = ""

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
        head = json.dumps(self.facts_line.to_dict(), ensure_ascii=False)
        trace = ", ".join([head, *self.outcome.trace_json])
        return (
            f'{{"id": {json.dumps(line_id, ensure_ascii=False)}, '
            f'"findings": {self.outcome.findings_json}, "explanation": [{trace}]}}'
        )
