"""JSON fragments for the output line, written without ``json.dumps`` on the hot path.

The pieces join into exactly what ``json.dumps(..., ensure_ascii=False)`` gives for the same
content; ``tests/rules/test_cached_answers_match_fresh_ones.py`` holds them to it.
"""

from __future__ import annotations

import datetime
import json
import re
from json.encoder import encode_basestring

from netral.rules.explain import facts_line
from netral.rules.facts import Facts

# Stand-ins rendered once through explain.facts_line, then cut out of the JSON text. The rest
# of the template is codes and fixed words, which hold no NUL and no date; if that ever
# changes, the cut check below fails and the line is serialised the plain way.
CONDUCT_MARK = "\x00"
DATE_MARK = datetime.date(1, 1, 1)
_MARKS = re.compile(r"(\\u0000|0001-01-01)")
_MARK_ORDER = [r"\u0000", "0001-01-01"] * 3  # facts object, then the id text, then the en text

# What json.dumps(value, ensure_ascii=False) runs, without building a new encoder per call.
dumps = json.JSONEncoder(ensure_ascii=False).encode


def encode_id(value: object) -> str:
    """The JSON for a line id; ints and strings (nearly every id) skip the encoder object."""
    # Exact types only: a bool is an int but JSON spells it true/false, so it goes to dumps.
    if type(value) is int:
        return int.__repr__(value)
    if type(value) is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    return dumps(value)


def inner(text: str) -> str:
    """A string's JSON escape without the quotes; escapes are per character, so they join."""
    return encode_basestring(text)[1:-1]


def facts_template(
    subject: str, election: str, status: str | None, on_leave: bool, passive: bool
) -> tuple[str, ...]:
    """The facts line cut into the 7 pieces around its conduct codes and dates.

    Empty when the marks do not land where expected; the caller then serialises normally.
    """
    stand_in = Facts(subject, (CONDUCT_MARK,), DATE_MARK, election, status, on_leave, passive)
    line = dumps(facts_line(stand_in).to_dict())
    cut = _MARKS.split(line)
    if cut[1::2] != _MARK_ORDER:
        return ()
    return tuple(cut[0::2])


def conduct_fragments(codes: list[str]) -> tuple[str, str]:
    """Escaped conduct codes as the facts object lists them and as the sentences name them."""
    return '", "'.join(codes), ", ".join(codes)  # the list keeps the stand-in's outer quotes


def render_facts(template: tuple[str, ...], fragments: tuple[str, str], day: str) -> str:
    """Fill a facts template with the conduct fragments and the ISO date."""
    a, b, c, d, e, f, g = template
    listed, text = fragments
    return f"{a}{listed}{b}{day}{c}{text}{d}{day}{e}{text}{f}{day}{g}"
