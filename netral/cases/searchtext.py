"""The queue's text search: one folded text per case, matched word by word.

Each case keeps `search_text`: its number, the reported and linked person, agency, region
and place, and the text of every report and screened post, folded (lower case, accents
dropped, letters and digits only). A query is folded the same way and every word must
occur in it. PostgreSQL answers from a trigram GIN index on the column (migration 0008),
so a word inside a longer word ("bekas" in "bekasi") is found too; SQLite, used by the
demo, scans with LIKE. Both run the same query.

A case number as people see it (`NTR-2026-000042`) in the query selects that case.
"""

from __future__ import annotations

import re
import unicodedata

from django.db.models import Q

from netral.cases.models import Case, CaseReport, ScreenedPost

REFERENCE = re.compile(r"\bNTR-(\d{4})-(\d{1,12})\b", re.IGNORECASE)
MAX_WORDS = 8  # a longer query is a pasted paragraph: its first words are enough


def fold(text: str) -> str:
    """`"Kab. BEKASI, Jawa Barat — Ça"` → `"kab bekasi jawa barat ca"`."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.findall(r"[a-z0-9]+", bare.lower()))


def parse_reference(text: str) -> tuple[int, int] | None:
    """`"NTR-2026-000042"` → `(2026, 42)`; anything else → None."""
    found = REFERENCE.fullmatch(text.strip())
    return (int(found.group(1)), int(found.group(2))) if found else None


def reference_condition(text: str) -> Q | None:
    """The case a number as people write it names (year and serial must both match)."""
    parsed = parse_reference(text)
    if parsed is None:
        return None
    year, pk = parsed
    return Q(pk=pk, created_at__year=year)


def search_condition(query: str) -> Q:
    """Cases whose number is in the query and whose text holds every other word."""
    condition = Q()
    for year, serial in REFERENCE.findall(query):
        condition &= Q(pk=int(serial), created_at__year=int(year))
    words = fold(REFERENCE.sub(" ", query)).split()[:MAX_WORDS]
    for word in words:
        condition &= Q(search_text__contains=word)
    return condition


def _pieces(case: Case) -> list[str]:
    employee = case.employee
    pieces = [
        case.reference,
        case.subject_name,
        case.subject_position,
        case.subject_agency_name,
        case.agency.name if case.agency else "",
        case.region.name if case.region else "",
    ]
    if employee is not None:
        pieces += [employee.name, employee.nip, employee.position]
    links = CaseReport.objects.filter(case_id=case.pk).select_related("report")
    for link in links:
        report = link.report
        pieces += [
            report.text,
            report.place,
            report.subject_name,
            report.subject_position,
            report.subject_agency,
        ]
    posts = ScreenedPost.objects.filter(case_id=case.pk).only("text", "author")
    pieces += [f"{post.author} {post.text}" for post in posts]
    return pieces


def case_search_text(case: Case) -> str:
    return fold(" ".join(p for p in _pieces(case) if p))


def search_text_refresh(case_id: int) -> None:
    """Rebuild one case's search text (called by the services that change its parts).

    A plain column write: it neither bumps the case's version nor its `updated_at`.
    """
    case = Case.objects.select_related("agency", "region", "employee").get(pk=case_id)
    Case.objects.filter(pk=case_id).update(search_text=case_search_text(case))
