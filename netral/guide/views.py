"""Public rules pages and the self-check. No login; every page works without JavaScript."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from netral.guide.core.advice import SelfCheckError
from netral.guide.core.guidance import default_guidance
from netral.guide.core.rulebook import calendar_years, timetables
from netral.guide.forms import SelfCheckForm
from netral.guide.pages import conduct_context
from netral.guide.presenting import boundary, outcome_views, question_texts, verdict_word
from netral.guide.services import selfcheck_answer
from netral.intake import throttle
from netral.rules import RulesError, default_catalogue, due
from netral.web.labels import conduct_label, election_label, status_label

# The answer each open fact can take, as the self-check form's parameter and values.
_SETTLE = {
    "election": ("pemilihan", ("PEMILU", "PILKADA")),
    "candidate_status": ("calon", ("BAKAL_CALON", "CALON")),
    "on_leave": ("cltn", ("ya", "tidak")),
    "passive_attendance": ("pasif", ("ya", "tidak")),
}


def _day(raw: str | None) -> datetime.date:
    try:
        return datetime.date.fromisoformat(raw or "")
    except ValueError:
        return timezone.localdate()


def index(request: HttpRequest) -> HttpResponse:
    guidance = default_guidance()
    groups: list[dict[str, Any]] = [
        {
            "group": group,
            "items": [
                {"code": code, "label": conduct_label(code), "guide": guidance.conduct[code]}
                for code in group.conduct
            ],
        }
        for group in guidance.groups
    ]
    total = sum(len(entry["items"]) for entry in groups)
    return render(request, "guide/index.html", {"groups": groups, "total": total})


def conduct(request: HttpRequest, slug: str) -> HttpResponse:
    guidance = default_guidance()
    guide = guidance.by_slug(slug)
    if guide is None:
        raise Http404
    on = _day(request.GET.get("tanggal"))
    context = conduct_context(default_catalogue(), guidance, guide.code, on)
    return render(request, "guide/conduct.html", context)


def timetable(request: HttpRequest) -> HttpResponse:
    return render(request, "guide/timetable.html", {"cycles": timetables(default_catalogue())})


def _due(request: HttpRequest) -> dict[str, Any]:
    if "mulai" not in request.GET:
        return {}
    try:
        start = datetime.date.fromisoformat(request.GET.get("mulai", ""))
        days = int(request.GET.get("hari", ""))
        unit = request.GET.get("satuan", "WORKING")
        return {"start": start, "days": days, "unit": unit, "due": due(start, days, unit)}
    except (ValueError, RulesError):
        return {
            "error": _(
                "Tenggat tidak dapat dihitung: periksa tanggal, jumlah hari dan apakah kalender "
                "tahun itu sudah ada."
            )
        }


def calendar(request: HttpRequest) -> HttpResponse:
    context = {"years": calendar_years(default_catalogue()), "due": _due(request)}
    return render(request, "guide/calendar.html", context)


def _settle_label(name: str, value: str) -> str:
    if name == "election":
        return election_label(value)
    if name == "candidate_status":
        return status_label(value)
    return _("Ya") if value == "ya" else _("Tidak")


def _settle_links(request: HttpRequest, names: tuple[str, ...]) -> list[dict[str, Any]]:
    """For each open fact, the same question's address with that fact answered."""
    guidance = default_guidance()
    links = []
    for name in names:
        parameter, values = _SETTLE[name]
        options = []
        for value in values:
            query: QueryDict = request.GET.copy()
            query[parameter] = value
            options.append({"label": _settle_label(name, value), "url": "?" + query.urlencode()})
        links.append({"fact": name, "text": guidance.questions[name], "options": options})
    return links


def _answer_context(request: HttpRequest, form: SelfCheckForm) -> dict[str, Any]:
    catalogue, guidance = default_catalogue(), default_guidance()
    answer = selfcheck_answer(question=form.question(), channel="web")
    slugs = {code: guide.slug for code, guide in guidance.conduct.items()}
    return {
        "answer": answer,
        "verdict": verdict_word(answer.verdict),
        "items": [
            {
                "code": item.code,
                "slug": slugs[item.code],
                "label": conduct_label(item.code),
                "verdict": item.verdict,
                "verdict_word": verdict_word(item.verdict),
                "outcomes": outcome_views(item, catalogue),
                "silent": item.silent,
            }
            for item in answer.conduct
        ],
        "still_forbidden": [
            {"label": conduct_label(code), "slug": slugs[code]} for code in answer.still_forbidden
        ],
        "questions": question_texts(answer, guidance),
        "settle": _settle_links(request, answer.questions),
        "boundary": boundary(answer),
        "permalink": request.build_absolute_uri(),
    }


def selfcheck(request: HttpRequest) -> HttpResponse:
    asked = any(key in request.GET for key in ("q", "perbuatan", "tanggal", "status"))
    initial = {"tanggal": timezone.localdate().isoformat(), "status": "PNS"}
    form = SelfCheckForm(request.GET if asked else None, initial=initial)
    context: dict[str, Any] = {"form": form, "groups": default_guidance().groups}
    status = 200
    if asked and form.is_valid():
        if throttle.is_limited("selfcheck", request):
            context["error"] = _("Terlalu banyak pertanyaan dari jaringan Anda. Coba lagi nanti.")
            status = 429
        else:
            throttle.record("selfcheck", request)
            try:
                context.update(_answer_context(request, form))
            except SelfCheckError:
                context["error"] = _("Pertanyaan ini tidak dapat diperiksa. Periksa isian Anda.")
                status = 400
    elif asked:
        status = 400
    context["chosen"] = set(form["perbuatan"].value() or ())
    return render(request, "guide/selfcheck.html", context, status=status)
