"""What an import did: counts, and the rejected rows with their reasons."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MAX_REPORTED_ERRORS = 1000


@dataclass
class RowError:
    row: int  # the spreadsheet's row number; the header is row 1
    nip: str
    reasons: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {"row": self.row, "nip": self.nip, "reasons": self.reasons}


@dataclass
class ImportReport:
    source: str
    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0  # already on the roster with the same values: not rewritten
    rejected: int = 0
    committed: bool = False
    errors: list[RowError] = field(default_factory=list)
    errors_truncated: bool = False

    def reject(self, row: int, nip: str, reasons: list[str]) -> None:
        """Count a rejected row; keep its details while under the reporting cap."""
        self.rejected += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append(RowError(row, nip, reasons))
        else:
            self.errors_truncated = True

    def add_reason(self, row: int, nip: str, reason: str, *, already_rejected: bool) -> None:
        """Add a reason found after streaming (a duplicate NIP) to a row."""
        if already_rejected:
            for error in self.errors:
                if error.row == row:
                    error.reasons.append(reason)
                    return
            return  # rejected, counted, but beyond the cap
        self.reject(row, nip, [reason])

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "read": self.read,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "committed": self.committed,
            "errors": [error.to_dict() for error in sorted(self.errors, key=lambda e: e.row)],
            "errors_truncated": self.errors_truncated,
        }
