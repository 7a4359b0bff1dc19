from __future__ import annotations

import pytest

from netral.accounts.models import Role
from netral.intake.models import IdentityAccessLog, Report
from netral.intake.services import ServiceError, identity_access_decide, identity_reveal


@pytest.fixture
def report(submit) -> Report:
    receipt = submit(identity="confidential", reporter_name="Rina Wulandari").json()["receipt"]
    return Report.objects.get(receipt=receipt)


def _detail(report: Report) -> str:
    return f"/lapor/petugas/{report.pk}/"


def test_a_verifier_sees_reports_of_their_province_but_not_another(make_staff, regions, report):
    west, _ = make_staff("verif-jabar", Role.VERIFIER, regions=[regions["32"]])
    east, _ = make_staff("verif-jatim", Role.VERIFIER, regions=[regions["35"]])
    assert west.get(_detail(report)).status_code == 200
    assert "Camat Sukamaju" in west.get("/lapor/petugas/").content.decode()
    assert east.get(_detail(report)).status_code == 404
    assert "Camat Sukamaju" not in east.get("/lapor/petugas/").content.decode()


def test_a_user_without_a_verifier_role_sees_nothing(make_staff, regions, report):
    custodian, _ = make_staff("penjaga", Role.IDENTITY_CUSTODIAN, regions=[regions["32"]])
    assert custodian.get(_detail(report)).status_code == 404


def test_a_confidential_identity_is_not_visible_to_a_verifier_without_approval(
    make_staff, regions, report
):
    verifier, user = make_staff("verif", Role.VERIFIER, regions=[regions["32"]])
    page = verifier.get(_detail(report)).content.decode()
    assert "Rina Wulandari" not in page
    assert verifier.post(f"{_detail(report)}identitas/").status_code == 404
    with pytest.raises(ServiceError):
        identity_reveal(report=report, user=user)
    assert not IdentityAccessLog.objects.exists()


def test_after_a_custodian_approves_the_verifier_sees_the_identity_and_it_is_logged(
    make_staff, regions, report
):
    verifier, verifier_user = make_staff("verif", Role.VERIFIER, regions=[regions["32"]])
    custodian, _ = make_staff("penjaga", Role.IDENTITY_CUSTODIAN, regions=[regions["32"]])
    verifier.post(
        f"{_detail(report)}identitas/minta/",
        {"reason": "Perlu menghubungi pelapor untuk saksi kegiatan."},
    )
    request = report.access_requests.get()
    assert request.status == "PENDING"
    assert "Perlu menghubungi" in custodian.get("/lapor/penjaga-identitas/").content.decode()
    custodian.post(f"/lapor/penjaga-identitas/{request.pk}/putuskan/", {"approve": "1"})
    request.refresh_from_db()
    assert request.status == "APPROVED"
    shown = verifier.post(f"{_detail(report)}identitas/").content.decode()
    assert "Rina Wulandari" in shown
    log = IdentityAccessLog.objects.get()
    assert (log.user_id, log.access_request_id) == (verifier_user.pk, request.pk)


def test_a_refused_request_keeps_the_identity_hidden(make_staff, regions, report):
    verifier, _ = make_staff("verif", Role.VERIFIER, regions=[regions["32"]])
    custodian, _ = make_staff("penjaga", Role.IDENTITY_CUSTODIAN, regions=[regions["32"]])
    verifier.post(f"{_detail(report)}identitas/minta/", {"reason": "Ingin tahu saja siapa."})
    request = report.access_requests.get()
    custodian.post(f"/lapor/penjaga-identitas/{request.pk}/putuskan/", {"approve": "0"})
    assert verifier.post(f"{_detail(report)}identitas/").status_code == 404


def test_a_custodian_outside_the_region_cannot_decide(make_staff, regions, report):
    verifier, _ = make_staff("verif", Role.VERIFIER, regions=[regions["32"]])
    _, far_custodian = make_staff("penjaga-jatim", Role.IDENTITY_CUSTODIAN, regions=[regions["35"]])
    verifier.post(f"{_detail(report)}identitas/minta/", {"reason": "Perlu keterangan saksi."})
    request = report.access_requests.get()
    with pytest.raises(ServiceError):
        identity_access_decide(access_request=request, custodian=far_custodian, approve=True)


def test_an_identified_reporter_is_visible_in_scope_and_each_view_is_logged(
    make_staff, regions, submit
):
    receipt = submit(identity="identified", reporter_name="Agus Santoso").json()["receipt"]
    report = Report.objects.get(receipt=receipt)
    verifier, _ = make_staff("verif", Role.VERIFIER, regions=[regions["32.04"]])
    assert "Agus Santoso" not in verifier.get(_detail(report)).content.decode()
    assert "Agus Santoso" in verifier.post(f"{_detail(report)}identitas/").content.decode()
    verifier.post(f"{_detail(report)}identitas/")
    assert IdentityAccessLog.objects.filter(report=report).count() == 2


def test_an_officer_reply_reaches_the_reporters_status(make_staff, regions, submit, client):
    filed = submit().json()
    report = Report.objects.get(receipt=filed["receipt"])
    verifier, _ = make_staff("verif", Role.VERIFIER, regions=[regions["32"]])
    verifier.post(f"{_detail(report)}balas/", {"body": "Mohon kirim tanggal pasti kejadian."})
    thread = client.get(
        f"/api/v1/reports/{filed['receipt']}", HTTP_X_RECEIPT_SECRET=filed["secret"]
    ).json()["messages"]
    assert [(m["sender"], m["body"]) for m in thread] == [
        ("OFFICER", "Mohon kirim tanggal pasti kejadian.")
    ]


def test_script_tags_in_a_report_render_escaped_for_staff(make_staff, regions, submit):
    text = "<script>alert('x')</script> Guru SD mengajak murid memilih calon nomor 1 di kelas."
    receipt = submit(text=text).json()["receipt"]
    report = Report.objects.get(receipt=receipt)
    verifier, _ = make_staff("verif", Role.VERIFIER, regions=[regions["32"]])
    page = verifier.get(_detail(report)).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page


def test_staff_view_the_clean_copy_inline_and_the_original_only_as_download(
    make_staff, regions, submit, gps_photo
):
    from tests.intake.conftest import upload

    receipt = submit(identity="identified", files=[upload("a.jpg", gps_photo)]).json()["receipt"]
    report = Report.objects.get(receipt=receipt)
    item = report.evidence.get()
    verifier, _ = make_staff("verif", Role.VERIFIER, regions=[regions["32"]])
    clean = verifier.get(f"{_detail(report)}bukti/{item.pk}/bersih/")
    assert clean["Content-Type"] == "image/jpeg"
    assert b"".join(clean.streaming_content) != gps_photo
    original = verifier.get(f"{_detail(report)}bukti/{item.pk}/asli/")
    assert original["Content-Disposition"].startswith("attachment")
    assert b"".join(original.streaming_content) == gps_photo
