"""pg_dump and pg_restore for the database Django is configured with."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

_VERSIONED_BIN = Path("/usr/lib/postgresql")


class ToolFailed(Exception):
    """A PostgreSQL client tool failed; the message carries its last words."""


def tool(name: str, at_least: int = 0) -> str:
    """The newest `name` from Debian's versioned directories (a dump must be made by a
    pg_dump at least as new as the server), else the one on PATH."""
    versions = []
    if _VERSIONED_BIN.is_dir():
        for directory in _VERSIONED_BIN.iterdir():
            if directory.name.isdigit() and (directory / "bin" / name).exists():
                versions.append((int(directory.name), directory / "bin" / name))
    if versions:
        major, newest = max(versions)
        if major >= at_least:
            return str(newest)
    found = shutil.which(name)
    if found is None:
        raise ToolFailed(f"{name} not found (install the postgresql-client package)")
    return found


def environment(database: dict[str, Any]) -> dict[str, str]:
    """libpq's variables for a Django database settings dict (no password on a command line)."""
    env = dict(os.environ)
    mapping = {
        "PGHOST": database.get("HOST"),
        "PGPORT": database.get("PORT"),
        "PGUSER": database.get("USER"),
        "PGPASSWORD": database.get("PASSWORD"),
        "PGDATABASE": database.get("NAME"),
    }
    options = database.get("OPTIONS") or {}
    if options.get("sslmode"):
        mapping["PGSSLMODE"] = options["sslmode"]
    for variable, value in mapping.items():
        if value not in (None, ""):
            env[variable] = str(value)
    return env


def server_major(version_number: int) -> int:
    """`connection.pg_version` (e.g. 150010) as the major version (15)."""
    return version_number // 10000


def _run(command: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        last = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise ToolFailed(f"{Path(command[0]).name} failed: {' / '.join(last)}")


def dump(database: dict[str, Any], *, snapshot: str, major: int, out: Path) -> None:
    """A custom-format dump of the state the exported `snapshot` sees."""
    _run(
        [
            tool("pg_dump", major),
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--snapshot={snapshot}",
            f"--file={out}",
        ],
        environment(database),
    )


def restore(database: dict[str, Any], dump_file: Path) -> None:
    """Load a dump into the (empty) database in one transaction: all of it or nothing."""
    _run(
        [
            tool("pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={database.get('NAME')}",
            str(dump_file),
        ],
        environment(database),
    )
