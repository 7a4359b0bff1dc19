"""`netral backup`: one sealed, streamed archive of the database, the files and a manifest.

Order inside the archive (a tar stream): the database dump, the evidence originals and
cleaned copies the snapshot refers to, every file under MEDIA_ROOT, the audit heads, and
last the manifest with every member's SHA-256. The archive is written as `OUT.partial`
and renamed when complete, so OUT never names a half-written backup.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import io
import json
import os
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, cast

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from django.conf import settings

from netral.backup.hashing import HashingReader
from netral.backup.keys import field_key_fingerprints
from netral.backup.manifest import (
    HEADS,
    MANIFEST,
    FileEntry,
    Manifest,
    evidence_member,
    media_member,
)
from netral.backup.snapshot import DatabaseFacts, take_snapshot
from netral.security.sealed import SealingWriter


class BackupFailed(Exception):
    """The backup could not be completed; nothing was left at OUT."""


@dataclass(frozen=True)
class BackupDone:
    path: Path
    manifest: Manifest

    def summary(self) -> dict[str, object]:
        audit = self.manifest.audit
        return {
            "archive": str(self.path),
            "bytes": self.path.stat().st_size,
            "files": len(self.manifest.files),
            "tables": len(self.manifest.tables),
            "rows": sum(self.manifest.tables.values()),
            "cases": audit["cases"],
            "events": audit["events"],
            "audit_breaks": len(audit["breaks"]),
        }


def default_name(now: datetime | None = None) -> str:
    moment = now or datetime.now(tz=UTC)
    return f"netral-{moment:%Y%m%dT%H%M%SZ}.backup"


def netral_version() -> str:
    try:
        return importlib.metadata.version("netral")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _tar_info(name: str, size: int, mtime: float) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(mtime)
    info.mode = 0o600
    return info


class _ArchiveWriter:
    def __init__(self, tar: tarfile.TarFile) -> None:
        self.tar = tar
        self.entries: list[FileEntry] = []

    def add_file(self, path: Path, member: str, expected_sha256: str = "") -> FileEntry:
        try:
            handle = path.open("rb")
        except FileNotFoundError as exc:
            raise BackupFailed(f"{member}: the file is missing ({path})") from exc
        with handle:
            stat = os.fstat(handle.fileno())
            reader = HashingReader(handle)
            try:
                self.tar.addfile(_tar_info(member, stat.st_size, stat.st_mtime), reader)
            except OSError as exc:  # the file shrank while it was read
                raise BackupFailed(f"{member}: changed while it was read ({exc})") from exc
        entry = FileEntry(member, reader.hexdigest(), reader.size)
        if expected_sha256 and entry.sha256 != expected_sha256:
            raise BackupFailed(
                f"{member}: its content does not match the SHA-256 recorded for it "
                "(damaged or altered on disk)"
            )
        self.entries.append(entry)
        return entry

    def add_bytes(self, member: str, data: bytes) -> FileEntry:
        now = datetime.now(tz=UTC).timestamp()
        self.tar.addfile(_tar_info(member, len(data), now), io.BytesIO(data))
        entry = FileEntry(member, _sha256(data), len(data))
        self.entries.append(entry)
        return entry


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _media_files(root: Path) -> list[tuple[Path, str]]:
    """(path, relative name) of every regular file under MEDIA_ROOT, temporary ones aside."""
    if not root.is_dir():
        return []
    found = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if path.is_file() and not path.is_symlink() and not path.name.startswith("."):
            found.append((path, relative))
    return found


def heads_jsonl(facts: DatabaseFacts) -> bytes:
    lines = [
        json.dumps({"case": case, "seq": seq, "digest": digest})
        for case, (seq, digest) in sorted(facts.audit.heads.items())
    ]
    return ("\n".join(lines) + "\n").encode("ascii") if lines else b""


def _write_members(archive: _ArchiveWriter, facts: DatabaseFacts) -> None:
    evidence_root, media_root = Path(settings.EVIDENCE_ROOT), Path(settings.MEDIA_ROOT)
    archive.add_file(facts.dump, facts.member)
    for kind, digests in (("original", facts.originals), ("cleaned", facts.cleaned)):
        for digest in sorted(digests):
            member = evidence_member(kind, digest)
            archive.add_file(evidence_root / member.removeprefix("evidence/"), member, digest)
    present = set()
    for path, relative in _media_files(media_root):
        archive.add_file(path, media_member(relative), facts.letters.get(relative, ""))
        present.add(relative)
    for letter in sorted(set(facts.letters) - present):
        raise BackupFailed(f"{media_member(letter)}: the file is missing ({media_root / letter})")
    archive.add_bytes(HEADS, heads_jsonl(facts))


def _manifest(facts: DatabaseFacts, entries: list[FileEntry]) -> Manifest:
    audit = facts.audit
    return Manifest(
        netral_version=netral_version(),
        created_at=datetime.now(tz=UTC).isoformat(timespec="seconds"),
        database={
            "engine": facts.engine,
            "member": facts.member,
            "server_version": facts.server_version,
        },
        migrations=facts.migrations,
        tables=facts.tables,
        files=list(entries),
        audit={
            # The heads of every case's event chain, as `netral audit verify` walks them,
            # and the latest signed checkpoint in the snapshot (docs/audit.md): its body,
            # digest and Ed25519 signature, checkable with the instance's public key.
            "method": "chain-heads",
            "heads": HEADS,
            "cases": audit.cases,
            "events": audit.events,
            "breaks": [found.to_dict() for found in audit.breaks],
            "checkpoint": facts.checkpoint,
        },
        keys={"field_encryption": field_key_fingerprints()},
        retention={"not_actionable_days": settings.NETRAL_RETENTION_NOT_ACTIONABLE_DAYS},
    )


def _tar_stream(sink: SealingWriter) -> tarfile.TarFile:
    # Stream mode ("w|"): members are written one after the other, nothing is seeked.
    return tarfile.open(fileobj=cast(IO[bytes], sink), mode="w|", format=tarfile.PAX_FORMAT)


def backup_write(out: Path, recipient: X25519PublicKey) -> BackupDone:
    """Write the archive to `out` (a directory: a dated name inside it)."""
    if out.is_dir():
        out = out / default_name()
    if out.exists():
        raise BackupFailed(f"{out} exists; refusing to overwrite it")
    if not out.parent.is_dir():
        raise BackupFailed(f"the directory {out.parent} does not exist")
    partial = out.with_name(out.name + ".partial")
    # The dump waits beside the archive (where there is room for it), never in memory.
    work = Path(tempfile.mkdtemp(dir=out.parent, prefix=".netral-backup-"))
    try:
        facts = take_snapshot(work)
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as sink:
            with SealingWriter(sink, recipient) as sealed, _tar_stream(sealed) as tar:
                archive = _ArchiveWriter(tar)
                _write_members(archive, facts)
                manifest = _manifest(facts, archive.entries)
                archive.add_bytes(MANIFEST, manifest.to_json())
            sink.flush()
            os.fsync(sink.fileno())
        os.replace(partial, out)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return BackupDone(out, manifest)
