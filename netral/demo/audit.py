"""The demo's audit anchor: a signing key in the data directory and a first checkpoint."""

from __future__ import annotations

from netral.audit.checkpoint import checkpoint_write
from netral.audit.keys import signing_key_create
from netral.audit.models import Checkpoint


def load_demo_audit() -> Checkpoint:
    """Create the signing key if the data directory has none, then sign every chain's head."""
    signing_key_create()
    return checkpoint_write()
