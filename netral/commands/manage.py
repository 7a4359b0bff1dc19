"""`netral manage ...`: Django's management commands."""

from __future__ import annotations

import os
from collections.abc import Sequence


def main(argv: Sequence[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netral.settings.local")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["netral manage", *argv])
    return 0
