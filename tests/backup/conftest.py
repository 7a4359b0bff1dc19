"""Backup helpers: run `netral` as an operator would, keys, altered archives, clusters."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from netral.security import sealed
from tests.conftest import REPO

NETRAL = REPO / ".venv" / "bin" / "netral"
# Variables that would point a child process at the test suite's database or files.
_INHERITED = ("DATABASE_URL", "MEDIA_ROOT", "EVIDENCE_ROOT", "STATIC_ROOT", "NETRAL_DATA_DIR")


def netral(
    *args: str, env: dict[str, str], check: bool = False, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    command = [str(NETRAL)] if NETRAL.exists() else [sys.executable, "-m", "netral.cli"]
    done = subprocess.run(
        [*command, *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        input=stdin,
    )
    if check and done.returncode != 0:
        raise AssertionError(f"netral {' '.join(args)} exited {done.returncode}:\n{done.stderr}")
    return done


def demo_env(data_dir: Path) -> dict[str, str]:
    """A demo installation: local settings, SQLite in `data_dir`."""
    env = {k: v for k, v in os.environ.items() if k not in _INHERITED}
    env |= {
        "DJANGO_SETTINGS_MODULE": "netral.settings.local",
        "NETRAL_DATA_DIR": str(data_dir),
        "NETRAL_DEMO_ELECTION_REPORTS": "150",  # the full demo election takes minutes here
    }
    return env


def sqlite_counts(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: connection.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608


def file_hashes(*roots: Path) -> dict[str, str]:
    import hashlib

    found = {}
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                found[f"{root.name}/{path.relative_to(root)}"] = hashlib.sha256(
                    path.read_bytes()
                ).hexdigest()
    return found


def files_under(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@dataclass(frozen=True)
class KeyPair:
    private: Path
    public: Path


@pytest.fixture(scope="session")
def operator_keys(tmp_path_factory: pytest.TempPathFactory) -> KeyPair:
    directory = tmp_path_factory.mktemp("operator-keys")
    private_pem, public_pem = sealed.new_key_pair()
    (directory / "backup.key").write_bytes(private_pem)
    (directory / "backup.pub").write_bytes(public_pem)
    return KeyPair(directory / "backup.key", directory / "backup.pub")


Change = Callable[[str, bytes], bytes | None]


def rewrite_archive(source: Path, target: Path, keys: KeyPair, change: Change) -> None:
    """Open an archive, change its members (None drops one) and seal it again to the same
    public key: what anyone holding the public key can do."""
    private = sealed.load_private_key(keys.private.read_bytes())
    public = sealed.load_public_key(keys.public.read_bytes())
    with source.open("rb") as raw, target.open("wb") as sink:
        reader = sealed.OpeningReader(raw, private)
        with (
            sealed.SealingWriter(sink, public) as writer,
            tarfile.open(fileobj=writer, mode="w|", format=tarfile.PAX_FORMAT) as out,  # type: ignore[call-overload]
            tarfile.open(fileobj=reader, mode="r|") as tar,  # type: ignore[call-overload]
        ):
            for info in tar:
                stream = tar.extractfile(info)
                data = stream.read() if stream else b""
                changed = change(info.name, data)
                if changed is None:
                    continue
                info.size = len(changed)
                out.addfile(info, io.BytesIO(changed))


def flip_one_byte(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1 :]


@dataclass
class Cluster:
    """A throwaway PostgreSQL cluster of its own (scripts/pg-cluster)."""

    directory: Path
    url: str

    def database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(scope="session")
def fresh_cluster() -> Iterator[Cluster]:
    directory = Path(tempfile.mkdtemp(prefix="netral-restore-cluster-"))
    script = REPO / "scripts" / "pg-cluster"
    started = subprocess.run(
        [str(script), "start", str(directory)], capture_output=True, text=True, check=False
    )
    if started.returncode != 0:
        pytest.fail(f"cannot start a PostgreSQL cluster: {started.stderr}")
    try:
        yield Cluster(directory, started.stdout.strip())
    finally:
        subprocess.run([str(script), "stop", str(directory)], check=False)
        subprocess.run(["rm", "-rf", str(directory)], check=False)
