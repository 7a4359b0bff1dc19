"""The staff member's own API tokens: list, create (the secret shown once) and revoke.

Under /akun/, which the two-factor middleware leaves open for signing in, so these views
require a verified session themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from netral.accounts.forms import ApiTokenForm
from netral.accounts.middleware import two_factor_exempt
from netral.accounts.models import User
from netral.cases.auth import (
    api_token_issue,
    api_token_of,
    api_token_revoke,
    api_token_status,
    api_tokens_of,
)
from netral.errors import NotFound
from netral.web.menu import page_required

View = Callable[..., HttpResponse]


def _verified(view: View) -> View:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user: Any = request.user  # OTPMiddleware adds is_verified()
        if not (user.is_verified() or two_factor_exempt(user)):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('accounts:otp')}?{query}")
        return view(request, *args, **kwargs)

    return wrapped


def _owner(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # noqa: S101  (page_required signs in)
    return user


def _page(request: HttpRequest, form: ApiTokenForm, **extra: Any) -> HttpResponse:
    now = timezone.now()
    rows = [
        {"token": row, "status": (status := api_token_status(row, now)), "label": _label(status)}
        for row in api_tokens_of(_owner(request))
    ]
    context = {
        "form": form,
        "rows": rows,
        "default_days": settings.NETRAL_API_TOKEN_DAYS,
        **extra,
    }
    return render(request, "accounts/tokens.html", context)


def _label(status: str) -> str:
    return str({"active": _("Aktif"), "expired": _("Kedaluwarsa"), "revoked": _("Dicabut")}[status])


@never_cache
@page_required("tokens")
@_verified
def tokens(request: HttpRequest) -> HttpResponse:
    """GET: the list and the form; POST: a new token, its secret shown on this page once."""
    if request.method != "POST":
        return _page(request, ApiTokenForm())
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        return _page(request, form)
    owner = _owner(request)
    row, secret = api_token_issue(
        user=owner, name=form.cleaned_data["name"], days=form.cleaned_data["days"], actor=owner
    )
    return _page(request, ApiTokenForm(), created=row, secret=secret)


@never_cache
@require_POST
@page_required("tokens")
@_verified
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    owner = _owner(request)
    try:
        row = api_token_of(owner, pk)
    except NotFound as missing:
        raise Http404 from missing
    if api_token_revoke(token=row, actor=owner):
        messages.success(request, _("Token “%(name)s” dicabut.") % {"name": row.name})
    return redirect("accounts:tokens")
