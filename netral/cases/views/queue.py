"""The verifier's queue: filters, saved searches, sorting, pages and bulk actions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from netral.cases import queue as queue_reads
from netral.cases import selectors, services
from netral.cases.forms import BulkForm, SavedSearchForm
from netral.cases.searchtext import reference_condition
from netral.cases.views.common import actor_of, is_htmx, refusal_text
from netral.errors import DomainError
from netral.web.menu import BULK_ROLES, holds_any, page_required


@require_GET
@page_required("queue")
def queue(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    parsed = queue_reads.queue_filters(request.GET, actor=actor)
    page = (
        queue_reads.queue_page(actor=actor, filters=parsed.filters, page=request.GET.get("page"))
        if parsed.filters is not None
        else None
    )
    context: dict[str, Any] = {
        "form": parsed.form,
        "page": page,
        "rows": page.rows if page else [],
        "filter_errors": parsed.errors,
        "may_bulk": holds_any(actor, BULK_ROLES),
        "params": parsed.params,
        # The export links carry the same filters (not the page): the export view parses
        # them with the queue's own parser and scopes the rows to the actor like the page.
        "export_query": urlencode(parsed.params),
        "saved": selectors.saved_searches(owner=actor),
        "bulk_form": BulkForm(
            officers=queue_reads.cached_choices("officers", actor, queue_reads.officer_choices)
        ),
        "save_form": SavedSearchForm(),
    }
    template = "cases/partials/queue_results.html" if is_htmx(request) else "cases/queue.html"
    return render(request, template, context, status=400 if parsed.errors else 200)


def _back(request: HttpRequest) -> HttpResponse:
    target = request.POST.get("next", "")
    if target.startswith("/kasus/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ):
        return redirect(target)
    return redirect("cases:queue")


def _target_id(raw: Any, actor: Any) -> int:
    """The id of the case a number as people see it names, if the actor can see it."""
    condition = reference_condition(str(raw or ""))
    if condition is None:
        return 0
    found = selectors.cases_visible_to(actor=actor).filter(condition).values_list("pk", flat=True)
    return next(iter(found), 0)


def _bulk_result(request: HttpRequest, result: services.BulkResult) -> None:
    if result.done:
        messages.success(request, _("Berhasil: %(n)d kasus.") % {"n": len(result.done)})
    numbers = dict(
        selectors.cases_visible_to(actor=actor_of(request))
        .filter(pk__in=list(result.refused))
        .values_list("pk", "created_at")
    )
    for pk, reason in result.refused.items():
        number = f"NTR-{numbers[pk]:%Y}-{pk:06d}" if pk in numbers else f"#{pk}"
        messages.error(
            request,
            _("Kasus %(number)s ditolak: %(reason)s") % {"number": number, "reason": reason},
        )


@require_POST
@page_required("queue")
def bulk(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    if not holds_any(actor, BULK_ROLES):
        raise PermissionDenied
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
            target_id = _target_id(data["target"], actor)
            if not target_id:
                messages.error(
                    request,
                    _("Kasus tujuan %(number)s tidak ditemukan.") % {"number": data["target"]},
                )
                return _back(request)
            result = services.cases_bulk_merge(
                target_id=target_id,
                case_ids=ids,
                actor=actor,
                reason=data["reason"],
            )
    except DomainError as error:
        messages.error(request, refusal_text(error))
        return _back(request)
    _bulk_result(request, result)
    return _back(request)


@require_POST
@page_required("queue")
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
    return queue_reads.queue_filters(request.POST, actor=actor_of(request)).params


@require_POST
@page_required("queue")
def search_delete(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        services.saved_search_delete(owner=actor_of(request), pk=pk)
        messages.success(request, _("Pencarian dihapus."))
    except DomainError as error:
        messages.error(request, refusal_text(error))
    return redirect("cases:queue")
