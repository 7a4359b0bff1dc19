"""Fill the new search text and the compliance of decisions already recorded; on
PostgreSQL, a trigram index so the queue's word search reads an index, not every row.

SQLite (the demo) has no pg_trgm: it scans, which its few hundred cases allow.
"""

from django.db import migrations

TRIGRAM_INDEX = (
    "CREATE INDEX IF NOT EXISTS case_search_trgm ON cases_case USING gin (search_text gin_trgm_ops)"
)


def _reference(case):
    return f"NTR-{case.created_at:%Y}-{case.pk:06d}"


def fill_search_text(apps, schema_editor):
    from netral.cases.searchtext import fold

    Case = apps.get_model("cases", "Case")
    CaseReport = apps.get_model("cases", "CaseReport")
    ScreenedPost = apps.get_model("cases", "ScreenedPost")
    for case in Case.objects.select_related("agency", "region", "employee").iterator():
        pieces = [
            _reference(case),
            case.subject_name,
            case.subject_position,
            case.subject_agency_name,
            case.agency.name if case.agency_id else "",
            case.region.name if case.region_id else "",
        ]
        if case.employee_id:
            pieces += [case.employee.name, case.employee.nip, case.employee.position]
        for link in CaseReport.objects.filter(case_id=case.pk).select_related("report"):
            r = link.report
            pieces += [r.text, r.place, r.subject_name, r.subject_position, r.subject_agency]
        for post in ScreenedPost.objects.filter(case_id=case.pk):
            pieces += [post.author, post.text]
        text = fold(" ".join(p for p in pieces if p))
        Case.objects.filter(pk=case.pk).update(search_text=text)


def fill_compliance(apps, schema_editor):
    SanctionDecision = apps.get_model("cases", "SanctionDecision")
    for decision in SanctionDecision.objects.select_related("recommendation"):
        same = decision.sanction == decision.recommendation.chosen_sanction
        decision.compliance = "COMPLIANT" if same else "DIFFERENT"
        decision.save(update_fields=["compliance"])


def trigram_index(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
        if cursor.fetchone() is None:
            return  # no contrib package: the search still works, by scanning
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        cursor.execute(TRIGRAM_INDEX)


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("DROP INDEX IF EXISTS case_search_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0007_search_text_and_sanction_compliance"),
    ]

    operations = [
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
        migrations.RunPython(fill_compliance, migrations.RunPython.noop),
        migrations.RunPython(trigram_index, drop_trigram_index),
    ]
