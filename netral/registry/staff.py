"""Staff pages: upload or paste an instrument, review what extraction read with its
evidence highlighted, publish, correct, withdraw. Every write goes through services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from netral.accounts.models import User
from netral.audit import Chain
from netral.errors import DomainError
from netral.registry import selectors, services, trail
from netral.registry.access import PublishScope, publish_scope, regions_for
from netral.registry.errors import Duplicate, Invalid
from netral.registry.evidence import pieces, quotes
from netral.registry.forms import InstrumentForm, SourceForm, WithdrawForm, initial_of
from netral.registry.models import Instrument, Status
from netral.registry.presenting import instrument_view
from netral.web.menu import page_required


def _actor(request: HttpRequest) -> tuple[User, PublishScope]:
    user = request.user
    assert isinstance(user, User)  # noqa: S101  (page_required guarantees it; narrows the type)
    scope = publish_scope(user)
    if scope.empty:
        raise PermissionDenied
    return user, scope


def _instrument(actor: User, pk: int) -> Instrument:
    instrument = selectors.instruments_for_staff(actor).filter(pk=pk).first()
    if instrument is None:
        raise Http404
    return Instrument.objects.select_related("region", "replaces").get(pk=instrument.pk)


def _refusal(error: DomainError) -> str:
    text = str(error.message)
    if isinstance(error.detail, list):
        text = " ".join([text, *(str(d.get("message", "")) for d in error.detail)])
    return text


@never_cache
@page_required("registry")
@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest) -> HttpResponse:
    actor, _scope = _actor(request)
    form = SourceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("file")
        try:
            if upload is not None:
                instrument = services.instrument_draft_from_file(
                    actor=actor, data=upload.read(), name=upload.name or "berkas"
                )
            else:
                instrument = services.instrument_draft_from_text(
                    actor=actor,
                    text=form.cleaned_data["text"],
                    source_url=form.cleaned_data.get("source_url") or "",
                )
        except DomainError as error:
            detail = error.detail if isinstance(error.detail, str) else ""
            form.add_error(None, f"{error.message} {detail}".strip())
        else:
            messages.success(request, _("Dokumen terbaca. Periksa isian lalu terbitkan."))
            return redirect("registry:review", pk=instrument.pk)
    rows = selectors.instruments_for_staff(actor)
    page = Paginator(rows, 25).get_page(request.GET.get("halaman"))
    return render(request, "registry/manage.html", {"form": form, "page": page})


@never_cache
@page_required("registry")
@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, pk: int) -> HttpResponse:
    actor, scope = _actor(request)
    instrument = _instrument(actor, pk)
    form = InstrumentForm(
        request.POST or None,
        initial=initial_of(instrument),
        regions=regions_for(scope),
        replaceable=selectors.replaceable_for(actor, instrument)
        if instrument.status == Status.DRAFT
        else (),
    )
    duplicate = None
    if request.method == "POST" and form.is_valid():
        try:
            _write(actor, instrument, form, request.POST.get("version", ""))
        except Duplicate as error:
            duplicate = selectors.instrument_public(int(error.detail["id"]))
            form.add_error(None, str(error.message))
        except DomainError as error:
            form.add_error(None, _refusal(error))
        else:
            return redirect("registry:review", pk=instrument.pk)
    context: dict[str, Any] = instrument_view(instrument) | {
        "form": form,
        "duplicate": duplicate,
        "pieces": pieces(instrument.text, instrument.evidence),
        "quotes": quotes(instrument.text, instrument.evidence),
        "withdraw_form": WithdrawForm(),
        "events": trail.events_of(instrument, Chain.REGISTRY),
        "is_draft": instrument.status == Status.DRAFT,
        "is_published": instrument.status == Status.PUBLISHED,
    }
    return render(request, "registry/review.html", context)


def _write(actor: User, instrument: Instrument, form: InstrumentForm, version: str) -> None:
    values = form.values()
    if instrument.status == Status.DRAFT:
        replaces_id = form.cleaned_data.get("replaces")
        replaces = None
        if replaces_id:
            replaces = selectors.instruments_for_staff(actor).filter(pk=replaces_id).first()
            if replaces is None:
                raise Invalid(_("Instrumen yang digantikan tidak ditemukan."))
        services.instrument_publish(
            actor=actor, instrument=instrument, values=values, replaces=replaces
        )
        return
    services.instrument_edit(
        actor=actor,
        instrument=instrument,
        values=values,
        version=int(version) if version.isdigit() else -1,
    )


@page_required("registry")
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    actor, _scope = _actor(request)
    instrument = _instrument(actor, pk)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Isi alasan pencabutan."))
        return redirect("registry:review", pk=pk)
    try:
        services.instrument_withdraw(
            actor=actor, instrument=instrument, reason=form.cleaned_data["reason"]
        )
    except DomainError as error:
        messages.error(request, _refusal(error))
    else:
        messages.success(request, _("Instrumen dicabut."))
    return redirect("registry:review", pk=pk)
