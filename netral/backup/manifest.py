"""What a backup archive holds, and the names its members may have.

The manifest is the archive's last member: written once every file has been hashed on its
way in, read once every file has been hashed on its way out.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

FORMAT = "netral-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
HEADS = "audit/heads.jsonl"
DATABASE_MEMBERS = {"postgresql": "database/netral.pgdump", "sqlite": "database/netral.sqlite3"}

_EVIDENCE = re.compile(r"evidence/(original|cleaned)/([0-9a-f]{2})/([0-9a-f]{2})/([0-9a-f]{64})")


class ManifestError(Exception):
    """The manifest is missing, unreadable or of another format."""


@dataclass(frozen=True)
class FileEntry:
    path: str
    sha256: str
    size: int


@dataclass
class Manifest:
    netral_version: str
    created_at: str
    # engine ("postgresql" | "sqlite"), member (the dump's name), server_version
    database: dict[str, str]
    # "app.migration" for every migration applied in the backed-up database
    migrations: list[str]
    tables: dict[str, int]
    files: list[FileEntry]
    # cases, events, breaks, heads (the member holding each chain's head), checkpoint
    audit: dict[str, Any]
    # fingerprints of FIELD_ENCRYPTION_KEYS (never the keys): the restore needs them all
    keys: dict[str, list[str]] = field(default_factory=dict)
    retention: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> bytes:
        body = {"format": FORMAT, "format_version": FORMAT_VERSION, **asdict(self)}
        return json.dumps(body, indent=1, sort_keys=True, ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        try:
            body = json.loads(data)
        except ValueError as exc:
            raise ManifestError("the manifest is not JSON") from exc
        if not isinstance(body, dict) or body.pop("format", None) != FORMAT:
            raise ManifestError("the manifest is not a Netral backup manifest")
        version = body.pop("format_version", None)
        if version != FORMAT_VERSION:
            raise ManifestError(f"unsupported backup format version {version!r}")
        try:
            body["files"] = [FileEntry(**item) for item in body["files"]]
            return cls(**body)
        except (KeyError, TypeError) as exc:
            raise ManifestError(f"the manifest is incomplete: {exc}") from exc

    def entries(self) -> dict[str, FileEntry]:
        return {entry.path: entry for entry in self.files}


def evidence_member(kind: str, sha256: str) -> str:
    return f"evidence/{kind}/{sha256[:2]}/{sha256[2:4]}/{sha256}"


def media_member(relative: str) -> str:
    return f"media/{relative}"


def member_allowed(name: str) -> bool:
    """Only names a Netral backup writes; anything else is refused before it is written."""
    if name in {MANIFEST, HEADS, *DATABASE_MEMBERS.values()}:
        return True
    found = _EVIDENCE.fullmatch(name)
    if found:
        _kind, first, second, digest = found.groups()
        return digest.startswith(first + second)
    if name.startswith("media/"):
        parts = name.split("/")[1:]
        return bool(parts) and all(p not in {"", ".", ".."} and "\\" not in p for p in parts)
    return False
