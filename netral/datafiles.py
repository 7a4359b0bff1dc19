"""Strict reading of the YAML data files the pure cores are built from (no Django).

PyYAML silently keeps the last of two equal keys in a mapping, and a misspelt field would
simply be ignored; in a legal catalogue or a lexicon either hides a mistake. Here both are
errors that name the line or the entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml


class DataFileError(ValueError):
    """A data file is malformed; the message says where."""


class DuplicateKeyError(DataFileError):
    """A mapping has the same key twice."""


class _StrictLoader(yaml.SafeLoader):
    """A safe loader whose mappings reject a key seen twice."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise DuplicateKeyError(f"line {key_node.start_mark.line + 1}: duplicate key {key!r}")
        seen.add(key)
    return dict(loader.construct_mapping(node))


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_strict_yaml(text: str) -> Any:
    """Parse YAML text; raises DuplicateKeyError or yaml.YAMLError (callers add the file)."""
    return yaml.load(text, Loader=_StrictLoader)  # noqa: S506  (a SafeLoader subclass)


def read_strict_yaml(path: Path) -> Any:
    return parse_strict_yaml(path.read_text(encoding="utf-8"))


def check_fields(
    where: str, entry: Mapping[str, Any], required: Iterable[str], optional: Iterable[str] = ()
) -> None:
    """Reject missing or unknown fields of one entry, naming where it is."""
    required_set = set(required)
    allowed = required_set | set(optional)
    missing = required_set - entry.keys()
    unknown = entry.keys() - allowed
    if missing:
        raise DataFileError(f"{where}: missing field(s) {sorted(missing)}")
    if unknown:
        raise DataFileError(f"{where}: unknown field(s) {sorted(unknown)}")
