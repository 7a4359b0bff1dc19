"""Identity resolution (typos, titles, position, agency, region), linking or "not found",
duplicate suggestions and the merge screen that keeps every report."""

from __future__ import annotations

import pytest

from netral.cases.duplicates import duplicate_suggestions
from netral.cases.models import Stage
from netral.cases.search import Query, employee_search
from netral.org.models import Employee
from tests.cases.conftest import World, act, fresh, new_case
from tests.cases.test_ui_case_page import signed_in


@pytest.fixture
def namesakes(world: World) -> list[Employee]:
    """Similar names in the same regency, to make the search earn its ranking."""
    return [
        Employee.objects.create(
            nip="198001012005011001",
            name="Budiman Santika",
            status="PNS",
            position="Staf Kecamatan Cibinong",
            agency=world.bogor,
        ),
        Employee.objects.create(
            nip="198202022006021002",
            name="Drs. Budi Susanto, M.Si.",
            status="PNS",
            position="Kepala Bidang Anggaran",
            agency=world.bogor,
        ),
    ]


@pytest.mark.parametrize(
    "written",
    [
        "Budi Santoso",
        "Budy Santosa",
        "Drs. H. Budi Santoso, S.Pd.",
        "budi santoso spd",
        "Santoso Budi",
    ],
)
def test_the_roster_search_finds_the_camat_however_the_reporter_wrote_his_name(
    world: World, namesakes: list[Employee], written: str
) -> None:
    case = new_case(subject_name=written)
    found = employee_search(
        case=case,
        actor=world.verifier,
        query=Query(written, "Camat", "Pemkab Bogor", "32.01"),
    )
    assert found[0].employee == world.camat


def test_position_and_agency_break_a_tie_between_similar_names(
    world: World, namesakes: list[Employee]
) -> None:
    case = new_case(subject_name="Pak Budi")
    found = employee_search(
        case=case, actor=world.verifier, query=Query("Budi", "Kepala Bidang Anggaran", "", "")
    )
    assert found[0].employee == namesakes[1]


def test_the_search_never_offers_someone_from_another_province(world: World) -> None:
    case = new_case("33.05", subject_name="Dewi Lestari")
    found = employee_search(
        case=case, actor=world.verifier_kebumen, query=Query("Dewi Lestari", "Guru", "", "")
    )
    assert found == []


