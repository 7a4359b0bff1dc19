"""Intake parameters. Each can be set in Django settings or, for deployments that do not
own a settings module, in the environment as `NETRAL_<NAME>`; otherwise the default holds.
"""

from __future__ import annotations

import os

from django.conf import settings

from netral.security.media import MediaLimits

_DEFAULTS: dict[str, int] = {
    "INTAKE_MAX_FILE_BYTES": 10 * 1024 * 1024,
    "INTAKE_MAX_FILES": 5,
    "INTAKE_MAX_REPORT_BYTES": 25 * 1024 * 1024,
    "INTAKE_MAX_LINKS": 10,
    # 24 MP (a 6000x4000 photo): a small PNG can declare a bitmap of this size, so this
    # bounds the memory one upload can take when decoded (~96 MB as RGBA).
    "INTAKE_MAX_IMAGE_PIXELS": 24_000_000,
    "INTAKE_MAX_IMAGE_SIDE": 20_000,
    "INTAKE_MAX_PDF_PAGES": 300,
    # Longest side of the cleaned viewing copy of an image (decoded straight to it).
    "INTAKE_VIEW_MAX_SIDE": 2560,
    # Room for the text fields and multipart framing on top of INTAKE_MAX_REPORT_BYTES.
    "INTAKE_BODY_SLACK_BYTES": 1024 * 1024,
    # The cleanup leaves unreferenced evidence files younger than this alone: a report
    # being filed writes its files just before its database transaction commits.
    "INTAKE_ORPHAN_GRACE_SECONDS": 24 * 3600,
    # Spam guard: seconds a person needs at least to fill the web form.
    "INTAKE_MIN_FILL_SECONDS": 3,
    # Submissions per client address per window (the address itself is never stored).
    "INTAKE_SUBMISSIONS_PER_WINDOW": 10,
    "INTAKE_SUBMISSION_WINDOW_SECONDS": 3600,
    # Failed receipt look-ups per client per window, against guessing.
    "INTAKE_LOOKUP_FAILURES_PER_WINDOW": 20,
    "INTAKE_LOOKUP_WINDOW_SECONDS": 900,
    "INTAKE_MESSAGES_PER_WINDOW": 30,
    # Unconfirmed drafts (the preview step) are forgotten after this many seconds.
    "INTAKE_DRAFT_TTL_SECONDS": 3600,
    # How long a custodian's approval lets a verifier see a confidential identity.
    "INTAKE_IDENTITY_ACCESS_DAYS": 7,
    # The reporter's status session on a shared phone.
    "INTAKE_STATUS_SESSION_SECONDS": 1800,
}


def get(name: str) -> int:
    if hasattr(settings, name):
        return int(getattr(settings, name))
    raw = os.environ.get(f"NETRAL_{name}")
    return int(raw) if raw else _DEFAULTS[name]


def media_limits() -> MediaLimits:
    return MediaLimits(
        max_pixels=get("INTAKE_MAX_IMAGE_PIXELS"),
        max_side=get("INTAKE_MAX_IMAGE_SIDE"),
        max_pdf_pages=get("INTAKE_MAX_PDF_PAGES"),
        view_max_side=get("INTAKE_VIEW_MAX_SIDE"),
    )


def body_limit() -> int:
    """The largest request body the intake endpoints read."""
    return get("INTAKE_MAX_REPORT_BYTES") + get("INTAKE_BODY_SLACK_BYTES")
