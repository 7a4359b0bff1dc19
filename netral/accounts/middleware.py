"""Every staff session must pass TOTP, except demo accounts while the site is in demo mode."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

OPEN_PREFIXES = ("/static/", "/i18n/", "/akun/", "/api/", "/favicon")


def two_factor_exempt(user: object) -> bool:
    return bool(settings.NETRAL_DEMO and getattr(user, "is_demo", False))


class RequireTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        needs_second_factor = (
            user.is_authenticated
            and not user.is_verified()  # type: ignore[attr-defined]  # set by OTPMiddleware
            and not two_factor_exempt(user)
            and not request.path.startswith(OPEN_PREFIXES)
        )
        if needs_second_factor:
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('accounts:otp')}?{query}")
        return self.get_response(request)
