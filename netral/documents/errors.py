"""Errors of the documents core."""

from __future__ import annotations


class DocumentError(ValueError):
    """A file cannot be read as a document (missing, unsupported, damaged or empty)."""
