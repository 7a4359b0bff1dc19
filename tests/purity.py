"""Run a script in a fresh interpreter where ``import django`` fails: how the tests show a
pure core (rules, triage, documents, security, guide, screening) needs no Django."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_BLOCK = 'import sys\nsys.modules["django"] = None  # any `import django` now fails\n'


def run_without_django(script: str, timeout: int = 120) -> str:
    """The script's standard output; fails the test, with its stderr, if it fails."""
    done = subprocess.run(
        [sys.executable, "-c", _BLOCK + script],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout
