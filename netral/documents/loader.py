"""Strict YAML loading for the package's data files.

Duplicate keys and unknown fields are errors that name the file and the key, so a typo in
a lexicon is caught by the loader rather than silently ignored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"


class DataFileError(ValueError):
    """A data file of the package is malformed."""


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses a mapping with the same key twice."""


def _construct_unique_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise DataFileError(f"duplicate key {key!r} at line {key_node.start_mark.line + 1}")
        seen.add(key)
    return loader.construct_mapping(node)


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_unique_mapping,
)


@cache
def load_data(name: str) -> dict[str, Any]:
    """Load `data/<name>` (cached): a mapping with a `version` key."""
    return parse_data((DATA_DIR / name).read_text(encoding="utf-8"), name)


def parse_data(text: str, name: str) -> dict[str, Any]:
    """Parse the YAML of a data file; errors name the file."""
    try:
        content = yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 (a SafeLoader subclass)
    except (DataFileError, yaml.YAMLError) as error:
        raise DataFileError(f"{name}: {error}") from None
    if not isinstance(content, dict) or content.get("version") != 1:
        raise DataFileError(f"{name}: expected a mapping with `version: 1`")
    return content


def check_fields(
    where: str, entry: Mapping[str, Any], required: Iterable[str], optional: Iterable[str] = ()
) -> None:
    """Raise DataFileError naming `where` if `entry` lacks or adds fields."""
    required_set, allowed = set(required), set(required) | set(optional)
    missing = required_set - entry.keys()
    unknown = entry.keys() - allowed
    if missing:
        raise DataFileError(f"{where}: missing field(s) {sorted(missing)}")
    if unknown:
        raise DataFileError(f"{where}: unknown field(s) {sorted(unknown)}")
