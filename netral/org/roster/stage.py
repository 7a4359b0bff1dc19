"""Writing rows: a temporary staging table, a duplicate check, one upsert by NIP.

Every valid row goes to a temporary table first, inside the import's transaction. NIPs
that appear twice are found there by SQL (so the importer's memory does not grow with
the file), and the Employee table is then written with a single
`INSERT ... SELECT ... ON CONFLICT (nip) DO UPDATE`. PostgreSQL fills the staging table
with COPY; SQLite (the demo) with batched `executemany`.
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
UNIQUE_AND_OK = "ok AND nip NOT IN (SELECT nip FROM {table} GROUP BY nip HAVING count(*) > 1)"
BATCH = 5000
# Employee fields the import writes, in the order of the staging table's SELECT.
WRITTEN_FIELDS = ("nip", "name", "status", "position", "position_category", "agency", "updated_at")


def _column(field_name: str) -> str:
    field = cast("models.Field[Any, Any]", Employee._meta.get_field(field_name))
    return str(field.column)


class Stage:
    """The staging table of one import; create with `stage_for(connection)`."""

    def __init__(self, connection: BaseDatabaseWrapper) -> None:
        self.connection = connection
        self.table = f"roster_stage_{uuid.uuid4().hex[:12]}"
        self.target = connection.ops.quote_name(Employee._meta.db_table)
        self.cursor = connection.cursor()
        self.cursor.execute(
            f"CREATE TEMPORARY TABLE {self.table} (row_no integer, nip varchar(18), ok boolean, "
            "name varchar(200), status varchar(8), position varchar(200), "
            "category varchar(13), agency_id bigint)"
        )

    def write(self, rows: Iterable[StagedRow]) -> None:
        raise NotImplementedError

    def duplicates(self) -> Iterator[tuple[str, list[tuple[int, bool]]]]:
        """(NIP, [(row number, row otherwise valid)]) for every NIP staged more than once."""
        self.cursor.execute(
            f"SELECT nip, row_no, ok FROM {self.table} WHERE nip IN "  # noqa: S608 - names are ours
            f"(SELECT nip FROM {self.table} GROUP BY nip HAVING count(*) > 1) ORDER BY nip, row_no"
        )
        nip, rows = "", list[tuple[int, bool]]()
        for found, row_no, ok in self.cursor.fetchall():
            if found != nip and rows:
                yield nip, rows
                rows = []
            nip = found
            rows.append((int(row_no), bool(ok)))
        if rows:
            yield nip, rows

    def replace_agency_ids(self, replacements: dict[int, int]) -> None:
        """Swap placeholder agency ids for the ids of agencies created after staging."""
        sql = f"UPDATE {self.table} SET agency_id = %s WHERE agency_id = %s"  # noqa: S608
        for placeholder, real in replacements.items():
            self.cursor.execute(sql, [real, placeholder])

    def upsert(self, now: datetime) -> tuple[int, int]:
        """Write the staged rows whose NIP is unique in the file; (created, updated)."""
        raise NotImplementedError

    def _upsert_sql(self) -> str:
        fields = {f: _column(f) for f in WRITTEN_FIELDS}
        q = self.connection.ops.quote_name
        target_columns = ", ".join(q(column) for column in fields.values())
        updates = ", ".join(f"{q(c)} = EXCLUDED.{q(c)}" for f, c in fields.items() if f != "nip")
        # The WHERE clause also keeps SQLite from reading ON CONFLICT as a join constraint.
        return (
            f"INSERT INTO {self.target} ({target_columns}) "  # noqa: S608
            f"SELECT nip, name, status, position, category, agency_id, %s FROM {self.table} "
            f"WHERE {UNIQUE_AND_OK.format(table=self.table)} "
            f"ON CONFLICT ({q(fields['nip'])}) DO UPDATE SET {updates}"
        )

    def drop(self) -> None:
        self.cursor.execute(f"DROP TABLE {self.table}")
        self.cursor.close()


class PostgresStage(Stage):
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
        sql = f"INSERT INTO {self.table} VALUES ({', '.join(['%s'] * len(STAGED_COLUMNS))})"  # noqa: S608
        batch: list[StagedRow] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                self.cursor.executemany(sql, batch)
                batch.clear()
        if batch:
            self.cursor.executemany(sql, batch)

    def upsert(self, now: datetime) -> tuple[int, int]:
        nip = self.connection.ops.quote_name(_column("nip"))
        self.cursor.execute(
            f"SELECT count(*) FROM {self.target} WHERE {nip} IN "  # noqa: S608 - names are ours
            f"(SELECT nip FROM {self.table} WHERE {UNIQUE_AND_OK.format(table=self.table)})"
        )
        updated = int(self.cursor.fetchone()[0])
        self.cursor.execute(self._upsert_sql(), [now])
        return self.cursor.rowcount - updated, updated


def stage_for(connection: BaseDatabaseWrapper) -> Stage:
    if connection.vendor == "postgresql":
        return PostgresStage(connection)
    if connection.vendor == "sqlite":
        return SqliteStage(connection)
    raise NotImplementedError(f"roster import does not support {connection.vendor}")
