"""From what a post says about its author to roster candidates, each with a score and
the parts that made it. A candidate is a suggestion for the analyst: nothing is linked.

Blocking keeps it cheap: the name's fragments pick the rows that could match, the region
(when the post gives one) narrows them to the employers there, and rapidfuzz ranks the
rest; the case page's weights (`netral.cases.likeness`) score the few best.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from netral.cases.likeness import STRONG, name_similarity, normalised_parts, weighted
from netral.cases.names import bare_name, folded
from netral.screening.roster import RosterIndex, Rows

LIMIT = 5  # candidates per post
MAX_SCAN = 20_000  # names ranked by rapidfuzz at most per post
PRESELECT = 5  # names scored with every part
PRESELECT_CUTOFF = 50.0  # a plain edit ratio picks them: cheap, and loose enough for a missing word
MIN_NAME = 80.0  # below this the name is someone else's ("Dewi Santosa" for "Budi Santoso")
GOOD_NAME = 90.0  # a local name this close: no need to look elsewhere
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


def _local_rows(index: RosterIndex, bare: str, region: str) -> Rows:
    """Employees in the region sharing one of the name's three rarest fragments there (a
    typo rarely hits all of them)."""
    return index.sharing(bare, index.ranges(region), rarest=3)[:MAX_SCAN]


def _national_rows(index: RosterIndex, bare: str) -> Rows:
    return index.sharing(bare, [(0, len(index))], rarest=2)[:MAX_SCAN]


def _scored(index: RosterIndex, rows: Rows, wanted: Query) -> list[Candidate]:
    if not len(rows):
        return []
    ranked = process.extract(
        wanted.name.encode("ascii"), index.bare_names(rows), scorer=fuzz.ratio,
        limit=PRESELECT, score_cutoff=PRESELECT_CUTOFF,
    )  # fmt: skip
    # the name part first: most of the preselected are someone else, and the other parts
    # cost more than the name
    named = [(int(rows[at]), bare.decode("ascii")) for bare, _, at in ranked]
    close = [(row, bare) for row, bare in named if name_similarity(wanted.name, bare) >= MIN_NAME]
    found = [_candidate(index, row, bare, wanted) for row, bare in close]
    return [c for c in found if c.score >= MIN_SCORE]


def candidates(index: RosterIndex, query: Query, limit: int = LIMIT) -> list[Candidate]:
    """The best roster candidates for ``query``, best first (none without a name).

    The post's region first; the whole roster too when nobody there has the name (the
    author may work elsewhere than the post says, and the region part then counts
    against them)."""
    bare = bare_name(author_name(query.name))
    if not bare:
        return []
    wanted = Query(bare, folded(query.position), folded(query.agency), query.region)
    found = _scored(index, _local_rows(index, bare, query.region), wanted) if query.region else []
    if max((c.parts["nama"] for c in found), default=0.0) < GOOD_NAME:
        known = {c.nip for c in found}
        national = _scored(index, _national_rows(index, bare), wanted)
        found += [c for c in national if c.nip not in known]
    found.sort(key=lambda c: (-c.score, c.name, c.nip))
    return found[:limit]


def _candidate(index: RosterIndex, row: int, bare: str, wanted: Query) -> Candidate:
    """``wanted`` normalised: a bare name, folded position and agency words; ``bare`` the
    row's bare name."""
    agency_at, position_at = int(index.agency_of[row]), int(index.position_of[row])
    agency, region_code = index.agencies[agency_at]
    parts = normalised_parts(
        name=wanted.name,
        position=wanted.position,
        agency=wanted.agency,
        region=wanted.region,
        employee_name=bare,
        employee_position=index.positions_folded[position_at],
        employee_agency=index.agencies_folded[agency_at],
        employee_region=region_code or None,
    )
    employee_id = int(index.employee_id[row])
    return Candidate(
        employee_id=employee_id if employee_id >= 0 else None,
        nip=index.nip(row),
        name=index.name(row),
        position=index.positions[position_at],
        agency=agency,
        region_code=region_code,
        score=round(weighted(parts), 1),
        parts={k: round(v, 1) for k, v in parts.items()},
    )
