from __future__ import annotations

from tests.purity import run_without_django

SCRIPT = """
import netral.security.crypto, netral.security.ratelimit, netral.security.uploads
import netral.security.sealed
print("ok")
"""


def test_the_security_helpers_import_with_django_blocked() -> None:
    assert run_without_django(SCRIPT).strip() == "ok"
