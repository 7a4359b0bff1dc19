"""Identity resolution: search the roster, link the employee or record "not found"."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from netral.cases import services
from netral.cases.forms import NotFoundForm, SubjectLinkForm, SubjectSearchForm
from netral.cases.likeness import LINK_THRESHOLD
from netral.cases.search import Query, employee_search, query_for_case, score
from netral.cases.selectors import roster_for_case
from netral.cases.views.common import actor_of, attempt, case_or_404, is_htmx, to_case


@require_GET
@login_required
def search(request: HttpRequest, pk: int) -> HttpResponse:
    """Candidates from the roster; an HTMX request gets only the result list."""
    case = case_or_404(request, pk)
    form = SubjectSearchForm(request.GET or None, initial=query_for_case(case).__dict__)
    query = Query(**form.cleaned_data) if form.is_valid() else query_for_case(case)
    matches = employee_search(case=case, actor=actor_of(request), query=query)
    context = {
        "case": case,
        "form": form,
        "matches": matches,
        "searched": True,
        "query": query.__dict__,
        "threshold": int(LINK_THRESHOLD),
    }
    template = "cases/partials/candidates.html" if is_htmx(request) else "cases/subject.html"
    return render(request, template, context)


@require_POST
@login_required
def link(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_or_404(request, pk)
    form = SubjectLinkForm(request.POST)
    employee = (
        roster_for_case(case=case).filter(pk=form.cleaned_data["employee"]).first()
        if form.is_valid()
        else None
    )
    if employee is None:
        messages.error(request, _("Pegawai tidak ditemukan di data pegawai wilayah kasus ini."))
        return to_case(pk, "terlapor")
    data = form.cleaned_data
    query = Query(data["name"], data["position"], data["agency"], data["region"])
    if query.empty:
        query = query_for_case(case)
    if not score(query, employee).linkable and not data["checked"]:
        messages.error(
            request,
            _(
                "Kemiripan %(name)s di bawah ambang: centang bahwa Anda telah memastikannya "
                "sebelum menautkan."
            )
            % {"name": employee.name},
        )
        return to_case(pk, "terlapor")
    attempt(
        request,
        lambda: services.case_subject_link(
            case=case,
            actor=actor_of(request),
            employee=employee,
            expected_version=form.cleaned_data["version"],
        ),
        _("Terlapor dicocokkan: %(name)s.") % {"name": employee.name},
    )
    return to_case(pk, "terlapor")


@require_POST
@login_required
def not_found(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_or_404(request, pk)
    form = NotFoundForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Permintaan tidak lengkap."))
        return to_case(pk, "terlapor")
    attempt(
        request,
        lambda: services.case_subject_not_found(
            case=case,
            actor=actor_of(request),
            note=form.cleaned_data["note"],
            expected_version=form.cleaned_data["version"],
        ),
        _("Tercatat: terlapor tidak ditemukan di data pegawai."),
    )
    return to_case(pk, "terlapor")
