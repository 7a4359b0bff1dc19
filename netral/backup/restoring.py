"""`netral restore`: an archive into an empty database and data directory, checked.

Steps, each of which stops the restore and names what it found:
1. the target is empty;
2. every member is opened (the seal detects damage) and hashed on its way to disk;
3. the manifest (the last member) lists exactly those members with those hashes, the
   backup's schema is not newer than this Netral, and its field keys are configured;
4. the database is loaded and has the row counts the manifest records;
5. older schemas are migrated forward, and every case's event chain ends where it ended
   at backup time;
6. reports past their retention period are deleted again (unless asked not to), so a
   restore does not bring deleted evidence back; then the audit log is verified.
A failure in steps 2 to 5 removes what the restore wrote.
"""

from __future__ import annotations

import json
import os
import shutil
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, BinaryIO, cast

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from django.core.management import call_command
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

from netral.backup import postgres
from netral.backup.hashing import HashingWriter
from netral.backup.keys import field_key_fingerprints
from netral.backup.manifest import (
    DATABASE_MEMBERS,
    HEADS,
    MANIFEST,
    FileEntry,
    Manifest,
    ManifestError,
    member_allowed,
)
from netral.backup.snapshot import table_counts
from netral.backup.target import Target
from netral.cases.audit import AuditResult, verify_chains
from netral.security.sealed import OpeningReader, SealedStreamError

_COPY = 1024 * 1024
_MAX_MANIFEST = 1024 * 1024 * 1024
ENGINE_NAMES = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}
MISMATCH = "the archive does not match its manifest"


