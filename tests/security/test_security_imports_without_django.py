from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
sys.modules["django"] = None  # any import of Django now fails
import netral.security.crypto, netral.security.ratelimit, netral.security.uploads
import netral.security.sealed
print("ok")
"""


def test_the_security_helpers_import_with_django_blocked() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
