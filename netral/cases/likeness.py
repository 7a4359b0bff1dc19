"""How close a roster entry is to what someone wrote about a person: one scale (0..100)
for the case page's roster search and for bulk screening.

Pure Python (no Django): the screening core scores millions of posts with it on Dask
workers, the case page scores a few thousand rows from the database.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from netral.cases.names import bare_name, folded

WEIGHTS = {"nama": 0.6, "jabatan": 0.2, "instansi": 0.1, "wilayah": 0.1}
STRONG = 80.0  # a part this close is named as a reason
# Below this, or with a name that is not itself strong, a candidate is only a lead: the
# page offers no one-click link, and linking needs the officer's explicit check.
LINK_THRESHOLD = 75.0


def name_similarity(wanted: str, found: str) -> float:
    """Two bare names (see `names.bare_name`). A missing middle name still matches
    (token_set), but a full match ranks first."""
    return max(fuzz.token_sort_ratio(wanted, found), 0.95 * fuzz.token_set_ratio(wanted, found))


def region_similarity(wanted: str, employer: str | None) -> float:
    """A region code against the employer's region code (None: a central agency, which
    works everywhere, so neither for nor against). A province covers its regencies."""
    if employer is None:
        return 50.0
    if employer == wanted or employer.startswith(f"{wanted}."):
        return 100.0
    return 100.0 if wanted.startswith(f"{employer}.") else 0.0


def parts_for(
    *, name: str, position: str, agency: str, region: str, employee_name: str,
    employee_position: str, employee_agency: str, employee_region: str | None,
) -> dict[str, float]:  # fmt: skip
    """The parts the query gives, each 0..100, from text as written."""
    return normalised_parts(
        name=bare_name(name), position=folded(position), agency=folded(agency), region=region,
        employee_name=bare_name(employee_name), employee_position=folded(employee_position),
        employee_agency=folded(employee_agency), employee_region=employee_region,
    )  # fmt: skip


def normalised_parts(
    *, name: str, position: str, agency: str, region: str, employee_name: str,
    employee_position: str, employee_agency: str, employee_region: str | None,
) -> dict[str, float]:  # fmt: skip
    """``parts_for`` over names already bare and words already folded (bulk screening
    normalises each roster entry once, not once per post)."""
    parts: dict[str, float] = {}
    if name:
        parts["nama"] = name_similarity(name, employee_name)
    if position:
        parts["jabatan"] = float(fuzz.token_set_ratio(position, employee_position))
    if agency:
        parts["instansi"] = float(fuzz.token_set_ratio(agency, employee_agency))
    if region and parts:
        parts["wilayah"] = region_similarity(region, employee_region)
    return parts


def weighted(parts: dict[str, float]) -> float:
    """The weighted mean of the parts present (0 when none)."""
    total = sum(WEIGHTS[k] for k in parts) or 1.0
    return sum(v * WEIGHTS[k] for k, v in parts.items()) / total


def linkable(parts: dict[str, float], score: float) -> bool:
    """Strong enough to offer as a one-click link: the overall score and the name."""
    return score >= LINK_THRESHOLD and parts.get("nama", STRONG) >= STRONG


def reasons(parts: dict[str, float]) -> list[str]:
    return [name for name, value in parts.items() if value >= STRONG]
