"""YAML reading for the catalogue: repeated keys and invalid YAML name the file."""

from __future__ import annotations

from pathlib import Path

import yaml

from netral.datafiles import DuplicateKeyError, read_strict_yaml
from netral.rules.errors import CatalogueError


def read_yaml(path: Path) -> object:
    """Parse one data file strictly; errors name the file."""
    try:
        data: object = read_strict_yaml(path)
    except DuplicateKeyError as error:
        raise CatalogueError(f"{path.name}: {error}") from None
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{path.name}: not valid YAML: {exc}") from exc
    return data
