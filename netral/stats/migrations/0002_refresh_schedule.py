"""Rebuild the statistics summary table every 15 minutes in the task queue."""

from django.db import migrations

REFRESH = "netral.stats.tasks.refresh"
REFRESH_NAME = "stats.refresh_facts"


def add_schedule(apps, schema_editor):
    schedule = apps.get_model("django_q", "Schedule")
    # Keyed by name: re-running migrations never adds a second refresh.
    schedule.objects.get_or_create(
        name=REFRESH_NAME,
        defaults={"func": REFRESH, "schedule_type": "I", "minutes": 15, "repeats": -1},
    )


def drop_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=REFRESH_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("stats", "0001_initial"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(add_schedule, drop_schedule)]
