"""The one door through the append-only triggers: deletions by the retention service."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction


@contextmanager
def retention_deletion() -> Iterator[None]:
    """Let this transaction delete from purgeable log tables, then close the door again.

    Must run inside `transaction.atomic()`: ``SET LOCAL`` lasts to the transaction's end,
    and the reset below narrows it to the block.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("retention_deletion() needs a transaction")
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('netral.purge', 'retention', true)")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('netral.purge', '', true)")
