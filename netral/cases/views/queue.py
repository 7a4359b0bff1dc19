"""The verifier's queue: filters, saved searches, sorting, pages and bulk actions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from netral.api.errors import ApiError
from netral.cases import queue as queue_reads
from netral.cases import selectors, services
from netral.cases.forms import BulkForm, QueueFilterForm, SavedSearchForm
from netral.cases.selectors import QueueFilters
from netral.cases.views.common import actor_of, is_htmx, refusal_text


def _filter_form(request: HttpRequest) -> QueueFilterForm:
    actor = actor_of(request)
    agencies = queue_reads.cached_choices("agencies", actor, queue_reads.agency_choices)
    return QueueFilterForm(request.GET or None, agencies=agencies)


@require_GET
@login_required
def queue(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    form = _filter_form(request)
    filters = form.filters() if form.is_bound else QueueFilters()
    page = queue_reads.queue_page(actor=actor, filters=filters, page=request.GET.get("page"))
    params = form.params() if form.is_bound else {}
    context: dict[str, Any] = {
        "form": form,
        "page": page,
        "rows": page.rows,
        "params": params,
        "saved": selectors.saved_searches(owner=actor),
        "bulk_form": BulkForm(
            officers=queue_reads.cached_choices("officers", actor, queue_reads.officer_choices)
        ),
        "save_form": SavedSearchForm(),
    }
    template = "cases/partials/queue_results.html" if is_htmx(request) else "cases/queue.html"
    return render(request, template, context)


def _back(request: HttpRequest) -> HttpResponse:
    target = request.POST.get("next", "")
    if target.startswith("/kasus/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ):
        return redirect(target)
    return redirect("cases:queue")


def _target_id(raw: Any) -> int:
    digits = str(raw or "").rsplit("-", 1)[-1]
    return int(digits) if digits.isdigit() else 0


def _bulk_result(request: HttpRequest, result: services.BulkResult) -> None:
    if result.done:
        messages.success(request, _("Berhasil: %(n)d kasus.") % {"n": len(result.done)})
    for pk, reason in result.refused.items():
        messages.error(
            request, _("Kasus #%(pk)d ditolak: %(reason)s") % {"pk": pk, "reason": reason}
        )


@require_POST
@login_required
def bulk(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    form = BulkForm(request.POST, officers=queue_reads.officer_choices(actor=actor))
    if not form.is_valid():
        errors = [str(e) for field_errors in form.errors.values() for e in field_errors]
        messages.error(request, " ".join([_("Tindakan massal tidak dijalankan."), *errors]))
        return _back(request)
    data = form.cleaned_data
    ids: list[int] = data["cases"]
    try:
        if data["action"] == "assign":
            assignee = queue_reads.officer(pk=data["assignee"]) if data["assignee"] else None
            if data["assignee"] and assignee is None:
                messages.error(request, _("Petugas tidak ditemukan."))
                return _back(request)
            result = services.cases_bulk_assign(case_ids=ids, actor=actor, assignee=assignee)
        elif data["action"] == "not_actionable":
            result = services.cases_bulk_not_actionable(
                case_ids=ids, actor=actor, reason=data["reason"]
            )
        else:
            result = services.cases_bulk_merge(
                target_id=_target_id(data["target"]),
                case_ids=ids,
                actor=actor,
                reason=data["reason"],
            )
    except ApiError as error:
        messages.error(request, refusal_text(error))
        return _back(request)
    _bulk_result(request, result)
    return _back(request)


@require_POST
@login_required
def search_save(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    form = SavedSearchForm(request.POST)
    filters = _filter_form_from_post(request)
    if form.is_valid():
        services.saved_search_save(owner=actor, name=form.cleaned_data["name"], params=filters)
        messages.success(request, _("Pencarian disimpan."))
    else:
        messages.error(request, _("Nama pencarian wajib diisi."))
    return _back(request)


def _filter_form_from_post(request: HttpRequest) -> dict[str, str]:
    agencies = queue_reads.agency_choices(actor=actor_of(request))
    return QueueFilterForm(request.POST, agencies=agencies).params()


@require_POST
@login_required
def search_delete(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        services.saved_search_delete(owner=actor_of(request), pk=pk)
        messages.success(request, _("Pencarian dihapus."))
    except ApiError as error:
        messages.error(request, refusal_text(error))
    return redirect("cases:queue")
