"""E-mail retries: attempts and the next try on each notification, and the schedule that
sends what is due (netral.notifications.tasks.retry_emails)."""

from django.db import migrations, models

TASK = "netral.notifications.tasks.retry_emails"
NAME = "notifications.retry_emails"


def add_schedule(apps, schema_editor):
    schedule = apps.get_model("django_q", "Schedule")
    schedule.objects.get_or_create(
        name=NAME, defaults={"func": TASK, "schedule_type": "I", "minutes": 5, "repeats": -1}
    )


def drop_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0003_reporter_evidence_label"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="email_attempts",
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="notification",
            name="email_retry_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(add_schedule, drop_schedule),
    ]
