"""Finding 3: preview files stay out of the evidence store until confirmed; cleanup."""

from __future__ import annotations

import hashlib
import os
import time
from datetime import timedelta
from io import StringIO
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from netral.intake.forms import PublicReportForm
from netral.intake.models import Evidence, Report, ReportDraft
from netral.intake.storage import evidence_store
from tests.intake.conftest import report_fields, upload
from tests.security.media_samples import photo_with_gps, plain_image


def _preview(client: Client, photo: bytes, identity: str = "anonymous") -> Any:
    from django.core import signing

    started = signing.Signer(salt="netral.intake.form-started").sign(str(int(time.time()) - 60))
    assert PublicReportForm  # the form the page posts to
    data = report_fields(identity=identity, reporter_name="", reporter_contact="")
    data.update({"started": started, "files": [upload("IMG_1.jpg", photo)]})
    return client.post("/lapor/", data, follow=True)


def _original_path(photo: bytes) -> Path:
    return evidence_store().path(hashlib.sha256(photo).hexdigest(), "original")


def _staged_files(staging_id: str) -> list[Path]:
    directory = Path(settings.EVIDENCE_ROOT) / "staging" / staging_id
    return [p for p in directory.iterdir() if p.is_file()] if directory.exists() else []


def _staging_id() -> str:
    staging_id = ReportDraft.objects.get().staging_id
    assert staging_id
    return staging_id


def test_an_abandoned_preview_leaves_no_original_in_the_evidence_store(regions: Any) -> None:
    photo = photo_with_gps(serial="SN-DITINGGAL-1")
    page = _preview(Client(), photo)
    assert page.status_code == 200
    assert 'data-testid="original-kept"' in page.content.decode()
    assert not _original_path(photo).exists()
    staged = _staged_files(_staging_id())
    assert len(staged) == 2  # the original and its cleaned copy
    assert not any(b"SN-DITINGGAL-1" in path.read_bytes() for path in staged)


def test_confirming_moves_the_files_to_the_store_and_empties_the_staging_area(
    regions: Any,
) -> None:
    client, photo = Client(), photo_with_gps(serial="SN-DIKIRIM-2")
    token = _preview(client, photo).context["token"]
    staging_id = _staging_id()
    assert client.post("/lapor/kirim/", {"token": token}).status_code == 201
    assert _original_path(photo).read_bytes() == photo
    assert Evidence.objects.get(kind="FILE").sha256 == hashlib.sha256(photo).hexdigest()
    assert _staged_files(staging_id) == []


def test_the_cleanup_removes_expired_drafts_and_their_staged_files(regions: Any) -> None:
    _preview(Client(), photo_with_gps(serial="SN-KEDALUWARSA-3"))
    staging_id = _staging_id()
    ReportDraft.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    out = StringIO()
    call_command("intake_cleanup", stdout=out)
    assert "drafts=1" in out.getvalue()
    assert ReportDraft.objects.count() == 0
    assert _staged_files(staging_id) == []


def test_the_cleanup_removes_only_old_unreferenced_evidence_files(
    regions: Any, submit: Any
) -> None:
    from netral.intake.tasks import cleanup

    referenced = photo_with_gps(serial="SN-DIPAKAI-4")
    submit(files=[upload("a.jpg", referenced)])
    store = evidence_store()
    old_orphan = store.put(plain_image("PNG", (11, 11)), "original")
    new_orphan = store.put(plain_image("PNG", (12, 12)), "original")
    long_ago = time.time() - 3 * 24 * 3600
    for digest in (old_orphan, hashlib.sha256(referenced).hexdigest()):
        os.utime(store.path(digest, "original"), (long_ago, long_ago))
    done = cleanup()
    assert done["orphan_files"] == 1
    assert not store.path(old_orphan, "original").exists()
    assert store.path(new_orphan, "original").exists()
    assert _original_path(referenced).exists()
    assert Report.objects.count() == 1
