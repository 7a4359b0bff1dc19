"""Start Django for CLI subcommands that need the database."""

from __future__ import annotations

import os


def setup_django(default_settings: str = "netral.settings.local") -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", default_settings)
    import django

    django.setup()
