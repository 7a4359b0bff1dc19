"""The recommendation letter as a PDF (WeasyPrint), from our own template, no remote assets."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation

from netral import rules
from netral.cases.models import Recommendation
from netral.rules.model import Ref

TEMPLATE = "cases/letters/recommendation.html"


class RemoteAssetRefused(Exception):
    pass


def _refuse_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    # Letters are self-contained: a fetch means a template bug or an injected URL.
    raise RemoteAssetRefused(url)


def _context(recommendation: Recommendation) -> dict[str, Any]:
    case = recommendation.case
    catalogue = rules.default_catalogue()
    label = catalogue.sanction_labels.get(recommendation.chosen_sanction)
    option = next(
        (
            o
            for f in recommendation.assessment.get("findings", [])
            for o in f["tracks"]
            if o["track"] == recommendation.chosen_track
        ),
        None,
    )
    return {
        "rec": recommendation,
        "case": case,
        "employee": case.employee,
        "subject_name": case.employee.name if case.employee else case.subject_name,
        "agency": case.agency,
        "codes": [
            {"code": c, "label": catalogue.vocabulary.conduct[c].id} for c in case.confirmed_codes
        ],
        "track_label": catalogue.vocabulary.tracks[recommendation.chosen_track].id,
        "sanction_label": label.id if label else recommendation.chosen_sanction,
        "basis": [Ref(**b).cite() for b in (option or {}).get("basis", [])],
        "explanation": [line["id"] for line in recommendation.assessment.get("explanation", [])],
        "signed_at": timezone.localtime(recommendation.signed_at),
        "signer": recommendation.signed_by.get_full_name()
        or recommendation.signed_by.get_username(),
    }


def recommendation_pdf(recommendation: Recommendation) -> bytes:
    from weasyprint import HTML

    with translation.override("id"):
        html = render_to_string(TEMPLATE, _context(recommendation))
    pdf: bytes = HTML(string=html, url_fetcher=_refuse_fetch).write_pdf()
    return pdf
