"""Reading the data directory into a :class:`Catalogue`, checking every file on the way."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from netral.rules import schema as s
from netral.rules.catalogue import Catalogue, Vocabulary
from netral.rules.checks import check_references
from netral.rules.errors import CatalogueError
from netral.rules.model import (
    FLAG_CONDITIONS,
    LIST_CONDITIONS,
    STAGES,
    TRACKS,
    UNITS,
    BodyPeriod,
    Bridge,
    CalendarYear,
    Conditions,
    Cycle,
    DayOff,
    DeadlineRule,
    Decree,
    Instrument,
    Label,
    Period,
    Provision,
    Ref,
    RuleException,
    SanctionSet,
    Step,
)
from netral.rules.yamlio import read_yaml

DATA_DIR = Path(__file__).resolve().parent / "data"

LABEL = s.record({"code": s.text, "id": s.text, "en": s.text})
PERIOD = s.record({"from": s.day, "until": s.nullable(s.day)})
REF = s.record(
    {"instrument": s.text},
    {"pasal": s.text, "ayat": s.text, "huruf": s.text, "angka": s.text},
)
WHEN = s.record(
    {},
    {name: s.list_of(s.text, non_empty=True) for name in LIST_CONDITIONS}
    | dict.fromkeys(FLAG_CONDITIONS, s.boolean),
)
CITED = {"confirmed": s.boolean, "source": s.text}
PROVISION = s.record(
    {
        "id": s.text,
        "description": s.text,
        "when": WHEN,
        "effective": PERIOD,
        "track": s.one_of(TRACKS),
        "level": s.nullable(s.text),
        "sanctions": s.text,
        "basis": s.list_of(REF),
        "handled_by": s.list_of(s.text, non_empty=True),
        **CITED,
    },
    {"note": s.text},
)
EXCEPTION = s.record(
    {
        "id": s.text,
        "description": s.text,
        "when": WHEN,
        "effective": PERIOD,
        "removes": s.list_of(s.one_of(TRACKS), non_empty=True),
        "reason": s.record({"id": s.text, "en": s.text}),
        **CITED,
    }
)
BRIDGE = s.record(
    {
        "id": s.text,
        "description": s.text,
        "when": WHEN,
        "tracks": s.list_of(s.one_of(TRACKS), non_empty=True),
        "effective": PERIOD,
        "add_basis": s.list_of(REF),
        **CITED,
    },
    {"note": s.text},
)
INSTRUMENT = s.record({"id": s.text, "title": s.text, "in_force": PERIOD, **CITED})
SANCTION_SET = s.record(
    {"id": s.text, "sanctions": s.list_of(s.text), "basis": s.list_of(REF), **CITED},
    {"note": s.text},
)
CYCLE = s.record(
    {
        "id": s.text,
        "election": s.text,
        "window": PERIOD,
        "candidates_determined": s.list_of(
            s.record({"race": s.text, "date": s.day}), non_empty=True
        ),
        "campaign": PERIOD,
        "quiet": PERIOD,
        "voting": s.day,
        **CITED,
    }
)
STEP = s.record(
    {"step": s.text, "days": s.count, "unit": s.one_of(UNITS), "id": s.text, "en": s.text}
)
DEADLINE = s.record(
    {
        "stage": s.one_of(STAGES),
        "election": s.nullable(s.text),
        "effective": PERIOD,
        "days": s.count,
        "unit": s.one_of(UNITS),
        "extendable_to": s.nullable(s.count),
        "steps": s.list_of(STEP),
        **CITED,
    },
    {"basis": s.list_of(REF), "note": s.text},
)
BODY = s.record({"body": s.text, "effective": PERIOD, **CITED})
DECREE = s.record({"id": s.text, "title": s.text, "signed": s.day, **CITED})
DAY_OFF = s.record(
    {
        "date": s.day,
        "kind": s.one_of(("LIBUR_NASIONAL", "CUTI_BERSAMA")),
        "name": s.text,
        "decree": s.text,
        "confirmed": s.boolean,
    }
)
VOCABULARY_FILE = s.record(
    {
        name: s.list_of(LABEL, non_empty=True)
        for name in (
            "conduct",
            "subjects",
            "elections",
            "candidate_statuses",
            "tracks",
            "levels",
            "handlers",
        )
    }
)


def _period(raw: dict[str, Any]) -> Period:
    return Period(raw["from"], raw["until"])


def _refs(raw: list[dict[str, Any]] | None) -> tuple[Ref, ...]:
    return tuple(Ref(**item) for item in raw or [])


def _conditions(raw: dict[str, Any]) -> Conditions:
    lists = tuple((key, frozenset(raw[key])) for key in LIST_CONDITIONS if raw[key] is not None)
    flags = tuple((key, bool(raw[key])) for key in FLAG_CONDITIONS if raw[key] is not None)
    return Conditions(lists, flags)


def _labels(raw: list[dict[str, Any]]) -> dict[str, Label]:
    return {item["code"]: Label(**item) for item in raw}


def _read(path: Path, key: str, check: s.Check) -> list[dict[str, Any]]:
    data = s.record({key: s.list_of(check)})(read_yaml(path), path.name)
    return list(data[key])


def _provision(raw: dict[str, Any], file: str) -> Provision:
    return Provision(
        id=raw["id"],
        file=file,
        description=raw["description"],
        when=_conditions(raw["when"]),
        effective=_period(raw["effective"]),
        track=raw["track"],
        level=raw["level"],
        sanctions=raw["sanctions"],
        basis=_refs(raw["basis"]),
        handled_by=tuple(raw["handled_by"]),
        confirmed=raw["confirmed"],
        source=raw["source"],
        note=raw["note"],
    )


def _exception(raw: dict[str, Any], file: str) -> RuleException:
    return RuleException(
        id=raw["id"],
        file=file,
        description=raw["description"],
        when=_conditions(raw["when"]),
        effective=_period(raw["effective"]),
        removes=frozenset(raw["removes"]),
        reason_id=raw["reason"]["id"],
        reason_en=raw["reason"]["en"],
        confirmed=raw["confirmed"],
        source=raw["source"],
    )


def _bridge(raw: dict[str, Any], file: str) -> Bridge:
    return Bridge(
        id=raw["id"],
        file=file,
        description=raw["description"],
        when=_conditions(raw["when"]),
        tracks=frozenset(raw["tracks"]),
        effective=_period(raw["effective"]),
        add_basis=_refs(raw["add_basis"]),
        confirmed=raw["confirmed"],
        source=raw["source"],
        note=raw["note"],
    )


def _cycle(raw: dict[str, Any]) -> Cycle:
    return Cycle(
        id=raw["id"],
        election=raw["election"],
        window=_period(raw["window"]),
        determinations=tuple((d["race"], d["date"]) for d in raw["candidates_determined"]),
        campaign=_period(raw["campaign"]),
        quiet=_period(raw["quiet"]),
        voting=raw["voting"],
        confirmed=raw["confirmed"],
        source=raw["source"],
    )


def _deadline(raw: dict[str, Any]) -> DeadlineRule:
    return DeadlineRule(
        stage=raw["stage"],
        election=raw["election"],
        effective=_period(raw["effective"]),
        days=raw["days"],
        unit=raw["unit"],
        extendable_to=raw["extendable_to"],
        basis=_refs(raw["basis"]),
        confirmed=raw["confirmed"],
        source=raw["source"],
        note=raw["note"],
        steps=tuple(Step(**step) for step in raw["steps"]),
    )


def _calendar_year(path: Path) -> CalendarYear:
    spec = s.record({"year": s.count, "decrees": s.list_of(DECREE), "days": s.list_of(DAY_OFF)})
    raw = spec(read_yaml(path), path.name)
    return CalendarYear(
        year=raw["year"],
        decrees=tuple(Decree(**item) for item in raw["decrees"]),
        days=tuple(DayOff(**item) for item in raw["days"]),
    )


def _fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.yaml")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _vocabulary(root: Path) -> Vocabulary:
    raw = VOCABULARY_FILE(read_yaml(root / "codes.yaml"), "codes.yaml")
    return Vocabulary(
        conduct=_labels(raw["conduct"]),
        subjects=_labels(raw["subjects"]),
        elections=_labels(raw["elections"]),
        statuses=_labels(raw["candidate_statuses"]),
        tracks=_labels(raw["tracks"]),
        levels=_labels(raw["levels"]),
        handlers=_labels(raw["handlers"]),
    )


def _sanctions(root: Path) -> tuple[dict[str, Label], dict[str, SanctionSet]]:
    path = root / "sanctions.yaml"
    raw = s.record({"codes": s.list_of(LABEL), "sets": s.list_of(SANCTION_SET)})(
        read_yaml(path), path.name
    )
    sets = {
        item["id"]: SanctionSet(
            id=item["id"],
            sanctions=tuple(item["sanctions"]),
            basis=_refs(item["basis"]),
            confirmed=item["confirmed"],
            source=item["source"],
            note=item["note"],
        )
        for item in raw["sets"]
    }
    return _labels(raw["codes"]), sets


def load_catalogue(path: Path | None = None) -> Catalogue:
    """Read and check every data file under ``path`` (default: the packaged data)."""
    root = Path(path) if path is not None else DATA_DIR
    if not (root / "codes.yaml").is_file():
        raise CatalogueError(f"{root}: not a catalogue data directory (codes.yaml missing)")
    sanction_labels, sanction_sets = _sanctions(root)
    provisions = tuple(
        _provision(item, f"provisions/{file.name}")
        for file in sorted((root / "provisions").glob("*.yaml"))
        for item in _read(file, "provisions", PROVISION)
    )
    catalogue = Catalogue(
        version=_fingerprint(root),
        vocabulary=_vocabulary(root),
        sanction_labels=sanction_labels,
        sanction_sets=sanction_sets,
        instruments={
            item["id"]: Instrument(
                item["id"],
                item["title"],
                _period(item["in_force"]),
                item["confirmed"],
                item["source"],
            )
            for item in _read(root / "instruments.yaml", "instruments", INSTRUMENT)
        },
        provisions=provisions,
        exceptions=tuple(
            _exception(item, "exceptions.yaml")
            for item in _read(root / "exceptions.yaml", "exceptions", EXCEPTION)
        ),
        bridges=tuple(
            _bridge(item, "bridges.yaml")
            for item in _read(root / "bridges.yaml", "bridges", BRIDGE)
        ),
        cycles=tuple(_cycle(item) for item in _read(root / "elections.yaml", "cycles", CYCLE)),
        deadlines=tuple(
            _deadline(item) for item in _read(root / "deadlines.yaml", "deadlines", DEADLINE)
        ),
        bodies=tuple(
            BodyPeriod(item["body"], _period(item["effective"]), item["confirmed"], item["source"])
            for item in _read(root / "authorities.yaml", "recommending_body", BODY)
        ),
        calendar={
            year.year: year
            for year in (_calendar_year(p) for p in sorted((root / "calendar").glob("*.yaml")))
        },
    )
    check_references(catalogue)
    return catalogue
