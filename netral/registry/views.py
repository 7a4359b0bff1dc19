"""Public registry pages: no login. List with filters and search, one page per instrument,
the original file, coverage per election with a province tile grid, CSV export."""

from __future__ import annotations

import csv
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from netral.org.tilegrid import SHADES, cells, shade
from netral.registry import selectors
from netral.registry.cycles import current_cycle, cycle_by_id
from netral.registry.files import open_public
from netral.registry.forms import FilterForm
from netral.registry.presenting import instrument_view
from netral.registry.stamp import CACHE_SECONDS, REGISTRY_CHAINS, change_stamp
from netral.rules import default_catalogue
from netral.rules.model import Cycle
from netral.web.labels import election_label

PAGE_SIZE = 20
# The drill-down shows each region's newest instruments and links to the rest.
DRILL_NEWEST = 5


@require_GET
def instrument_list(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None)
    rows = selectors.instruments_public(form.filters())
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("halaman"))
    query = request.GET.copy()
    query.pop("halaman", None)
    return render(
        request,
        "registry/list.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


@require_GET
def instrument_detail(request: HttpRequest, pk: int) -> HttpResponse:
    instrument = selectors.instrument_public(pk)
    if instrument is None:
        raise Http404
    replaced_by = getattr(instrument, "replaced_by", None)
    context = instrument_view(instrument) | {"replaced_by": replaced_by}
    return render(request, "registry/detail.html", context)


@require_GET
def instrument_file(request: HttpRequest, pk: int) -> FileResponse:
    instrument = selectors.instrument_public(pk)
    if instrument is None or not instrument.public_sha256:
        raise Http404
    try:
        handle = open_public(instrument.public_sha256, instrument.public_cleaned)
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=instrument.file_name or f"instrumen-{pk}",
        content_type=instrument.file_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _cycle_of(request: HttpRequest, cycle_id: str | None = None) -> Cycle:
    wanted = cycle_id or request.GET.get("siklus") or ""
    cycle = cycle_by_id(wanted) if wanted else current_cycle(timezone.localdate())
    if cycle is None:
        raise Http404
    return cycle


def _cycle_choices() -> list[tuple[str, str]]:
    return [
        (c.id, f"{election_label(c.election)} {c.voting.year}")
        for c in sorted(default_catalogue().cycles, key=lambda c: c.voting, reverse=True)
    ]


def _cached(key: str, build: Callable[[], dict[str, str] | None]) -> dict[str, str] | None:
    """A page's rendered parts, keyed by the registry's change stamp (netral.registry.stamp):
    built once per change, cycle and language, not per request. `build` returns None for a
    page that does not exist, which is not cached (the key holds part of the URL)."""
    key = f"registry:{change_stamp(REGISTRY_CHAINS)}:{translation.get_language()}:{key}"
    found: dict[str, str] | None = cache.get(key)
    if found is None:
        found = build()
        if found is None:
            return None
        cache.set(key, found, CACHE_SECONDS)
    # Rendered by our templates (autoescaped) before they were cached.
    return {name: mark_safe(part) for name, part in found.items()}  # noqa: S308


def _coverage_body(cycle: Cycle) -> dict[str, str]:
    provinces = selectors.coverage_by_province(cycle.id)
    by_code = {p.region.code: p for p in provinces}

    def figure(code: str) -> tuple[str, int | None, str | None]:
        province = by_code.get(code)
        if province is None:
            return _("tidak ada data"), None, None
        label = _("%(covered)d dari %(total)d wilayah") % {
            "covered": province.covered,
            "total": province.total,
        }
        url = reverse("registry:coverage-province", args=[cycle.id, code])
        return label, shade(province.covered, province.total), url

    names = {p.region.code: p.region.name for p in provinces}
    covered = sum(p.covered for p in provinces)
    total = sum(p.total for p in provinces)
    context: dict[str, Any] = {
        "cycle": cycle,
        "cycle_label": f"{election_label(cycle.election)} {cycle.voting.year}",
        "cycles": _cycle_choices(),
        "provinces": provinces,
        "covered": covered,
        "total": total,
        "cells": cells(names, figure),
        "caption": _("Bagian wilayah tiap provinsi yang telah menerbitkan instrumen"),
        "legend": [("tg-s0", _("belum ada"))]
        + [
            (f"tg-s{n}", _("sampai %(p)d%%") % {"p": n * 100 // SHADES})
            for n in range(1, SHADES + 1)
        ],
    }
    return {"body": render_to_string("registry/coverage_body.html", context)}


@require_GET
def coverage(request: HttpRequest) -> HttpResponse:
    cycle = _cycle_of(request)
    parts = _cached(f"coverage:{cycle.id}", lambda: _coverage_body(cycle))
    return render(request, "registry/coverage.html", parts)


def _drill_body(cycle: Cycle, code: str) -> dict[str, str] | None:
    drill = selectors.province_drill(cycle.id, code, DRILL_NEWEST)
    if drill is None:
        return None
    rows = [
        {
            "region": r,
            "instruments": r.newest,
            "count": r.count,
            "more": r.count > len(r.newest),
            "all_url": reverse("registry:list")
            + "?"
            + urlencode({"region": r.code, "region_only": "on", "cycle": cycle.id}),
        }
        for r in drill.rows
    ]
    context = {
        "cycle": cycle,
        "cycle_label": f"{election_label(cycle.election)} {cycle.voting.year}",
        "province": drill,
        "rows": rows,
    }
    body = render_to_string("registry/coverage_province_body.html", context)
    return {"title": conditional_escape(drill.province.name), "body": body}


@require_GET
def coverage_province(request: HttpRequest, cycle_id: str, code: str) -> HttpResponse:
    cycle = _cycle_of(request, cycle_id)
    parts = _cached(f"drill:{cycle.id}:{code}", lambda: _drill_body(cycle, code))
    if parts is None:
        raise Http404
    return render(request, "registry/coverage_province.html", parts)


@require_GET
def coverage_csv(request: HttpRequest, cycle_id: str) -> HttpResponse:
    cycle = _cycle_of(request, cycle_id)
    provinces = selectors.coverage_by_province(cycle.id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="cakupan-{cycle.id}.csv"'
    writer = csv.writer(response)
    writer.writerow(["siklus", "kode", "wilayah", "tingkat", "provinsi", "instrumen", "terbit"])
    for province in provinces:
        for region in [province.region, *province.below]:
            writer.writerow(
                [
                    cycle.id,
                    region.code,
                    region.name,
                    region.level,
                    province.region.name,
                    region.instruments,
                    "ya" if region.instruments else "tidak",
                ]
            )
    return response
