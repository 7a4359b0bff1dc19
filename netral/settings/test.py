"""The test suite: PostgreSQL from DATABASE_URL (make test starts a throwaway cluster)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from netral.settings.base import *  # noqa: F403

SECRET_KEY = "netral-test-key-not-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
FIELD_ENCRYPTION_KEYS = ["dGVzdC1rZXktZm9yLW5ldHJhbC10ZXN0LXN1aXRlLTA="]
# Fast hashing in tests only; production keeps argon2 first.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
_tmp = Path(tempfile.mkdtemp(prefix="netral-test-"))
MEDIA_ROOT = _tmp / "media"
EVIDENCE_ROOT = _tmp / "evidence"
NETRAL_AUDIT_SIGNING_KEY = str(_tmp / "audit-signing.key")
NETRAL_AUDIT_CHECKPOINT_LOG = str(_tmp / "audit-checkpoints.jsonl")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Serve static files straight from the finders (node_modules, app static dirs): no
# collectstatic step outside production.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The demo election at a size whose figures still clear the suppression threshold in a
# few regions; the full 3,000 reports made each demo-loading test take minutes.
NETRAL_DEMO_ELECTION_REPORTS = 150
Q_CLUSTER = {**Q_CLUSTER, "sync": True}  # noqa: F405  tasks run inline in tests
