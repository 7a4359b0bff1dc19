"""In Chromium: posts are screened against the demo roster from the database, a Bawaslu
analyst uploads the findings, and the cases open in her queue with the evidence and the
roster candidates; uploading the same file again opens nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from netral.cases.models import Case, CaseSource
from netral.demo.data import load_demo_data
from netral.org.roster.export import roster_rows
from netral.screening.inputs import plan_partitions
from netral.screening.output import gather_findings
from netral.screening.regions import load_lookup
from netral.screening.roster import RosterIndex
from netral.screening.screen import screen_partition
from netral.screening.shared import Shared, model_snapshot
from tests.cases.test_full_chain_browser import staff_page
from tests.conftest import DESKTOP

CAMAT_NIP = "197803122005011003"  # Budi Santoso, Camat Cibinong, in the demo roster
POSTS = [
    {"id": "fb-1", "text": "Pak camat Cibinong ikut kampanye akbar paslon 02 kemarin sore dan "
     "berorasi di atas panggung.", "author": "@budi_santoso", "author_bio": "Camat Cibinong",
     "region": "32.01", "platform": "facebook", "url": "https://facebook.com/posts/1",
     "posted_at": "2024-10-14"},
    {"id": "fb-2", "text": "Selamat pagi warga Cibinong, jangan lupa kerja bakti hari Minggu.",
     "author": "Info Cibinong", "region": "32.01", "platform": "facebook",
     "url": "https://facebook.com/posts/2"},
]  # fmt: skip


def screened_findings(folder: Path) -> Path:
    """The findings `netral screen --roster` writes, screened here in one process."""
    source = folder / "posts.jsonl"
    source.write_text("".join(json.dumps(p) + "\n" for p in POSTS), encoding="utf-8")
    out = folder / "out"
    (out / "parts").mkdir(parents=True)
    shared = Shared(model_snapshot(), RosterIndex(roster_rows()), load_lookup())
    partitions = plan_partitions([source], 100)
    for partition in partitions:
        screen_partition(partition, str(out), shared)
    assert gather_findings(out, [p.name for p in partitions]) == 1
    return out / "findings.jsonl"


@pytest.mark.browser
@pytest.mark.slow
def test_an_analyst_uploads_findings_and_works_the_cases(
    live_server: Any, page_at: Any, settings: Any, tmp_path: Path
) -> None:
    settings.NETRAL_DEMO = True
    load_demo_data()
    findings = screened_findings(tmp_path)
    assert CAMAT_NIP in findings.read_text(encoding="utf-8")

    analyst = staff_page(page_at, live_server.url, "bawaslu", DESKTOP)
    analyst.get_by_role("link", name="Impor temuan penyaringan").click()
    analyst.set_input_files("#id_findings", str(findings))
    analyst.select_option("#id_election", "PILKADA")
    analyst.get_by_role("button", name="Impor temuan").click()
    assert analyst.get_by_test_id("opened").inner_text() == "1"
    case = Case.objects.get(source=CaseSource.SCREENING)
    assert case.employee is None  # a suggestion, not a link

    analyst.locator(f"[data-case='{case.pk}']").click()
    assert "Temuan penyaringan media sosial" in analyst.get_by_test_id("source").inner_text()
    assert "kampanye" in analyst.locator("[data-testid=screened-text] mark").first.inner_text()
    assert CAMAT_NIP in analyst.get_by_test_id("screened-candidates").inner_text()

    # The demo election fills the queue; the newest-first view shows what was just imported.
    analyst.goto(f"{live_server.url}/kasus/?ordering=-created_at")
    assert analyst.locator(f"[data-case='{case.pk}']").count() == 1  # in her queue

    analyst.goto(f"{live_server.url}/kasus/penyaringan/impor/")
    analyst.set_input_files("#id_findings", str(findings))
    analyst.select_option("#id_election", "PILKADA")
    analyst.get_by_role("button", name="Impor temuan").click()
    assert analyst.get_by_test_id("already").inner_text() == "1"
    assert Case.objects.filter(source=CaseSource.SCREENING).count() == 1
