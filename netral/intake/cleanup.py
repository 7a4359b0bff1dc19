"""Housekeeping: expired previews and their staged files, unreferenced evidence files,
past rate-limit windows. Run hourly (django-q2 schedule `intake.cleanup`) or by hand:
`netral manage intake_cleanup`.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from datetime import datetime

from django.utils import timezone

from netral.intake import conf, throttle
from netral.intake.models import Evidence, ReportDraft
from netral.intake.services import drafts_expire
from netral.intake.storage import KINDS, evidence_store, staging_area


@dataclass(frozen=True)
class CleanupDone:
    drafts: int = 0
    staging_dirs: int = 0
    orphan_files: int = 0
    rate_limit_hits: int = 0
    rate_limit_salts: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def _older_than(mtime: float, seconds: int) -> bool:
    return time.time() - mtime > seconds


def stray_staging_dirs() -> int:
    """Staging directories no live draft names (a preview that failed half-way, or a
    draft deleted without its files); left alone while a request may still be using them."""
    live = set(ReportDraft.objects.exclude(staging_id="").values_list("staging_id", flat=True))
    area, removed = staging_area(), 0
    grace = conf.get("INTAKE_DRAFT_TTL_SECONDS")
    for directory in area.directories():
        if directory.name not in live and _older_than(directory.stat().st_mtime, grace):
            area.discard(directory.name)
            removed += 1
    return removed


def orphan_files() -> int:
    """Stored files no Evidence row references, older than the grace period."""
    referenced = set(Evidence.objects.exclude(sha256="").values_list("sha256", flat=True))
    referenced |= set(
        Evidence.objects.exclude(cleaned_sha256="").values_list("cleaned_sha256", flat=True)
    )
    grace, removed, store = conf.get("INTAKE_ORPHAN_GRACE_SECONDS"), 0, evidence_store()
    for kind in KINDS:
        for sha256, path in store.stored(kind):
            if sha256 not in referenced and _older_than(path.stat().st_mtime, grace):
                path.unlink(missing_ok=True)
                removed += 1
    return removed


def run_cleanup(*, now: datetime | None = None) -> CleanupDone:
    now = now or timezone.now()
    drafts = drafts_expire(now=now)
    hits, salts = throttle.prune(now)
    return CleanupDone(
        drafts=drafts,
        staging_dirs=stray_staging_dirs(),
        orphan_files=orphan_files(),
        rate_limit_hits=hits,
        rate_limit_salts=salts,
    )
