"""The engine pre-fills the recommendation; the PDF letter; the PPK's follow-up."""

from __future__ import annotations

import datetime
import hashlib
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from netral.cases import selectors, services
from netral.cases.models import CaseEvent, FollowUpKind, Recommendation, Stage
from netral.cases.services.errors import ConditionsFailed, Invalid
from tests.cases.conftest import World, at_recommendation, fresh, new_case, signed


def test_the_prefill_offers_the_engines_tracks_sanctions_and_citations(world: World) -> None:
    case = at_recommendation(world, new_case())
    prefill = services.recommendation_prefill(case=case)
    assert prefill.facts["conduct"] == ["MEDSOS_UNGGAH"]
    assert prefill.facts["candidate_status"] == "CALON"
    # A civil servant posting for a determined candidate: discipline, heavy (law.md section 4).
    option = next(o for o in prefill.options if o["track"] == "DISIPLIN")
    assert option["level"] == "BERAT"
    assert "PDHTAPS" in option["sanctions"]
    assert {"instrument": "PP-94-2021", "pasal": "14", "huruf": "i"} in option["basis"]
    assert prefill.explanation
    assert prefill.catalogue_version


def test_prefill_without_a_subject_status_says_the_facts_are_incomplete(world: World) -> None:
    case = new_case()
    with pytest.raises(ConditionsFailed):
        services.recommendation_prefill(case=case)


def test_prefill_names_each_fact_the_officer_must_still_record(world: World) -> None:
    case = at_recommendation(world, new_case())
    case.election = ""
    case.incident_date = None
    with pytest.raises(ConditionsFailed) as refused:
        services.recommendation_prefill(case=case)
    missing = refused.value.detail["missing"]
    assert missing == [
        "Isi tanggal kejadian.",
        "Tentukan pemilihan yang terkait (Pemilu atau Pilkada).",
    ]


def test_signing_stores_the_snapshot_makes_a_pdf_and_starts_the_ppk_clock(world: World) -> None:
    case = signed(world, new_case())
    rec = case.recommendation
    assert case.stage == Stage.PPK_FOLLOW_UP
    assert case.deadline_rule["stage"] == "PPK_FOLLOW_UP"
    assert rec.ppk_due_date == case.due_date
    assert rec.assessment["findings"][0]["conduct"] == "MEDSOS_UNGGAH"
    with rec.letter.open("rb") as handle:
        pdf = handle.read()
    assert pdf.startswith(b"%PDF")
    assert hashlib.sha256(pdf).hexdigest() == rec.letter_sha256
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Rekomendasi penjatuhan sanksi" in text
    assert "Budi Santoso" in text
    assert "197803122005011003" in text


def test_a_sanction_outside_the_assessment_cannot_be_signed(world: World) -> None:
    case = at_recommendation(world, new_case())
    with pytest.raises(Invalid):
        services.recommendation_sign(
            case=case,
            actor=world.supervisor,
            chosen_track="DISIPLIN",
            chosen_sanction="TEGURAN_LISAN",
            note="",
            expected_version=case.version,
        )
    assert fresh(case).stage == Stage.RECOMMENDATION


def _past_ppk_deadline(world: World) -> object:
    """A signed case whose PPK deadline lies in the past (signed long ago)."""
    case = signed(world, new_case())
    from netral.cases.services.events import case_touch

    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    case_touch(case, bump=False, due_date=yesterday)
    Recommendation.objects.filter(case=case).update(ppk_due_date=yesterday)
    return fresh(case)


def test_the_supervisor_can_warn_the_ppk_only_after_the_deadline(world: World) -> None:
    on_time = signed(world, new_case())
    with pytest.raises(ConditionsFailed):
        services.ppk_warning_issue(case=on_time, actor=world.supervisor, note="")
    late = _past_ppk_deadline(world)
    warning = services.ppk_warning_issue(
        case=late, actor=world.supervisor, note="Segera tindak lanjuti."
    )
    assert warning.kind == FollowUpKind.PPK_WARNING
    assert CaseEvent.objects.filter(case=late, action="ppk_warning").exists()


def test_data_blocking_comes_after_a_warning_and_only_once(world: World) -> None:
    late = _past_ppk_deadline(world)
    with pytest.raises(ConditionsFailed):
        services.data_blocking_request(case=late, actor=world.supervisor, note="")
    services.ppk_warning_issue(case=late, actor=world.supervisor, note="")
    services.data_blocking_request(case=late, actor=world.supervisor, note="Blokir data.")
    with pytest.raises(Invalid):
        services.data_blocking_request(case=late, actor=world.supervisor, note="lagi")


def test_compliance_counts_on_time_late_pending_and_blocked_per_agency(world: World) -> None:
    today = timezone.localdate()
    on_time = signed(world, new_case())
    services.sanction_record(
        case=on_time,
        actor=world.ppk,
        sk_number="800/1/2026",
        sk_date=today,
        sanction=on_time.recommendation.chosen_sanction,
        effective_date=today,
        expected_version=on_time.version,
    )
    signed(world, new_case())  # pending, deadline not passed
    blocked = _past_ppk_deadline(world)
    services.ppk_warning_issue(case=blocked, actor=world.supervisor, note="")
    services.data_blocking_request(case=blocked, actor=world.supervisor, note="")
    rows = selectors.ppk_compliance(actor=world.supervisor)
    assert len(rows) == 1
    row = rows[0]
    assert row.agency_name == "Pemerintah Kabupaten Bogor"
    counts = (
        row.recommendations,
        row.on_time,
        row.late,
        row.non_compliant,
        row.pending,
        row.overdue,
        row.blocked,
    )
    assert counts == (3, 1, 0, 0, 1, 1, 1)
    assert selectors.ppk_compliance(actor=world.verifier_kebumen) == []
