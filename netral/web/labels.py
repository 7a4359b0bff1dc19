"""Human labels for the catalogue's codes, in the reader's language.

The rules catalogue carries an Indonesian and an English label for every conduct code,
subject, election, candidate status, sanction, track, level and handler; pages show those
instead of identifiers like MEDSOS_UNGGAH. An unknown code is shown as it is, never hidden.
"""

from __future__ import annotations

from typing import Protocol

from django.utils.translation import get_language

from netral.rules import default_catalogue
from netral.rules.model import Label


class Bilingual(Protocol):
    """Anything with an Indonesian ``id`` and an English ``en`` text."""

    @property
    def id(self) -> str: ...

    @property
    def en(self) -> str: ...


def reading_english() -> bool:
    return (get_language() or "id").startswith("en")


def localized(text: Bilingual) -> str:
    """The text in the reader's language."""
    return text.en if reading_english() else text.id


def _in_language(label: Label | None, code: str) -> str:
    return code if label is None else localized(label)


def conduct_label(code: str) -> str:
    return _in_language(default_catalogue().vocabulary.conduct.get(code), code)


def sanction_label(code: str) -> str:
    return _in_language(default_catalogue().sanction_labels.get(code), code)


def track_label(code: str) -> str:
    return _in_language(default_catalogue().vocabulary.tracks.get(code), code)


def level_label(code: str) -> str:
    return _in_language(default_catalogue().vocabulary.levels.get(code), code)


def subject_label(code: str) -> str:
    return _in_language(default_catalogue().vocabulary.subjects.get(code), code)


def election_label(code: str) -> str:
    return _in_language(default_catalogue().vocabulary.elections.get(code), code)


def status_label(code: str) -> str:
    return _in_language(default_catalogue().vocabulary.statuses.get(code), code)


def handler_label(code: str) -> str:
    return _in_language(default_catalogue().vocabulary.handlers.get(code), code)
