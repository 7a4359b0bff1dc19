"""The recommendation letter as a PDF (WeasyPrint), from our own template, no remote assets.

What an office would sign: its letterhead (settings.NETRAL_LETTERHEADS, keyed by the
recommending body), its own outgoing number (one sequence per office and year), Indonesian
only, and nothing of Netral's internals (no case ids, conduct codes, catalogue versions,
engine traces or file paths).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from netral import rules
from netral.cases.models import LetterSequence, Recommendation
from netral.rules.model import Ref

TEMPLATE = "cases/letters/recommendation.html"
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
PPK_TITLE = "Pejabat Pembina Kepegawaian"


class RemoteAssetRefused(Exception):
    pass


def _refuse_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    # Letters are self-contained: a fetch means a template bug or an injected URL.
    raise RemoteAssetRefused(url)


def letterhead(body: str) -> dict[str, str]:
    """The office's letterhead for a recommending body; the body's name alone if unset."""
    heads: dict[str, dict[str, str]] = getattr(settings, "NETRAL_LETTERHEADS", {})
    found = dict(heads.get(body, {}))
    found.setdefault("institution", body)
    found.setdefault("code", body)
    return found


def letter_number_next(*, body: str, on: datetime.date) -> str:
    """The next outgoing number of the body's office for the year of `on`.

    Runs inside the signing transaction: the sequence row is locked, so two signatures
    never get the same number and a refused signature gives its number back.
    """
    office = letterhead(body)["code"]
    with transaction.atomic():
        LetterSequence.objects.get_or_create(office=office, year=on.year)
        row = LetterSequence.objects.select_for_update().get(office=office, year=on.year)
        row.last += 1
        row.save(update_fields=["last"])
    pattern: str = getattr(
        settings, "NETRAL_LETTER_NUMBER_FORMAT", "{seq:03d}/{office}/REK/{month}/{year}"
    )
    return pattern.format(
        seq=row.last, office=office, month=ROMAN_MONTHS[on.month - 1], year=on.year
    )


def _cite(catalogue: rules.Catalogue, ref: Ref) -> str:
    """An article reference with the instrument's full title, not its catalogue id."""
    instrument = catalogue.instruments.get(ref.instrument)
    title = instrument.title if instrument is not None else ref.instrument
    parts = [title]
    for word, value in (("Pasal", ref.pasal), ("ayat", ref.ayat), ("huruf", ref.huruf)):
        if value is not None:
            parts.append(f"{word} {value}")
    if ref.angka is not None:
        parts.append(f"angka {ref.angka}")
    return " ".join(parts)


def recipient_lines(agency: Any) -> list[str]:
    """ "Bupati Bogor selaku Pejabat Pembina Kepegawaian Pemerintah Kabupaten Bogor";
    never the office named twice when the title already is the PPK."""
    title = (getattr(agency, "ppk_title", "") or "").strip()
    name = getattr(agency, "name", "") or ""
    in_agency = f"{PPK_TITLE} {name}".strip()
    if not title or title.lower().startswith(PPK_TITLE.lower()):
        return [title if title and name.lower() in title.lower() else in_agency]
    return [title, f"selaku {in_agency}"]


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
    level = recommendation.chosen_level
    level_label = catalogue.vocabulary.levels.get(level) if level else None
    head = letterhead(recommendation.body)
    return {
        "rec": recommendation,
        "head": head,
        "number": recommendation.letter_number,
        "recipient": recipient_lines(case.agency),
        "case": case,
        "employee": case.employee,
        "subject_name": case.employee.name if case.employee else case.subject_name,
        "agency": case.agency,
        "conduct": [catalogue.vocabulary.conduct[c].id for c in case.confirmed_codes],
        "track_label": catalogue.vocabulary.tracks[recommendation.chosen_track].id,
        "level_label": level_label.id if level_label else "",
        "sanction_label": label.id if label else "",
        "basis": [_cite(catalogue, Ref(**b)) for b in (option or {}).get("basis", [])],
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
