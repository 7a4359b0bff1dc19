"""Problems with the file as a whole (as opposed to one of its rows)."""

from __future__ import annotations


class RosterFileError(ValueError):
    """The file cannot be imported at all: empty, not CSV/XLSX, not UTF-8, bad header.

    `code` is a stable machine-readable identifier; the message is English for people.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
