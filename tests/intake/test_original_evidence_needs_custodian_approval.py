"""Finding 1 (and 11 for evidence): originals of anonymous and confidential reports are
locked behind a custodian's approval, and every original download is logged."""

from __future__ import annotations

from typing import Any

import pytest

from netral.accounts.models import Role
from netral.intake.models import IdentityAccessLog, IdentityAccessRequest, Report
from tests.intake.conftest import upload
from tests.security.media_samples import photo_with_gps


def _filed(submit: Any, identity: str) -> tuple[Report, Any, bytes]:
    photo = photo_with_gps(serial="SN-RAHASIA-9")
    extra = {"reporter_name": "", "reporter_contact": ""} if identity == "anonymous" else {}
    receipt = submit(identity=identity, files=[upload("a.jpg", photo)], **extra).json()["receipt"]
    report = Report.objects.get(receipt=receipt)
    return report, report.evidence.get(kind="FILE"), photo


def _url(report: Report, item: Any, kind: str) -> str:
    return f"/lapor/petugas/{report.pk}/bukti/{item.pk}/{kind}/"


def _get(client: Any, url: str) -> tuple[int, bytes, str]:
    """Status, body and Cache-Control of a (possibly streamed) response, read to the end."""
    response = client.get(url)
    streamed = getattr(response, "streaming", False)
    body = b"".join(response.streaming_content) if streamed else response.content
    return response.status_code, body, response.get("Cache-Control", "")


def _approve(make_staff: Any, regions: Any, report: Report, verifier: Any) -> None:
    verifier.post(
        f"/lapor/petugas/{report.pk}/identitas/minta/",
        {"reason": "Perlu memastikan lokasi pengambilan foto untuk klarifikasi."},
    )
    request = IdentityAccessRequest.objects.get(report=report)
    custodian, _ = make_staff("penjaga", Role.IDENTITY_CUSTODIAN, regions=[regions["32"]])
    custodian.post(f"/lapor/penjaga-identitas/{request.pk}/putuskan/", {"approve": "1"})


@pytest.mark.parametrize("identity", ["confidential", "anonymous"])
def test_a_verifier_without_approval_cannot_download_the_original(
    make_staff: Any, regions: Any, submit: Any, identity: str
) -> None:
    report, item, _ = _filed(submit, identity)
    verifier, _ = make_staff("verif", Role.VERIFIER, regions=[regions["32"]])
    assert _get(verifier, _url(report, item, "asli"))[0] == 404
    assert _get(verifier, _url(report, item, "bersih"))[0] == 200
    page = verifier.get(f"/lapor/petugas/{report.pk}/").content.decode()
    assert 'data-testid="original-locked"' in page
    assert 'data-testid="original-link"' not in page
    assert not IdentityAccessLog.objects.filter(report=report).exists()


@pytest.mark.parametrize("identity", ["confidential", "anonymous"])
def test_an_approved_verifier_gets_the_original_and_the_download_is_logged(
    make_staff: Any, regions: Any, submit: Any, identity: str
) -> None:
    report, item, photo = _filed(submit, identity)
    verifier, user = make_staff("verif", Role.VERIFIER, regions=[regions["32"]])
    _approve(make_staff, regions, report, verifier)
    assert _get(verifier, _url(report, item, "asli"))[:2] == (200, photo)
    log = IdentityAccessLog.objects.get(report=report)
    assert (log.user, log.evidence, log.access_request is not None) == (user, item, True)


def test_an_approval_for_another_verifier_does_not_open_the_original(
    make_staff: Any, regions: Any, submit: Any
) -> None:
    report, item, _ = _filed(submit, "confidential")
    first, _ = make_staff("verif1", Role.VERIFIER, regions=[regions["32"]])
    _approve(make_staff, regions, report, first)
    second, _ = make_staff("verif2", Role.VERIFIER, regions=[regions["32"]])
    assert _get(second, _url(report, item, "asli"))[0] == 404


def test_every_original_download_of_an_identified_report_is_logged(
    make_staff: Any, regions: Any, submit: Any
) -> None:
    report, item, _ = _filed(submit, "identified")
    verifier, _ = make_staff("verif", Role.VERIFIER, regions=[regions["32"]])
    _get(verifier, _url(report, item, "asli"))
    _get(verifier, _url(report, item, "asli"))
    assert IdentityAccessLog.objects.filter(report=report, evidence=item).count() == 2


@pytest.mark.parametrize("kind", ["bersih", "asli"])
def test_evidence_responses_tell_caches_not_to_keep_them(
    make_staff: Any, regions: Any, submit: Any, kind: str
) -> None:
    report, item, _ = _filed(submit, "identified")
    verifier, _ = make_staff("verif", Role.VERIFIER, regions=[regions["32"]])
    cache_control = _get(verifier, _url(report, item, kind))[2]
    assert "no-store" in cache_control
    assert "private" in cache_control
