"""Text normalisation: the same words, with layout and extraction damage repaired.

Every offset the extractor reports points into the text this module returns.
"""

from __future__ import annotations

import re

NAME = "documents.normalise.v1"

# Spaces that are not ASCII spaces: no-break, figure, narrow, em/en and thin spaces.
_SPACES = dict.fromkeys(
    map(
        ord,
        "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
        "\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\v\f",
    ),
    " ",
)
# Invisible characters left by web editors and PDF producers: zero-width spaces and
# joiners, the byte-order mark, and soft hyphens (which only mark where a word may break).
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Typographic ligatures that PDF text layers keep as single characters.
_LIGATURES = {ord("ﬀ"): "ff", ord("ﬁ"): "fi", ord("ﬂ"): "fl", ord("ﬃ"): "ffi", ord("ﬄ"): "ffl"}
_TABLE = {**_SPACES, **_INVISIBLE, **_LIGATURES}

# A word broken across a line end by hyphenation: "netrali-\ntas" -> "netralitas".
# Only lower-case letters on both sides, so "Non-\nASN" and numbers stay as they are.
_HYPHENATED = re.compile(r"(?<=[a-z])-\n(?=[a-z])")
_RUN_OF_SPACES = re.compile(r" {2,}")
_SPACE_AT_LINE_EDGE = re.compile(r" *\n *")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalise(text: str) -> str:
    """Repair whitespace and extraction damage without changing what the text says."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").translate(_TABLE)
    text = _RUN_OF_SPACES.sub(" ", text)
    text = _SPACE_AT_LINE_EDGE.sub("\n", text)
    text = _HYPHENATED.sub("", text)
    return _BLANK_LINES.sub("\n\n", text).strip()
