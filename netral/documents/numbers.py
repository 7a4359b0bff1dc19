"""Instrument numbers as people type and scanners read them, and a key to compare them.

Agencies' numbers follow the archive classification (`800.1.6.1/4063-BKD/2023`), but the
press and OCR write them loosely: spaces around every slash (`270 / 360 / Pem.1`), a space
after a full stop (`800/KPTS. 703- BKPSDM/2024`), a trailing `Tahun 2023`, letters for
digits and stray marks (`800.1 -61 7a3 BKPSDM`, `8OO /ogg/BKPSDM`). The number is kept as
written; `number_key` is what two spellings of one number share.
"""

from __future__ import annotations

import re

# "Nomor", "Nomer", "bernomor", "No.", "Nmr", and the OCR misreadings "N0mor", "Nornor".
NUMBER_WORD = r"(?i:(?:ber)?n[o0](?:m|rn)[oe0]r|nmr\.?|n[o0]\.?)(?!\w)\s*[:.]?\s*"
_PART = r"[0-9A-Za-z](?:[0-9A-Za-z.]*[0-9A-Za-z])?"
# Between tokens: a slash with any spaces, a hyphen with a space on one side at most, or a
# full stop and one space before a token that the code goes on after ("KPTS. 703-").
_SEPARATOR = r"(?:[ ]?/[ ]?| -(?=[0-9A-Za-z])|-[ ]?|\. (?=\d[0-9A-Za-z.]*[ ]?[/\-]))"
# OCR splits a code with plain spaces: a token mixing letters and digits ("7a3") joins,
# and then one unit in capitals ("BKPSDM").
_SPACED = r"(?: (?=[0-9A-Za-z]*\d)(?=[0-9A-Za-z]*[A-Za-z])[0-9A-Za-z]+(?!\w))"
_SPACED_RUN = rf"(?:{_SPACED}+(?: [A-Z]{{2,}}(?![\w.]))?)?"
# A one-letter series before the digits: "B 2708/KASN/9/2020".
_SERIES = r"(?:[A-Z] (?=\d))?"
_YEAR_SUFFIX = r"(?:\s+(?i:tahun)\s+(?:19|20)\d{2}(?!\d))?"
CODE = rf"{_SERIES}{_PART}(?:{_SEPARATOR}{_PART})*{_SPACED_RUN}{_YEAR_SUFFIX}"
# A code written without "Nomor" right after a type word: it starts with a digit and has a
# slash ("SE 800/12/BKD", "SE 800 / 12 / BKD").
BARE_CODE = (
    rf"\d(?:[0-9A-Za-z.]*[0-9A-Za-z])?(?:-[ ]?{_PART})*[ ]?/[ ]?{_PART}(?:{_SEPARATOR}{_PART})*"
)

_SPACES = re.compile(r"\s+")
_CONFUSABLE = {"O": "0", "o": "0", "I": "1", "l": "1"}
_SEGMENT = re.compile(r"[^/.\-]+")


def number_key(number: str | None) -> str | None:
    """What spellings of one number share: no spaces, upper case, and the letters OCR
    puts for digits read as digits where they touch a digit ("8OO" -> "800", "O1" -> "01").
    """
    if number is None:
        return None
    compact = _SPACES.sub("", number)
    return _SEGMENT.sub(lambda match: _digits_for_letters(match.group()), compact).upper()


def _digits_for_letters(segment: str) -> str:
    if not any(char.isdigit() for char in segment):
        return segment
    chars = list(segment)
    changed = True
    while changed:  # "8OO": the second O touches a digit once the first is read as one
        changed = False
        for index, char in enumerate(chars):
            if char in _CONFUSABLE and _touches_digit(chars, index):
                chars[index] = _CONFUSABLE[char]
                changed = True
    return "".join(chars)


def _touches_digit(chars: list[str], index: int) -> bool:
    before = chars[index - 1] if index > 0 else ""
    after = chars[index + 1] if index + 1 < len(chars) else ""
    return before.isdigit() or after.isdigit()
