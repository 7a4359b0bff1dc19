"""A database made by the previous release, with data in it, migrates forward here and keeps
its data; a backup of it restores here and is migrated forward on the way.

Each directory under fixtures/ is one earlier release's database (made by
scripts/make-upgrade-fixture): plain SQL, the evidence files it refers to, and what it held.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import psycopg
import pytest

from netral.security.crypto import FieldCipher
from tests.backup.conftest import Cluster, KeyPair, demo_env, netral
from tests.backup.conftest import fresh_cluster as fresh_cluster
from tests.backup.conftest import operator_keys as operator_keys

FIXTURES = Path(__file__).parent / "fixtures"
RELEASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "database.sql").exists())
# Tables whose row counts a migration since then is meant to change, and why.
CHANGED_BY_MIGRATIONS = {
    "django_migrations": "every new migration is recorded",
    "django_q_schedule": "cases.0006 schedules the daily retention purge",
    "auth_permission": "models added since (ScreenedPost, the guide's counts) bring permissions",
    "django_content_type": "and their content types",
}

pytestmark = [pytest.mark.slow, pytest.mark.parametrize("release", RELEASES)]


def facts(release: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((FIXTURES / release / "fixture.json").read_text())
    return loaded


def load(cluster: Cluster, release: str, name: str, data_dir: Path) -> str:
    url = cluster.database(name)
    bindir = max(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    subprocess.run(
        [
            str(bindir / "psql"),
            "-v",
            "ON_ERROR_STOP=1",
            "-q",
            "-d",
            url,
            "-f",
            str(FIXTURES / release / "database.sql"),
        ],
        check=True,
        capture_output=True,
    )
    shutil.copytree(FIXTURES / release / "evidence", data_dir / "evidence")
    return url


def env(url: str, data_dir: Path, release: str) -> dict[str, str]:
    return demo_env(data_dir) | {
        "DJANGO_SETTINGS_MODULE": "netral.settings.production",
        "DATABASE_URL": url,
        "SECRET_KEY": "upgrade-test-secret-key-not-used-elsewhere",
        "FIELD_ENCRYPTION_KEYS": ",".join(facts(release)["field_encryption_keys"]),
        "ALLOWED_HOSTS": "localhost",
    }


def counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as connection:
        tables = [
            r[0]
            for r in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            )
        ]
        return {t: connection.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608


def test_the_previous_release_s_database_migrates_forward_and_keeps_its_data(
    release: str, fresh_cluster: Cluster, tmp_path: Path
) -> None:
    before = facts(release)
    url = load(fresh_cluster, release, f"upgrade_{release}", tmp_path)
    settings = env(url, tmp_path, release)

    migrated = netral("manage", "migrate", "--no-input", env=settings)
    assert migrated.returncode == 0, migrated.stderr
    assert netral("manage", "migrate", "--check", env=settings).returncode == 0
    assert netral("manage", "check", env=settings).returncode == 0

    after = counts(url)
    for table, count in before["tables"].items():
        if table in CHANGED_BY_MIGRATIONS:
            assert after[table] >= count, table
        else:
            assert after.get(table) == count, f"{table}: {after.get(table)} rows, had {count}"
    verified = netral("audit", "verify", env=settings)
    assert verified.returncode == 0, verified.stdout
    summary, audit = json.loads(verified.stdout.splitlines()[-1]), before["audit"]
    assert (summary["cases"], summary["case_events"], summary["problems"]) == (
        audit["cases"],
        audit["events"],
        audit["breaks"],
    )
    cipher = FieldCipher(before["field_encryption_keys"])
    with psycopg.connect(url) as connection:
        rows = connection.execute(
            "SELECT receipt, reporter_name_encrypted, reporter_contact_encrypted "
            "FROM intake_report WHERE reporter_name_encrypted <> ''"
        ).fetchall()
        schedules = {r[0] for r in connection.execute("SELECT name FROM django_q_schedule")}
    assert {r: [cipher.decrypt(n), cipher.decrypt(c)] for r, n, c in rows} == before["identities"]
    assert "cases.retention_purge" in schedules


def test_a_backup_of_the_previous_release_restores_here_migrated_forward(
    release: str, fresh_cluster: Cluster, operator_keys: KeyPair, tmp_path: Path
) -> None:
    old_dir, new_dir = tmp_path / "old", tmp_path / "new"
    old_url = load(fresh_cluster, release, f"old_{release}", old_dir)
    archive = tmp_path / "previous.backup"
    made = netral(
        "backup",
        str(archive),
        "--recipient",
        str(operator_keys.public),
        env=env(old_url, old_dir, release),
    )
    assert made.returncode == 0, made.stderr

    new_url = fresh_cluster.database(f"new_{release}")
    done = netral(
        "restore",
        str(archive),
        "--key",
        str(operator_keys.private),
        env=env(new_url, new_dir, release),
    )

    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout.splitlines()[0])
    assert "cases.0006_retention_schedule" in summary["migrated"]
    assert json.loads(done.stdout.splitlines()[-1]) == facts(release)["audit"]
    assert (
        netral("manage", "migrate", "--check", env=env(new_url, new_dir, release)).returncode == 0
    )
