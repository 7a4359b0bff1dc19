"""The catalogue as a table a lawyer can read, or as JSON rows."""

from __future__ import annotations

from typing import Any

from netral.rules.catalogue import Catalogue
from netral.rules.model import Conditions, Provision

COLUMNS = (
    ("conduct", "CONDUCT"),
    ("subject", "SUBJECT"),
    ("candidate_status", "CANDIDATE STATUS"),
    ("election", "ELECTION"),
    ("conditions", "OTHER CONDITIONS"),
    ("in_force", "IN FORCE"),
    ("track", "TRACK"),
    ("level", "LEVEL"),
    ("sanctions", "SANCTIONS"),
    ("basis", "BASIS"),
    ("confirmed", "CONFIRMED"),
    ("provision", "PROVISION"),
)


def _listed(when: Conditions, name: str) -> str:
    values = when.allowed(name)
    return ", ".join(sorted(values)) if values else "any"


def _flags(when: Conditions) -> str:
    return ", ".join(f"{name}={'yes' if value else 'no'}" for name, value in when.flags) or "-"


def _row(catalogue: Catalogue, provision: Provision, conduct: str) -> dict[str, Any]:
    when = provision.when
    return {
        "conduct": conduct,
        "subject": _listed(when, "subject"),
        "candidate_status": _listed(when, "candidate_status"),
        "election": _listed(when, "election"),
        "conditions": _flags(when),
        "in_force": provision.effective.describe(),
        "track": provision.track,
        "level": provision.level or "-",
        "sanctions": ", ".join(catalogue.sanction_sets[provision.sanctions].sanctions) or "-",
        "basis": "; ".join(ref.cite() for ref in provision.basis) or "-",
        "confirmed": "yes" if provision.confirmed else "NO",
        "provision": provision.id,
    }


def catalogue_rows(catalogue: Catalogue) -> list[dict[str, Any]]:
    """One row per conduct and provision, in the order of the conduct codes."""
    rows = []
    for conduct in catalogue.vocabulary.conduct:
        for provision in catalogue.provisions:
            if conduct in (provision.when.allowed("conduct") or ()):
                rows.append(_row(catalogue, provision, conduct))
    return rows


def catalogue_json(catalogue: Catalogue) -> dict[str, Any]:
    rows = catalogue_rows(catalogue)
    by_id = {p.id: p for p in catalogue.provisions}
    for row in rows:
        provision = by_id[row["provision"]]
        row["handled_by"] = list(provision.handled_by)
        row["source"] = provision.source
        row["note"] = provision.note
    return {
        "version": catalogue.version,
        "provisions": rows,
        "exceptions": [
            {
                "id": e.id,
                "description": e.description,
                "removes": sorted(e.removes),
                "in_force": e.effective.describe(),
                "confirmed": e.confirmed,
                "source": e.source,
            }
            for e in catalogue.exceptions
        ],
        "bridges": [
            {
                "id": b.id,
                "description": b.description,
                "tracks": sorted(b.tracks),
                "in_force": b.effective.describe(),
                "confirmed": b.confirmed,
                "source": b.source,
            }
            for b in catalogue.bridges
        ],
    }


def _format(rows: list[dict[str, Any]]) -> list[str]:
    widths = {key: len(title) for key, title in COLUMNS}
    for row in rows:
        for key, _ in COLUMNS:
            widths[key] = max(widths[key], len(str(row[key])))
    line = "  ".join(title.ljust(widths[key]) for key, title in COLUMNS)
    out = [line.rstrip(), "  ".join("-" * widths[key] for key, _ in COLUMNS)]
    for row in rows:
        out.append("  ".join(str(row[key]).ljust(widths[key]) for key, _ in COLUMNS).rstrip())
    return out


def catalogue_text(catalogue: Catalogue) -> str:
    """Sections per conduct code with its labels, then the exceptions and bridges."""
    rows = catalogue_rows(catalogue)
    lines = [f"Netral neutrality catalogue, version {catalogue.version}", ""]
    for code, label in catalogue.vocabulary.conduct.items():
        lines += [f"{code}: {label.en} / {label.id}"]
        lines += ["  " + text for text in _format([r for r in rows if r["conduct"] == code])]
        lines.append("")
    lines.append("Exceptions (facts that remove tracks):")
    for exc in catalogue.exceptions:
        flag = "confirmed" if exc.confirmed else "NOT confirmed"
        lines.append(
            f"  {exc.id} [{flag}]: {exc.description} Removes {', '.join(sorted(exc.removes))}."
        )
    lines += ["", "Bridges (a subject bound through another instrument):"]
    for bridge in catalogue.bridges:
        flag = "confirmed" if bridge.confirmed else "NOT confirmed"
        lines.append(f"  {bridge.id} [{flag}]: {bridge.description}")
    return "\n".join(lines) + "\n"
