"""Helpers for the guide tests: a writable copy of the rules data, the packaged guidance."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from netral.guide.core.guidance import Guidance, default_guidance
from netral.rules import Catalogue, default_catalogue
from netral.rules.loader import DATA_DIR


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    """A private copy of the packaged rules data that a test may edit."""
    target = tmp_path / "rules"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture
def guidance() -> Guidance:
    return default_guidance()


@pytest.fixture
def catalogue() -> Catalogue:
    return default_catalogue()
