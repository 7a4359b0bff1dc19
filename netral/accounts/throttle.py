"""Login throttling over three keys, each with its own limit within one window.

- account from this client: the ordinary guesser (low limit);
- account from anywhere: slow guessing spread over many addresses (high limit, so nobody
  can lock a colleague out with a handful of wrong passwords);
- client: one address trying many accounts.

Keys are HMACs, so neither usernames nor client addresses are stored in the clear.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from netral.accounts.models import LoginAttempt
from netral.web.client import client_address


def _key(kind: str, value: str) -> str:
    secret = settings.SECRET_KEY.encode()
    return hmac.new(secret, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def _limits(request: HttpRequest, username: str) -> dict[str, int]:
    account, client = username.strip().lower(), client_address(request)
    return {
        _key("pair", f"{account}\x00{client}"): settings.LOGIN_THROTTLE_ATTEMPTS,
        _key("user", account): settings.LOGIN_THROTTLE_ACCOUNT_ATTEMPTS,
        _key("client", client): settings.LOGIN_THROTTLE_CLIENT_ATTEMPTS,
    }


def _window_start() -> datetime:
    return timezone.now() - timedelta(seconds=settings.LOGIN_THROTTLE_WINDOW_SECONDS)


def login_blocked(request: HttpRequest, username: str) -> bool:
    since = _window_start()
    return any(
        LoginAttempt.objects.filter(key=key, created_at__gte=since).count() >= limit
        for key, limit in _limits(request, username).items()
    )


def login_failed(request: HttpRequest, username: str) -> None:
    LoginAttempt.objects.bulk_create(LoginAttempt(key=k) for k in _limits(request, username))


def login_succeeded(request: HttpRequest, username: str) -> None:
    pair = next(iter(_limits(request, username)))
    LoginAttempt.objects.filter(key=pair).delete()
    LoginAttempt.objects.filter(created_at__lt=_window_start()).delete()
