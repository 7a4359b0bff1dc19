"""A production server (gunicorn) on a loopback port for the HTTP benchmarks."""

from __future__ import annotations

import http.client
import os
import signal
import subprocess
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VENV_BIN = REPO / ".venv" / "bin"


def start_server(env: dict[str, str], port: int, workers: int) -> subprocess.Popen[bytes]:
    """Start gunicorn and wait until /healthz answers (60 s at most)."""
    command = [
        str(VENV_BIN / "gunicorn"), "netral.wsgi",
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
        "--timeout", "60", "--log-level", "warning",
    ]  # fmt: skip
    process = subprocess.Popen(command, env=env, cwd=REPO, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.3)
    stop_server(process)
    raise SystemExit("gunicorn did not answer /healthz within 60 s")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
