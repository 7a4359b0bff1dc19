"""Human labels for the catalogue's codes, in the reader's language.

The rules catalogue carries an Indonesian and an English label for every conduct code,
sanction, track and level; pages show those instead of identifiers like MEDSOS_UNGGAH.
An unknown code is shown as it is, never hidden.
"""

from __future__ import annotations

from django.utils.translation import get_language

from netral.rules import default_catalogue
from netral.rules.model import Label


def _in_language(label: Label | None, code: str) -> str:
    if label is None:
        return code
    return label.en if (get_language() or "id").startswith("en") else label.id


def conduct_label(code: str) -> str:
    return _in_language(default_catalogue().vocabulary.conduct.get(code), code)


def sanction_label(code: str) -> str:
    return _in_language(default_catalogue().sanction_labels.get(code), code)


def track_label(code: str) -> str:
    return _in_language(default_catalogue().vocabulary.tracks.get(code), code)


def level_label(code: str) -> str:
    return _in_language(default_catalogue().vocabulary.levels.get(code), code)
