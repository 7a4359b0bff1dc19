from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from netral import __version__
from netral.accounts.middleware import two_factor_exempt
from netral.web.menu import MenuEntry, menu_for


def netral_context(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    return {
        "staff_menu": _LazyMenu(user),
        "unread_notifications": _LazyUnread(user),
        "netral_version": __version__,
        "demo_mode": settings.NETRAL_DEMO,
        "two_factor_exempt": user is not None and two_factor_exempt(user),
    }


class _LazyMenu:
    """The navigation entries, computed only if a template reads them."""

    def __init__(self, user: object) -> None:
        self._user = user
        self._entries: list[MenuEntry] | None = None

    def __iter__(self):  # type: ignore[no-untyped-def]
        if self._entries is None:
            self._entries = menu_for(self._user)
        return iter(self._entries)

    def __bool__(self) -> bool:
        return any(True for _ in self)


class _LazyUnread:
    def __init__(self, user: object) -> None:
        self._user = user
        self._count: int | None = None

    def __int__(self) -> int:
        if self._count is None:
            from netral.notifications.services import unread_count

            user = self._user
            active = getattr(user, "is_authenticated", False)
            self._count = unread_count(user) if active else 0  # type: ignore[arg-type]
        return self._count

    def __str__(self) -> str:
        return str(int(self))

    def __bool__(self) -> bool:
        return int(self) > 0
