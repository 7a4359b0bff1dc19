from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from netral.accounts import throttle

THROTTLED = _("Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam beberapa menit.")


class ThrottledMixin:
    """Refuse before checking the password once the limits are reached; count failures."""

    request: Any
    data: Any

    def clean(self) -> dict[str, Any]:
        username = str(self.data.get("username", ""))
        if throttle.login_blocked(self.request, username):
            raise forms.ValidationError(THROTTLED, code="throttled")
        try:
            cleaned: dict[str, Any] = super().clean()  # type: ignore[misc]
        except forms.ValidationError:
            throttle.login_failed(self.request, username)
            raise
        throttle.login_succeeded(self.request, username)
        return cleaned


class ThrottledLoginForm(ThrottledMixin, AuthenticationForm):
    pass


class ThrottledAdminLoginForm(ThrottledMixin, AdminAuthenticationForm):
    pass


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Kode 6 digit dari aplikasi autentikator"),
        min_length=6,
        max_length=6,
        validators=[RegexValidator(r"^[0-9]{6}$", _("Kode terdiri dari 6 angka."))],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Nama token"),
        max_length=100,
        help_text=_("Untuk apa token ini, misalnya “skrip rekap mingguan”."),
    )
    days = forms.IntegerField(
        label=_("Masa berlaku (hari)"),
        min_value=1,
        max_value=365,
        required=False,
        help_text=_("Kosongkan untuk masa berlaku bawaan."),
    )
