# ruff: noqa: N999  (the command is named as operators type it: enrolment-link)
"""`netral manage enrolment-link <username>`: a one-time TOTP enrolment link for a user.

Run by the operator on the server (audited with no actor); the link is printed once and
only its digest is kept. Give it to the user over a trusted channel: they sign in with
their password, open it and enrol their authenticator app.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from netral.accounts.enrolment import enrolment_link_issue, enrolment_link_url, has_totp_device
from netral.accounts.models import User
from netral.errors import DomainError


class Command(BaseCommand):
    help = "Issue a one-time TOTP enrolment link for a staff user (printed once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"no user named {options['username']!r}")
        try:
            link, token = enrolment_link_issue(user=user, actor=None)
        except DomainError as refused:
            raise CommandError(str(refused.message)) from refused
        self.stdout.write(enrolment_link_url(token))
        hours = settings.NETRAL_ENROLMENT_LINK_HOURS
        note = f"valid once, for {user.username}, until {link.expires_at:%Y-%m-%d %H:%M %Z}"
        note += f" ({hours} h)"
        if has_totp_device(user):
            note += "; the user already has a device: delete it in the admin first"
        if not settings.NETRAL_SITE_URL:
            note += "; set NETRAL_SITE_URL to print the full address"
        self.stderr.write(note)
