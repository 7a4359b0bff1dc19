"""Login throttling: failed attempts per account and per client within a window.

Keys are HMACs so neither usernames nor IP addresses are stored in the clear.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from netral.accounts.models import LoginAttempt


def _key(kind: str, value: str) -> str:
    secret = settings.SECRET_KEY.encode()
    return hmac.new(secret, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))


def _keys(request: HttpRequest, username: str) -> list[str]:
    return [_key("user", username.strip().lower()), _key("client", client_address(request))]


def login_blocked(request: HttpRequest, username: str) -> bool:
    since = timezone.now() - timedelta(seconds=settings.LOGIN_THROTTLE_WINDOW_SECONDS)
    limit = settings.LOGIN_THROTTLE_ATTEMPTS
    return any(
        LoginAttempt.objects.filter(key=key, created_at__gte=since).count() >= limit
        for key in _keys(request, username)
    )


def login_failed(request: HttpRequest, username: str) -> None:
    LoginAttempt.objects.bulk_create(LoginAttempt(key=k) for k in _keys(request, username))


def login_succeeded(request: HttpRequest, username: str) -> None:
    LoginAttempt.objects.filter(key=_keys(request, username)[0]).delete()
    horizon = timezone.now() - timedelta(seconds=settings.LOGIN_THROTTLE_WINDOW_SECONDS)
    LoginAttempt.objects.filter(created_at__lt=horizon).delete()
