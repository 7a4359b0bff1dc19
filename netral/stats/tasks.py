"""Task-queue entry points (django-q2 runs them by dotted path)."""

from __future__ import annotations

import logging

from netral.stats.refresh import refresh_facts

log = logging.getLogger(__name__)


def refresh() -> int:
    """Rebuild the summary table; returns the number of cases counted."""
    done = refresh_facts()
    log.info("stats refresh: %d cases in %.1f s", done.cases, done.seconds)
    return done.cases
