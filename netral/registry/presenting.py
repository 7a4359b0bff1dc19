"""What the pages show of an instrument: labels in the reader's language, links to the
public rules pages."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from netral.guide.core.guidance import default_guidance
from netral.registry.forms import SCOPE_LABELS
from netral.registry.models import Instrument
from netral.rules import default_catalogue
from netral.web.labels import conduct_label, election_label


def conduct_links(codes: list[str]) -> list[dict[str, Any]]:
    guides = default_guidance().conduct
    links = []
    for code in codes:
        guide = guides.get(code)
        url = reverse("guide:conduct", args=[guide.slug]) if guide else None
        links.append({"code": code, "label": conduct_label(code), "url": url})
    return links


def reference_views(references: list[dict[str, str]]) -> list[dict[str, Any]]:
    catalogue = default_catalogue()
    shown = []
    for ref in references:
        parts = " ".join(f"{p} {ref[p]}" for p in ("pasal", "ayat", "huruf", "angka") if ref.get(p))
        known = catalogue.instruments.get(ref.get("instrument", ""))
        shown.append(
            {"id": ref.get("instrument", ""), "parts": parts, "title": known.title if known else ""}
        )
    return shown


def instrument_view(instrument: Instrument) -> dict[str, Any]:
    return {
        "instrument": instrument,
        "conduct": conduct_links(list(instrument.prohibited_conduct)),
        "references": reference_views(list(instrument.references)),
        "scope": [SCOPE_LABELS.get(s, s) for s in instrument.scope],
        "elections": [election_label(e) for e in instrument.elections],
    }
