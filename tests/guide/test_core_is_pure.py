"""The guide's core (reading, advice, rulebook, guidance) runs without Django."""

from __future__ import annotations

from tests.purity import run_without_django

SCRIPT = """
import datetime, sys
from netral.guide.core.advice import Question, check
from netral.guide.core.guidance import default_guidance
from netral.guide.core.rulebook import conduct_rules
from netral.rules import default_catalogue
answer = check(
    Question(date=datetime.date(2024, 6, 15), subject="PNS", conduct=("APK_PASANG",)),
    guidance=default_guidance(), catalogue=default_catalogue(),
)
assert answer.verdict == "FORBIDDEN", answer.verdict
conduct_rules(default_catalogue(), "APK_PASANG", datetime.date(2024, 6, 15))
loaded = [name for name, module in sys.modules.items() if module is not None]
assert not any(name == "django" or name.startswith("django.") for name in loaded)
print("ok")
"""


def test_the_guide_core_imports_and_runs_with_django_blocked() -> None:
    assert run_without_django(SCRIPT).strip() == "ok"
