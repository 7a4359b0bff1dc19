"""Staff pledge pages: coverage per agency and echelon for a region, the agencies without
a pledge and when the reminder goes out, recording an event, importing signatures."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from netral.accounts.models import User
from netral.audit import Chain
from netral.errors import DomainError
from netral.org.models import Agency, PositionCategory, Region
from netral.pledges import services
from netral.pledges.access import pledge_agencies
from netral.pledges.forms import PledgeEventForm, SignatureImportForm
from netral.pledges.models import PledgeEvent
from netral.pledges.schedule import reminder_day, reminder_rule
from netral.pledges.selectors import ECHELONS, agencies_without_pledge, coverage_of
from netral.registry import trail
from netral.registry.cycles import current_cycle, cycle_by_id
from netral.rules import RulesError, default_catalogue
from netral.web.labels import election_label
from netral.web.menu import page_required

REASONS = {
    "invalid_nip": gettext_lazy("NIP tidak 18 angka"),
    "not_in_roster": gettext_lazy("tidak ada di data pegawai"),
    "other_agency": gettext_lazy("pegawai instansi lain"),
    "duplicate_row": gettext_lazy("baris ganda"),
}


def _actor(request: HttpRequest) -> tuple[User, Any]:
    user = request.user
    assert isinstance(user, User)  # noqa: S101  (page_required guarantees it; narrows the type)
    agencies = pledge_agencies(user)
    if not agencies.exists():
        raise PermissionDenied
    return user, agencies


def _cycle(request: HttpRequest) -> Any:
    wanted = request.GET.get("siklus") or ""
    return (cycle_by_id(wanted) if wanted else None) or current_cycle(timezone.localdate())


@never_cache
@page_required("pledges")
def overview(request: HttpRequest) -> HttpResponse:
    _user, agencies = _actor(request)
    cycle = _cycle(request)
    regions = list(Region.objects.filter(pk__in=agencies.values("region_id")).order_by("code"))
    chosen = next((r for r in regions if r.code == request.GET.get("wilayah")), None)
    chosen = chosen or (regions[0] if regions else None)
    in_region = list(agencies.filter(region=chosen)) if chosen else []
    try:
        remind_on = reminder_day(cycle)
    except RulesError:
        remind_on = None
    missing = agencies_without_pledge(agencies, cycle.id)
    context = {
        "cycle": cycle,
        "cycle_label": f"{election_label(cycle.election)} {cycle.voting.year}",
        "cycles": [
            (c.id, f"{election_label(c.election)} {c.voting.year}")
            for c in sorted(default_catalogue().cycles, key=lambda c: c.voting, reverse=True)
        ],
        "regions": regions,
        "chosen": chosen,
        "coverage": coverage_of(in_region, cycle.id),
        "echelons": [PositionCategory(c).label for c in ECHELONS],
        "missing": missing[:200],
        "missing_count": missing.count(),
        "remind_on": remind_on,
        "rule": reminder_rule(),
        "events": PledgeEvent.objects.filter(agency__in=in_region, cycle=cycle.id).select_related(
            "agency"
        )[:50],
    }
    return render(request, "pledges/overview.html", context)


@never_cache
@page_required("pledges")
@require_http_methods(["GET", "POST"])
def event_new(request: HttpRequest) -> HttpResponse:
    user, agencies = _actor(request)
    cycle = _cycle(request)
    form = PledgeEventForm(request.POST or None, request.FILES or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        document = form.cleaned_data.get("document")
        try:
            event = services.pledge_event_record(
                actor=user,
                agency=form.cleaned_data["agency"],
                cycle=request.POST.get("cycle") or cycle.id,
                held_on=form.cleaned_data["held_on"],
                echelons=form.cleaned_data["echelons"],
                note=form.cleaned_data.get("note") or "",
                document=document.read() if document else None,
                document_name=(document.name or "") if document else "",
            )
        except DomainError as error:
            form.add_error(
                None, f"{error.message} {error.detail if isinstance(error.detail, str) else ''}"
            )
        else:
            messages.success(request, _("Acara ikrar dicatat. Impor daftar penandatangannya."))
            return redirect("pledges:event", pk=event.pk)
    return render(request, "pledges/event_new.html", {"form": form, "cycle": cycle})


@never_cache
@page_required("pledges")
@require_http_methods(["GET", "POST"])
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user, agencies = _actor(request)
    event = PledgeEvent.objects.filter(pk=pk, agency__in=agencies).select_related("agency").first()
    if event is None:
        raise Http404
    form = SignatureImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["signatures"]
        with tempfile.TemporaryDirectory(prefix="netral-pledge-") as folder:
            path = Path(folder) / "signatures"
            with path.open("wb") as handle:
                for chunk in upload.chunks():
                    handle.write(chunk)
            try:
                report = services.signatures_import(
                    actor=user, event=event, path=path, name=upload.name or ""
                )
            except DomainError as error:
                form.add_error("signatures", f"{error.message} {error.detail or ''}".strip())
    coverage = coverage_of([_top(event.agency)], event.cycle)[0]
    context = {
        "event": event,
        "form": form,
        "report": report,
        "reasons": REASONS,
        "coverage": coverage,
        "echelons": [PositionCategory(c).label for c in ECHELONS],
        "events": trail.events_of(event, Chain.PLEDGES),
    }
    return render(request, "pledges/event.html", context)


def _top(agency: Agency) -> Agency:
    return agency.parent if agency.parent_id and agency.parent else agency
