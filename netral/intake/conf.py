"""Intake parameters. Each can be set in Django settings or, for deployments that do not
own a settings module, in the environment as `NETRAL_<NAME>`; otherwise the default holds.
"""

from __future__ import annotations

import os

from django.conf import settings

from netral.security.media import MediaLimits

_MEDIA = MediaLimits()
_DEFAULTS: dict[str, int] = {
    "INTAKE_MAX_FILE_BYTES": 10 * 1024 * 1024,
    "INTAKE_MAX_FILES": 5,
    "INTAKE_MAX_REPORT_BYTES": 25 * 1024 * 1024,
    "INTAKE_MAX_LINKS": 10,
    # Image and PDF limits default to the security core's own (netral.security.media).
    "INTAKE_MAX_IMAGE_PIXELS": _MEDIA.max_pixels,
    "INTAKE_MAX_IMAGE_SIDE": _MEDIA.max_side,
    "INTAKE_MAX_PDF_PAGES": _MEDIA.max_pdf_pages,
    "INTAKE_VIEW_MAX_SIDE": _MEDIA.view_max_side,
    # Room for the text fields and multipart framing on top of INTAKE_MAX_REPORT_BYTES.
    "INTAKE_BODY_SLACK_BYTES": 1024 * 1024,
    # The cleanup leaves unreferenced evidence files younger than this alone: a report
    # being filed writes its files just before its database transaction commits.
    "INTAKE_ORPHAN_GRACE_SECONDS": 24 * 3600,
    # Spam guard: seconds a person needs at least to fill the web form.
    "INTAKE_MIN_FILL_SECONDS": 3,
    # Confirmed submissions per client address per window (the address itself is never
    # stored). Previews and forms sent back with errors do not count. Generous, because a
    # mobile carrier puts many phones behind one address (carrier-grade NAT).
    "INTAKE_SUBMISSIONS_PER_WINDOW": 30,
    "INTAKE_SUBMISSION_WINDOW_SECONDS": 3600,
    # Any form sent (previews, errors, API attempts): only a flood guard, far above what
    # people sharing an address need.
    "INTAKE_ATTEMPTS_PER_WINDOW": 300,
    # Failed receipt look-ups per client per window, against guessing.
    "INTAKE_LOOKUP_FAILURES_PER_WINDOW": 20,
    "INTAKE_LOOKUP_WINDOW_SECONDS": 900,
    "INTAKE_MESSAGES_PER_WINDOW": 30,
    # Self-check answers (web page and API) per client per window. Generous: a government
    # office often reaches the internet through one address.
    "SELFCHECK_ANSWERS_PER_WINDOW": 300,
    "SELFCHECK_WINDOW_SECONDS": 600,
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
