"""The daily retention purge (reports of not-actionable cases past the retention period)."""

from django.db import migrations

PURGE = "netral.cases.tasks.purge_expired_reports"
PURGE_NAME = "cases.retention_purge"


def add_schedule(apps, schema_editor):
    schedule = apps.get_model("django_q", "Schedule")
    # Idempotent: keyed by name, so re-running migrations never adds a second purge.
    schedule.objects.get_or_create(
        name=PURGE_NAME,
        defaults={"func": PURGE, "schedule_type": "D", "repeats": -1},
    )


def drop_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=PURGE_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0005_screening_source"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(add_schedule, drop_schedule)]
