"""The PPK records the sanction actually imposed, from the catalogue's ladder for the
recommended track; only the recommended sanction is compliance; the rest is escalated."""

from __future__ import annotations

import pytest
from django.utils import timezone

from netral.cases import follow_up_rules, selectors, services
from netral.cases.models import (
    Compliance,
    Escalation,
    EscalationKind,
    FollowUpKind,
    Stage,
)
from netral.cases.sanctions import ladder_for
from netral.cases.services.errors import ConditionsFailed, Invalid
from tests.cases.conftest import World, act, fresh, new_case, signed
from tests.cases.test_ui_case_page import signed_in


def _record(world: World, case: object, sanction: str) -> object:
    case = fresh(case)  # type: ignore[arg-type]
    today = timezone.localdate()
    return services.sanction_record(
        case=case,
        actor=world.ppk,
        sk_number="800.1.6/7/2026",
        sk_date=today,
        sanction=sanction,
        effective_date=today,
        expected_version=case.version,
    )


def test_the_ppk_choices_are_the_recommended_tracks_levels_without_criminal_penalties(
    world: World,
) -> None:
    case = signed(world, new_case())
    ladder = ladder_for(case.recommendation)
    offered = {code for rung in ladder for code in rung.sanctions}
    assert case.recommendation.chosen_sanction in offered
    assert [rung.level for rung in ladder] == ["SEDANG", "BERAT"]  # PP-94-2021, lightest first
    assert not {"PENJARA_MAKS_1_TAHUN", "DENDA_MAKS_RP12_JUTA", "TEGURAN_LISAN"} & offered
    assert len(offered) < 28
    page = signed_in(world.ppk).get(f"/kasus/{case.pk}/").content.decode()
    assert "pidana penjara" not in page
    assert "Tidak menjatuhkan sanksi" in page


def test_a_sanction_off_the_ladder_is_refused(world: World) -> None:
    case = signed(world, new_case())
    with pytest.raises(Invalid):
        _record(world, case, "PENJARA_MAKS_1_TAHUN")
    assert fresh(case).stage == Stage.PPK_FOLLOW_UP


def test_the_recommended_sanction_complies_and_closes_once_in_force(world: World) -> None:
    case = signed(world, new_case())
    decision = _record(world, case, case.recommendation.chosen_sanction)
    assert decision.compliance == Compliance.COMPLIANT  # type: ignore[attr-defined]
    assert fresh(case).stage == Stage.CLOSED


@pytest.mark.parametrize(
    ("imposed", "expected"),
    [
        ("POTONG_TUKIN_25_6_BULAN", Compliance.LIGHTER),  # sedang for a berat recommendation
        ("PDHTAPS", Compliance.DIFFERENT),
        ("", Compliance.NONE),
    ],
)
def test_a_lighter_different_or_no_sanction_is_non_compliance(
    world: World, imposed: str, expected: Compliance
) -> None:
    case = signed(world, new_case())
    assert case.recommendation.chosen_sanction == "TURUN_JABATAN_12_BULAN"
    decision = _record(world, case, imposed)
    assert decision.compliance == expected  # type: ignore[attr-defined]
    case = fresh(case)
    assert case.stage == Stage.SANCTION_EXECUTED  # stays open for the supervisor
    assert Escalation.objects.filter(case=case, kind=EscalationKind.NON_COMPLIANT).exists()
    row = selectors.ppk_compliance(actor=world.supervisor)[0]
    assert (row.on_time, row.late, row.non_compliant) == (0, 0, 1)
    page = signed_in(world.supervisor).get(f"/kasus/{case.pk}/").content.decode()
    assert 'data-testid="non-compliant"' in page
    assert "tidak patuh" in page
    compliance_page = signed_in(world.supervisor).get("/kasus/kepatuhan/").content.decode()
    assert "Tidak sesuai rekomendasi" in compliance_page


def test_non_compliance_is_followed_up_in_the_order_the_data_file_gives(world: World) -> None:
    case = signed(world, new_case())
    _record(world, case, "POTONG_TUKIN_25_6_BULAN")
    case = fresh(case)
    with pytest.raises(ConditionsFailed):  # closing waits for the supervisor's follow-up
        act(case, "close", world.supervisor)
    with pytest.raises(ConditionsFailed):  # blocking comes after the warning
        services.data_blocking_request(case=case, actor=world.supervisor, note="")
    services.ppk_warning_issue(case=case, actor=world.supervisor, note="Sanksi lebih ringan.")
    services.data_blocking_request(case=case, actor=world.supervisor, note="Blokir.")
    assert set(fresh(case).follow_ups.values_list("kind", flat=True)) == {
        FollowUpKind.PPK_WARNING,
        FollowUpKind.DATA_BLOCKING,
    }
    closed = act(fresh(case), "close", world.supervisor, "Tindak lanjut pengawas selesai.")
    assert closed.stage == Stage.CLOSED


def test_the_levers_in_the_data_file_are_the_ones_the_model_knows() -> None:
    assert [s.lever for s in follow_up_rules.steps()] == list(FollowUpKind.values)
    assert all(s.source for s in follow_up_rules.steps())
