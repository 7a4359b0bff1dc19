"""Public statistics, staff dashboards, and the open-data package."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from netral.accounts.models import User
from netral.accounts.scope import Scope, agency_filter, scopes_by_role, union
from netral.cases.scoping import CASE_ROLES
from netral.exports.services import export_record
from netral.org.models import Agency, Region
from netral.stats import dashboard, datapackage, figures, public
from netral.stats.refresh import last_refresh, per_refresh
from netral.stats.tables import Table


def _actor(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # noqa: S101 - login_required guarantees it; narrows
    return user


def _fragment_key(key: str) -> str:
    """What the page's rendered figures are cached under: the figures' own cache key.

    Rendering a national table of every agency costs more than reading its counts, so the
    HTML is cached beside them ({% cache %} in the template, varied also by the query).
    Figures cached before the key was kept have none: then a key nobody shares.
    """
    return key or uuid.uuid4().hex


def _public_filters(request: HttpRequest) -> public.PublicFilters:
    province = request.GET.get("provinsi", "")
    election = request.GET.get("pemilihan", "")
    if province not in figures.province_names():
        province = ""
    if election not in dict(public.election_choices()):
        election = ""
    return public.PublicFilters(province, election)


def _csv(table: Table, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(table.csv_lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _find(tables: list[Table], key: str) -> Table:
    for table in tables:
        if table.key == key:
            return table
    raise Http404()


@require_GET
def public_page(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    filters = _public_filters(request)
    found = public.public_figures(filters)
    wanted = request.GET.get("unduh")
    if wanted:
        return _csv(_find(found.tables, wanted), f"statistik-{wanted}.csv")
    names = figures.province_names()
    context: dict[str, Any] = {
        "filters": filters,
        "province_name": names.get(filters.province, ""),
        "elections": public.election_choices(),
        "tables": found.tables,
        "cells": found.map_cells,
        "threshold": public.threshold(),
        "refreshed": last_refresh(),
        "query": filters.query(),
        "figures_key": _fragment_key(found.key),
    }
    return render(request, "stats/public.html", context)


def _choice(form: forms.Form, name: str) -> forms.ChoiceField:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)  # noqa: S101 - narrows the type
    return field


class DashboardForm(forms.Form):
    pemilihan = forms.ChoiceField(label=_("Pemilihan"), required=False)
    wilayah = forms.ChoiceField(label=_("Wilayah"), required=False)
    instansi = forms.TypedChoiceField(
        label=_("Instansi"), required=False, coerce=int, empty_value=None
    )
    dari = forms.DateField(
        label=_("Dilaporkan sejak"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sampai = forms.DateField(
        label=_("Dilaporkan sampai"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, scopes: dict[str, Scope], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        everything = ("", _("Semua"))
        regions, agencies = _place_choices(scopes)
        _choice(self, "pemilihan").choices = [everything, *public.election_choices()]
        _choice(self, "wilayah").choices = [everything, *regions]
        _choice(self, "instansi").choices = [everything, *agencies]

    def filters(self) -> dashboard.DashboardFilters:
        if not self.is_valid():
            return dashboard.DashboardFilters()
        data = self.cleaned_data
        return dashboard.DashboardFilters(
            data["pemilihan"], data["wilayah"], data["instansi"], data["dari"], data["sampai"]
        )

    def query(self) -> str:
        return self.data.urlencode() if self.is_bound else ""  # type: ignore[attr-defined]


def _region_choices(case_scopes: Iterable[Scope]) -> list[tuple[str, str]]:
    scopes = list(case_scopes)
    if any(s.national for s in scopes):
        regions = Region.objects.filter(parent__isnull=True)
    else:
        codes = {c for s in scopes for c in s.region_codes}
        regions = Region.objects.filter(code__in=codes) | Region.objects.filter(
            parent__code__in=codes
        )
    return list(regions.order_by("code").values_list("code", "name")[:600])


def _agency_choices(scopes: Iterable[Scope]) -> list[tuple[int, str]]:
    """As `agencies_visible_to`, from scopes already read (every role the user holds)."""
    scope = union(scopes)
    if scope.empty:
        return []
    agencies = Agency.objects.filter(agency_filter(scope)).distinct()
    return list(agencies.order_by("name").values_list("pk", "name")[:500])


def _place_choices(
    scopes: dict[str, Scope],
) -> tuple[list[tuple[str, str]], list[tuple[int, str]]]:
    """The regions and agencies the filter form offers, cached per refresh and scope.

    Keyed by the scopes themselves, so a changed role assignment shows at once; a new
    region or agency shows after the next rebuild.
    """

    def build() -> tuple[list[tuple[str, str]], list[tuple[int, str]]]:
        case_scopes = [s for role, s in scopes.items() if role in CASE_ROLES]
        return (_region_choices(case_scopes), _agency_choices(scopes.values()))

    key = f"stats:dash-choices:{dashboard.scope_key(scopes)}"
    return per_refresh(key, build, dashboard.CACHE_SECONDS)


@require_GET
@login_required
def dashboard_page(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    actor = _actor(request)
    params = request.GET.copy()
    wanted = params.pop("unduh", [""])[-1]
    scopes = scopes_by_role(actor)  # every role once: the form and the figures share it
    form = DashboardForm(params or None, scopes=scopes)
    filters = form.filters() if form.is_bound else dashboard.DashboardFilters()
    case_scopes = {role: s for role, s in scopes.items() if role in CASE_ROLES}
    found = dashboard.dashboard(actor, filters, case_scopes)
    if wanted:
        table = _find(found.tables, wanted)
        export_record(
            actor=actor, kind=f"dashboard:{wanted}", fmt="csv", params=dict(params.items())
        )
        return _csv(table, f"dasbor-{wanted}-{timezone.localdate():%Y%m%d}.csv")
    context = {
        "form": form,
        "tables": found.tables,
        "sections": found.sections,
        "refreshed": last_refresh(),
        "query": params.urlencode(),
        "figures_key": _fragment_key(found.key),
    }
    return render(request, "stats/dashboard.html", context)


@require_GET
def package_descriptor(request: HttpRequest) -> HttpResponse:
    body = json.dumps(datapackage.descriptor(), ensure_ascii=False, indent=2)
    return HttpResponse(body, content_type="application/json; charset=utf-8")


@require_GET
def package_resource(request: HttpRequest, name: str) -> StreamingHttpResponse:
    if name not in datapackage.BY_NAME:
        raise Http404()
    response = StreamingHttpResponse(
        datapackage.csv_chunks(name), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{name}.csv"'
    return response
