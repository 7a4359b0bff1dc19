"""`netral manage retention_purge`: delete the reports of not-actionable cases past the
retention period now (the task queue does it daily); `--dry-run` lists the cases."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from netral.cases.services.retention import expired_case_ids, reports_purge_expired, retention_days


class Command(BaseCommand):
    help = "Delete reports whose case has been not actionable for longer than the retention period."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="list the cases, delete nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["dry_run"]:
            ids = expired_case_ids()
            self.stdout.write(f"retention {retention_days()} days: {len(ids)} case(s) due")
            for case_id in ids:
                self.stdout.write(f"  case {case_id}")
            return
        done = reports_purge_expired().as_dict()
        self.stdout.write(" ".join(f"{name}={count}" for name, count in done.items()))
