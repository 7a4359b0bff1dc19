"""Small declarative checks for data files.

Each check takes a value and the place it was read (``file.yaml: key[2].field``) and returns
the value, converted where needed, or raises :class:`CatalogueError` naming that place.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Collection, Mapping
from typing import Any, NoReturn

from netral.rules.errors import CatalogueError

Check = Callable[[object, str], Any]


def fail(where: str, message: str) -> NoReturn:
    raise CatalogueError(f"{where}: {message}")


def text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        fail(where, "must be a non-empty string")
    return value


def boolean(value: object, where: str) -> bool:
    if not isinstance(value, bool):
        fail(where, "must be true or false")
    return value


def count(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        fail(where, "must be a whole number of zero or more")
    return value


def day(value: object, where: str) -> datetime.date:
    # YAML gives dates as date objects; a datetime or a quoted string is a typo here.
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        fail(where, "must be a date written YYYY-MM-DD")
    return value


def nullable(check: Check) -> Check:
    def run(value: object, where: str) -> Any:
        return None if value is None else check(value, where)

    return run


def one_of(allowed: Collection[str]) -> Check:
    def run(value: object, where: str) -> str:
        if value not in allowed:
            fail(where, f"unknown code {value!r}; expected one of {sorted(allowed)}")
        return str(value)

    return run


def list_of(check: Check, *, non_empty: bool = False) -> Check:
    def run(value: object, where: str) -> list[Any]:
        if not isinstance(value, list):
            fail(where, "must be a list")
        if non_empty and not value:
            fail(where, "must not be empty")
        return [check(item, f"{where}[{index}]") for index, item in enumerate(value)]

    return run


def _join(where: str, key: str) -> str:
    # The file name is followed by ": ", nested keys by ".": "file.yaml: key[0].field".
    return f"{where}: {key}" if where.endswith(".yaml") else f"{where}.{key}"


def record(required: Mapping[str, Check], optional: Mapping[str, Check] | None = None) -> Check:
    """A mapping with exactly these fields: missing required or unknown fields are errors."""
    optional = optional or {}

    def run(value: object, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            fail(where, "must be a mapping")
        for key in value:
            if key not in required and key not in optional:
                fail(_join(where, str(key)), "unknown field")
        result: dict[str, Any] = {}
        for key, check in required.items():
            if key not in value:
                fail(_join(where, key), "missing required field")
            result[key] = check(value[key], _join(where, key))
        for key, check in optional.items():
            result[key] = check(value[key], _join(where, key)) if key in value else None
        return result

    return run
