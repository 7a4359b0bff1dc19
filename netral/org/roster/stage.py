"""Writing rows: a temporary staging table, a duplicate check, one upsert by NIP.

Every row with a valid NIP goes to a temporary table first, inside the import's
transaction (`ok` false for rows rejected for another reason). NIPs that appear twice are
found there by SQL, so the importer's memory does not grow with the file, and the
Employee table is then written with a single `INSERT ... SELECT ... ON CONFLICT (nip)
DO UPDATE`, which leaves rows whose values did not change untouched. PostgreSQL fills
the staging table with COPY; SQLite (the demo) with batched `executemany`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any, cast

from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper

from netral.org.models import Employee
from netral.org.roster.validate import StagedRow

STAGED_COLUMNS = ("row_no", "nip", "ok", "name", "status", "position", "category", "agency_id")
# staging column -> Employee field; the order of the upsert's column list
WRITTEN = {
    "nip": "nip",
    "name": "name",
    "status": "status",
    "position": "position",
    "category": "position_category",
    "agency_id": "agency",
}
SQLITE_BATCH = 5000
# Sorting a million NIPs before the upsert keeps index pages in cache; PostgreSQL's
# default work_mem (4 MB) would spill that sort to disk.
POSTGRES_WORK_MEM = "128MB"


def _column(field_name: str) -> str:
    field = cast("models.Field[Any, Any]", Employee._meta.get_field(field_name))
    return str(field.column)


class Stage:
    """The staging table of one import; create with `stage_for(connection)`."""

    def __init__(self, connection: BaseDatabaseWrapper) -> None:
        self.connection = connection
        self.q = connection.ops.quote_name
        self.table = f"roster_stage_{uuid.uuid4().hex[:12]}"
        self.target = self.q(Employee._meta.db_table)
        self.cursor = connection.cursor()
        self.cursor.execute(
            f"CREATE TEMPORARY TABLE {self.table} (row_no integer, nip varchar(18), "
            "ok boolean, name varchar(200), status varchar(8), position varchar(200), "
            "category varchar(13), agency_id bigint)"
        )

    def write(self, rows: Iterable[StagedRow]) -> None:
        raise NotImplementedError

    def duplicates(self) -> Iterator[tuple[str, list[tuple[int, bool]]]]:
        """(NIP, [(row number, row otherwise valid)]) for every NIP staged more than once.

        Afterwards those rows are no longer `ok`, so the upsert leaves them out.
        """
        duplicated = f"SELECT nip FROM {self.table} GROUP BY nip HAVING count(*) > 1"  # noqa: S608 - names are ours
        self.cursor.execute(
            f"SELECT nip, row_no, ok FROM {self.table} "  # noqa: S608
            f"WHERE nip IN ({duplicated}) ORDER BY nip, row_no"
        )
        found = self.cursor.fetchall()
        if found:
            self.cursor.execute(f"UPDATE {self.table} SET ok = false WHERE nip IN ({duplicated})")  # noqa: S608
        nip, rows = "", list[tuple[int, bool]]()
        for row_nip, row_no, ok in found:
            if row_nip != nip and rows:
                yield nip, rows
                rows = []
            nip = row_nip
            rows.append((int(row_no), bool(ok)))
        if rows:
            yield nip, rows

    def replace_agency_ids(self, replacements: dict[int, int]) -> None:
        """Swap placeholder agency ids for the ids of agencies created after staging."""
        sql = f"UPDATE {self.table} SET agency_id = %s WHERE agency_id = %s"  # noqa: S608
        for placeholder, real in replacements.items():
            self.cursor.execute(sql, [real, placeholder])

    def drop_unchanged(self) -> int:
        """Unstage rows identical to the employee already on the roster; how many.

        A join is much cheaper than letting ON CONFLICT find them: it locks, and so
        writes to, every conflicting row even when its WHERE clause then skips it.
        """
        nip = self.q(_column("nip"))
        self.cursor.execute(
            f"DELETE FROM {self.table} WHERE ok AND EXISTS (SELECT 1 FROM {self.target} e "  # noqa: S608
            f"WHERE e.{nip} = {self.table}.nip AND NOT ({self._changed('e', self.table)}))"
        )
        return int(self.cursor.rowcount)

    def upsert(self, now: datetime) -> tuple[int, int]:
        """Write the `ok` staged rows; (created, updated)."""
        raise NotImplementedError

    def _changed(self, employee: str, staged: str) -> str:
        """SQL true when a staged row differs from the employee (all columns NOT NULL).

        `staged` is the staging table's alias, or EXCLUDED inside ON CONFLICT, whose
        columns carry the Employee names.
        """
        pairs = [(self.q(_column(f)), s) for s, f in WRITTEN.items() if f != "nip"]
        if staged == "EXCLUDED":
            pairs = [(column, column) for column, _ in pairs]
        return " OR ".join(f"{employee}.{old} <> {staged}.{new}" for old, new in pairs)

    def _upsert_sql(self) -> str:
        columns = [self.q(_column(field)) for field in WRITTEN.values()]
        updated_at = self.q(_column("updated_at"))
        updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in [*columns[1:], updated_at])
        # The WHERE clause also keeps SQLite from reading ON CONFLICT as a join constraint.
        return (
            f"INSERT INTO {self.target} ({', '.join(columns)}, {updated_at}) "  # noqa: S608
            f"SELECT {', '.join(WRITTEN)}, %s FROM {self.table} WHERE ok ORDER BY nip "
            f"ON CONFLICT ({columns[0]}) DO UPDATE SET {updates} "
            f"WHERE {self._changed(self.target, 'EXCLUDED')}"
        )

    def drop(self) -> None:
        self.cursor.execute(f"DROP TABLE {self.table}")
        self.cursor.close()


class PostgresStage(Stage):
    def __init__(self, connection: BaseDatabaseWrapper) -> None:
        super().__init__(connection)
        self.cursor.execute(f"SET LOCAL work_mem = '{POSTGRES_WORK_MEM}'")

    def write(self, rows: Iterable[StagedRow]) -> None:
        raw: Any = self.cursor.cursor  # psycopg's own cursor under Django's wrapper
        with raw.copy(f"COPY {self.table} ({', '.join(STAGED_COLUMNS)}) FROM STDIN") as copy:
            write_row = copy.write_row
            for row in rows:
                write_row(row)

    def upsert(self, now: datetime) -> tuple[int, int]:
        # xmax = 0 on a returned row means it was inserted, not updated.
        self.cursor.execute(
            f"WITH written AS ({self._upsert_sql()} RETURNING (xmax = 0) AS created) "  # noqa: S608
            "SELECT count(*) FILTER (WHERE created), count(*) FILTER (WHERE NOT created) "
            "FROM written",
            [now],
        )
        created, updated = self.cursor.fetchone()
        return int(created), int(updated)


class SqliteStage(Stage):
    def write(self, rows: Iterable[StagedRow]) -> None:
        placeholders = ", ".join(["%s"] * len(STAGED_COLUMNS))
        sql = f"INSERT INTO {self.table} VALUES ({placeholders})"  # noqa: S608
        batch: list[StagedRow] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= SQLITE_BATCH:
                self.cursor.executemany(sql, batch)
                batch.clear()
        if batch:
            self.cursor.executemany(sql, batch)

    def upsert(self, now: datetime) -> tuple[int, int]:
        # SQLite has no RETURNING in this position: count before writing instead. Unchanged
        # rows are already gone (drop_unchanged), so every existing match is an update.
        nip = self.q(_column("nip"))
        self.cursor.execute(
            f"SELECT count(*) FROM {self.table} s JOIN {self.target} e ON e.{nip} = s.nip "  # noqa: S608
            "WHERE s.ok"
        )
        existing = self.cursor.fetchone()[0]
        self.cursor.execute(f"SELECT count(*) FROM {self.table} WHERE ok")  # noqa: S608
        candidates = self.cursor.fetchone()[0]
        self.cursor.execute(self._upsert_sql(), [now])
        return int(candidates) - int(existing), int(existing)


def stage_for(connection: BaseDatabaseWrapper) -> Stage:
    if connection.vendor == "postgresql":
        return PostgresStage(connection)
    if connection.vendor == "sqlite":
        return SqliteStage(connection)
    raise NotImplementedError(f"roster import does not support {connection.vendor}")
