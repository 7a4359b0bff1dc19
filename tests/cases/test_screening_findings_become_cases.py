"""Findings of social-media screening become cases of source "screening": idempotent,
deduplicated by post URL and by subject + conduct + day, audited, in the importer's scope,
and uploaded through a page only analysts and supervisors in scope can use."""

from __future__ import annotations

import datetime
import io
import json
from typing import Any

import pytest
from django.test import Client

from netral.cases import services
from netral.cases.audit import verify_chains
from netral.cases.models import Case, CaseEvent, CaseSource, ScreenedPost
from netral.cases.screening import Finding, finding_from, read_findings
from netral.cases.services.errors import Forbidden
from tests.cases.conftest import World, make_report, new_case
from tests.cases.test_ui_case_page import signed_in

NAMES = ["Agus Wibowo", "Siti Rahayu", "Joko Saputra", "Rina Hidayat", "Heru Lestari",
         "Dewi Kurniawan", "Bayu Pratama", "Nur Halim", "Eko Utami"]  # fmt: skip
TEXT = "Pak camat ikut kampanye paslon 02 kemarin dan upload foto pose dua jari."


def finding(number: int, **changes: Any) -> dict[str, Any]:
    start = TEXT.index("ikut kampanye")
    record = {
        "id": f"post-{number}",
        "codes": ["KAMPANYE_IKUT"],
        "scores": {"KAMPANYE_IKUT": 0.61},
        "evidence": [{"code": "KAMPANYE_IKUT", "start": start, "end": start + 13,
                      "text": "ikut kampanye"}],
        "text": TEXT,
        "author": NAMES[number],
        "url": f"https://www.facebook.com/posts/{number}?fbclid=abc",
        "posted_at": "2024-10-14T09:30:00+07:00",
        "platform": "facebook",
        "region_code": "32.01",
        "candidates": [{"employee_id": None, "nip": "197803122005011003", "name": "Budi Santoso",
                        "position": "Camat Cibinong", "agency": "Pemerintah Kabupaten Bogor",
                        "region_code": "32.01", "score": 91.5, "reasons": ["nama", "wilayah"]}],
    }  # fmt: skip
    record.update(changes)
    return record


def findings(*records: dict[str, Any]) -> list[Finding]:
    return [finding_from(r) for r in records]


def jsonl(*records: dict[str, Any]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


def test_importing_the_same_findings_twice_creates_no_duplicate_cases(world: World) -> None:
    batch = findings(*(finding(n) for n in range(3)))
    first = services.findings_import(findings=batch, actor=None, election="PILKADA")
    events = CaseEvent.objects.count()
    second = services.findings_import(findings=batch, actor=None, election="PILKADA")
    assert len(first.opened) == 3
    assert second.opened == second.joined == []
    assert second.already == 3
    assert Case.objects.filter(source=CaseSource.SCREENING).count() == 3
    assert ScreenedPost.objects.count() == 3
    assert CaseEvent.objects.count() == events
    case = Case.objects.get(pk=first.opened[0])
    assert case.stage == "RECEIVED"
    assert case.region.code == "32.01"
    assert case.suggested_codes == ["KAMPANYE_IKUT"]
    assert case.incident_date == datetime.date(2024, 10, 14)
    assert case.employee is None  # candidates are suggestions, never a link
    assert verify_chains().breaks == []


def test_the_same_post_under_another_url_spelling_is_already_imported(world: World) -> None:
    services.findings_import(findings=findings(finding(1)), actor=None, election="PILKADA")
    again = finding(1, id="other-export-id", url="http://facebook.com/posts/1/?utm_source=x")
    result = services.findings_import(findings=findings(again), actor=None, election="PILKADA")
    assert result.already == 1
    assert ScreenedPost.objects.count() == 1


def test_a_post_about_the_person_conduct_and_day_of_an_open_case_joins_it(world: World) -> None:
    reported = new_case(occurred_on=datetime.date(2024, 10, 14), subject_name="Budi Santoso")
    Case.objects.filter(pk=reported.pk).update(suggested_codes=["KAMPANYE_IKUT"])
    same = finding(5, author="Drs. Budi Santoso, M.Si.")
    other_day = finding(6, author="Budi Santoso", posted_at="2024-10-15")
    result = services.findings_import(
        findings=findings(same, other_day), actor=None, election="PILKADA"
    )
    assert result.joined == [reported.pk]
    assert len(result.opened) == 1
    assert CaseEvent.objects.filter(case=reported, action="screening_post_added").count() == 1
    assert ScreenedPost.objects.get(post_id="post-5").case_id == reported.pk


def test_two_posts_of_one_incident_in_one_file_make_one_case(world: World) -> None:
    a = finding(7, author="@budi_santoso")
    b = finding(8, author="Budi Santoso")
    result = services.findings_import(findings=findings(a, b), actor=None, election="PILKADA")
    assert len(result.opened) == 1
    assert result.joined == result.opened


def test_an_analyst_files_only_findings_in_her_scope(world: World) -> None:
    inside, outside = finding(1), finding(2, region_code="33.05")
    result = services.findings_import(
        findings=findings(inside, outside), actor=world.analyst, election="PILKADA"
    )
    assert len(result.opened) == 1
    assert result.out_of_scope == ["post-2"]
    assert not ScreenedPost.objects.filter(post_id="post-2").exists()
    assert Case.objects.filter(source=CaseSource.SCREENING).count() == 1
    event = CaseEvent.objects.get(case_id=result.opened[0])
    assert event.action == "open_screening"
    assert event.actor == world.analyst


def test_a_verifier_cannot_import_findings(world: World) -> None:
    with pytest.raises(Forbidden):
        services.findings_import(findings=findings(finding(1)), actor=world.verifier, election="")


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"codes": ["TERBANG"]}, "unknown conduct code"),
        ({"codes": []}, "codes must be a non-empty list"),
        ({"evidence": [{"code": "KAMPANYE_IKUT", "start": 0, "end": 4, "text": "ikut"}]},
         "does not quote the text"),
        ({"url": "javascript:alert(1)"}, "http or https"),
        ({"posted_at": "kemarin"}, "ISO date"),
        ({"region_code": "Bogor"}, "Kemendagri code"),
        ({"candidates": [{"nip": "1", "score": 900}]}, "from 0 to 100"),
    ],
)  # fmt: skip
def test_a_finding_is_checked_as_content(change: dict[str, Any], reason: str) -> None:
    batch = read_findings(io.BytesIO(jsonl(finding(1), finding(2, **change))))
    assert len(batch.findings) == 1
    assert batch.errors[0]["line"] == 2
    assert reason in batch.errors[0]["error"]


