"""The employee roster import: CSV or XLSX in, Employee rows upserted by NIP.

`employees_import` is the service; `netral import employees FILE` its command line.
"""

from __future__ import annotations

from netral.org.roster.errors import RosterFileError
from netral.org.roster.report import ImportReport, RowError

__all__ = ["ImportReport", "RosterFileError", "RowError", "employees_import"]


def __getattr__(name: str) -> object:
    # The service touches Django models; importing it lazily keeps the reading and
    # validation modules usable (and testable) without a configured Django.
    if name == "employees_import":
        from netral.org.roster.service import employees_import

        return employees_import
    raise AttributeError(name)
