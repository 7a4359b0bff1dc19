"""The roster as rows for screening's index, streamed from the database in NIP order."""

from __future__ import annotations

from collections.abc import Iterator

from netral.org.models import Employee
from netral.screening.roster import RosterRow

CHUNK = 20_000


def roster_rows() -> Iterator[RosterRow]:
    rows = (
        Employee.objects.order_by("nip")
        .values_list("pk", "nip", "name", "position", "agency__name", "agency__region__code")
        .iterator(chunk_size=CHUNK)
    )
    for pk, nip, name, position, agency, region in rows:
        yield RosterRow(nip, name, position, agency, region or "", pk)
