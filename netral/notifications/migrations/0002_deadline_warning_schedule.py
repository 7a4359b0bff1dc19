"""The daily warning about deadlines at risk (netral.notifications.tasks.warn_deadlines)."""

from django.db import migrations

TASK = "netral.notifications.tasks.warn_deadlines"
NAME = "notifications.warn_deadlines"


def add_schedule(apps, schema_editor):
    schedule = apps.get_model("django_q", "Schedule")
    # Keyed by name: re-running migrations never adds a second schedule.
    schedule.objects.get_or_create(
        name=NAME, defaults={"func": TASK, "schedule_type": "D", "repeats": -1}
    )


def drop_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(add_schedule, drop_schedule)]
