"""YAML reading that refuses duplicate keys (PyYAML silently keeps the last one)."""

from __future__ import annotations

from pathlib import Path

import yaml

from netral.rules.errors import CatalogueError


class _StrictLoader(yaml.SafeLoader):
    """A safe loader whose mappings reject a key seen twice."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[object, object]:
    seen: set[object] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            line = key_node.start_mark.line + 1
            raise CatalogueError(f"{loader.name}: line {line}: duplicate key {key!r}")
        seen.add(key)
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,
)


def read_yaml(path: Path) -> object:
    """Parse one data file strictly; errors name the file."""
    with path.open(encoding="utf-8") as handle:
        loader = _StrictLoader(handle)
        loader.name = path.name
        try:
            return loader.get_single_data()
        except yaml.YAMLError as exc:
            raise CatalogueError(f"{path.name}: not valid YAML: {exc}") from exc
        finally:
            loader.dispose()
