"""One post of an export: the fields screening reads, checked as the triage CLI checks
its lines (the same refusals, in the same words)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from netral.triage.engine import MAX_CHARS

OPTIONAL = ("author", "author_bio", "url", "posted_at", "platform", "region")


@dataclass(frozen=True, slots=True)
class Post:
    id: str
    text: str
    author: str = ""
    author_bio: str = ""
    url: str = ""
    posted_at: str = ""
    platform: str = ""
    region: str = ""


class BadPost(ValueError):
    """A record that cannot be screened; ``ident`` is its id when it had a usable one."""

    def __init__(self, message: str, ident: str | None = None) -> None:
        super().__init__(message)
        self.ident = ident


def _ident(value: Any) -> str | None:
    if value is None or isinstance(value, bool | float | list | dict):
        return None
    text = str(value).strip()
    return text or None


def _optional(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, str | int):
        return str(value).strip()
    raise TypeError


def post_from(record: Any) -> Post:
    """A mapping from JSON, CSV or Parquet to a Post; raises BadPost with the reason."""
    if not isinstance(record, dict):
        raise BadPost("a line must be a JSON object")
    ident = _ident(record.get("id"))
    if ident is None:
        raise BadPost("missing id")
    text = record.get("text")
    if text is None:
        raise BadPost("missing text", ident)
    if not isinstance(text, str):
        raise BadPost("text must be a string", ident)
    if len(text) > MAX_CHARS:
        raise BadPost(f"text is longer than {MAX_CHARS} characters", ident)
    fields: dict[str, str] = {}
    for name in OPTIONAL:
        try:
            fields[name] = _optional(record.get(name))
        except TypeError:
            raise BadPost(f"{name} must be a string", ident) from None
    return Post(ident, text, **fields)
