"""The hourly intake cleanup (expired previews, orphan evidence files, past rate windows)."""

from django.db import migrations

CLEANUP = "netral.intake.tasks.cleanup"
CLEANUP_NAME = "intake.cleanup"


def add_schedule(apps, schema_editor):
    schedule = apps.get_model("django_q", "Schedule")
    # Idempotent: keyed by name, so re-running migrations never adds a second one.
    schedule.objects.get_or_create(
        name=CLEANUP_NAME,
        defaults={"func": CLEANUP, "schedule_type": "H", "repeats": -1},
    )


def drop_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=CLEANUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0003_evidence_access_staging_throttle_salt"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(add_schedule, drop_schedule)]
