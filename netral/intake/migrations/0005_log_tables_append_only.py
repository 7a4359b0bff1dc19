"""Report events, messages and the identity-access log are append-only in PostgreSQL too.

Only the retention service may delete them (netral.audit.purge); nothing may update them.
"""

from django.db import migrations

TABLES = {
    "intake_reportevent": True,
    "intake_message": True,
    "intake_identityaccesslog": True,
}


def add_triggers(apps, schema_editor):
    from netral.audit.triggers import add_triggers as add

    add(schema_editor, TABLES)


def drop_triggers(apps, schema_editor):
    from netral.audit.triggers import drop_triggers as drop

    drop(schema_editor, TABLES)


class Migration(migrations.Migration):
    dependencies = [("intake", "0004_cleanup_schedule")]

    operations = [migrations.RunPython(add_triggers, drop_triggers)]
