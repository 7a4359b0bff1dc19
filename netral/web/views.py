from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from netral.org.models import Agency, Employee, Region


def home(request: HttpRequest) -> HttpResponse:
    context = {
        "region_count": Region.objects.count(),
        "agency_count": Agency.objects.count(),
        "employee_count": Employee.objects.count(),
    }
    return render(request, "web/home.html", context)


def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness probe for load balancers; also the baseline of the HTTP benchmarks."""
    return HttpResponse("ok", content_type="text/plain")
