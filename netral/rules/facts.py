"""Checking the facts of a case before the engine sees them."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import NamedTuple

from netral.rules.catalogue import Vocabulary
from netral.rules.errors import RulesError

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
KNOWN_FIELDS = frozenset(
    {
        "id",
        "subject",
        "conduct",
        "date",
        "election",
        "candidate_status",
        "on_leave",
        "passive_attendance",
    }
)


class Facts(NamedTuple):
    """Validated facts. A named tuple: immutable, and the cheapest record to build per line."""

    subject: str
    conduct: tuple[str, ...]
    date: datetime.date
    election: str
    candidate_status: str | None
    on_leave: bool
    passive_attendance: bool


def _code(raw: Mapping[str, object], name: str, allowed: Mapping[str, object]) -> str:
    if name not in raw:
        raise RulesError(f"missing field {name!r}")
    value = raw[name]
    if not isinstance(value, str) or value not in allowed:
        raise RulesError(f"unknown {name.replace('_', ' ')} {value!r}")
    return value


def _conduct(raw: Mapping[str, object], allowed: Mapping[str, object]) -> tuple[str, ...]:
    value = raw.get("conduct")
    if not isinstance(value, list | tuple):
        raise RulesError("'conduct' must be a list of conduct codes")
    for code in value:
        if not isinstance(code, str) or code not in allowed:
            raise RulesError(f"unknown conduct code {code!r}")
    return tuple(dict.fromkeys(value))  # keep the order given, drop repeats


def _date(raw: Mapping[str, object]) -> datetime.date:
    value = raw.get("date")
    if isinstance(value, datetime.datetime):
        raise RulesError("'date' must be a date, not a date and time")
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        raise RulesError(f"'date' must be a date written YYYY-MM-DD, got {value!r}")
    return _iso_date(value)


def _iso_date(value: str) -> datetime.date:
    # Not cached here: a module-level cache would outlive the catalogue's outcome cache and
    # flatter the benchmark, and parsing costs well under a microsecond.
    if not ISO_DATE.fullmatch(value):
        raise RulesError(f"'date' must be a date written YYYY-MM-DD, got {value!r}")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise RulesError(f"'date' is not a real calendar date: {value!r}") from None


def _flag(raw: Mapping[str, object], name: str) -> bool:
    value = raw.get(name, False)
    if not isinstance(value, bool):
        raise RulesError(f"{name!r} must be true or false")
    return value


def parse_facts(
    raw: Mapping[str, object],
    vocabulary: Vocabulary,
    dates: dict[str, datetime.date] | None = None,
) -> Facts:
    """Validate one facts object; raises :class:`RulesError` with an English message.

    Runs once per input line, so the usual case (exact str, list and bool values) is checked
    inline; anything else goes to the helpers, which accept it or say what is wrong. Fields
    are checked in a fixed order, so a line with several faults always reports the same one.
    ``dates``, when given, remembers date strings already read (the engine passes one that
    lives in its outcome cache, so it is emptied with it).
    """
    if type(raw) is not dict and not isinstance(raw, Mapping):
        raise RulesError("facts must be a JSON object")
    if not KNOWN_FIELDS.issuperset(raw):
        unknown = sorted(str(key) for key in raw if key not in KNOWN_FIELDS)
        raise RulesError(f"unknown field {unknown[0]!r}")
    get = raw.get
    subject = get("subject")
    if type(subject) is not str or subject not in vocabulary.subjects:
        subject = _code(raw, "subject", vocabulary.subjects)
    conduct = _conduct(raw, vocabulary.conduct)
    text = get("date")
    if type(text) is not str:
        day = _date(raw)
    elif dates is None:
        day = _iso_date(text)
    else:
        day = dates.get(text) or dates.setdefault(text, _iso_date(text))
    election = get("election")
    if type(election) is not str or election not in vocabulary.elections:
        election = _code(raw, "election", vocabulary.elections)
    status = get("candidate_status")
    if status is not None:
        status = _code(raw, "candidate_status", vocabulary.statuses)
    on_leave = get("on_leave", False)
    if type(on_leave) is not bool:
        on_leave = _flag(raw, "on_leave")
    passive = get("passive_attendance", False)
    if type(passive) is not bool:
        passive = _flag(raw, "passive_attendance")
    return Facts(subject, conduct, day, election, status, on_leave, passive)
