"""One case: its page, its transitions, its facts and the work lock."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from netral.accounts.models import Role
from netral.cases import follow_up_rules, machine, sanctions, selectors, services
from netral.cases.deadlines import local_today
from netral.cases.forms import (
    FactsForm,
    NoteForm,
    SanctionForm,
    SubjectSearchForm,
    TransitionForm,
)
from netral.cases.highlight import segments
from netral.cases.models import Case, ReferralTarget, Stage
from netral.cases.scoping import role_scopes
from netral.cases.search import query_for_case
from netral.cases.services.follow_up import lever_trigger
from netral.cases.services.subject import FACT_ROLES, FACT_STAGES, IDENTIFYING_STAGES
from netral.cases.views.common import actor_of, attempt, case_or_404, is_htmx, to_case
from netral.cases.zones import end_of_day, zone_for_region


def _reports(case: Case) -> list[dict[str, Any]]:
    out = []
    for report in selectors.case_reports(case=case):
        triage = report.triage or {}
        evidence = triage.get("evidence") if isinstance(triage.get("evidence"), list) else []
        out.append({"report": report, "segments": segments(report.text, evidence)})
    return out


def _screened(case: Case) -> list[dict[str, Any]]:
    return [
        {"post": post, "segments": segments(post.text, post.evidence)}
        for post in selectors.case_screened_posts(case=case)
    ]


def agency_choices(case: Case) -> list[tuple[int, str]]:
    return [(a.pk, a.name) for a in selectors.agencies_for_case(case=case).only("pk", "name")]


def _facts_form(case: Case) -> FactsForm:
    return FactsForm(
        agencies=agency_choices(case),
        initial={
            "agency": case.agency_id,
            "version": case.version,
            "confirmed_codes": case.confirmed_codes,
            "incident_date": case.incident_date,
            "election": case.election,
            "subject_status": case.subject_status,
            "candidate_status": case.candidate_status,
            "on_leave": case.on_leave,
            "passive_attendance": case.passive_attendance,
        },
    )


def _deadline(case: Case) -> dict[str, Any]:
    zone = zone_for_region(case.region.code if case.region else None)
    return {
        "zone": zone.abbreviation,
        "due_end": end_of_day(case.due_date, zone) if case.due_date else None,
        "tz": zone.tz,
        "rule": case.deadline_rule,
    }


def case_context(request: HttpRequest, case: Case) -> dict[str, Any]:
    actor = actor_of(request)
    roles = set(role_scopes(actor))
    query = query_for_case(case)
    transitions = selectors.available_transitions(case=case, actor=actor)
    recommendation = getattr(case, "recommendation", None)
    ladder = sanctions.ladder_for(recommendation) if recommendation else []
    return {
        "case": case,
        "roles": roles,
        "deadline": _deadline(case),
        "lock_holder": selectors.lock_holder(case=case),
        "events": selectors.case_events(case=case),
        "reports": _reports(case),
        "screened": _screened(case),
        "transitions": [t for t in transitions if not t.service_only],
        "service_actions": {t.name: t for t in transitions if t.service_only},
        "may_identify": Role.VERIFIER in roles and case.stage in IDENTIFYING_STAGES,
        "may_edit_facts": bool(roles & set(FACT_ROLES)) and case.stage in FACT_STAGES,
        "facts_form": _facts_form(case),
        "search_form": SubjectSearchForm(initial=query.__dict__),
        "sanction_form": SanctionForm(ladder=ladder, initial={"version": case.version}),
        "note_form": NoteForm(),
        "recommendation": recommendation,
        "recommended_level": sanctions.level_of(ladder, recommendation.chosen_sanction)
        if recommendation
        else None,
        "decision": getattr(case, "sanction", None),
        "follow_ups": list(case.follow_ups.all()),
        "lever_trigger": lever_trigger(case),
        "lever_steps": [s for s in follow_up_rules.steps() if s.in_force(local_today())],
        "escalations": list(selectors.case_escalations(case=case)),
        "may_edit_agency": case.employee_id is None,
        "is_supervisor": Role.CENTRAL_SUPERVISOR in roles,
        "is_ppk": Role.PPK_STAFF in roles,
        "ppk_stage": case.stage == Stage.PPK_FOLLOW_UP,
        "referral_choices": ReferralTarget.choices,
    }


@never_cache
@require_GET
@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_or_404(request, pk)
    return render(request, "cases/detail.html", case_context(request, case))


@require_POST
@login_required
def transition(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_or_404(request, pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Permintaan tidak lengkap."))
        return to_case(pk)
    data = form.cleaned_data
    step = machine.transition_named(data["action"])
    payload = {"target": data["target"]} if data["target"] else None
    attempt(
        request,
        lambda: services.case_transition(
            case=case,
            action=data["action"],
            actor=actor_of(request),
            reason=data["reason"],
            expected_version=data["version"],
            payload=payload,
        ),
        _("Tindakan tercatat: %(label)s.") % {"label": step.label if step else data["action"]},
    )
    return to_case(pk)


@require_POST
@login_required
def facts(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_or_404(request, pk)
    form = FactsForm(request.POST, agencies=agency_choices(case))
    if not form.is_valid():
        messages.error(request, _("Periksa kembali isian fakta kasus."))
        return to_case(pk, "fakta")
    data = form.cleaned_data
    attempt(
        request,
        lambda: services.case_facts_update(
            case=case,
            actor=actor_of(request),
            expected_version=data["version"],
            confirmed_codes=list(data["confirmed_codes"]),
            incident_date=data["incident_date"],
            election=data["election"],
            subject_status=data["subject_status"],
            candidate_status=data["candidate_status"],
            on_leave=data["on_leave"],
            passive_attendance=data["passive_attendance"],
            agency=(
                selectors.agencies_for_case(case=case).filter(pk=data["agency"]).first()
                if data["agency"] and data["agency"] != case.agency_id
                else None
            ),
        ),
        _("Fakta kasus disimpan."),
    )
    return to_case(pk, "fakta")


@require_POST
@login_required
def lock(request: HttpRequest, pk: int) -> HttpResponse:
    """Take or renew the work lock (the page renews it every few minutes over HTMX)."""
    case = case_or_404(request, pk)
    result = services.case_lock(case=case, actor=actor_of(request))
    if is_htmx(request):
        fresh = case_or_404(request, pk)
        return render(
            request,
            "cases/partials/lock.html",
            {
                "case": fresh,
                "lock_holder": selectors.lock_holder(case=fresh),
                "deadline": _deadline(fresh),
            },
        )
    if result.acquired:
        messages.success(request, _("Kasus ini tercatat sedang Anda kerjakan."))
    else:
        holder = result.holder.get_full_name() if result.holder else ""
        messages.error(request, _("Kasus ini sedang dikerjakan oleh %(who)s.") % {"who": holder})
    return to_case(pk)


@require_POST
@login_required
def unlock(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_or_404(request, pk)
    services.case_unlock(case=case, actor=actor_of(request))
    messages.success(request, _("Kunci kerja dilepas."))
    return to_case(pk)
