"""Rate limiting without storing client addresses: per-window HMAC keys in the database.

Each (scope, window) gets a random salt, stored in `ThrottleSalt` only while the window
lasts; `prune` deletes past windows' salts and hits, so their keys can no longer be
matched against candidate addresses even by someone holding the database and SECRET_KEY.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from netral.intake import conf
from netral.intake.models import ClientHit, ThrottleSalt
from netral.intake.secrecy import server_key
from netral.security.ratelimit import Window, new_salt
from netral.web.client import client_address

_WINDOWS = {
    "submit": ("INTAKE_SUBMISSIONS_PER_WINDOW", "INTAKE_SUBMISSION_WINDOW_SECONDS"),
    "attempt": ("INTAKE_ATTEMPTS_PER_WINDOW", "INTAKE_SUBMISSION_WINDOW_SECONDS"),
    "lookup": ("INTAKE_LOOKUP_FAILURES_PER_WINDOW", "INTAKE_LOOKUP_WINDOW_SECONDS"),
    "message": ("INTAKE_MESSAGES_PER_WINDOW", "INTAKE_LOOKUP_WINDOW_SECONDS"),
    # The public self-check (netral.guide): answers cost engine work, so they are counted too.
    "selfcheck": ("SELFCHECK_ANSWERS_PER_WINDOW", "SELFCHECK_WINDOW_SECONDS"),
}


def _window(scope: str) -> Window:
    limit_name, seconds_name = _WINDOWS[scope]
    return Window(seconds=conf.get(seconds_name), limit=conf.get(limit_name))


def _salt(scope: str, number: int) -> str:
    found = ThrottleSalt.objects.filter(scope=scope, number=number).first()
    if found is not None:
        return found.salt
    try:
        with transaction.atomic():  # a savepoint: a concurrent first hit may win the race
            return ThrottleSalt.objects.create(scope=scope, number=number, salt=new_salt()).salt
    except IntegrityError:
        return ThrottleSalt.objects.get(scope=scope, number=number).salt


def _key(scope: str, request: HttpRequest) -> str:
    window, now = _window(scope), timezone.now()
    return window.key(
        secret=server_key("ratelimit"),
        salt=_salt(scope, window.number(now)),
        scope=scope,
        client=client_address(request),
        at=now,
    )


def prune(now: datetime | None = None) -> tuple[int, int]:
    """Delete hits older than the longest window and the salts of past windows."""
    now = now or timezone.now()
    longest = max(_window(name).seconds for name in _WINDOWS)
    hits, _ = ClientHit.objects.filter(created_at__lt=now - timedelta(seconds=longest)).delete()
    salts = 0
    for scope in _WINDOWS:
        current = _window(scope).number(now)
        deleted, _ = ThrottleSalt.objects.filter(scope=scope, number__lt=current).delete()
        salts += deleted
    return hits, salts


def is_limited(scope: str, request: HttpRequest) -> bool:
    prune()
    window = _window(scope)
    return window.exceeded(ClientHit.objects.filter(key=_key(scope, request)).count())


def record(scope: str, request: HttpRequest) -> None:
    ClientHit.objects.create(key=_key(scope, request))
