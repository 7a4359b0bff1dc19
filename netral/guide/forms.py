"""The self-check form. GET, so that the address holds the whole question (a permalink)."""

from __future__ import annotations

import datetime
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netral.guide.core.advice import Question
from netral.guide.core.guidance import default_guidance
from netral.rules import default_catalogue
from netral.web.labels import conduct_label, election_label, status_label, subject_label

MAX_TEXT = 1000
FIRST_DAY = datetime.date(2000, 1, 1)
LAST_DAY = datetime.date(2100, 12, 31)
YES_NO_UNKNOWN = (("", _("Tidak tahu / tidak disebut")), ("ya", _("Ya")), ("tidak", _("Tidak")))


def _answer(value: str) -> bool | None:
    return {"ya": True, "tidak": False}.get(value)


class SelfCheckForm(forms.Form):
    q = forms.CharField(required=False, max_length=MAX_TEXT, strip=True)
    perbuatan = forms.MultipleChoiceField(required=False)
    tanggal = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
    status = forms.ChoiceField()
    pemilihan = forms.ChoiceField(required=False)
    calon = forms.ChoiceField(required=False)
    cltn = forms.ChoiceField(required=False, choices=YES_NO_UNKNOWN)
    pasif = forms.ChoiceField(required=False, choices=YES_NO_UNKNOWN)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        guidance = default_guidance()
        self._choices("perbuatan").choices = [
            (code, conduct_label(code)) for group in guidance.groups for code in group.conduct
        ]
        self._choices("status").choices = [(s, subject_label(s)) for s in guidance.subjects]
        self._choices("pemilihan").choices = [("", _("Tidak tahu / menurut uraian"))] + [
            (code, election_label(code)) for code in default_catalogue().vocabulary.elections
        ]
        self._choices("calon").choices = [("", _("Ikuti jadwal pemilihan"))] + [
            (code, status_label(code)) for code in default_catalogue().vocabulary.statuses
        ]
        self.fields["q"].error_messages["max_length"] = _(
            "Tulis pertanyaan paling banyak %(limit_value)d karakter."
        )
        self.fields["tanggal"].error_messages["invalid"] = _(
            "Tulis tanggal dengan format TTTT-BB-HH."
        )
        self.fields["status"].error_messages["required"] = _("Pilih status kepegawaian Anda.")

    def _choices(self, name: str) -> forms.ChoiceField:
        return cast(forms.ChoiceField, self.fields[name])

    def clean_tanggal(self) -> datetime.date:
        day: datetime.date = self.cleaned_data["tanggal"] or timezone.localdate()
        if not FIRST_DAY <= day <= LAST_DAY:
            raise forms.ValidationError(_("Tanggal harus antara tahun 2000 dan 2100."))
        return day

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("q") and not cleaned.get("perbuatan") and not self.errors:
            raise forms.ValidationError(
                _("Ceritakan perbuatannya, atau pilih paling sedikit satu dari daftar.")
            )
        return cleaned

    def question(self) -> Question:
        data = self.cleaned_data
        return Question(
            date=data["tanggal"],
            subject=data["status"],
            text=data.get("q") or "",
            conduct=tuple(data.get("perbuatan") or ()),
            election=data.get("pemilihan") or None,
            candidate_status=data.get("calon") or None,
            on_leave=_answer(data.get("cltn") or ""),
            passive_attendance=_answer(data.get("pasif") or ""),
        )
