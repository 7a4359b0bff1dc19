"""On a demo installation, `netral backup` then `netral restore` gives the same database and
files back, and a restore that meets anything missing or altered stops and names it."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from netral.backup.manifest import MANIFEST
from tests.backup.conftest import (
    KeyPair,
    demo_env,
    file_hashes,
    files_under,
    flip_one_byte,
    netral,
    rewrite_archive,
    sqlite_counts,
)

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Demo:
    data_dir: Path
    archive: Path

    @property
    def keys(self) -> KeyPair:
        return KeyPair(self.data_dir / "backup-demo.key", self.data_dir / "backup-demo.pub")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    root = tmp_path_factory.mktemp("demo")
    data_dir = root / "var"
    netral("demo", "--no-serve", env=demo_env(data_dir), check=True)
    done = netral("backup", str(root / "demo.backup"), env=demo_env(data_dir), check=True)
    assert json.loads(done.stdout)["files"] >= 3  # database, evidence, a letter, ...
    return Demo(data_dir, root / "demo.backup")


def restore(archive: Path, data_dir: Path, *extra: str) -> tuple[int, str]:
    done = netral("restore", str(archive), *extra, env=demo_env(data_dir))
    return done.returncode, done.stderr


def assert_left_empty(data_dir: Path) -> None:
    database = data_dir / "netral.sqlite3"
    assert not database.exists() or sqlite_counts(database) == {}
    assert files_under(data_dir / "evidence") == []
    assert files_under(data_dir / "media") == []


def evidence_member(archive_listing: dict[str, str]) -> str:
    return next(name for name in archive_listing if name.startswith("evidence/original/"))


def test_a_demo_backup_restores_into_a_fresh_data_directory_with_the_same_rows_and_files(
    demo: Demo, tmp_path: Path
) -> None:
    fresh = tmp_path / "var"
    code, stderr = restore(demo.archive, fresh, "--key", str(demo.keys.private))
    assert code == 0, stderr

    assert sqlite_counts(fresh / "netral.sqlite3") == sqlite_counts(
        demo.data_dir / "netral.sqlite3"
    )
    restored = file_hashes(fresh / "evidence", fresh / "media")
    assert restored == file_hashes(demo.data_dir / "evidence", demo.data_dir / "media")
    assert any(name.startswith("evidence/original/") for name in restored)

    verified = netral("audit", "verify", env=demo_env(fresh))
    original = netral("audit", "verify", env=demo_env(demo.data_dir))
    assert verified.returncode == 0
    summary = json.loads(verified.stdout.splitlines()[-1])
    assert summary == json.loads(original.stdout.splitlines()[-1])
    assert summary["cases"] > 0


def test_where_the_demo_keys_live_restore_needs_no_arguments(demo: Demo, tmp_path: Path) -> None:
    here = tmp_path / "var"
    here.mkdir()
    for key in (demo.keys.private, demo.keys.public):
        shutil.copy(key, here / key.name)
    code, stderr = restore(demo.archive, here)
    assert code == 0, stderr


def test_one_altered_byte_of_an_evidence_file_stops_the_restore_and_names_the_file(
    demo: Demo, tmp_path: Path
) -> None:
    altered: list[str] = []

    def alter_first_original(name: str, data: bytes) -> bytes:
        if name.startswith("evidence/original/") and not altered:
            altered.append(name)
            return flip_one_byte(data)
        return data

    archive = tmp_path / "altered.backup"
    rewrite_archive(demo.archive, archive, demo.keys, alter_first_original)
    target = tmp_path / "var"
    code, stderr = restore(archive, target, "--key", str(demo.keys.private))

    assert code == 1
    assert f"{altered[0]}: altered" in stderr
    assert_left_empty(target)


def test_a_member_missing_from_the_archive_is_named(demo: Demo, tmp_path: Path) -> None:
    dropped: list[str] = []

    def drop_the_letter(name: str, data: bytes) -> bytes | None:
        if name.startswith("media/"):
            dropped.append(name)
            return None
        return data

    archive = tmp_path / "short.backup"
    rewrite_archive(demo.archive, archive, demo.keys, drop_the_letter)
    code, stderr = restore(archive, tmp_path / "var", "--key", str(demo.keys.private))
    assert code == 1
    assert dropped
    assert f"{dropped[0]}: missing from the archive" in stderr
    assert_left_empty(tmp_path / "var")


def test_a_database_that_does_not_have_the_recorded_rows_is_undone_and_named(
    demo: Demo, tmp_path: Path
) -> None:
    def claim_one_more_case(name: str, data: bytes) -> bytes:
        if name != MANIFEST:
            return data
        manifest = json.loads(data)
        manifest["tables"]["cases_case"] += 1
        return json.dumps(manifest).encode()

    archive = tmp_path / "counts.backup"
    rewrite_archive(demo.archive, archive, demo.keys, claim_one_more_case)
    code, stderr = restore(archive, tmp_path / "var", "--key", str(demo.keys.private))
    assert code == 1
    assert "table cases_case:" in stderr
    assert_left_empty(tmp_path / "var")


def test_a_damaged_archive_is_refused_and_the_place_named(demo: Demo, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.backup"
    damaged.write_bytes(flip_one_byte(demo.archive.read_bytes()))
    code, stderr = restore(damaged, tmp_path / "var", "--key", str(demo.keys.private))
    assert code == 1
    assert "damaged or altered near byte" in stderr
    assert_left_empty(tmp_path / "var")


def test_a_non_empty_target_is_refused_and_left_as_it_was(demo: Demo) -> None:
    before = sqlite_counts(demo.data_dir / "netral.sqlite3")
    code, stderr = restore(demo.archive, demo.data_dir)
    assert code == 1
    assert "is not empty" in stderr
    assert sqlite_counts(demo.data_dir / "netral.sqlite3") == before


def test_another_key_is_told_which_key_the_backup_needs(demo: Demo, operator_keys: KeyPair) -> None:
    code, stderr = restore(
        demo.archive, demo.data_dir.parent / "other", "--key", str(operator_keys.private)
    )
    assert code == 1
    assert "encrypted to key" in stderr


def test_a_backup_stops_and_names_an_evidence_file_altered_on_disk(
    demo: Demo, tmp_path: Path
) -> None:
    copy = tmp_path / "var"
    shutil.copytree(demo.data_dir, copy)
    victim = next(p for p in files_under(copy / "evidence") if "original" in p.parts)
    victim.chmod(0o640)
    victim.write_bytes(flip_one_byte(victim.read_bytes()))
    out = tmp_path / "out.backup"

    done = netral("backup", str(out), env=demo_env(copy))

    assert done.returncode == 1
    assert victim.name in done.stderr
    assert "does not match the SHA-256" in done.stderr
    assert list(tmp_path.glob("out.backup*")) == []
    assert list(tmp_path.glob(".netral-backup-*")) == []


def test_checking_an_archive_writes_nothing_and_still_names_an_altered_file(
    demo: Demo, tmp_path: Path
) -> None:
    target = tmp_path / "var"
    checked = netral("restore", str(demo.archive), "--check", env=demo_env(demo.data_dir))
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)["files"] >= 3

    def alter_the_letter(name: str, data: bytes) -> bytes:
        return flip_one_byte(data) if name.startswith("media/") else data

    archive = tmp_path / "altered.backup"
    rewrite_archive(demo.archive, archive, demo.keys, alter_the_letter)
    done = netral(
        "restore", str(archive), "--check", "--key", str(demo.keys.private), env=demo_env(target)
    )
    assert done.returncode == 1
    assert "media/cases/letters/" in done.stderr
    assert "altered" in done.stderr
    assert not target.exists()


def test_the_private_key_can_come_on_standard_input(demo: Demo, tmp_path: Path) -> None:
    done = netral(
        "restore",
        str(demo.archive),
        "--key",
        "-",
        env=demo_env(tmp_path / "var"),
        stdin=demo.keys.private.read_text(),
    )
    assert done.returncode == 0, done.stderr
