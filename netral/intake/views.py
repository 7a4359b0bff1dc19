"""Public pages: the report form, its preview, the receipt, and the status page.

Thin: validation is in forms, writes in services, reads in selectors.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from netral.intake import conf, throttle
from netral.intake.evidence import (
    EvidenceRejected,
    IngestedFile,
    StagedFileMissing,
    Staging,
    commit_staged,
    ingest_uploads,
)
from netral.intake.forms import MessageForm, PublicReportForm, StatusLookupForm
from netral.intake.middleware import body_too_large, too_large_response
from netral.intake.models import IdentityMode, Report, Sender
from netral.intake.selectors import (
    regions_for_picker,
    report_for_receipt,
    report_public_view,
)
from netral.intake.services import (
    ReportInput,
    draft_save,
    draft_take,
    report_message_add,
    report_submit,
)
from netral.intake.storage import staging_area
from netral.intake.suggestions import detail_hints, run_triage

_STATUS_SESSION_KEY = "intake_status_receipt"


def _form_page(
    request: HttpRequest, form: PublicReportForm, *, status: int = 200, **extra: Any
) -> HttpResponse:
    context = {
        "form": form,
        "regions": regions_for_picker(),
        "started": PublicReportForm.started_token(),
        "identity_modes": IdentityMode,
        "limits": {
            "file_mb": conf.get("INTAKE_MAX_FILE_BYTES") // (1024 * 1024),
            "files": conf.get("INTAKE_MAX_FILES"),
            "report_mb": conf.get("INTAKE_MAX_REPORT_BYTES") // (1024 * 1024),
        },
        **extra,
    }
    return render(request, "intake/form.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def report_form(request: HttpRequest) -> HttpResponse:
    """Step 1: fill in; on POST, check everything and show the preview (step 2)."""
    if request.method == "GET":
        return _form_page(request, PublicReportForm())
    if body_too_large(request):
        return too_large_response(request, api=False)
    form = PublicReportForm(request.POST)
    if form.looks_like_spam() or throttle.is_limited("submit", request):
        # One vague message for bots and floods alike; people rarely see it.
        message = _("Laporan belum dapat diterima. Tunggu sebentar lalu coba lagi.")
        return _form_page(request, form, error=message, status=429)
    throttle.record("submit", request)
    if not form.is_valid():
        return _form_page(request, form, status=422)
    # Preview files wait encrypted in the staging area until the reporter confirms.
    staging = Staging.new()
    try:
        files = ingest_uploads(request.FILES.getlist("files"), staging=staging)
    except EvidenceRejected as exc:
        staging_area().discard(staging.id)
        form.add_error(None, exc.message)
        return _form_page(request, form, status=422)
    return _preview(request, ReportInput.from_cleaned(form.cleaned_data), files, staging)


def _preview(
    request: HttpRequest, data: ReportInput, files: list[IngestedFile], staging: Staging
) -> HttpResponse:
    outcome = run_triage(data.text)
    context = {
        "data": data,
        "files": files,
        "token": draft_save(data=data, files=files, staging=staging, triage=outcome),
        "suggestions": outcome.suggestions(),
        "triage_failed": outcome.failed,
        "hints": detail_hints(
            occurred_on=data.occurred_on,
            region=data.region,
            links=list(data.links),
            file_count=len(files),
            subject=data.subject_name or data.subject_position or data.subject_agency,
        ),
        "metadata_warnings": [f for f in files if f.identifying],
        "videos": [f for f in files if "video_not_cleaned" in f.notes],
    }
    return render(request, "intake/preview.html", context)


@never_cache
@require_POST
def report_confirm(request: HttpRequest) -> HttpResponse:
    """Step 3: the reporter confirmed the preview; file the report and show the receipt."""
    taken = draft_take(token=request.POST.get("token", ""))
    if taken is None:
        message = _("Pratinjau sudah kedaluwarsa atau sudah dikirim. Silakan isi ulang.")
        return _form_page(request, PublicReportForm(), error=message, status=410)
    try:
        files = commit_staged(taken.files, taken.staging) if taken.staging else taken.files
    except StagedFileMissing:
        message = _("Berkas pratinjau sudah tidak tersedia. Silakan isi ulang.")
        return _form_page(request, PublicReportForm(), error=message, status=410)
    finally:
        if taken.staging:
            staging_area().discard(taken.staging.id)
    submitted = report_submit(data=taken.data, files=files, triage=taken.triage)
    context = {"receipt": submitted.report.receipt, "secret": submitted.secret}
    return render(request, "intake/receipt.html", context, status=201)


@never_cache
@require_POST
def receipt_download(request: HttpRequest) -> HttpResponse:
    """The receipt as a text file, for those who cannot print; only for a valid pair."""
    if throttle.is_limited("lookup", request):
        return HttpResponse(_("Terlalu banyak percobaan. Coba lagi nanti."), status=429)
    report = report_for_receipt(
        receipt=request.POST.get("receipt", ""), secret=request.POST.get("secret", "")
    )
    if report is None:
        throttle.record("lookup", request)
        return HttpResponse(status=404)
    body = render(
        request,
        "intake/receipt.txt",
        {"receipt": report.receipt, "secret": request.POST["secret"]},
        content_type="text/plain; charset=utf-8",
    )
    body["Content-Disposition"] = f'attachment; filename="netral-{report.receipt}.txt"'
    return body


@never_cache
@require_http_methods(["GET", "POST"])
def status_lookup(request: HttpRequest) -> HttpResponse:
    form = StatusLookupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if throttle.is_limited("lookup", request):
            form.add_error(None, _("Terlalu banyak percobaan. Coba lagi nanti."))
        else:
            report = report_for_receipt(
                receipt=form.cleaned_data["receipt"], secret=form.cleaned_data["secret"]
            )
            if report is not None:
                request.session.cycle_key()
                request.session[_STATUS_SESSION_KEY] = report.receipt
                request.session.set_expiry(conf.get("INTAKE_STATUS_SESSION_SECONDS"))
                return redirect("intake:status")
            throttle.record("lookup", request)
            form.add_error(None, _("Nomor tanda terima atau kode rahasia tidak cocok."))
    return render(request, "intake/lookup.html", {"form": form})


def _session_report(request: HttpRequest) -> Report | None:
    receipt = request.session.get(_STATUS_SESSION_KEY)
    return Report.objects.filter(receipt=receipt).first() if receipt else None


@never_cache
@require_http_methods(["GET", "POST"])
def status(request: HttpRequest) -> HttpResponse:
    report = _session_report(request)
    if report is None:
        return redirect("intake:lookup")
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if throttle.is_limited("message", request):
            form.add_error(None, _("Terlalu banyak pesan. Coba lagi nanti."))
        else:
            throttle.record("message", request)
            report_message_add(
                report=report, body=form.cleaned_data["body"], sender=Sender.REPORTER
            )
            return redirect("intake:status")
    context = {"view": report_public_view(report=report), "form": form}
    return render(request, "intake/status.html", context)


@require_POST
def status_leave(request: HttpRequest) -> HttpResponse:
    request.session.flush()
    return redirect("intake:lookup")
