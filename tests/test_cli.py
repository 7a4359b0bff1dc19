"""The `netral` command dispatches to subcommands and explains itself."""

from __future__ import annotations

import subprocess
import sys

import pytest

from netral import cli
from tests.conftest import REPO


def test_help_lists_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in cli.COMMANDS:
        assert f"  {name}" in out


def test_an_unknown_subcommand_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["frobnicate"]) == cli.EXIT_USAGE
    assert "unknown command 'frobnicate'" in capsys.readouterr().err


def test_no_arguments_prints_usage_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == cli.EXIT_USAGE
    assert "usage: netral" in capsys.readouterr().out


def test_the_installed_console_script_runs() -> None:
    netral = REPO / ".venv" / "bin" / "netral"
    command = [str(netral)] if netral.exists() else [sys.executable, "-m", "netral.cli"]
    result = subprocess.run([*command, "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert "manage" in result.stdout
