"""What the engine returns: findings per conduct and a bilingual explanation trace."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from netral.rules.encode import dumps, encode_id
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


@dataclass(frozen=True, slots=True)
class Part:
    """A reusable piece of an outcome: one conduct's finding, or a shared trace step.

    Parts never mention the conduct date, so the engine caches them per stretch of dates in
    which no rule changes. Their JSON is written once, when the part is made (see
    :func:`make_part`), and every output line that uses the part copies it.
    """

    finding: Finding | None
    trace: tuple[TraceLine, ...]
    needs_body: bool
    finding_json: str = field(repr=False, compare=False)
    trace_json: str = field(repr=False, compare=False)


def _encoded(value: Finding | TraceLine, memo: dict[object, str]) -> str:
    # Many parts share a finding or a trace line (the same provision seen from another
    # stretch of dates), so each distinct one is encoded once per memo. Equal values encode
    # alike: their facts hold codes, None and real bools (never 0 or 1 standing for them).
    try:
        text = memo.get(value)
    except TypeError:  # a line whose facts hold a list cannot be a key: encode it each time
        return dumps(value.to_dict())
    if text is None:
        text = memo[value] = dumps(value.to_dict())
    return text


def make_part(
    finding: Finding | None,
    trace: tuple[TraceLine, ...],
    needs_body: bool = False,
    memo: dict[object, str] | None = None,
) -> Part:
    """A part with its JSON; ``memo`` (emptied with the outcome cache) shares encodings."""
    memo = {} if memo is None else memo
    finding_json = "" if finding is None else _encoded(finding, memo)
    trace_json = ", ".join([_encoded(line, memo) for line in trace])
    return Part(finding, trace, needs_body, finding_json, trace_json)


class Assessment:
    """Findings and explanation for one set of facts (treat as immutable).

    ``facts_json`` is the facts line already serialised: the engine fills it from a cached
    template, since that line is the only one that carries the date. A plain class with
    slots, because one is built per input line.
    """

    __slots__ = ("catalogue_version", "facts", "facts_json", "parts")

    def __init__(
        self, facts: Facts, parts: tuple[Part, ...], catalogue_version: str, facts_json: str
    ) -> None:
        self.facts = facts
        self.parts = parts
        self.catalogue_version = catalogue_version
        self.facts_json = facts_json

    def __repr__(self) -> str:
        return f"Assessment(facts={self.facts!r}, catalogue_version={self.catalogue_version!r})"

    @property
    def facts_line(self) -> TraceLine:
        return facts_line(self.facts)

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(part.finding for part in self.parts if part.finding is not None)

    @property
    def explanation(self) -> tuple[TraceLine, ...]:
        return (self.facts_line, *(line for part in self.parts for line in part.trace))

    def to_dict(self) -> dict[str, Any]:
        return {
            "findings": [f.to_dict() for f in self.findings],
            "explanation": [line.to_dict() for line in self.explanation],
        }

    def to_json(self, line_id: object) -> str:
        """The CLI output line; same content as ``{"id": ..., **to_dict()}``, built faster."""
        findings = []
        trace = [self.facts_json]
        for part in self.parts:
            if part.finding is not None:
                findings.append(part.finding_json)
            if part.trace:
                trace.append(part.trace_json)
        return (
            f'{{"id": {encode_id(line_id)}, '
            f'"findings": [{", ".join(findings)}], "explanation": [{", ".join(trace)}]}}'
        )
