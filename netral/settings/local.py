"""Development and demo: SQLite unless DATABASE_URL says otherwise, DEBUG on."""

from __future__ import annotations

import os

from netral.settings.base import *  # noqa: F403
from netral.settings.base import FIELD_ENCRYPTION_KEYS
from netral.settings.env import env_bool

DEBUG = env_bool("DEBUG", default=True)
# A development-only key; production reads SECRET_KEY from the environment.
SECRET_KEY = os.environ.get("SECRET_KEY", "netral-local-development-key-not-for-production")
if not FIELD_ENCRYPTION_KEYS:
    # Development-only Fernet key so the demo runs without set-up; never used in production.
    FIELD_ENCRYPTION_KEYS = ["bmV0cmFsLWxvY2FsLWRldmVsb3BtZW50LWtleS0wMDA="]

# `netral backup` and `netral restore` work without arguments here: a demo key pair is
# made in the data directory on first use (never in production, which needs the
# operator's own public key).
NETRAL_BACKUP_DEMO_KEYS = True

# Serve static files straight from the finders (node_modules, app static dirs): no
# collectstatic step outside production.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Notification e-mails are printed to the console unless an SMTP server is configured.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

# A fictional letterhead for the demo's recommendation letters (production sets its own
# through NETRAL_LETTERHEADS).
_DEMO_HEAD = {
    "office": "Kantor Demo Netral",
    "address": "Jalan Contoh Nomor 1, Kota Contoh 00000",
    "contact": "Telepon (000) 0000000 · netral@contoh.invalid",
    "city": "Kota Contoh",
    "signer_title": "Kepala Kantor Demo",
}
NETRAL_LETTERHEADS = NETRAL_LETTERHEADS or {  # noqa: F405
    "BKN": {**_DEMO_HEAD, "institution": "Badan Kepegawaian Negara", "code": "DEMO-BKN"},
    "KASN": {**_DEMO_HEAD, "institution": "Komisi Aparatur Sipil Negara", "code": "DEMO-KASN"},
}
