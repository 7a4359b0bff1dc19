"""Input types with their limits, so the OpenAPI document states what the API refuses.

Text never holds NUL (PostgreSQL cannot store it) and has a length limit; numbers that
reach the database fit its columns. The parser refuses NUL again for fields declared
without these types (`netral.api.parser`).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

NO_NUL = r"^[^\x00]*$"
# What the intake forms accept: no control characters but tab and line breaks.
PLAIN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
MAX_BIGINT = 2**63 - 1
MAX_INT = 2**31 - 1


Id = Annotated[int, Field(ge=1, le=MAX_BIGINT)]
Version = Annotated[int, Field(ge=0, le=MAX_INT)]
Offset = Annotated[int, Field(ge=0, le=MAX_INT)]

# codes, names of actions and stages, choices
Word = Annotated[str, StringConstraints(max_length=100, pattern=NO_NUL)]
# a name, a position, a place, a reference number, a link
Line = Annotated[str, StringConstraints(max_length=500, pattern=NO_NUL)]
# a reason, a note, a report's text
Paragraph = Annotated[str, StringConstraints(max_length=20_000, pattern=NO_NUL)]
