"""Production: every secret from the environment, HTTPS only, strict headers."""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from netral.settings.base import *  # noqa: F403
from netral.settings.base import (
    DATA_DIR,
    DATABASES,
    FIELD_ENCRYPTION_KEYS,
    NETRAL_DEMO,
    NETRAL_TRUSTED_PROXIES,
)
from netral.settings.env import env_bool, env_required

DEBUG = False
SECRET_KEY = env_required("SECRET_KEY")
if not FIELD_ENCRYPTION_KEYS:
    raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is required in production")
if NETRAL_DEMO:
    # Demo accounts skip TOTP in demo mode; a production site must never allow that.
    raise ImproperlyConfigured("NETRAL_DEMO must not be set in production")

# Reusing connections roughly halves page latency (benchmarks/bench_cases.py); the health
# check drops a connection the database closed meanwhile.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DB_CONN_MAX_AGE", "60"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
if NETRAL_TRUSTED_PROXIES > 0:
    # Only a proxy of our own may tell Django the client used HTTPS.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# One cache for every process of the server (gunicorn workers and the task queue): the
# statistics rebuild computes the national figures once and each worker reads them
# (netral/stats/warm.py). A per-process memory cache would make every worker pay for them
# again; the file cache needs no other service. Expired files are swept after each rebuild.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("NETRAL_WEB_CACHE_DIR", str(DATA_DIR / "cache")),
        "TIMEOUT": 3600,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}
