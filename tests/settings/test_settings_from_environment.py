"""Settings come from the environment; production refuses to start without its secrets."""

from __future__ import annotations

import base64
import json
import os
import secrets
import subprocess
import sys

import pytest

from tests.conftest import REPO

PROBE = (
    "import json, django; from django.conf import settings; django.setup();"
    "db = settings.DATABASES['default'];"
    "print(json.dumps({'engine': db['ENGINE'], 'name': str(db['NAME']), 'host': db.get('HOST'),"
    " 'debug': settings.DEBUG, 'hosts': settings.ALLOWED_HOSTS,"
    " 'hasher': settings.PASSWORD_HASHERS[0], 'media': str(settings.MEDIA_ROOT),"
    " 'keys': settings.FIELD_ENCRYPTION_KEYS,"
    " 'hsts': getattr(settings, 'SECURE_HSTS_SECONDS', 0)}))"
)


def fernet_key() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).decode()


# The suite's own environment (test database, async-unsafe flag for Playwright) must not
# leak into the process whose settings are being checked.
SUITE_ONLY = {"DATABASE_URL", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}


def clean_environment(**env: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if k not in SUITE_ONLY}
    clean.update(env)
    return clean


def run_settings(module: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = clean_environment(DJANGO_SETTINGS_MODULE=module, **env)
    return subprocess.run(
        [sys.executable, "-c", PROBE], env=clean, cwd=REPO, capture_output=True, text=True
    )


def test_without_database_url_the_local_settings_use_a_sqlite_file(tmp_path: object) -> None:
    result = run_settings("netral.settings.local", NETRAL_DATA_DIR=str(tmp_path))
    settings = json.loads(result.stdout)
    assert settings["engine"] == "django.db.backends.sqlite3"
    assert settings["name"] == f"{tmp_path}/netral.sqlite3"


def test_database_url_selects_postgresql_with_its_host() -> None:
    result = run_settings(
        "netral.settings.local", DATABASE_URL="postgres://netral:pw@db.internal:5433/netral"
    )
    settings = json.loads(result.stdout)
    assert settings["engine"] == "django.db.backends.postgresql"
    assert settings["host"] == "db.internal"


def test_production_reads_hosts_keys_and_paths_from_the_environment() -> None:
    key = fernet_key()
    result = run_settings(
        "netral.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        FIELD_ENCRYPTION_KEYS=key,
        ALLOWED_HOSTS="netral.kabbogor.go.id, www.netral.kabbogor.go.id",
        MEDIA_ROOT="/srv/netral/media",
    )
    settings = json.loads(result.stdout)
    assert settings["hosts"] == ["netral.kabbogor.go.id", "www.netral.kabbogor.go.id"]
    assert settings["keys"] == [key]
    assert settings["media"] == "/srv/netral/media"
    assert settings["debug"] is False
    assert settings["hasher"].endswith("Argon2PasswordHasher")
    assert settings["hsts"] >= 31_536_000


@pytest.mark.parametrize("missing", ["SECRET_KEY", "FIELD_ENCRYPTION_KEYS"])
def test_production_refuses_to_start_without_a_secret(missing: str) -> None:
    env = {"SECRET_KEY": secrets.token_urlsafe(50), "FIELD_ENCRYPTION_KEYS": fernet_key()}
    del env[missing]
    result = run_settings("netral.settings.production", **env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_refuses_demo_mode() -> None:
    env = {"SECRET_KEY": secrets.token_urlsafe(50), "FIELD_ENCRYPTION_KEYS": fernet_key()}
    result = run_settings("netral.settings.production", NETRAL_DEMO="1", **env)
    assert result.returncode != 0
    assert "NETRAL_DEMO must not be set in production" in result.stderr


def test_forwarded_proto_is_trusted_only_behind_a_declared_proxy() -> None:
    env = {"SECRET_KEY": secrets.token_urlsafe(50), "FIELD_ENCRYPTION_KEYS": fernet_key()}
    probe = (
        "import django, json; from django.conf import settings; django.setup();"
        "print(json.dumps(getattr(settings, 'SECURE_PROXY_SSL_HEADER', None)))"
    )
    for proxies, expected in (("0", None), ("1", ["HTTP_X_FORWARDED_PROTO", "https"])):
        result = subprocess.run(
            [sys.executable, "-c", probe],
            env=clean_environment(
                DJANGO_SETTINGS_MODULE="netral.settings.production",
                NETRAL_TRUSTED_PROXIES=proxies,
                **env,
            ),
            cwd=REPO,
            capture_output=True,
            text=True,
        )
        assert json.loads(result.stdout) == expected


def test_a_malformed_boolean_is_an_error_not_a_guess() -> None:
    result = run_settings("netral.settings.local", DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


def test_production_passes_the_deployment_checklist_without_warnings() -> None:
    env = clean_environment(
        DJANGO_SETTINGS_MODULE="netral.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        FIELD_ENCRYPTION_KEYS=fernet_key(),
        ALLOWED_HOSTS="netral.example.go.id",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "netral.cli",
            "manage",
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
        ],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_a_negative_retention_period_is_refused_at_start() -> None:
    result = run_settings("netral.settings.local", NETRAL_RETENTION_NOT_ACTIONABLE_DAYS="-1")
    assert result.returncode != 0
    assert "NETRAL_RETENTION_NOT_ACTIONABLE_DAYS" in result.stderr
