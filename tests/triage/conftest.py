"""Triage tests train the model into a throw-away cache, never the user's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


@pytest.fixture(scope="session", autouse=True)
def _model_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    previous = os.environ.get("NETRAL_CACHE_DIR")
    os.environ["NETRAL_CACHE_DIR"] = str(tmp_path_factory.mktemp("netral-cache"))
    yield
    if previous is None:
        os.environ.pop("NETRAL_CACHE_DIR", None)
    else:
        os.environ["NETRAL_CACHE_DIR"] = previous
