"""People and texts for the registry tests: BKPSDM staff of one regency and of one
province, a central supervisor, a verifier (no registry role), and our own circulars."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache

from netral.accounts.models import Role, User
from netral.demo.registry import OWN
from tests.accounts.factories import staff


@dataclass
class People:
    bogor: User  # BKPSDM (PPK_STAFF) of Kabupaten Bogor, 32.01
    jabar: User  # BKPSDM of Provinsi Jawa Barat, 32 (covers its regencies and cities)
    kebumen: User  # BKPSDM of Kabupaten Kebumen, 33.05
    central: User  # central supervisor, national
    verifier: User  # a case verifier of 32.01: no registry role


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """The rules pages' link map is cached; ids are reused between tests."""
    cache.clear()


@pytest.fixture
def people(db: Any) -> People:
    return People(
        bogor=staff("bkpsdm-bogor", Role.PPK_STAFF, regions=("32.01",)),
        jabar=staff("bkpsdm-jabar", Role.PPK_STAFF, regions=("32",)),
        kebumen=staff("bkpsdm-kebumen", Role.PPK_STAFF, regions=("33.05",)),
        central=staff("pusat", Role.CENTRAL_SUPERVISOR, national=True),
        verifier=staff("verifikator", Role.VERIFIER, regions=("32.01",)),
    )


def own_text(name: str) -> str:
    """One of the fictional circulars the demo loads without ../shared."""
    return (OWN / f"{name}.txt").read_text(encoding="utf-8")


def own_path(name: str) -> Path:
    return OWN / f"{name}.txt"
