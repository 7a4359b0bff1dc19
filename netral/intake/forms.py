"""Validation of what a reporter sends, shared by the web form and the API."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netral.intake import conf
from netral.intake.models import Election, IdentityMode
from netral.org.models import Region

# Characters a person does not type: NUL and other C0 controls except tab and newlines.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NIP = re.compile(r"^\d{18}$")
_FILL_SALT = "netral.intake.form-started"


def plain_text(value: str) -> None:
    # Django decodes invalid UTF-8 to U+FFFD; refuse rather than store damaged text.
    if "\ufffd" in value:
        raise ValidationError(_("Teks bukan UTF-8 yang sah. Periksa penyandian karakter."))
    if _CONTROL.search(value):
        raise ValidationError(_("Teks berisi karakter kendali yang tidak diizinkan."))


def _text(label: Any, max_length: int, *, required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label, max_length=max_length, required=required, validators=[plain_text]
    )


class LinksField(forms.Field):
    """Links as repeated values or one per line; http(s) only."""

    widget = forms.Textarea(attrs={"rows": 2})

    def to_python(self, value: Any) -> list[str]:
        values = value if isinstance(value, list | tuple) else [value or ""]
        return [part for item in values for part in str(item).split()]

    def validate(self, value: list[str]) -> None:
        if len(value) > conf.get("INTAKE_MAX_LINKS"):
            raise ValidationError(_("Terlalu banyak tautan."))
        check = URLValidator(schemes=["http", "https"])
        for link in value:
            plain_text(link)
            if len(link) > 2000:
                raise ValidationError(_("Tautan terlalu panjang."))
            check(link)


class ReportForm(forms.Form):
    text = forms.CharField(
        label=_("Apa yang terjadi?"),
        min_length=20,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        validators=[plain_text],
    )
    occurred_on = forms.DateField(
        label=_("Kapan?"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    region_code = forms.CharField(label=_("Wilayah"), max_length=13, required=False)
    place = _text(_("Tempat (desa, kantor, alamat)"), 200)
    election = forms.ChoiceField(
        label=_("Pemilihan"), choices=Election.choices, required=False, initial=Election.UNKNOWN
    )
    subject_name = _text(_("Nama orang yang dilaporkan"), 200)
    subject_position = _text(_("Jabatan"), 200)
    subject_agency = _text(_("Instansi atau kantor"), 200)
    subject_nip = _text(_("NIP (jika tahu)"), 18)
    links = LinksField(label=_("Tautan (satu per baris)"), required=False)
    identity = forms.ChoiceField(
        label=_("Identitas Anda"), choices=IdentityMode.choices, widget=forms.RadioSelect
    )
    reporter_name = _text(_("Nama Anda"), 200)
    reporter_contact = _text(_("Kontak Anda (nomor telepon atau surel)"), 200)

    def clean_occurred_on(self) -> Any:
        value = self.cleaned_data.get("occurred_on")
        if value and value > timezone.localdate():
            raise ValidationError(_("Tanggal kejadian tidak boleh di masa depan."))
        return value

    def clean_region_code(self) -> Region | None:
        code = self.cleaned_data.get("region_code", "").strip()
        if not code:
            return None
        region = Region.objects.filter(code=code).first()
        if region is None:
            raise ValidationError(_("Wilayah tidak dikenal."))
        return region

    def clean_election(self) -> str:
        return str(self.cleaned_data.get("election") or Election.UNKNOWN)

    def clean_subject_nip(self) -> str:
        nip = str(self.cleaned_data.get("subject_nip", "")).replace(" ", "")
        if nip and not _NIP.match(nip):
            raise ValidationError(_("NIP terdiri dari 18 angka. Kosongkan jika tidak tahu."))
        return nip

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("identity") == IdentityMode.ANONYMOUS:
            # Anonymous means nothing identifying is kept, even if typed by mistake.
            cleaned["reporter_name"] = ""
            cleaned["reporter_contact"] = ""
        elif cleaned.get("identity"):
            for name in ("reporter_name", "reporter_contact"):
                if not cleaned.get(name):
                    self.add_error(name, _("Wajib diisi jika Anda tidak memilih anonim."))
        return cleaned


class PublicReportForm(ReportForm):
    """The web form adds a province picker and the spam guard (honeypot, fill time)."""

    province = forms.CharField(label=_("Provinsi"), max_length=2, required=False)
    # Hidden from people by CSS; bots fill every field.
    website = forms.CharField(required=False, label=_("Kosongkan kolom ini"))
    started = forms.CharField(widget=forms.HiddenInput)

    @staticmethod
    def started_token() -> str:
        return signing.Signer(salt=_FILL_SALT).sign(str(int(timezone.now().timestamp())))

    def looks_like_spam(self) -> bool:
        if self.data.get("website"):
            return True
        try:
            started = int(signing.Signer(salt=_FILL_SALT).unsign(self.data.get("started", "")))
        except (signing.BadSignature, ValueError):
            return True
        return timezone.now().timestamp() - started < conf.get("INTAKE_MIN_FILL_SECONDS")

    def clean_region_code(self) -> Region | None:
        if not (self.data.get("region_code") or "").strip():
            province = (self.data.get("province") or "").strip()
            self.cleaned_data["region_code"] = province
        return super().clean_region_code()


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Pesan"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[plain_text],
    )


class StatusLookupForm(forms.Form):
    receipt = forms.CharField(label=_("Nomor tanda terima"), max_length=40)
    secret = forms.CharField(label=_("Kode rahasia"), max_length=60, widget=forms.PasswordInput)


class AccessRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan memerlukan identitas pelapor"),
        min_length=10,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[plain_text],
    )


class AccessDecisionForm(forms.Form):
    approve = forms.TypedChoiceField(
        choices=[("1", _("Setujui")), ("0", _("Tolak"))], coerce=lambda v: v == "1"
    )
    note = forms.CharField(
        label=_("Catatan"), max_length=2000, required=False, validators=[plain_text]
    )
