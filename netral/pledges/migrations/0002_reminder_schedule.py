"""The daily missing-pledge reminder (netral.pledges.reminders.send_pledge_reminders)."""

from django.db import migrations

TASK = "netral.pledges.reminders.send_pledge_reminders"
NAME = "pledges.reminders"


def add_schedule(apps, schema_editor):
    schedule = apps.get_model("django_q", "Schedule")
    # Idempotent: keyed by name, so re-running migrations never adds a second reminder run.
    schedule.objects.get_or_create(
        name=NAME, defaults={"func": TASK, "schedule_type": "D", "repeats": -1}
    )


def drop_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pledges", "0001_initial"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(add_schedule, drop_schedule)]