def _upload(client: Client, content: bytes, election: str = "PILKADA") -> Any:
    file = io.BytesIO(content)
    file.name = "findings.jsonl"
    return client.post("/kasus/penyaringan/impor/", {"findings": file, "election": election})


def test_the_upload_page_opens_cases_for_an_analyst(world: World) -> None:
    client = signed_in(world.analyst)
    assert client.get("/kasus/penyaringan/impor/").status_code == 200
    response = _upload(client, jsonl(finding(1), finding(2)))
    assert response.status_code == 200
    assert response.context["result"].opened
    case = Case.objects.get(pk=response.context["result"].opened[0])
    page = client.get(f"/kasus/{case.pk}/").content.decode()
    assert "Temuan penyaringan media sosial" in page
    assert "197803122005011003" in page  # the candidate, as a suggestion
    assert "<mark" in page
    assert "ikut kampanye" in page
    again = _upload(client, jsonl(finding(1), finding(2)))
    assert again.context["result"].already == 2
    assert Case.objects.filter(source=CaseSource.SCREENING).count() == 2


def test_a_file_with_a_bad_line_imports_nothing(world: World) -> None:
    client = signed_in(world.analyst)
    response = _upload(client, jsonl(finding(1)) + b"\x89PNG\r\n\x1a\n\x00\x00")
    assert response.status_code == 200
    assert "tidak valid" in response.content.decode()
    assert not Case.objects.filter(source=CaseSource.SCREENING).exists()


def test_only_analysts_and_supervisors_may_upload(world: World) -> None:
    assert signed_in(world.verifier).get("/kasus/penyaringan/impor/").status_code == 403
    assert signed_in(world.ppk).get("/kasus/penyaringan/impor/").status_code == 403
    response = Client().get("/kasus/penyaringan/impor/")
    assert response.status_code == 302
    assert "masuk" in response["Location"]


def test_the_upload_needs_the_csrf_token(world: World) -> None:
    client = signed_in(world.analyst)
    client.handler.enforce_csrf_checks = True
    assert _upload(client, jsonl(finding(1))).status_code == 403
    assert not ScreenedPost.objects.exists()


def test_a_report_case_still_opens_with_source_report(world: World) -> None:
    case = services.case_open_for_report(report=make_report())
    assert case.source == CaseSource.REPORT
