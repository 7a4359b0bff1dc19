"""Forms of the pledge pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from netral.org.models import Agency, PositionCategory

MAX_FILE_BYTES = 20 * 1024 * 1024


class PledgeEventForm(forms.Form):
    agency = forms.ModelChoiceField(label=gettext_lazy("Instansi"), queryset=Agency.objects.none())
    held_on = forms.DateField(
        label=gettext_lazy("Tanggal ikrar"), widget=forms.DateInput(attrs={"type": "date"})
    )
    echelons = forms.MultipleChoiceField(
        label=gettext_lazy("Jenjang jabatan yang ikut"),
        choices=PositionCategory.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    document = forms.FileField(
        label=gettext_lazy("Pindaian dokumen ikrar yang ditandatangani"), required=False
    )
    note = forms.CharField(label=gettext_lazy("Keterangan"), required=False, max_length=300)

    def __init__(self, *args: Any, agencies: QuerySet[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["agency"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101  (narrows)
        field.queryset = agencies

    def clean_document(self) -> Any:
        upload = self.cleaned_data.get("document")
        if upload is not None and upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(gettext_lazy("Berkas terlalu besar (paling besar 20 MB)."))
        return upload


class SignatureImportForm(forms.Form):
    signatures = forms.FileField(
        label=gettext_lazy("Daftar penandatangan (CSV atau XLSX dengan kolom NIP)"),
    )

    def clean_signatures(self) -> Any:
        upload = self.cleaned_data["signatures"]
        if upload.size > 50 * 1024 * 1024:
            raise forms.ValidationError(gettext_lazy("Berkas terlalu besar (paling besar 50 MB)."))
        return upload