def test_the_search_page_links_the_employee_through_the_service(world: World) -> None:
    case = act(new_case(subject_name="Budy Santosa"), "start_verification", world.verifier)
    client = signed_in(world.verifier)
    html = client.get(
        f"/kasus/{case.pk}/terlapor/", {"name": "Budy Santosa"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert f'data-testid="link-{world.camat.nip}"' in html
    client.post(
        f"/kasus/{case.pk}/terlapor/tautkan/", {"version": case.version, "employee": world.camat.pk}
    )
    case = fresh(case)
    assert case.employee == world.camat
    assert case.agency == world.bogor


def test_linking_someone_outside_the_case_province_is_refused(world: World) -> None:
    case = new_case()
    central_java = Employee.objects.create(
        nip="198309092009011011", name="Irfan Maulana", status="PNS", agency=world.kebumen
    )
    response = signed_in(world.verifier).post(
        f"/kasus/{case.pk}/terlapor/tautkan/",
        {"version": case.version, "employee": central_java.pk},
        follow=True,
    )
    assert "tidak ditemukan di data pegawai wilayah kasus ini" in response.content.decode()
    assert fresh(case).employee is None


def test_the_verifier_can_record_that_the_person_is_not_on_the_roster(world: World) -> None:
    case = new_case(subject_name="Pak Kades Sukamaju")
    signed_in(world.verifier).post(
        f"/kasus/{case.pk}/terlapor/tidak-ditemukan/",
        {"version": case.version, "note": "Kepala desa, bukan ASN."},
    )
    assert fresh(case).subject_not_found


def test_the_same_incident_reported_twice_is_suggested_as_a_duplicate(world: World) -> None:
    first = new_case(
        text="Camat Budi Santoso mengunggah ajakan memilih pasangan nomor dua di Facebook."
    )
    second = new_case(
        subject_name="Drs. Budi Santoso",
        text="Pak camat Budi Santoso memposting ajakan memilih paslon nomor dua di facebooknya.",
    )
    unrelated = new_case(
        subject_name="Siti Aminah",
        text="Guru honorer memasang baliho partai di pagar sekolah dasar negeri.",
        occurred_on=None,
    )
    found = [s.case for s in duplicate_suggestions(case=first, actor=world.verifier)]
    assert second in found
    assert unrelated not in found


def test_the_merge_screen_keeps_both_reports(world: World) -> None:
    keep, gone = new_case(), new_case()
    client = signed_in(world.verifier)
    screen = client.get(f"/kasus/{keep.pk}/duplikat/", {"dengan": gone.reference}).content.decode()
    assert gone.links.get().report.receipt in screen
    client.post(
        f"/kasus/{keep.pk}/gabung/",
        {
            "version": keep.version,
            "other": gone.pk,
            "other_version": gone.version,
            "reason": "Kejadian yang sama.",
        },
    )
    assert fresh(gone).stage == Stage.MERGED
    assert keep.links.count() == 2


def test_merging_a_case_outside_the_scope_is_not_found(world: World) -> None:
    keep, outside = new_case(), new_case("33.05")
    response = signed_in(world.verifier).post(
        f"/kasus/{keep.pk}/gabung/",
        {"version": 1, "other": outside.pk, "other_version": 1, "reason": "Sama."},
    )
    assert response.status_code == 404
    assert fresh(outside).stage == Stage.RECEIVED


def test_a_weak_roster_match_is_never_a_one_click_link(world: World) -> None:
    nurse = Employee.objects.create(
        nip="198807152022012001",
        name="Fitri Handayani",
        status="PPPK",
        position="Perawat Puskesmas",
        agency=world.bogor,
    )
    case = act(new_case(subject_name="Hendra Wijaya"), "start_verification", world.verifier)
    query = Query("Hendra Wijaya", "Kepala Dinas Pendidikan", "", "32.01")
    found = {
        m.employee.pk: m for m in employee_search(case=case, actor=world.verifier, query=query)
    }
    assert all(not m.linkable for m in found.values())
    client = signed_in(world.verifier)
    page = client.get(
        f"/kasus/{case.pk}/terlapor/",
        {"name": query.name, "position": query.position, "region": "32.01"},
    ).content.decode()
    assert f'data-testid="link-{nurse.nip}"' not in page
    assert "ambang" in page
    refused = {"version": case.version, "employee": nurse.pk, "name": query.name}
    client.post(f"/kasus/{case.pk}/terlapor/tautkan/", {**refused, "position": query.position})
    assert fresh(case).employee_id is None
    client.post(
        f"/kasus/{case.pk}/terlapor/tautkan/",
        {**refused, "position": query.position, "checked": "1"},
    )
    assert fresh(case).employee_id == nurse.pk  # the officer checked it herself


def test_same_person_same_conduct_and_close_dates_are_suggested_however_worded(
    world: World,
) -> None:
    first = new_case(text="Pak camat Budi unggah foto bareng paslon dua, jempol diacungkan.")
    second = new_case(
        text="Saya melihat status Facebook Budi Santoso yang mengajak warga memilih calon."
    )
    suggested = [s.case.pk for s in duplicate_suggestions(case=first, actor=world.verifier)]
    assert second.pk in suggested
    reasons = duplicate_suggestions(case=first, actor=world.verifier)[0].reasons
    assert {"nama terlapor mirip", "perbuatan yang sama", "tanggal berdekatan"} <= set(reasons)
