"""`netral demo`: a SQLite database with demonstration data, served on 127.0.0.1:8000."""

from __future__ import annotations

import argparse
import logging
import os
from collections.abc import Sequence


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="netral demo", description=__doc__)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--no-serve", action="store_true", help="load the data and stop")
    args = parser.parse_args(argv)

    os.environ["NETRAL_DEMO"] = "1"
    # No worker process runs in the demo: background tasks run inline.
    os.environ["NETRAL_TASKS_SYNC"] = "1"
    # The demo is SQLite by design: it needs no server.
    os.environ.pop("DATABASE_URL", None)
    from netral.commands.django_setup import setup_django

    setup_django("netral.settings.local")
    # Tasks run inline in the demo; their per-task lines would bury the logins.
    for name in ("django-q", "netral.cases.tasks", "weasyprint"):
        logging.getLogger(name).setLevel(logging.WARNING)
    from django.conf import settings
    from django.core.management import call_command

    from netral.demo.data import DEMO_PASSWORD, load_demo_data

    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
    accounts = load_demo_data()
    database = settings.DATABASES["default"]["NAME"]
    print(f"Netral demo: http://127.0.0.1:{args.port}/  (database {database})")
    print(f"Demo accounts (password for all: {DEMO_PASSWORD}); TOTP is skipped in demo mode only:")
    for account in accounts:
        print(f"  {account.role.label:<20} {account.username:<22} {account.area}")
    if args.no_serve:
        return 0
    call_command("runserver", f"127.0.0.1:{args.port}", use_reloader=False)
    return 0
