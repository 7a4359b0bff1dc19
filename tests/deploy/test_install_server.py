"""`scripts/install-server`: its nginx site and systemd units pass nginx -t and
systemd-analyze verify, a second run changes nothing, and the site served by a real nginx
keeps receipts and client addresses out of its logs and refuses oversized bodies."""

from __future__ import annotations

import http.client
import socket
import ssl
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

SCRIPT = REPO / "scripts" / "install-server"
DOMAIN = "lapor.example.go.id"


def install(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, check=False)


def test_the_check_validates_the_site_and_every_unit() -> None:
    done = install("--check")
    assert done.returncode == 0, done.stderr
    assert "nginx -t and systemd-analyze verify (6 units) passed" in done.stdout


def test_the_check_fails_and_says_so_when_nginx_refuses_the_site() -> None:
    done = install("--check", "--max-body", "27zz")
    assert done.returncode == 1
    assert "nginx -t refused the site" in done.stderr
    assert "client_max_body_size" in done.stderr


def test_a_second_run_changes_nothing_and_keeps_the_secrets(tmp_path: Path) -> None:
    first = install("--root", str(tmp_path), "--domain", DOMAIN)
    assert first.returncode == 0, first.stderr
    env_file = tmp_path / "etc" / "netral" / "netral.env"
    secrets = env_file.read_text()
    second = install("--root", str(tmp_path), "--domain", DOMAIN)
    assert second.returncode == 0, second.stderr
    assert "nothing changed" in second.stdout
    assert env_file.read_text() == secrets
    assert oct(env_file.stat().st_mode & 0o777) == "0o640"
    values = dict(line.split("=", 1) for line in secrets.splitlines() if "=" in line)
    assert len(values["SECRET_KEY"]) > 50
    assert values["ALLOWED_HOSTS"] == DOMAIN
    assert values["DJANGO_SETTINGS_MODULE"] == "netral.settings.production"
    key = tmp_path / "etc" / "netral" / "audit-signing.key"
    assert values["NETRAL_AUDIT_SIGNING_KEY"] == "/etc/netral/audit-signing.key"
    assert oct(key.stat().st_mode & 0o777) == "0o640"
    assert "BEGIN PRIVATE KEY" in key.read_text()

    moved = install("--root", str(tmp_path), "--domain", "netral.example.org")
    assert moved.returncode == 0
    assert "ALLOWED_HOSTS=netral.example.org" in env_file.read_text()
    assert f"SECRET_KEY={values['SECRET_KEY']}" in env_file.read_text()


def test_a_later_run_without_a_database_url_keeps_the_database_in_use(tmp_path: Path) -> None:
    remote = "postgres://netral:rahasia@db.internal:5432/netral?sslmode=require"
    assert (
        install("--root", str(tmp_path), "--domain", DOMAIN, "--database-url", remote).returncode
        == 0
    )
    assert install("--root", str(tmp_path), "--domain", DOMAIN).returncode == 0
    env_file = (tmp_path / "etc" / "netral" / "netral.env").read_text()
    assert f"DATABASE_URL={remote}" in env_file.splitlines()
    unit = (tmp_path / "etc/systemd/system/netral-web.service").read_text()
    assert "postgresql.service" not in unit  # no local database to wait for


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    """The generated site in a real nginx on loopback ports (no upstream behind it)."""
    assert install("--root", str(tmp_path), "--domain", DOMAIN).returncode == 0
    site = (tmp_path / "etc/nginx/sites-available/netral.conf").read_text()
    port, plain = _free_port(), _free_port()
    site = site.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{port} ssl http2;")
    site = site.replace("listen 80;", f"listen 127.0.0.1:{plain};")
    site = site.replace("listen [::]:443 ssl http2;", "").replace("listen [::]:80;", "")
    (tmp_path / "site.conf").write_text(site)
    for directory in ("run", "var/log/nginx"):
        (tmp_path / directory).mkdir(parents=True, exist_ok=True)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/run/nginx.pid;\nerror_log {tmp_path}/var/log/nginx/error.log;\n"
        f"events {{}}\nhttp {{ include {tmp_path}/site.conf; }}\n"
    )
    base = ["nginx", "-p", f"{tmp_path}/", "-e", f"{tmp_path}/var/log/nginx/error.log"]
    subprocess.run([*base, "-c", f"{tmp_path}/nginx.conf"], check=True)
    try:
        yield port, tmp_path / "var/log/nginx/netral.access.log"
    finally:
        subprocess.run([*base, "-c", f"{tmp_path}/nginx.conf", "-s", "stop"], check=False)


def _connection(port: int) -> http.client.HTTPSConnection:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the site's temporary self-signed certificate
    return http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=10)


def _get(port: int, path: str) -> http.client.HTTPResponse:
    connection = _connection(port)
    connection.request("GET", path, headers={"Host": DOMAIN})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def test_the_site_logs_no_receipt_and_no_client_address(served: tuple[int, Path]) -> None:
    port, log = served
    response = _get(port, "/api/v1/reports/1234567890123456?secret=ABCD-EFGH")
    assert response.getheader("Strict-Transport-Security", "").startswith("max-age=31536000")
    assert response.getheader("X-Frame-Options") == "DENY"
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    time.sleep(0.2)
    logged = log.read_text()
    assert "/api/v1/reports/[receipt]" in logged
    assert "1234567890123456" not in logged
    assert "ABCD" not in logged
    assert "127.0.0.1" not in logged


def test_a_body_over_the_limit_is_refused_by_nginx(served: tuple[int, Path]) -> None:
    port, _ = served
    connection = _connection(port)
    connection.putrequest("POST", "/lapor/kirim/", skip_host=True)
    connection.putheader("Host", DOMAIN)
    connection.putheader("Content-Length", str(28 * 1024 * 1024))  # declared, never sent
    connection.endheaders()
    assert connection.getresponse().status == 413
    connection.close()
