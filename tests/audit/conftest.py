"""A signing key for checkpoints, made per test as the set-up makes it per install."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from netral.audit.keys import signing_key_create


@pytest.fixture
def signing_key(tmp_path: Path, settings: Any) -> Path:
    settings.NETRAL_AUDIT_SIGNING_KEY = str(tmp_path / "audit-signing.key")
    settings.NETRAL_AUDIT_CHECKPOINT_LOG = str(tmp_path / "checkpoints.jsonl")
    return signing_key_create(Path(settings.NETRAL_AUDIT_SIGNING_KEY))
