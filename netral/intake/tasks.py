"""Background tasks of the intake (django-q2): see `cleanup`."""

from __future__ import annotations

from netral.intake.cleanup import run_cleanup


def cleanup() -> dict[str, int]:
    """Scheduled hourly as `intake.cleanup`; returns what it removed (kept as task result)."""
    return run_cleanup().as_dict()
