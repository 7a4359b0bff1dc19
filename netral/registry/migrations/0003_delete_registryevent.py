"""The old registry chain, copied into the audit log by 0002, is retired.

Going back recreates the table empty.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0002_registry_events_to_audit"),
    ]

    operations = [
        migrations.DeleteModel(name="RegistryEvent"),
    ]
