"""The staff inbox and each user's notification preferences."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from netral.accounts.models import User
from netral.notifications import services
from netral.notifications.forms import PreferencesForm
from netral.web.menu import page_required


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # noqa: S101  (page_required guarantees it)
    return request.user


@never_cache
@page_required("notifications")
def inbox(request: HttpRequest) -> HttpResponse:
    rows = services.inbox(_user(request))
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    return render(request, "notifications/inbox.html", {"page": page})


@require_POST
@page_required("notifications")
def read(request: HttpRequest) -> HttpResponse:
    raw = request.POST.get("id", "")
    ids = [int(raw)] if raw.isdigit() else None
    services.mark_read(user=_user(request), ids=ids)
    target = request.POST.get("go", "")
    if ids and target.startswith("/") and not target.startswith("//"):
        return redirect(target)
    return redirect("notifications:inbox")


@never_cache
@require_http_methods(["GET", "POST"])
@page_required("preferences")
def preferences(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    form = PreferencesForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        services.preferences_save(user=user, chosen=form.chosen())
        messages.success(request, _("Pengaturan pemberitahuan disimpan."))
        return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {"form": form, "has_email": bool(user.email)},
    )
