"""The triage core imports without Django, and its data files are well-formed."""

from __future__ import annotations

import pytest

from netral.datafiles import parse_strict_yaml
from netral.triage.codes import CONDUCT_CODES
from netral.triage.datafiles import DataFileError
from netral.triage.lexicon import conduct_patterns, load_file
from tests.purity import run_without_django


def test_triage_imports_and_runs_with_django_blocked() -> None:
    code = (
        "import os; os.environ['NETRAL_TRIAGE_MODEL'] = 'off'\n"
        "from netral.triage import triage\n"
        "print(triage('Pak lurah pasang baliho caleg di pagar rumahnya').codes)"
    )
    assert "APK_PASANG" in run_without_django(code)


@pytest.mark.parametrize("code", CONDUCT_CODES)
def test_every_code_has_a_lexicon_that_compiles(code: str) -> None:
    assert load_file(code)


def test_all_patterns_load_into_one_set() -> None:
    assert len(conduct_patterns().patterns) > 17


def test_a_duplicate_key_in_a_data_file_is_an_error() -> None:
    with pytest.raises(DataFileError, match="line 2: duplicate key 'yg'"):
        parse_strict_yaml("yg: yang\nyg: yang\n")
