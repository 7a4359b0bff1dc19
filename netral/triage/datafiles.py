"""The triage data files, read strictly (repeated keys and unknown fields are errors)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from netral.datafiles import DataFileError, check_fields, read_strict_yaml

__all__ = ["DATA_DIR", "DataFileError", "check_fields", "load_yaml"]

DATA_DIR = Path(__file__).resolve().parent / "data"


def load_yaml(relative: str) -> Any:
    """Load ``data/<relative>``; errors name the file."""
    path = DATA_DIR / relative
    try:
        return read_strict_yaml(path)
    except (DataFileError, yaml.YAMLError) as error:
        raise DataFileError(f"{path}: {error}") from None
