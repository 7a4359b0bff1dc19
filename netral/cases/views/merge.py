"""Duplicate suggestions and the merge screen: every report of both cases is kept."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from netral.cases import selectors, services
from netral.cases.duplicates import duplicate_suggestions
from netral.cases.forms import MergeForm
from netral.cases.searchtext import reference_condition
from netral.cases.views.common import actor_of, attempt, case_or_404, to_case
from netral.errors import NotFound


@require_GET
@login_required
def duplicates(request: HttpRequest, pk: int) -> HttpResponse:
    """Suggestions, and (with `?dengan=<id>`) both cases side by side before merging."""
    case = case_or_404(request, pk)
    actor = actor_of(request)
    other = None
    wanted = request.GET.get("dengan", "").strip()
    if wanted:
        condition = reference_condition(wanted)
        other = (
            selectors.cases_visible_to(actor=actor).filter(condition).first()
            if condition is not None
            else None
        )
        if other is None:
            messages.error(request, _("Kasus %(number)s tidak ditemukan.") % {"number": wanted})
    context = {
        "case": case,
        "suggestions": duplicate_suggestions(case=case, actor=actor),
        "other": other,
        "case_reports": selectors.case_reports(case=case),
        "other_reports": selectors.case_reports(case=other) if other else [],
    }
    return render(request, "cases/duplicates.html", context)


@require_POST
@login_required
def merge(request: HttpRequest, pk: int) -> HttpResponse:
    """Absorb the other case into this one; its reports move here, none is lost."""
    case = case_or_404(request, pk)
    form = MergeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tuliskan alasan penggabungan."))
        return to_case(pk)
    data = form.cleaned_data
    try:
        other = selectors.case_for_actor(actor=actor_of(request), pk=data["other"])
    except NotFound as error:
        raise Http404 from error
    attempt(
        request,
        lambda: services.case_merge(
            target=case,
            absorbed=other,
            actor=actor_of(request),
            reason=data["reason"],
            expected_versions=(data["version"], data["other_version"]),
        ),
        _("Kasus %(other)s digabung ke kasus ini; semua laporannya dipertahankan.")
        % {"other": other.reference},
    )
    return to_case(pk)