class RestoreFailed(Exception):
    """The restore stopped; `problems` names each thing found, and nothing is left behind."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass
class Restored:
    manifest: Manifest
    migrated: list[str] = field(default_factory=list)
    purged: int = 0
    audit: AuditResult = field(default_factory=AuditResult)


@dataclass
class _Unpacked:
    manifest: Manifest
    seen: dict[str, FileEntry]
    work: Path

    @property
    def dump(self) -> Path:
        return self.work / Path(self.manifest.database["member"]).name

    @property
    def heads(self) -> Path:
        return self.work / Path(HEADS).name


def _destination(name: str, target: Target | None, work: Path) -> Path | None:
    """Where a member goes; None: hashed and dropped (checking only)."""
    if name in DATABASE_MEMBERS.values() or name == HEADS:
        return work / Path(name).name if target is not None else None
    if target is None:
        return None
    path = target.file_path(name)
    if path.exists():
        raise RestoreFailed("the archive names a file twice", [f"{name}: written twice"])
    return path


def _copy_member(tar: tarfile.TarFile, info: tarfile.TarInfo, path: Path | None) -> FileEntry:
    stream = tar.extractfile(info)
    if stream is None:
        raise RestoreFailed("unreadable member", [f"{info.name}: not a regular file"])
    sink: BinaryIO | None = None
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        sink = path.open("xb")
    try:
        writer = HashingWriter(sink)
        while chunk := stream.read(_COPY):
            writer.write(chunk)
    finally:
        if sink is not None:
            sink.close()
    if path is not None and info.name.startswith("evidence/"):
        os.chmod(path, 0o440)  # as the evidence store writes them
    return FileEntry(info.name, writer.hexdigest(), writer.size)


def _unpack(
    source: BinaryIO, key: X25519PrivateKey, target: Target | None, work: Path
) -> _Unpacked:
    reader = OpeningReader(source, key)
    seen: dict[str, FileEntry] = {}
    manifest_data: bytes | None = None
    with tarfile.open(fileobj=cast(IO[bytes], reader), mode="r|") as tar:
        for info in tar:
            name = info.name
            if manifest_data is not None:
                raise RestoreFailed("the archive goes on after its manifest", [name])
            if not info.isfile() or not member_allowed(name):
                raise RestoreFailed(
                    "the archive holds something a Netral backup never does", [name]
                )
            if name in seen:
                raise RestoreFailed("the archive names a member twice", [name])
            if name == MANIFEST:
                stream = tar.extractfile(info)
                if stream is None or info.size > _MAX_MANIFEST:
                    raise RestoreFailed("the manifest is unreadable", [name])
                manifest_data = stream.read()
                continue
            if target is not None and name in DATABASE_MEMBERS.values():
                _require_engine(name, target)
            path = _destination(name, target, work)
            if target is not None and path is not None and name.startswith(("evidence/", "media/")):
                target.remember(path)
            seen[name] = _copy_member(tar, info, path)
    while reader.read(_COPY):  # to the end: the seal's last chunk must be there and intact
        pass
    if manifest_data is None:
        raise RestoreFailed("the archive has no manifest (cut short?)", [MANIFEST])
    try:
        manifest = Manifest.from_json(manifest_data)
    except ManifestError as exc:
        raise RestoreFailed("the manifest cannot be read", [str(exc)]) from exc
    return _Unpacked(manifest, seen, work)


def _require_engine(member: str, target: Target) -> None:
    engine = next(e for e, m in DATABASE_MEMBERS.items() if m == member)
    if engine != target.engine:
        raise RestoreFailed(
            "the backup and the configured database are of different kinds",
            [
                f"the backup holds a {ENGINE_NAMES[engine]} database; the configured one is "
                f"{ENGINE_NAMES.get(target.engine, target.engine)} (set DATABASE_URL)"
            ],
        )


def manifest_problems(manifest: Manifest, seen: dict[str, FileEntry]) -> list[str]:
    """Members missing, altered or unexpected, by name."""
    problems = []
    expected = manifest.entries()
    for path, entry in sorted(expected.items()):
        got = seen.get(path)
        if got is None:
            problems.append(f"{path}: missing from the archive")
        elif (got.sha256, got.size) != (entry.sha256, entry.size):
            problems.append(
                f"{path}: altered (SHA-256 {got.sha256}, {got.size} bytes; the manifest "
                f"records {entry.sha256}, {entry.size} bytes)"
            )
        elif path.startswith("evidence/") and got.sha256 != path.rsplit("/", 1)[-1]:
            problems.append(f"{path}: its content does not match its name")
    unexpected = sorted(seen.keys() - expected.keys())
    problems += [f"{path}: in the archive but not in its manifest" for path in unexpected]
    if manifest.database.get("member") not in seen:
        problems.append(f"{manifest.database.get('member')}: the database dump is missing")
    return problems


def _compatibility_problems(manifest: Manifest) -> list[str]:
    problems = []
    known = {f"{app}.{name}" for app, name in MigrationLoader(None).disk_migrations}
    newer = sorted(set(manifest.migrations) - known)
    if newer:
        problems.append(
            f"the backup was made by a newer Netral ({manifest.netral_version}); unknown "
            f"migrations: {', '.join(newer)}. Install that version (or newer) to restore it"
        )
    needed = manifest.keys.get("field_encryption", [])
    missing = [fp for fp in needed if fp not in set(field_key_fingerprints())]
    if missing:
        problems.append(
            "FIELD_ENCRYPTION_KEYS lacks keys the backed-up identities may be encrypted with "
            f"(fingerprints {', '.join(missing)}); configure the keys from your key backup"
        )
    return problems


def _count_problems(manifest: Manifest) -> list[str]:
    found = table_counts("default")
    problems = [
        f"table {table}: {found.get(table, 'missing')} rows, the manifest records {count}"
        for table, count in sorted(manifest.tables.items())
        if found.get(table) != count
    ]
    extra = sorted(found.keys() - manifest.tables.keys())
    problems += [f"table {table}: restored but not in the manifest" for table in extra]
    return problems


def _migrate_forward() -> list[str]:
    connection = connections["default"]
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        call_command("migrate", interactive=False, verbosity=0)
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def _heads_problems(heads_file: Path) -> list[str]:
    recorded = {}
    for line in heads_file.read_text(encoding="ascii").splitlines():
        item = json.loads(line)
        recorded[int(item["case"])] = (int(item["seq"]), str(item["digest"]))
    found = verify_chains().heads
    problems = []
    for case, head in sorted(recorded.items()):
        if found.get(case) != head:
            now = found.get(case)
            problems.append(
                f"case {case}: its event chain ends at "
                f"{'nothing' if now is None else f'seq {now[0]}'} instead of seq {head[0]} "
                "as at backup time"
            )
    extra = sorted(found.keys() - recorded.keys())
    problems += [f"case {case}: events the backup did not have" for case in extra]
    return problems


def _stop_if(problems: list[str], message: str) -> None:
    if problems:
        raise RestoreFailed(message, problems)


def restore_check(source: BinaryIO, key: X25519PrivateKey) -> Manifest:
    """Open and hash every member against the manifest; write nothing."""
    work = Path(tempfile.mkdtemp(prefix="netral-check-"))
    try:
        unpacked = _unpack(source, key, None, work)
    except SealedStreamError as exc:
        raise RestoreFailed("the archive cannot be opened", [str(exc)]) from exc
    except tarfile.TarError as exc:
        raise RestoreFailed("the archive is not a readable tar stream", [str(exc)]) from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    _stop_if(manifest_problems(unpacked.manifest, unpacked.seen), MISMATCH)
    return unpacked.manifest


def restore_archive(
    source: BinaryIO, key: X25519PrivateKey, *, keep_expired: bool = False
) -> Restored:
    target = Target.configured()
    _stop_if(target.refusals(), "restore refused: the target is not empty")
    target.data_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=target.data_dir, prefix=".netral-restore-"))
    try:
        try:
            unpacked = _unpack(source, key, target, work)
        except SealedStreamError as exc:
            raise RestoreFailed("the archive cannot be opened", [str(exc)]) from exc
        except tarfile.TarError as exc:
            raise RestoreFailed("the archive is not a readable tar stream", [str(exc)]) from exc
        manifest = unpacked.manifest
        _stop_if(manifest_problems(manifest, unpacked.seen), MISMATCH)
        _stop_if(_compatibility_problems(manifest), "this backup cannot be restored here")
        try:
            target.load(unpacked.dump)
        except postgres.ToolFailed as exc:
            raise RestoreFailed("the database dump could not be loaded", [str(exc)]) from exc
        _stop_if(_count_problems(manifest), "the restored database does not match the manifest")
        restored = Restored(manifest, migrated=_migrate_forward())
        _stop_if(
            _heads_problems(unpacked.heads),
            "the restored audit log does not end where the backup's did",
        )
    except BaseException:
        target.unload()
        target.remove_files()
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if not keep_expired:
        from netral.cases.services.retention import reports_purge_expired

        restored.purged = reports_purge_expired().reports
    restored.audit = verify_chains()
    return restored
