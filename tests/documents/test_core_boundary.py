"""The documents core runs without Django."""

from __future__ import annotations

from tests.purity import run_without_django

SCRIPT = """
from netral.documents import extract_text
text = "Bupati Sleman menerbitkan SE Nomor 800/1/2024. Pegawai dilarang ikut kampanye."
result = extract_text(text)
assert result.instruments[0].number == "800/1/2024"
assert result.instruments[0].prohibited_conduct, "conduct lexicon not reached"
assert not any(name.startswith("django") and sys.modules[name] for name in sys.modules)
print("ok")
"""


def test_the_core_imports_and_extracts_with_django_blocked() -> None:
    assert run_without_django(SCRIPT).strip() == "ok"
