"""Where a restore writes: the configured database and the evidence and media roots.

A restore goes only into an empty target, so undoing a failed one is removing what it
wrote: the files it created and the tables and functions it loaded.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connections

from netral.backup import postgres

_SQLITE_TABLES = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
_FUNCTIONS = """
SELECT p.oid::regprocedure::text FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = current_schema()
"""


@dataclass
class Target:
    engine: str
    database: dict[str, Any]
    evidence_root: Path
    media_root: Path
    data_dir: Path
    written: list[Path] = field(default_factory=list)
    _functions_before: set[str] = field(default_factory=set)
    loaded: bool = False

    @classmethod
    def configured(cls) -> Target:
        connection = connections["default"]
        vendor = connection.vendor
        engine = {"postgresql": "postgresql", "sqlite": "sqlite"}.get(vendor, vendor)
        return cls(
            engine=engine,
            database=dict(connection.settings_dict),
            evidence_root=Path(settings.EVIDENCE_ROOT),
            media_root=Path(settings.MEDIA_ROOT),
            data_dir=Path(settings.DATA_DIR),
        )

    # -- emptiness -------------------------------------------------------------------

    def _sqlite_path(self) -> Path:
        return Path(str(self.database["NAME"]))

    def _tables(self) -> list[str]:
        if self.engine == "sqlite":
            path = self._sqlite_path()
            if not path.exists() or path.stat().st_size == 0:
                return []
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as plain:
                rows = plain.execute(_SQLITE_TABLES)
                return [row[0] for row in rows]
        connection = connections["default"]
        with connection.cursor() as cursor:
            return list(connection.introspection.table_names(cursor))

    @staticmethod
    def _files_under(root: Path) -> int:
        if not root.is_dir():
            return 0
        return sum(1 for path in root.rglob("*") if not path.is_dir())

    def refusals(self) -> list[str]:
        """Why this target is not empty (nothing: it is)."""
        found = []
        if self.engine not in {"postgresql", "sqlite"}:
            found.append(f"restoring into a {self.engine} database is not supported")
            return found
        tables = self._tables()
        if tables:
            where = self.database.get("NAME")
            found.append(
                f"the database {where} is not empty ({len(tables)} tables); restore needs a "
                "new, empty database (do not run migrate on it first)"
            )
        for root in (self.evidence_root, self.media_root):
            count = self._files_under(root)
            if count:
                found.append(f"{root} is not empty ({count} file(s))")
        return found

    # -- files -----------------------------------------------------------------------

    def file_path(self, member: str) -> Path:
        top, _, rest = member.partition("/")
        root = self.evidence_root if top == "evidence" else self.media_root
        return root / rest

    def remember(self, path: Path) -> None:
        self.written.append(path)

    def remove_files(self) -> None:
        for path in self.written:
            path.unlink(missing_ok=True)
        for root in (self.evidence_root, self.media_root):
            if root.is_dir():  # the directories the restore made, now empty
                for directory in sorted(root.rglob("*"), reverse=True):
                    if directory.is_dir() and not any(directory.iterdir()):
                        directory.rmdir()
        self.written.clear()

    # -- database --------------------------------------------------------------------

    def load(self, dump: Path) -> None:
        if self.engine == "sqlite":
            connections["default"].close()
            path = self._sqlite_path()
            path.parent.mkdir(parents=True, exist_ok=True)
            for extra in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                extra.unlink(missing_ok=True)
            shutil.move(dump, path)
            os.chmod(path, 0o600)
            self.loaded = True
            return
        with connections["default"].cursor() as cursor:
            cursor.execute(_FUNCTIONS)
            self._functions_before = {row[0] for row in cursor.fetchall()}
        connections["default"].close()
        postgres.restore(self.database, dump)
        self.loaded = True

    def unload(self) -> None:
        """Remove what `load` put into the (formerly empty) database."""
        if not self.loaded:
            return
        connection = connections["default"]
        if self.engine == "sqlite":
            connection.close()
            self._sqlite_path().unlink(missing_ok=True)
        else:
            with connection.cursor() as cursor:
                tables = connection.introspection.table_names(cursor)
                if tables:
                    names = ", ".join(connection.ops.quote_name(t) for t in tables)
                    cursor.execute(f"DROP TABLE IF EXISTS {names} CASCADE")
                cursor.execute(_FUNCTIONS)
                for (function,) in cursor.fetchall():
                    if function not in self._functions_before:
                        cursor.execute(f"DROP FUNCTION IF EXISTS {function} CASCADE")
        self.loaded = False
