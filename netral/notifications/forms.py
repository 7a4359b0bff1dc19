from __future__ import annotations

from django import forms

from netral.accounts.models import User
from netral.notifications.kinds import STAFF_KINDS
from netral.notifications.services import channels_for


class PreferencesForm(forms.Form):
    """Two boxes per kind: in the app, and by e-mail."""

    def __init__(self, *args: object, user: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.rows: list[tuple[str, str, str]] = []
        for kind in STAFF_KINDS:
            in_app, email = channels_for(user, kind)
            self.fields[f"{kind}_in_app"] = forms.BooleanField(
                required=False, initial=in_app, label=kind.label
            )
            self.fields[f"{kind}_email"] = forms.BooleanField(
                required=False, initial=email, label=kind.label
            )
            self.rows.append((str(kind.label), f"{kind}_in_app", f"{kind}_email"))

    def chosen(self) -> dict[str, tuple[bool, bool]]:
        data = self.cleaned_data
        return {kind: (data[f"{kind}_in_app"], data[f"{kind}_email"]) for kind in STAFF_KINDS}

    def pairs(self) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        return [(label, self[a], self[b]) for label, a, b in self.rows]
