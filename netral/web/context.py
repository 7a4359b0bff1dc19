from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from netral import __version__
from netral.accounts.middleware import two_factor_exempt


def netral_context(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    return {
        "netral_version": __version__,
        "demo_mode": settings.NETRAL_DEMO,
        "two_factor_exempt": user is not None and two_factor_exempt(user),
    }
