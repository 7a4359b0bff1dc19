"""PostgreSQL triggers that make log tables append-only (used by migrations).

`UPDATE` is always refused. `DELETE` is refused too, except on tables declared
purgeable while the transaction has set ``netral.purge = 'retention'``: the retention
service does that around its deletions, and records them on the case's chain (an
attacker with database access can do the same, or disable the trigger; the signed
checkpoints are what catches that).
"""

from __future__ import annotations

FUNCTION = """
CREATE OR REPLACE FUNCTION netral_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND TG_ARGV[0] = 'purgeable'
     AND coalesce(current_setting('netral.purge', true), '') = 'retention' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


def trigger_sql(table: str, *, purgeable: bool = False) -> str:
    mode = "purgeable" if purgeable else "fixed"
    return f"""
DROP TRIGGER IF EXISTS {table}_append_only ON {table};
CREATE TRIGGER {table}_append_only
  BEFORE UPDATE OR DELETE ON {table}
  FOR EACH ROW EXECUTE FUNCTION netral_append_only('{mode}');
"""


def untrigger_sql(table: str) -> str:
    return f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};"


def add_triggers(schema_editor: object, tables: dict[str, bool]) -> None:
    """`tables`: table name -> whether retention may delete from it."""
    if schema_editor.connection.vendor != "postgresql":  # type: ignore[attr-defined]
        return
    schema_editor.execute(FUNCTION, params=None)  # type: ignore[attr-defined]
    for table, purgeable in tables.items():
        schema_editor.execute(trigger_sql(table, purgeable=purgeable), params=None)  # type: ignore[attr-defined]


def drop_triggers(schema_editor: object, tables: dict[str, bool]) -> None:
    if schema_editor.connection.vendor != "postgresql":  # type: ignore[attr-defined]
        return
    for table in tables:
        schema_editor.execute(untrigger_sql(table), params=None)  # type: ignore[attr-defined]
