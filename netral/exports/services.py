"""The one write of an export: the log entry, made before the first byte is sent."""

from __future__ import annotations

import logging
from typing import Any

from netral.accounts.models import User
from netral.exports.models import ExportLog

log = logging.getLogger(__name__)


def export_record(*, actor: User, kind: str, fmt: str, params: dict[str, Any]) -> ExportLog:
    entry = ExportLog.objects.create(
        user=actor, kind=kind[:60], format=fmt, params={k: str(v) for k, v in params.items()}
    )
    log.info("export user=%s kind=%s format=%s", actor.pk, kind, fmt)
    return entry
