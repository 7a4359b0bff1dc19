"""The recommendation: the engine's prefill, the supervisor's signature, the PDF letter."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from netral.cases import services
from netral.cases.forms import SignForm
from netral.cases.letters import recipient_lines
from netral.cases.models import Case, Stage
from netral.cases.views.common import actor_of, attempt, case_or_404, refusal_text, to_case
from netral.errors import DomainError
from netral.web.labels import sanction_label, track_label


def _prefill(case: Case) -> tuple[dict[str, Any] | None, str]:
    try:
        return services.recommendation_prefill(case=case).to_dict(), ""
    except DomainError as error:
        return None, refusal_text(error)


def _options(prefill: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Each (track, sanction) pair as one radio choice, with its level and basis."""
    out = []
    for option in (prefill or {}).get("options", []):
        for code in option["sanctions"]:
            out.append(
                {
                    "value": f"{option['track']}:{code}",
                    "track": track_label(option["track"]),
                    "level": option["level"],
                    "sanction": sanction_label(code),
                    "basis": option["basis"],
                    "confirmed": option["confirmed"],
                }
            )
    return out


@never_cache
@require_GET
@login_required
def page(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_or_404(request, pk)
    signed = getattr(case, "recommendation", None)
    prefill, problem = (None, "") if signed else _prefill(case)
    context = {
        "case": case,
        "prefill": prefill,
        "problem": problem,
        "options": _options(prefill),
        "signed": signed,
        "signed_sanction": sanction_label(signed.chosen_sanction) if signed else "",
        "may_sign": case.stage == Stage.RECOMMENDATION,
        "form": SignForm(initial={"version": case.version}),
    }
    return render(request, "cases/recommendation.html", context)


@require_POST
@login_required
def sign(request: HttpRequest, pk: int) -> HttpResponse:
    """Two steps: the chosen option is shown back for confirmation; only a POST that says
    `confirmed` signs (nothing is signed by the first click)."""
    case = case_or_404(request, pk)
    form = SignForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Pilih jalur dan sanksi yang direkomendasikan."))
        return redirect("cases:recommendation", pk=pk)
    track, sanction = form.choice()
    if request.POST.get("confirmed") != "1":
        prefill, problem = _prefill(case)
        chosen = next(
            (o for o in _options(prefill) if o["value"] == form.cleaned_data["option"]), None
        )
        if chosen is None:
            messages.error(
                request, problem or _("Jalur atau sanksi yang dipilih tidak ada dalam penilaian.")
            )
            return redirect("cases:recommendation", pk=pk)
        context = {
            "case": case,
            "chosen": chosen,
            "form": form,
            "body": (prefill or {}).get("body", ""),
            "recipient": recipient_lines(case.agency),
        }
        return render(request, "cases/recommendation_confirm.html", context)
    attempt(
        request,
        lambda: services.recommendation_sign(
            case=case,
            actor=actor_of(request),
            chosen_track=track,
            chosen_sanction=sanction,
            note=form.cleaned_data["note"],
            expected_version=form.cleaned_data["version"],
        ),
        _("Rekomendasi ditandatangani; surat PDF telah dibuat."),
    )
    return to_case(pk, "rekomendasi")


@require_GET
@login_required
def letter(request: HttpRequest, pk: int) -> FileResponse:
    case = case_or_404(request, pk)
    signed = getattr(case, "recommendation", None)
    if signed is None or not signed.letter:
        raise Http404
    return FileResponse(
        default_storage.open(signed.letter.name, "rb"),
        as_attachment=True,
        filename=f"rekomendasi-{case.reference}.pdf",
        content_type="application/pdf",
    )
