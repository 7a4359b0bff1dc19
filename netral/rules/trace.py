"""One line of an explanation, in Indonesian and English."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from netral.rules.model import Period


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
