"""Schemathesis against a live server, anonymous and with a staff token: every answer is
documented (status, content type, body schema) and none is a server error.

Examples per operation are bounded (NETRAL_SCHEMATHESIS_EXAMPLES, default 10) so CI
stays quick; an outside run can raise them (docs/api.md, "Checking the API").
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.api.conftest import Caller

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

EXAMPLES = os.environ.get("NETRAL_SCHEMATHESIS_EXAMPLES", "10")
CHECKS = (
    "not_a_server_error,status_code_conformance,content_type_conformance,"
    "response_schema_conformance,response_headers_conformance"
)


def _schemathesis(base: str, *headers: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    executable = shutil.which("st", path=str(Path(sys.executable).parent))
    assert executable, "schemathesis is a dev dependency (uv sync)"
    command = [
        executable,
        "run",
        f"{base}/api/v1/openapi.json",
        "--checks",
        CHECKS,
        "--max-examples",
        EXAMPLES,
        "--seed",
        "13",
        "--workers",
        "1",
        "--phases",
        "examples,coverage,fuzzing",
        "--suppress-health-check",
        "all",
        "--no-color",
    ]
    for header in headers:
        command += ["--header", header]
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "", "NO_COLOR": "1"}
    return subprocess.run(
        command, capture_output=True, text=True, timeout=1500, env=env, check=False, cwd=cwd
    )


def test_anonymous_requests_find_no_server_error_and_no_schema_violation(
    live_server: object, caller: Caller, tmp_path: Path
) -> None:
    run = _schemathesis(str(live_server), cwd=tmp_path)  # its cache stays out of the repo
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]


def test_requests_with_a_staff_token_find_no_server_error_and_no_schema_violation(
    live_server: object, caller: Caller, tmp_path: Path
) -> None:
    run = _schemathesis(str(live_server), f"Authorization: Bearer {caller.token}", cwd=tmp_path)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
