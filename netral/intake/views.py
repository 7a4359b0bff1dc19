"""Public pages: the report form, its preview, the receipt, and the status page.

Thin: validation is in forms, writes in services, reads in selectors.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from netral.intake import conf, throttle
from netral.intake.evidence import (
    EvidenceRejected,
    IngestedFile,
    StagedFileMissing,
    Staging,
    check_totals,
    commit_staged,
    ingest_uploads,
)
from netral.intake.forms import LinksField, MessageForm, PublicReportForm, StatusLookupForm
from netral.intake.middleware import body_too_large, too_large_response
from netral.intake.models import IdentityMode, Report, Sender
from netral.intake.selectors import (
    regions_for_picker,
    report_for_receipt,
    report_public_view,
)
from netral.intake.services import (
    ReportInput,
    ServiceError,
    TakenDraft,
    draft_peek,
    draft_save,
    draft_take,
    report_evidence_add,
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


_DRAFT_SESSION_KEY = "intake_draft"
# Fields never kept in a draft: the CSRF token, and the honeypot (a person leaves it empty).
_NOT_KEPT = {"csrfmiddlewaretoken", "website", "drop_kept"}


def _session_draft(request: HttpRequest) -> tuple[str, TakenDraft] | None:
    token = request.session.get(_DRAFT_SESSION_KEY)
    draft = draft_peek(token=token) if token else None
    if token and draft is None:
        del request.session[_DRAFT_SESSION_KEY]
    return (token, draft) if token and draft is not None else None


def _take_session_draft(request: HttpRequest) -> TakenDraft | None:
    """Remove the session's draft row (its staged files stay, to be carried over)."""
    token = request.session.pop(_DRAFT_SESSION_KEY, None)
    return draft_take(token=token) if token else None


def _kept_fields(post: QueryDict) -> dict[str, list[str]]:
    return {key: post.getlist(key) for key in post if key not in _NOT_KEPT}


def _bound(fields: dict[str, list[str]]) -> PublicReportForm:
    data = QueryDict(mutable=True)
    for key, values in fields.items():
        data.setlist(key, values)
    return PublicReportForm(data)


@never_cache
@require_http_methods(["GET", "POST"])
def report_form(request: HttpRequest) -> HttpResponse:
    """Step 1: fill in. A POST always ends in a redirect (POST/redirect/GET), so the
    browser's back button never meets a "resubmit the form?" page: a valid form goes on to
    the preview, a form with errors comes back here, filled in, with its files kept."""
    if request.method == "GET":
        found = _session_draft(request)
        if found is None or not found[1].form:
            return _form_page(request, PublicReportForm())
        draft = found[1]
        form = _bound(draft.form or {})
        if draft.data is None:
            form.is_valid()  # show the errors the reporter came back with
        return _form_page(request, form, kept=draft.files)
    if body_too_large(request):
        return too_large_response(request, api=False)
    form = PublicReportForm(request.POST)
    if (
        form.looks_like_spam()
        or throttle.is_limited("submit", request)
        or throttle.is_limited("attempt", request)
    ):
        # One vague message for bots and floods alike; people rarely see it.
        message = _("Laporan belum dapat diterima. Tunggu sebentar lalu coba lagi.")
        return _form_page(request, form, error=message, status=429)
    throttle.record("attempt", request)  # a flood guard only; filed reports count apart
    files, staging = _files_of_this_round(request, form)
    valid = form.is_valid() and not form.non_field_errors()
    data = ReportInput.from_cleaned(form.cleaned_data) if valid else None
    token = draft_save(
        data=data,
        files=files,
        staging=staging if files else None,
        triage=run_triage(data.text) if data is not None else None,
        form=_kept_fields(request.POST),
    )
    if not files:
        staging_area().discard(staging.id)
    request.session[_DRAFT_SESSION_KEY] = token
    return redirect("intake:preview" if valid else "intake:form")


