"""Tokens issued before tokens expired by default get the default lifetime from today
(NETRAL_API_TOKEN_DAYS), so no token stays valid for ever after an upgrade."""

import datetime

from django.conf import settings
from django.db import migrations
from django.utils import timezone


def give_expiry(apps, schema_editor):
    token = apps.get_model("cases", "ApiToken")
    lifetime = datetime.timedelta(days=settings.NETRAL_API_TOKEN_DAYS)
    token.objects.filter(expires_at__isnull=True, revoked_at__isnull=True).update(
        expires_at=timezone.now() + lifetime
    )


class Migration(migrations.Migration):
    dependencies = [("cases", "0009_letter_numbers")]

    operations = [migrations.RunPython(give_expiry, migrations.RunPython.noop)]
