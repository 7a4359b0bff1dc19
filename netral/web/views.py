from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from netral.accounts.models import User
from netral.stats.public import PublicFilters, public_figures
from netral.web.menu import menu_for, page_required
from netral.web.staff_home import staff_home


def home(request: HttpRequest) -> HttpResponse:
    # The headline figures are the public page's funnel (cached per refresh, suppressed).
    funnel = next(t for t in public_figures(PublicFilters()).tables if t.key == "alur")
    return render(request, "web/home.html", {"funnel": funnel})


def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness probe for load balancers; also the baseline of the HTTP benchmarks."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
@page_required("home")
def staff_home_page(request: HttpRequest) -> HttpResponse:
    """The signed-in staff member's start page: what needs them today."""
    user = request.user
    assert isinstance(user, User)  # noqa: S101  (page_required guarantees it)
    menu = [entry for entry in menu_for(user) if entry.key != "home"]
    return render(request, "web/staff_home.html", {"home": staff_home(user), "menu": menu})
