"""The scheduled checkpoint (django-q2 schedule `audit.checkpoint`, migration 0002)."""

from __future__ import annotations

import logging

from netral.audit.checkpoint import checkpoint_write
from netral.audit.keys import SigningKeyMissing

log = logging.getLogger(__name__)


def checkpoint() -> int | None:
    try:
        written = checkpoint_write()
    except SigningKeyMissing as missing:
        log.error("audit checkpoint not written: %s", missing)
        return None
    log.info("audit checkpoint %s written", written.seq)
    return written.seq
