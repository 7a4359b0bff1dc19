"""Forms of the staff case pages. They parse and validate input; services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from netral import rules
from netral.cases.models import (
    CandidateStatus,
    CaseElection,
    EscalationKind,
    ReferralTarget,
    Stage,
    SubjectStatus,
)
from netral.cases.sanctions import NONE, LevelChoices
from netral.cases.searchtext import parse_reference
from netral.cases.selectors import ORDERINGS, QueueFilters
from netral.org.models import Region
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
    "escalation",
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


class AssignedField(forms.ChoiceField):
    """ "me", "none", or an officer's id (the API filters by id; the page offers the first two)."""

    def valid_value(self, value: Any) -> bool:
        return str(value).isdigit() or super().valid_value(value)


class QueueFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Cari (isi laporan, nomor kasus, nama, NIP, instansi, tempat)"),
        required=False,
        max_length=200,
    )
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
    assigned = AssignedField(
        label=_("Petugas"),
        required=False,
        choices=_blank([("me", _("Saya")), ("none", _("Belum ditugaskan"))]),
    )
    escalation = forms.ChoiceField(
        label=_("Diteruskan ke pengawas pusat"),
        required=False,
        choices=_blank(EscalationKind.choices),
    )
    ordering = forms.ChoiceField(
        label=_("Urutkan"),
        required=False,
        choices=[
            ("due_date", _("Batas waktu terdekat")),
            ("-due_date", _("Batas waktu terjauh")),
            ("-created_at", _("Terbaru masuk")),
            ("created_at", _("Terlama masuk")),
            ("-updated_at", _("Terakhir diubah")),
        ],
    )

    def __init__(self, *args: Any, agencies: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice(self, "agency").choices = _blank(agencies)
        _choice(self, "code").choices = _blank(conduct_choices())

    def clean_region(self) -> str:
        code: str = self.cleaned_data.get("region") or ""
        if code and not Region.objects.filter(code=code).exists():
            raise forms.ValidationError(
                _("Kode wilayah %(code)s tidak dikenal."), params={"code": code}
            )
        return code

    def filters(self) -> QueueFilters:
        """The selector's filters from a valid form (see `netral.cases.queue.queue_filters`)."""
        data = self.cleaned_data
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
            escalation=data.get("escalation") or None,
            q=data.get("q") or "",
            ordering=ordering if ordering in ORDERINGS else "due_date",
        )

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
    target = forms.CharField(
        label=_("Nomor kasus tujuan penggabungan"),
        required=False,
        max_length=30,
        help_text=_("Contoh: NTR-2026-000042"),
    )
    reason = forms.CharField(label=_("Alasan"), required=False, max_length=2000)

    def __init__(self, *args: Any, officers: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice(self, "assignee").choices = [("", _("Lepaskan penugasan")), *officers]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        action = data.get("action")
        if action in {"not_actionable", "merge"} and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Alasan wajib diisi."))
        if action == "merge":
            target = (data.get("target") or "").strip()
            if not target:
                self.add_error("target", _("Tuliskan nomor kasus tujuan penggabungan."))
            elif parse_reference(target) is None:
                self.add_error("target", _("Nomor kasus ditulis seperti NTR-2026-000042."))
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
    # A candidate below the link threshold needs the officer's explicit check.
    checked = forms.BooleanField(required=False)
    # The query the candidate was found with, so the view can score it again.
    name = forms.CharField(required=False, max_length=200)
    position = forms.CharField(required=False, max_length=200)
    agency = forms.CharField(required=False, max_length=200)
    region = forms.CharField(required=False, max_length=5)


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
    agency = forms.TypedChoiceField(
        label=_("Instansi terlapor"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Isi bila terlapor tidak ada di data pegawai."),
    )

    def __init__(
        self, *args: Any, agencies: list[tuple[int, str]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        _choice(self, "confirmed_codes").choices = conduct_choices()
        _choice(self, "agency").choices = _blank(agencies or [], "—")


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


NO_SANCTION = "NONE"  # the form's value for "no sanction imposed"


class SanctionForm(VersionForm):
    sk_number = forms.CharField(label=_("Nomor SK"), max_length=100)
    sk_date = forms.DateField(label=_("Tanggal SK"))
    sanction = forms.ChoiceField(label=_("Sanksi yang dijatuhkan dalam SK"))
    effective_date = forms.DateField(label=_("Berlaku sejak"))

    def __init__(self, *args: Any, ladder: list[LevelChoices] | None = None, **kwargs: Any) -> None:
        """`ladder`: the catalogue's sanctions for the recommended track, by level."""
        super().__init__(*args, **kwargs)
        groups: list[tuple[Any, Any]] = [
            (
                rung.level_label or _("Sanksi"),
                [(code, sanction_label(code)) for code in rung.sanctions],
            )
            for rung in ladder or []
        ]
        _choice(self, "sanction").choices = [
            ("", _("— pilih sanksi dalam SK —")),
            *groups,
            (NO_SANCTION, _("Tidak menjatuhkan sanksi")),
        ]

    def imposed(self) -> str:
        """The sanction as the service takes it ("" for none imposed)."""
        value = str(self.cleaned_data["sanction"])
        return NONE if value == NO_SANCTION else value


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Catatan"), required=False, max_length=5000)
