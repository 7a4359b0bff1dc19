"""Rate limiting without storing client addresses: per-window HMAC keys in the database."""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest
from django.utils import timezone

from netral.intake import conf
from netral.intake.models import ClientHit
from netral.intake.secrecy import server_key
from netral.security.ratelimit import Window

_WINDOWS = {
    "submit": ("INTAKE_SUBMISSIONS_PER_WINDOW", "INTAKE_SUBMISSION_WINDOW_SECONDS"),
    "lookup": ("INTAKE_LOOKUP_FAILURES_PER_WINDOW", "INTAKE_LOOKUP_WINDOW_SECONDS"),
    "message": ("INTAKE_MESSAGES_PER_WINDOW", "INTAKE_LOOKUP_WINDOW_SECONDS"),
}


def client_address(request: HttpRequest) -> str:
    # Behind a proxy, the deployment must set REMOTE_ADDR to the real client (docs/intake.md).
    return str(request.META.get("REMOTE_ADDR", ""))


def _window(scope: str) -> Window:
    limit_name, seconds_name = _WINDOWS[scope]
    return Window(seconds=conf.get(seconds_name), limit=conf.get(limit_name))


def _key(scope: str, request: HttpRequest) -> str:
    window = _window(scope)
    return window.key(
        secret=server_key("ratelimit"),
        scope=scope,
        client=client_address(request),
        at=timezone.now(),
    )


def is_limited(scope: str, request: HttpRequest) -> bool:
    window = _window(scope)
    longest = max(_window(name).seconds for name in _WINDOWS)
    ClientHit.objects.filter(created_at__lt=timezone.now() - timedelta(seconds=longest)).delete()
    return window.exceeded(ClientHit.objects.filter(key=_key(scope, request)).count())


def record(scope: str, request: HttpRequest) -> None:
    ClientHit.objects.create(key=_key(scope, request))
