"""Which staff pages each role may use: one declaration, read by the navigation, the role
home pages and the views that refuse everyone else.

`ROLE_PAGES` is the only place that says "role R may open page P". The menu shows exactly
those pages; `page_required(P)` answers 403 to a signed-in user holding none of the roles
that list P. Pages reached from a case (detail, recommendation, letters) are not listed
here: the case's own scope check decides those.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar, cast

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from netral.accounts.models import Role, User


@dataclass(frozen=True)
class Page:
    key: str
    url_name: str
    label: str | Promise
    in_header: bool = True  # False: listed on the home page only, to keep the header short


PAGES: dict[str, Page] = {
    page.key: page
    for page in (
        Page("home", "web:staff-home", _("Beranda petugas")),
        Page("queue", "cases:queue", _("Antrean kasus")),
        Page("reports", "intake:staff-list", _("Laporan masuk")),
        Page("custodian", "intake:custodian", _("Permintaan akses identitas")),
        Page("compliance", "cases:compliance", _("Kepatuhan PPK")),
        Page("screening", "cases:screening-upload", _("Impor temuan penyaringan")),
        Page("registry", "registry:manage", _("Instrumen")),
        Page("pledges", "pledges:overview", _("Ikrar")),
        Page("notifications", "notifications:inbox", _("Pemberitahuan")),
        Page(
            "preferences",
            "notifications:preferences",
            _("Pengaturan pemberitahuan"),
            in_header=False,
        ),
        Page("tokens", "accounts:tokens", _("Token API"), in_header=False),
        Page("admin", "admin:index", _("Administrasi")),
    )
}

# The declaration. Order is menu order.
ROLE_PAGES: dict[str, tuple[str, ...]] = {
    Role.VERIFIER: ("home", "queue", "reports", "notifications", "preferences", "tokens"),
    Role.BAWASLU_ANALYST: (
        "home",
        "queue",
        "compliance",
        "screening",
        "notifications",
        "preferences",
        "tokens",
    ),
    Role.PPK_STAFF: (
        "home",
        "queue",
        "compliance",
        "registry",
        "pledges",
        "notifications",
        "preferences",
        "tokens",
    ),
    Role.CENTRAL_SUPERVISOR: (
        "home",
        "queue",
        "compliance",
        "screening",
        "registry",
        "pledges",
        "notifications",
        "preferences",
        "tokens",
    ),
    Role.IDENTITY_CUSTODIAN: ("home", "custodian", "notifications", "preferences", "tokens"),
    Role.ADMINISTRATOR: (
        "home",
        "admin",
        "registry",
        "pledges",
        "notifications",
        "preferences",
        "tokens",
    ),
}

# Case roles whose queue shows the bulk-action bar (assign, not actionable, merge).
BULK_ROLES = frozenset({Role.VERIFIER, Role.CENTRAL_SUPERVISOR})

_ROLES_CACHE = "_netral_roles"


def roles_of(user: Any) -> frozenset[str]:
    """The roles a signed-in, active user holds (read once per request object)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, _ROLES_CACHE, None)
    if cached is None:
        cached = frozenset(user.role_assignments.values_list("role", flat=True))
        setattr(user, _ROLES_CACHE, cached)
    return cast(frozenset[str], cached)


def page_keys_for(user: Any) -> list[str]:
    roles = roles_of(user)
    keys: list[str] = []
    for role in Role.values:  # a fixed role order keeps the menu stable
        if role in roles:
            keys.extend(k for k in ROLE_PAGES.get(role, ()) if k not in keys)
    return keys


def may_open(user: Any, key: str) -> bool:
    return key in page_keys_for(user)


@dataclass(frozen=True)
class MenuEntry:
    key: str
    url: str
    label: str | Promise
    in_header: bool


def menu_for(user: Any) -> list[MenuEntry]:
    return [
        MenuEntry(key, reverse(PAGES[key].url_name), PAGES[key].label, PAGES[key].in_header)
        for key in page_keys_for(user)
    ]


V = TypeVar("V", bound=Callable[..., HttpResponse])


def page_required(key: str) -> Callable[[V], V]:
    """Sign-in required; then 403 unless one of the user's roles lists the page."""
    if key not in PAGES:
        raise ValueError(f"unknown page {key!r}")

    def decorate(view: V) -> V:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not may_open(request.user, key):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return cast(V, wrapped)

    return decorate


def holds_any(user: Any, roles: frozenset[str]) -> bool:
    return bool(roles_of(user) & roles)


def is_staff_member(user: Any) -> bool:
    return isinstance(user, User) and bool(roles_of(user))
