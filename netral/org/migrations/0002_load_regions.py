"""Every fresh database gets the provinces, regencies and cities on `migrate`."""

from django.db import migrations

from netral.org.regions import load_regions


def forwards(apps, schema_editor):
    load_regions(apps.get_model("org", "Region"))


class Migration(migrations.Migration):
    dependencies = [("org", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
