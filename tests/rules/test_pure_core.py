"""The rules core runs without Django."""

from __future__ import annotations

from tests.purity import run_without_django

SCRIPT = """
import sys
import netral.rules as rules
from netral.rules import cli
facts = {"subject": "PNS", "conduct": ["APK_PASANG"], "date": "2024-01-05", "election": "PEMILU"}
result = rules.assess(facts)
assert result.findings[0].tracks[0].level == "BERAT"
loaded = [name for name, module in sys.modules.items() if module is not None]
assert not any(name == "django" or name.startswith("django.") for name in loaded)
print("ok")
"""


def test_the_rules_core_imports_and_runs_with_django_blocked() -> None:
    assert run_without_django(SCRIPT).strip() == "ok"
