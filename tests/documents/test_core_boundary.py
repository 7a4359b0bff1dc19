"""The documents core runs without Django."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
sys.modules["django"] = None  # any `import django...` now fails
from netral.documents import extract_text
text = "Bupati Sleman menerbitkan SE Nomor 800/1/2024. Pegawai dilarang ikut kampanye."
result = extract_text(text)
assert result.instruments[0].number == "800/1/2024"
assert result.instruments[0].prohibited_conduct, "conduct lexicon not reached"
assert not any(name.startswith("django") and sys.modules[name] for name in sys.modules)
print("ok")
"""


def test_the_core_imports_and_extracts_with_django_blocked() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, cwd=REPO, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().strip() == "ok"
