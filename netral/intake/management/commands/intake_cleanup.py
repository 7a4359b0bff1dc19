"""`netral manage intake_cleanup`: remove expired previews and their files, unreferenced
evidence files past the grace period, and past rate-limit windows."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from netral.intake.cleanup import run_cleanup


class Command(BaseCommand):
    help = "Remove expired previews, unreferenced evidence files and past rate-limit windows."

    def handle(self, *args: Any, **options: Any) -> None:
        done = run_cleanup().as_dict()
        self.stdout.write(" ".join(f"{name}={count}" for name, count in done.items()))
