"""Forms of the staff case pages. They parse and validate input; services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from netral import rules
from netral.cases.models import CandidateStatus, CaseElection, ReferralTarget, Stage, SubjectStatus
from netral.cases.selectors import ORDERINGS, QueueFilters
from netral.web.labels import conduct_label, sanction_label

QUEUE_PARAMS = (
    "region",
    "agency",
    "code",
    "stage",
    "due_after",
    "due_before",
    "election",
    "overdue",
    "assigned",
    "q",
    "ordering",
)


def conduct_choices() -> list[tuple[str, str]]:
    conduct = rules.default_catalogue().vocabulary.conduct
    return [(code, f"{code} · {conduct_label(code)}") for code in conduct]


ALL = _("Semua")


def _blank(choices: Any, text: Any = ALL) -> list[tuple[str, Any]]:
    return [("", text), *choices]


def _choice(form: forms.Form, name: str) -> forms.ChoiceField:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)  # noqa: S101  (declared below; narrows the type)
    return field


class CaseIdsField(forms.TypedMultipleChoiceField):
    """Any case ids: the bulk services check each one against the actor's scope."""

    def valid_value(self, value: Any) -> bool:
        return str(value).isdigit()


class QueueFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari nama atau NIP"), required=False, max_length=100)
    region = forms.RegexField(
        label=_("Kode wilayah"), regex=r"^\d{2}(\.\d{2})?$", required=False, max_length=5
    )
    agency = forms.TypedChoiceField(
        label=_("Instansi"), required=False, coerce=int, empty_value=None
    )
    code = forms.ChoiceField(label=_("Kode perbuatan"), required=False)
    stage = forms.ChoiceField(label=_("Tahap"), required=False, choices=_blank(Stage.choices))
    due_after = forms.DateField(label=_("Batas waktu dari"), required=False)
    due_before = forms.DateField(label=_("Batas waktu sampai"), required=False)
    election = forms.ChoiceField(
        label=_("Pemilihan"),
        required=False,
        choices=_blank([*CaseElection.choices, ("NONE", _("Bukan pemilihan"))]),
    )
    overdue = forms.BooleanField(label=_("Hanya yang lewat batas waktu"), required=False)
    assigned = forms.ChoiceField(
        label=_("Petugas"),
        required=False,
        choices=_blank([("me", _("Saya")), ("none", _("Belum ditugaskan"))]),
    )
    ordering = forms.ChoiceField(
        label=_("Urutkan"),
        required=False,
        choices=[
            ("due_date", _("Batas waktu terdekat")),
            ("-due_date", _("Batas waktu terjauh")),
            ("-created_at", _("Terbaru masuk")),
            ("created_at", _("Terlama masuk")),
        ],
    )

    def __init__(self, *args: Any, agencies: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice(self, "agency").choices = _blank(agencies)
        _choice(self, "code").choices = _blank(conduct_choices())

    def filters(self) -> QueueFilters:
        """The selector's filters; invalid fields are ignored rather than failing the page."""
        data = self.cleaned_data if self.is_valid() else self._valid_part()
        ordering = data.get("ordering") or "due_date"
        return QueueFilters(
            region=data.get("region") or None,
            agency=data.get("agency") or None,
            code=data.get("code") or None,
            stage=data.get("stage") or None,
            due_before=data.get("due_before"),
            due_after=data.get("due_after"),
            election=data.get("election") or None,
            overdue=True if data.get("overdue") else None,
            assigned=data.get("assigned") or "",
            q=data.get("q") or "",
            ordering=ordering if ordering in ORDERINGS else "due_date",
        )

    def _valid_part(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k not in self.errors}

    def params(self) -> dict[str, str]:
        """The non-empty GET parameters, for saved searches and pagination links."""
        return {k: str(self.data[k]) for k in QUEUE_PARAMS if self.data.get(k)}


class BulkForm(forms.Form):
    ACTIONS = (
        ("assign", _("Tugaskan")),
        ("not_actionable", _("Tandai tidak dapat ditindaklanjuti")),
        ("merge", _("Gabungkan")),
    )
    action = forms.ChoiceField(label=_("Tindakan massal"), choices=ACTIONS)
    cases = CaseIdsField(coerce=int)
    assignee = forms.TypedChoiceField(
        label=_("Petugas"), required=False, coerce=int, empty_value=None
    )
    target = forms.IntegerField(label=_("Kasus tujuan penggabungan"), required=False)
    reason = forms.CharField(label=_("Alasan"), required=False, max_length=2000)

    def __init__(self, *args: Any, officers: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice(self, "assignee").choices = [("", _("Lepaskan penugasan")), *officers]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        action = data.get("action")
        if action in {"not_actionable", "merge"} and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Alasan wajib diisi."))
        if action == "merge" and not data.get("target"):
            self.add_error("target", _("Pilih kasus tujuan penggabungan."))
        return data


class SavedSearchForm(forms.Form):
    name = forms.CharField(label=_("Nama pencarian"), max_length=100)


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class TransitionForm(VersionForm):
    action = forms.CharField(max_length=40)
    reason = forms.CharField(label=_("Alasan"), required=False, max_length=5000)
    target = forms.ChoiceField(
        label=_("Tujuan pelimpahan"), required=False, choices=_blank(ReferralTarget.choices, "—")
    )


class SubjectSearchForm(forms.Form):
    name = forms.CharField(label=_("Nama"), required=False, max_length=200)
    position = forms.CharField(label=_("Jabatan"), required=False, max_length=200)
    agency = forms.CharField(label=_("Instansi"), required=False, max_length=200)
    region = forms.RegexField(
        label=_("Kode wilayah"), regex=r"^\d{2}(\.\d{2})?$", required=False, max_length=5
    )


class SubjectLinkForm(VersionForm):
    employee = forms.IntegerField(min_value=1)


class NotFoundForm(VersionForm):
    note = forms.CharField(label=_("Catatan pencarian"), required=False, max_length=2000)


class FactsForm(VersionForm):
    confirmed_codes = forms.MultipleChoiceField(
        label=_("Kode perbuatan terkonfirmasi"), required=False, widget=forms.CheckboxSelectMultiple
    )
    incident_date = forms.DateField(label=_("Tanggal kejadian"), required=False)
    election = forms.ChoiceField(
        label=_("Pemilihan"), required=False, choices=_blank(CaseElection.choices, _("Bukan"))
    )
    subject_status = forms.ChoiceField(
        label=_("Status terlapor"), required=False, choices=_blank(SubjectStatus.choices, "—")
    )
    candidate_status = forms.ChoiceField(
        label=_("Status calon yang didukung"),
        required=False,
        choices=_blank(CandidateStatus.choices, "—"),
    )
    on_leave = forms.BooleanField(label=_("Sedang CLTN"), required=False)
    passive_attendance = forms.BooleanField(label=_("Hanya hadir pasif"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice(self, "confirmed_codes").choices = conduct_choices()


class MergeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    other = forms.IntegerField(min_value=1)
    other_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    reason = forms.CharField(label=_("Alasan penggabungan"), max_length=2000)


class SignForm(VersionForm):
    option = forms.CharField(label=_("Jalur dan sanksi"), max_length=80)
    note = forms.CharField(label=_("Catatan"), required=False, max_length=5000)

    def choice(self) -> tuple[str, str]:
        track, _sep, sanction = self.cleaned_data["option"].partition(":")
        return track, sanction


class SanctionForm(VersionForm):
    sk_number = forms.CharField(label=_("Nomor SK"), max_length=100)
    sk_date = forms.DateField(label=_("Tanggal SK"))
    sanction = forms.ChoiceField(label=_("Sanksi"))
    effective_date = forms.DateField(label=_("Berlaku sejak"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        codes = rules.default_catalogue().sanction_labels
        _choice(self, "sanction").choices = [(code, sanction_label(code)) for code in codes]


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Catatan"), required=False, max_length=5000)
