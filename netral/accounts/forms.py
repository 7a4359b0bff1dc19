from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from netral.accounts import throttle


class ThrottledLoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "throttled": _(
            "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam beberapa menit."
        ),
    }

    def clean(self) -> dict[str, Any]:
        username = self.data.get("username", "")
        if throttle.login_blocked(self.request, username):  # type: ignore[arg-type]
            raise forms.ValidationError(self.error_messages["throttled"], code="throttled")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            throttle.login_failed(self.request, username)  # type: ignore[arg-type]
            raise
        throttle.login_succeeded(self.request, username)  # type: ignore[arg-type]
        return cleaned


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Kode 6 digit dari aplikasi autentikator"),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )
