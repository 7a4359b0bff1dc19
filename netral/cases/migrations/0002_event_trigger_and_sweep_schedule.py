"""CaseEvent is append-only in the database too (PostgreSQL), and the hourly sweep exists."""

from django.db import migrations

TRIGGER = """
CREATE OR REPLACE FUNCTION cases_caseevent_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'cases_caseevent is append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS cases_caseevent_append_only ON cases_caseevent;
CREATE TRIGGER cases_caseevent_append_only
  BEFORE UPDATE OR DELETE ON cases_caseevent
  FOR EACH ROW EXECUTE FUNCTION cases_caseevent_append_only();
"""

UNTRIGGER = """
DROP TRIGGER IF EXISTS cases_caseevent_append_only ON cases_caseevent;
DROP FUNCTION IF EXISTS cases_caseevent_append_only();
"""

SWEEP = "netral.cases.tasks.sweep_deadlines"
SWEEP_NAME = "cases.sweep_deadlines"


def add_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGER, params=None)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(UNTRIGGER, params=None)


def add_schedule(apps, schema_editor):
    schedule = apps.get_model("django_q", "Schedule")
    # Idempotent: keyed by name, so re-running migrations never adds a second sweep.
    schedule.objects.get_or_create(
        name=SWEEP_NAME,
        defaults={"func": SWEEP, "schedule_type": "H", "repeats": -1},
    )


def drop_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=SWEEP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0001_initial"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [
        migrations.RunPython(add_trigger, drop_trigger),
        migrations.RunPython(add_schedule, drop_schedule),
    ]
