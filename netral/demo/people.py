"""Demo staff get fictional e-mail addresses (`.invalid`), so notification e-mails show in
the demo's console output."""

from __future__ import annotations

from django.db.models import Value
from django.db.models.functions import Concat

from netral.accounts.models import User


def give_demo_staff_addresses() -> int:
    return User.objects.filter(is_demo=True, email="").update(
        email=Concat("username", Value("@contoh.invalid"))
    )