def _files_of_this_round(
    request: HttpRequest, form: PublicReportForm
) -> tuple[list[IngestedFile], Staging]:
    """The files kept from the previous round plus the ones sent now, all staged encrypted.

    A rejected new file is reported on the form; the files kept before stay kept.
    """
    previous = _take_session_draft(request)
    kept = list(previous.files) if previous else []
    staging = previous.staging if previous and previous.staging else Staging.new()
    if request.POST.get("drop_kept"):
        staging_area().discard(staging.id)
        kept, staging = [], Staging.new()
    uploads = request.FILES.getlist("files")
    try:
        check_totals([f.size for f in kept] + [int(u.size or 0) for u in uploads])
        return kept + ingest_uploads(uploads, staging=staging), staging
    except EvidenceRejected as exc:
        form.add_error(None, exc.message)
        return kept, staging


@never_cache
@require_GET
def report_preview(request: HttpRequest) -> HttpResponse:
    """Step 2: what will be filed, from the draft the last POST left in the session."""
    found = _session_draft(request)
    if found is None or found[1].data is None:
        return redirect("intake:form")
    token, draft = found
    data = draft.data
    assert data is not None  # noqa: S101  (checked above; narrows the type)
    outcome = draft.triage or run_triage(data.text)
    files = draft.files
    context = {
        "data": data,
        "files": files,
        "token": token,
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
    if throttle.is_limited("submit", request):
        message = _("Laporan belum dapat diterima. Tunggu sebentar lalu coba lagi.")
        return _form_page(request, PublicReportForm(), error=message, status=429)
    taken = draft_take(token=request.POST.get("token", ""))
    if taken is None or taken.data is None:
        if taken is not None and taken.staging:
            staging_area().discard(taken.staging.id)
        message = _("Pratinjau sudah kedaluwarsa atau sudah dikirim. Silakan isi ulang.")
        return _form_page(request, PublicReportForm(), error=message, status=410)
    request.session.pop(_DRAFT_SESSION_KEY, None)
    try:
        files = commit_staged(taken.files, taken.staging) if taken.staging else taken.files
    except StagedFileMissing:
        message = _("Berkas pratinjau sudah tidak tersedia. Silakan isi ulang.")
        return _form_page(request, PublicReportForm(), error=message, status=410)
    finally:
        if taken.staging:
            staging_area().discard(taken.staging.id)
    submitted = report_submit(data=taken.data, files=files, triage=taken.triage)
    throttle.record("submit", request)  # only a filed report counts against the allowance
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


class EvidenceAddForm(forms.Form):
    links = LinksField(required=False)


@never_cache
@require_POST
def status_evidence(request: HttpRequest) -> HttpResponse:
    """More evidence after filing, from the status page opened with receipt and secret."""
    report = _session_report(request)
    if report is None:
        return redirect("intake:lookup")
    if body_too_large(request):
        return too_large_response(request, api=False)
    if throttle.is_limited("attempt", request):
        messages.error(request, _("Terlalu banyak percobaan. Coba lagi nanti."))
        return redirect("intake:status")
    throttle.record("attempt", request)
    form = EvidenceAddForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for e in form.errors.get("links", [])))
        return redirect("intake:status")
    try:
        files = ingest_uploads(request.FILES.getlist("files"))
        added = report_evidence_add(report=report, files=files, links=form.cleaned_data["links"])
    except EvidenceRejected as exc:
        messages.error(request, exc.message)
        return redirect("intake:status")
    except ServiceError as exc:
        messages.error(request, str(EVIDENCE_REFUSALS.get(exc.code, EVIDENCE_REFUSALS["empty"])))
        return redirect("intake:status")
    messages.success(request, _("%(n)d bukti ditambahkan ke laporan Anda.") % {"n": added})
    return redirect("intake:status")


EVIDENCE_REFUSALS = {
    "empty": gettext_lazy("Pilih berkas atau isi tautan terlebih dahulu."),
    "too_many_files": gettext_lazy("Laporan ini sudah mencapai batas jumlah berkas."),
    "report_too_large": gettext_lazy("Ukuran seluruh berkas laporan ini melebihi batas."),
    "too_many_links": gettext_lazy("Laporan ini sudah mencapai batas jumlah tautan."),
}


@require_POST
def status_leave(request: HttpRequest) -> HttpResponse:
    request.session.flush()
    return redirect("intake:lookup")
