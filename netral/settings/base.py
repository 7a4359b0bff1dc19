"""Settings shared by every environment. Secrets and hosts come from the environment."""

from __future__ import annotations

import json
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from netral.settings.env import env_bool, env_list

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PACKAGE_DIR.parent
DATA_DIR = Path(os.environ.get("NETRAL_DATA_DIR", BASE_DIR / "var"))
NODE_MODULES = Path(os.environ.get("NETRAL_NODE_MODULES", BASE_DIR / "node_modules"))

DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", default=[])

# Demo mode exempts the demo accounts (flagged in the database) from TOTP enrolment.
NETRAL_DEMO = env_bool("NETRAL_DEMO", default=False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "django_q",
    "netral.web",
    "netral.org",
    "netral.accounts",
    "netral.intake",
    "netral.cases",
    "netral.guide",
    "netral.notifications",
    "netral.audit",
    "netral.registry",
    "netral.pledges",
    "netral.stats",
    "netral.exports",
    "netral.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Every error under /api/ in one JSON shape, whichever layer produced it.
    "netral.api.middleware.ApiErrorShapeMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "netral.web.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Refuses oversized intake bodies before the CSRF check reads them.
    "netral.intake.middleware.IntakeBodyLimitMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "netral.accounts.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "netral.urls"
WSGI_APPLICATION = "netral.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "netral.web.context.netral_context",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'netral.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:staff-home"
LOGOUT_REDIRECT_URL = "web:home"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Failed logins within the window before refusal: per account from one client (the
# ordinary case), per account from anywhere (slow guessing from many addresses, set high so
# nobody can lock a colleague out cheaply) and per client (spraying many accounts).
LOGIN_THROTTLE_ATTEMPTS = int(os.environ.get("LOGIN_THROTTLE_ATTEMPTS", "5"))
LOGIN_THROTTLE_ACCOUNT_ATTEMPTS = int(os.environ.get("LOGIN_THROTTLE_ACCOUNT_ATTEMPTS", "50"))
LOGIN_THROTTLE_CLIENT_ATTEMPTS = int(os.environ.get("LOGIN_THROTTLE_CLIENT_ATTEMPTS", "30"))
LOGIN_THROTTLE_WINDOW_SECONDS = int(os.environ.get("LOGIN_THROTTLE_WINDOW_SECONDS", "900"))

# How many reverse proxies of our own stand in front of Netral. Only their
# X-Forwarded-For entries are trusted for the client address (rate limits), and only
# behind a proxy is X-Forwarded-Proto trusted for HTTPS. 0: Netral faces clients directly.
NETRAL_TRUSTED_PROXIES = int(os.environ.get("NETRAL_TRUSTED_PROXIES", "0"))

# Staff sessions last a working day and end with the browser.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 3600)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", DATA_DIR / "static"))
# Third-party front-end files are installed from the npm registry at set-up and served
# from node_modules under a stable prefix; nothing third-party is committed.
STATICFILES_DIRS = [
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/pico", NODE_MODULES / "@picocss" / "pico" / "css"),
    ("vendor/chartjs", NODE_MODULES / "chart.js" / "dist"),
    ("vendor/swagger-ui", NODE_MODULES / "swagger-ui-dist"),
]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
EVIDENCE_ROOT = Path(os.environ.get("EVIDENCE_ROOT", DATA_DIR / "evidence"))

# Key for sensitive fields (reporter identity): a urlsafe base64 Fernet key, comma-
# separated for rotation (newest first). Production refuses to start without it.
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS", default=[])

# Backups are encrypted to the operator's public key (a PEM file; docs/backup.md), so the
# server that writes them cannot read them. Demo and development settings may fall back to
# a key pair kept in the data directory instead.
NETRAL_BACKUP_RECIPIENT = os.environ.get("NETRAL_BACKUP_RECIPIENT", "")
NETRAL_BACKUP_DEMO_KEYS = False

# How many reports the demo's generated election files (netral.demo.election): enough for
# the dashboards' figures; the test suite makes a smaller one.
NETRAL_DEMO_ELECTION_REPORTS = int(os.environ.get("NETRAL_DEMO_ELECTION_REPORTS", "3000"))

# Reports whose case ended as not actionable are deleted, with their evidence, this many
# days after that decision (docs/backup.md, "Retention": the default and its legal basis).
NETRAL_RETENTION_NOT_ACTIONABLE_DAYS = int(
    os.environ.get("NETRAL_RETENTION_NOT_ACTIONABLE_DAYS", "365")
)
if NETRAL_RETENTION_NOT_ACTIONABLE_DAYS < 0:
    raise ImproperlyConfigured("NETRAL_RETENTION_NOT_ACTIONABLE_DAYS must be 0 or more days")

# Staff API tokens expire this many days after issue unless another lifetime is chosen.
NETRAL_API_TOKEN_DAYS = int(os.environ.get("NETRAL_API_TOKEN_DAYS", "90"))
if NETRAL_API_TOKEN_DAYS < 1:
    raise ImproperlyConfigured("NETRAL_API_TOKEN_DAYS must be 1 or more days")
# A TOTP enrolment link issued by an administrator works once, within this many hours.
NETRAL_ENROLMENT_LINK_HOURS = int(os.environ.get("NETRAL_ENROLMENT_LINK_HOURS", "72"))
if NETRAL_ENROLMENT_LINK_HOURS < 1:
    raise ImproperlyConfigured("NETRAL_ENROLMENT_LINK_HOURS must be 1 or more hours")

# Signed audit checkpoints (docs/audit.md): the Ed25519 key lives outside the database
# (created by `netral audit keygen` at set-up), and every checkpoint is also appended to a
# JSON Lines file that can be copied or published elsewhere.
NETRAL_AUDIT_SIGNING_KEY = os.environ.get(
    "NETRAL_AUDIT_SIGNING_KEY", str(DATA_DIR / "audit-signing.key")
)
NETRAL_AUDIT_CHECKPOINT_LOG = os.environ.get(
    "NETRAL_AUDIT_CHECKPOINT_LOG", str(DATA_DIR / "audit-checkpoints.jsonl")
)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# The load balancer's health check speaks plain HTTP; it is never redirected to HTTPS
# (and, answered over HTTP, carries no HSTS header).
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
CSRF_FAILURE_VIEW = "netral.api.middleware.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Strict CSP: no inline script or style, nothing from other origins.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

OTP_TOTP_ISSUER = "Netral"

# Notifications (netral.notifications): e-mail through Django's backend, SMTP settings
# from the environment (EMAIL_HOST, EMAIL_PORT, ...); the demo prints mail to the console.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Netral <netral@localhost>")
# The public address of the site, for links in e-mails ("" leaves links out).
NETRAL_SITE_URL = os.environ.get("NETRAL_SITE_URL", "")
# Recommendation letters: the signing office's letterhead per recommending body (the rules'
# code, e.g. "BKN"), as JSON: {"BKN": {"institution": ..., "office": ..., "address": ...,
# "contact": ..., "city": ..., "code": ..., "signer_title": ...}}. `code` names the office
# in the letter number and keys its yearly sequence.
NETRAL_LETTERHEADS = json.loads(os.environ.get("NETRAL_LETTERHEADS", "{}"))
NETRAL_LETTER_NUMBER_FORMAT = os.environ.get(
    "NETRAL_LETTER_NUMBER_FORMAT", "{seq:03d}/{office}/REK/{month}/{year}"
)
# A deadline this many working days away (or nearer) is "at risk" on home pages and warnings.
# A notification e-mail that fails is tried again after 5, 10, 20, … minutes, this many
# times in all, then marked failed for good (the in-app notice stays).
NETRAL_EMAIL_MAX_ATTEMPTS = int(os.environ.get("NETRAL_EMAIL_MAX_ATTEMPTS", "5"))
NETRAL_EMAIL_RETRY_MINUTES = int(os.environ.get("NETRAL_EMAIL_RETRY_MINUTES", "5"))
NETRAL_DEADLINE_WARNING_WORKING_DAYS = int(os.environ.get("NETRAL_DEADLINE_WARNING_DAYS", "2"))

# Background work (deadline sweeps, notifications, large imports) in a database-backed
# queue: no extra server. Run workers with `netral manage qcluster`.
Q_CLUSTER = {
    "name": "netral",
    "orm": "default",
    "workers": int(os.environ.get("NETRAL_WORKERS", "2")),
    "timeout": 600,
    "retry": 900,
    "catch_up": False,
    "sync": env_bool("NETRAL_TASKS_SYNC", default=False),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Receipt numbers appear in report URLs; they must not land in logs.
    "filters": {"redact_receipts": {"()": "netral.intake.logging.RedactReceipts"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"filters": ["redact_receipts"], "propagate": True}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
