"""Staff pages for this issue: a scoped list and detail, replies, identity access.

The full queue comes with the case-workflow issue. Every object is fetched through a
scoped selector, so anything outside the user's jurisdiction is a 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from netral.accounts.models import User
from netral.intake.forms import AccessDecisionForm, AccessRequestForm, MessageForm
from netral.intake.models import EvidenceKind, Report, Sender
from netral.intake.selectors import (
    access_requests_for_custodian,
    identity_visibility,
    original_visibility,
    report_for_staff,
    reports_for_staff,
)
from netral.intake.services import (
    RevealedIdentity,
    ServiceError,
    evidence_original_open,
    identity_access_decide,
    identity_access_request,
    identity_reveal,
    report_message_add,
)
from netral.intake.storage import evidence_store
from netral.web.menu import page_required


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # noqa: S101 - login_required guarantees it
    return request.user


def _report(request: HttpRequest, pk: int) -> Report:
    report = report_for_staff(user=_user(request), pk=pk)
    if report is None:
        raise Http404
    return report


@never_cache
@page_required("reports")
def report_list(request: HttpRequest) -> HttpResponse:
    reports = reports_for_staff(user=_user(request))[:200]
    return render(request, "intake/staff/list.html", {"reports": reports})


def _detail(
    request: HttpRequest, report: Report, identity: RevealedIdentity | None = None
) -> HttpResponse:
    context: dict[str, Any] = {
        "report": report,
        "files": report.evidence.filter(kind=EvidenceKind.FILE),
        "links": report.evidence.filter(kind=EvidenceKind.LINK),
        "events": report.events.order_by("seq"),
        "thread": report.messages.order_by("created_at", "pk"),
        "visibility": identity_visibility(report=report, user=_user(request)),
        "original": original_visibility(report=report, user=_user(request)),
        "identity": identity,
        "reply_form": MessageForm(),
        "access_form": AccessRequestForm(),
    }
    return render(request, "intake/staff/detail.html", context)


@never_cache
@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _report(request, pk))


@require_POST
@login_required
def report_reply(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    form = MessageForm(request.POST)
    if form.is_valid():
        report_message_add(
            report=report,
            body=form.cleaned_data["body"],
            sender=Sender.OFFICER,
            author=_user(request),
        )
        messages.success(request, _("Balasan terkirim ke pelapor."))
    else:
        messages.error(request, _("Pesan tidak valid."))
    return redirect("intake:staff-detail", pk=pk)


@require_POST
@login_required
def identity_request(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    form = AccessRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tuliskan alasan yang jelas (minimal 10 karakter)."))
        return redirect("intake:staff-detail", pk=pk)
    try:
        identity_access_request(
            report=report, requester=_user(request), reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("Permintaan dikirim ke penjaga identitas."))
    except ServiceError as exc:
        messages.error(request, str(exc))
    return redirect("intake:staff-detail", pk=pk)


@never_cache
@require_POST
@login_required
def identity_show(request: HttpRequest, pk: int) -> HttpResponse:
    """Reveal the reporter's identity (POST: each view is written to the access log)."""
    report = _report(request, pk)
    try:
        identity = identity_reveal(report=report, user=_user(request))
    except ServiceError:
        raise Http404 from None
    return _detail(request, report, identity)


@never_cache  # no-store, private: evidence must not stay in shared or browser caches
@login_required
def evidence_file(request: HttpRequest, pk: int, evidence_id: int, kind: str) -> FileResponse:
    """Cleaned copy to view inline; the original only as a logged download, and for
    anonymous and confidential reports only with a custodian's approval."""
    report = _report(request, pk)
    item = report.evidence.filter(pk=evidence_id, kind=EvidenceKind.FILE).first()
    if item is None or kind not in {"bersih", "asli"}:
        raise Http404
    if kind == "bersih":
        if not item.cleaned_sha256:
            raise Http404
        handle = evidence_store().open(item.cleaned_sha256, "cleaned")
        return FileResponse(handle, content_type=item.cleaned_media_type)
    try:
        handle = evidence_original_open(report=report, evidence=item, user=_user(request))
    except ServiceError:
        raise Http404 from None  # as for anything else the user may not see
    return FileResponse(
        handle,
        content_type="application/octet-stream",
        as_attachment=True,
        filename=f"{report.receipt}-{item.pk}-asli",
    )


@never_cache
@page_required("custodian")
def custodian_queue(request: HttpRequest) -> HttpResponse:
    requests = access_requests_for_custodian(user=_user(request))[:200]
    return render(
        request,
        "intake/staff/custodian.html",
        {"requests": requests, "form": AccessDecisionForm()},
    )


@require_POST
@page_required("custodian")
def custodian_decide(request: HttpRequest, pk: int) -> HttpResponse:
    access_request = access_requests_for_custodian(user=_user(request)).filter(pk=pk).first()
    form = AccessDecisionForm(request.POST)
    if access_request is None:
        raise Http404
    if form.is_valid():
        try:
            identity_access_decide(
                access_request=access_request,
                custodian=_user(request),
                approve=form.cleaned_data["approve"],
                note=form.cleaned_data["note"],
            )
            messages.success(request, _("Keputusan dicatat."))
        except ServiceError as exc:
            messages.error(request, str(exc))
    return redirect("intake:custodian")
