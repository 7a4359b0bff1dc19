"""Strict YAML loading for the package's data files.

Duplicate keys and unknown fields are errors that name the file and the key, so a typo in
a lexicon is caught by the loader rather than silently ignored.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from netral.datafiles import DataFileError, check_fields, parse_strict_yaml

__all__ = ["DATA_DIR", "DataFileError", "check_fields", "load_data", "parse_data"]

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def load_data(name: str) -> dict[str, Any]:
    """Load `data/<name>` (cached): a mapping with a `version` key."""
    return parse_data((DATA_DIR / name).read_text(encoding="utf-8"), name)


def parse_data(text: str, name: str) -> dict[str, Any]:
    """Parse the YAML of a data file; errors name the file."""
    try:
        content = parse_strict_yaml(text)
    except (DataFileError, yaml.YAMLError) as error:
        raise DataFileError(f"{name}: {error}") from None
    if not isinstance(content, dict) or content.get("version") != 1:
        raise DataFileError(f"{name}: expected a mapping with `version: 1`")
    return content
