"""Shared helpers for the documents tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from netral.documents import ExtractionResult

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def seed(prefix: str) -> Path:
    """The seed article whose file name starts with `prefix` (e.g. "000")."""
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} not available at {SEEDS}")
    return found[0]


def primary(result: ExtractionResult) -> dict[str, Any]:
    assert result.primary is not None, "no primary instrument"
    instrument: dict[str, Any] = result.to_dict()["instruments"][result.primary]
    return instrument
