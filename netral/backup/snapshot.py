"""One consistent view of the database: its dump, and the facts the manifest records.

PostgreSQL: a read-only REPEATABLE READ transaction exports its snapshot; pg_dump imports
it, and the row counts, the evidence list and the audit heads are read in that same
transaction, so all of them describe the same moment. SQLite: the backup API copies the
file in one step, and the facts are read from the copy (through a connection of its own).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import connections, transaction
from django.db.migrations.recorder import MigrationRecorder

from netral.backup import postgres
from netral.backup.manifest import DATABASE_MEMBERS
from netral.cases.audit import AuditResult, verify_chains

ALIAS = "netral_backup_snapshot"


class SnapshotFailed(Exception):
    """The database could not be read or dumped."""


@dataclass
class DatabaseFacts:
    engine: str
    dump: Path
    server_version: str
    migrations: list[str]
    tables: dict[str, int]
    audit: AuditResult
    # sha256 of every original and cleaned evidence file a row refers to
    originals: set[str] = field(default_factory=set)
    cleaned: set[str] = field(default_factory=set)
    # media-relative path -> sha256 recorded for it ("" when none is)
    letters: dict[str, str] = field(default_factory=dict)
    # the latest signed audit checkpoint in the snapshot (what it signed), or None
    checkpoint: dict[str, Any] | None = None

    @property
    def member(self) -> str:
        return DATABASE_MEMBERS[self.engine]


@contextmanager
def _alias(database: dict[str, Any]) -> Iterator[str]:
    """A second connection under its own alias (the default one stays untouched)."""
    connections.settings[ALIAS] = database
    try:
        yield ALIAS
    finally:
        connections[ALIAS].close()
        del connections[ALIAS]
        del connections.settings[ALIAS]


def table_counts(alias: str) -> dict[str, int]:
    connection = connections[alias]
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = int(cursor.fetchone()[0])
    return counts


def applied_migrations(alias: str) -> list[str]:
    recorder = MigrationRecorder(connections[alias])
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def _facts(alias: str, engine: str, dump: Path, server_version: str) -> DatabaseFacts:
    from netral.cases.models import Recommendation
    from netral.intake.models import Evidence, EvidenceKind

    facts = DatabaseFacts(
        engine=engine,
        dump=dump,
        server_version=server_version,
        migrations=applied_migrations(alias),
        tables=table_counts(alias),
        audit=verify_chains(using=alias),
    )
    files = Evidence.objects.using(alias).filter(kind=EvidenceKind.FILE)
    for original, cleaned in files.values_list("sha256", "cleaned_sha256"):
        if original:
            facts.originals.add(original)
        if cleaned:
            facts.cleaned.add(cleaned)
    letters = Recommendation.objects.using(alias).exclude(letter="")
    facts.letters = dict(letters.values_list("letter", "letter_sha256"))
    # A database of a release before signed checkpoints has no such table.
    facts.checkpoint = _latest_checkpoint(alias) if "audit_checkpoint" in facts.tables else None
    return facts


def _latest_checkpoint(alias: str) -> dict[str, Any] | None:
    from netral.audit.checkpoint import published_line
    from netral.audit.models import Checkpoint

    latest = Checkpoint.objects.using(alias).order_by("-seq").first()
    return published_line(latest) if latest else None


def _postgres(workdir: Path) -> DatabaseFacts:
    connection = connections["default"]
    if connection.in_atomic_block:
        raise SnapshotFailed("a backup cannot be taken inside another transaction")
    database = dict(connection.settings_dict)
    dump = workdir / "netral.pgdump"
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute(
            "SELECT pg_export_snapshot(), current_setting('server_version'), "
            "current_setting('server_version_num')::int"
        )
        snapshot, version, number = cursor.fetchone()
        major = postgres.server_major(number)
        try:
            postgres.dump(database, snapshot=snapshot, major=major, out=dump)
        except postgres.ToolFailed as exc:
            raise SnapshotFailed(str(exc)) from exc
        return _facts("default", "postgresql", dump, str(version))


def _sqlite(workdir: Path) -> DatabaseFacts:
    database = dict(connections["default"].settings_dict)
    source_path = Path(str(database["NAME"]))
    if not source_path.is_file():
        raise SnapshotFailed(f"the SQLite database {source_path} does not exist")
    dump = workdir / "netral.sqlite3"
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    target = sqlite3.connect(dump)
    try:
        source.backup(target)  # all pages in one step: one consistent state
        version = sqlite3.sqlite_version
    finally:
        target.close()
        source.close()
    with _alias({**database, "NAME": str(dump)}) as alias:
        return _facts(alias, "sqlite", dump, version)


def take_snapshot(workdir: Path) -> DatabaseFacts:
    vendor = connections["default"].vendor
    if vendor == "postgresql":
        return _postgres(workdir)
    if vendor == "sqlite":
        return _sqlite(workdir)
    raise SnapshotFailed(f"backing up a {vendor} database is not supported")
