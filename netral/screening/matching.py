"""From what a post says about its author to roster candidates, each with a score and
the parts that made it. A candidate is a suggestion for the analyst: nothing is linked.

Blocking keeps it cheap: the name's fragments pick the rows that could match, the region
(when the post gives one) narrows them to the employers there, and rapidfuzz ranks the
rest; the case page's weights (`netral.cases.likeness`) score the few best.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from netral.cases.likeness import STRONG, parts_for, weighted
from netral.cases.names import bare_name
from netral.screening.roster import RosterIndex, Rows

LIMIT = 5  # candidates per post
MAX_SCAN = 20_000  # rows ranked by rapidfuzz at most; the fragments that agree most go first
PRESELECT = 25  # rows scored with every part
MIN_NAME = 70.0  # below this the name is someone else's
MIN_SCORE = 60.0
_HANDLE_NOISE = re.compile(r"[@_.\-0-9]+")


@dataclass(frozen=True)
class Query:
    name: str
    position: str = ""
    agency: str = ""
    region: str = ""  # a region code


@dataclass(frozen=True)
class Candidate:
    employee_id: int | None
    nip: str
    name: str
    position: str
    agency: str
    region_code: str
    score: float
    parts: dict[str, float] = field(default_factory=dict)

    @property
    def reasons(self) -> list[str]:
        """The parts close enough to name (nama, jabatan, instansi, wilayah), and
        "wilayah_lain" when the employer is elsewhere than the post's region."""
        strong = [name for name, value in self.parts.items() if value >= STRONG]
        if self.parts.get("wilayah") == 0.0:
            strong.append("wilayah_lain")
        return strong

    def to_dict(self) -> dict[str, object]:
        return {
            "employee_id": self.employee_id,
            "nip": self.nip,
            "name": self.name,
            "position": self.position,
            "agency": self.agency,
            "region_code": self.region_code,
            "score": self.score,
            "parts": dict(self.parts),
            "reasons": self.reasons,
        }


def author_name(author: str) -> str:
    """A display name as it is; a handle ("@budi_santoso88") as the words in it."""
    author = author.strip()
    if author.startswith("@") or (" " not in author and _HANDLE_NOISE.search(author)):
        return " ".join(_HANDLE_NOISE.sub(" ", author).split())
    return author


def _block(index: RosterIndex, bare: str, region: str) -> Rows:
    rows, counts = index.named(bare)
    if region and len(rows):
        local = np.isin(rows, index.in_region(region))
        if local.any():  # else the author works elsewhere than the post's region says
            rows, counts = rows[local], counts[local]
    if len(rows) > MAX_SCAN:
        order = np.lexsort((rows, -counts))[:MAX_SCAN]
        rows = np.sort(rows[order])
    return rows


def candidates(index: RosterIndex, query: Query, limit: int = LIMIT) -> list[Candidate]:
    """The best roster candidates for ``query``, best first (none without a name)."""
    bare = bare_name(author_name(query.name))
    if not bare:
        return []
    rows = _block(index, bare, query.region)
    if not len(rows):
        return []
    names = [index.bare[row] for row in rows]
    ranked = process.extract(
        bare, names, scorer=fuzz.token_set_ratio, limit=PRESELECT, score_cutoff=MIN_NAME
    )
    found: list[Candidate] = []
    for _, _, at in ranked:
        candidate = _candidate(index, int(rows[at]), bare, query)
        if candidate.parts["nama"] >= MIN_NAME and candidate.score >= MIN_SCORE:
            found.append(candidate)
    found.sort(key=lambda c: (-c.score, c.name, c.nip))
    return found[:limit]


def _candidate(index: RosterIndex, row: int, bare: str, query: Query) -> Candidate:
    agency, region_code = index.agencies[int(index.agency_of[row])]
    position = index.positions[int(index.position_of[row])]
    parts = parts_for(
        name=bare,
        position=query.position,
        agency=query.agency,
        region=query.region,
        employee_name=index.name[row],
        employee_position=position,
        employee_agency=agency,
        employee_region=region_code or None,
    )
    employee_id = int(index.employee_id[row])
    return Candidate(
        employee_id=employee_id if employee_id >= 0 else None,
        nip=index.nip[row],
        name=index.name[row],
        position=position,
        agency=agency,
        region_code=region_code,
        score=round(weighted(parts), 1),
        parts={k: round(v, 1) for k, v in parts.items()},
    )
