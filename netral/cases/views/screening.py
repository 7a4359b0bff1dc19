"""Uploading the findings of `netral screen`: a Bawaslu analyst or central supervisor
turns them into cases of source "screening" in their own scope."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from netral.cases import services
from netral.cases.models import Case, CaseElection
from netral.cases.scoping import cases_condition, role_scopes
from netral.cases.screening import FindingsFileError, read_findings
from netral.cases.services.screening import IMPORT_ROLES
from netral.cases.views.common import actor_of

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
SHOWN_ERRORS = 20


class FindingsUploadForm(forms.Form):
    line_errors: list[dict[str, Any]]

    findings = forms.FileField(
        label=gettext_lazy("Berkas temuan (findings.jsonl)"),
        help_text=gettext_lazy("Keluaran perintah netral screen, satu temuan per baris."),
    )
    election = forms.ChoiceField(
        label=gettext_lazy("Pemilihan"),
        choices=[*CaseElection.choices, ("NONE", gettext_lazy("Bukan tentang pemilihan"))],
    )

    def clean_findings(self) -> Any:
        upload = self.cleaned_data["findings"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("Berkas terlalu besar (paling besar %(mb)d MB).")
                % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
        try:
            batch = read_findings(upload)
        except FindingsFileError as error:
            message = _("Berkas tidak dapat dibaca: %(e)s") % {"e": error}
            raise forms.ValidationError(message) from None
        if batch.errors:
            self.line_errors = batch.errors[:SHOWN_ERRORS]
            raise forms.ValidationError(
                _("%(n)d baris tidak valid; tidak ada yang diimpor. Perbaiki lalu unggah lagi.")
                % {"n": len(batch.errors)}
            )
        if not batch.findings:
            raise forms.ValidationError(_("Berkas tidak berisi temuan."))
        return batch


def _may_import(request: HttpRequest) -> None:
    if cases_condition(role_scopes(actor_of(request)), IMPORT_ROLES) is None:
        raise PermissionDenied


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    _may_import(request)
    form = FindingsUploadForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"form": form, "line_errors": []}
    if request.method == "POST":
        if form.is_valid():
            election = form.cleaned_data["election"]
            result = services.findings_import(
                findings=form.cleaned_data["findings"].findings,
                actor=actor_of(request),
                election="" if election == "NONE" else election,
            )
            context["result"] = result
            context["cases"] = Case.objects.filter(
                pk__in=[*result.opened, *result.joined]
            ).select_related("region")
        else:
            context["line_errors"] = getattr(form, "line_errors", [])
    return render(request, "cases/screening_upload.html", context)
