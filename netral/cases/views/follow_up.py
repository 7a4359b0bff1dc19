"""PPK follow-up: the sanction decree, and the supervisor's levers; compliance per agency."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from netral.cases import sanctions, selectors, services
from netral.cases.forms import NoteForm, SanctionForm
from netral.cases.views.common import actor_of, attempt, case_or_404, to_case
from netral.web.menu import page_required


@require_POST
@login_required
def sanction(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_or_404(request, pk)
    recommendation = getattr(case, "recommendation", None)
    ladder = sanctions.ladder_for(recommendation) if recommendation else []
    form = SanctionForm(request.POST, ladder=ladder)
    if not form.is_valid():
        messages.error(request, _("Periksa kembali isian keputusan sanksi."))
        return to_case(pk, "tindak-lanjut")
    data = form.cleaned_data
    attempt(
        request,
        lambda: services.sanction_record(
            case=case,
            actor=actor_of(request),
            sk_number=data["sk_number"],
            sk_date=data["sk_date"],
            sanction=form.imposed(),
            effective_date=data["effective_date"],
            expected_version=data["version"],
        ),
        _("Keputusan sanksi dicatat."),
    )
    return to_case(pk, "tindak-lanjut")


def _lever(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    case = case_or_404(request, pk)
    form = NoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    service = services.ppk_warning_issue if kind == "warning" else services.data_blocking_request
    done = (
        _("Teguran kepada PPK diterbitkan.")
        if kind == "warning"
        else _("Permintaan pemblokiran data kepegawaian diterbitkan.")
    )
    attempt(request, lambda: service(case=case, actor=actor_of(request), note=note), done)
    return to_case(pk, "tindak-lanjut")


@require_POST
@login_required
def warning(request: HttpRequest, pk: int) -> HttpResponse:
    return _lever(request, pk, "warning")


@require_POST
@login_required
def blocking(request: HttpRequest, pk: int) -> HttpResponse:
    return _lever(request, pk, "blocking")


@require_GET
@page_required("compliance")
def compliance(request: HttpRequest) -> HttpResponse:
    rows = selectors.ppk_compliance(actor=actor_of(request))
    return render(request, "cases/compliance.html", {"rows": rows})
