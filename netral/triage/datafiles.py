"""Strict loading of the YAML data files: duplicate keys and unknown fields are errors."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"


class DataFileError(ValueError):
    """A data file is malformed; the message names the file and the key."""


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses a mapping with the same key twice."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise DataFileError(f"duplicate key {key!r} at line {key_node.start_mark.line + 1}")
        seen.add(key)
    return dict(loader.construct_mapping(node))


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(relative: str) -> Any:
    """Load ``data/<relative>``; errors name the file."""
    path = DATA_DIR / relative
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_StrictLoader)  # noqa: S506 - SafeLoader subclass
    except DataFileError as error:
        raise DataFileError(f"{path}: {error}") from None


def check_fields(
    where: str, entry: dict[str, Any], required: Iterable[str], optional: Iterable[str] = ()
) -> None:
    """Reject missing or unknown fields of one entry, naming where it is."""
    required = set(required)
    allowed = required | set(optional)
    missing = required - entry.keys()
    unknown = entry.keys() - allowed
    if missing:
        raise DataFileError(f"{where}: missing field(s) {sorted(missing)}")
    if unknown:
        raise DataFileError(f"{where}: unknown field(s) {sorted(unknown)}")
