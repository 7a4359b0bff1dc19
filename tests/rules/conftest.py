"""Helpers for the rules tests: the scenario files and a writable copy of the data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from netral.rules.loader import DATA_DIR

SCENARIOS = Path(__file__).resolve().parent / "scenarios"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the packaged data directory that a test may edit."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target
