"""Hit rates of the primary instrument on the real-register corpus.

The corpus (`corpus/real_register/`) holds our own summaries of real pages, with the facts
of each page's primary instrument in `annotations.yaml`. A field is a hit when the
extractor's primary instrument has exactly the annotated value (a null number or date is
a hit when the extractor also reports none); `type` may list several acceptable types.

    .venv/bin/python -m tests.documents.register [--split tuning|heldout] [-v]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from netral.documents import Instrument, extract

CORPUS = Path(__file__).resolve().parent / "corpus" / "real_register"
FIELDS = ("number", "date", "type")
TARGETS = {"number": 0.85, "date": 0.75, "type": 0.80}


@dataclass
class Score:
    documents: int = 0
    hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[str] = field(default_factory=list)

    def rate(self, name: str) -> float:
        return self.hits[name] / self.documents if self.documents else 0.0


def annotations() -> dict[str, dict[str, Any]]:
    data = yaml.safe_load((CORPUS / "annotations.yaml").read_text(encoding="utf-8"))
    documents: dict[str, dict[str, Any]] = data["documents"]
    return documents


def _wanted(annotation: dict[str, Any], name: str) -> Any:
    value = annotation[name]
    if name == "date" and isinstance(value, dt.date):
        return value.isoformat()
    if name == "type":
        return value if isinstance(value, list) else [value]
    return value


def _got(instrument: Instrument | None, name: str) -> Any:
    if instrument is None:
        return None
    if name == "date":
        return instrument.date.isoformat() if instrument.date else None
    return getattr(instrument, name)


def score(split: str | None = None) -> Score:
    result = Score()
    for name, annotation in sorted(annotations().items()):
        if split is not None and annotation["split"] != split:
            continue
        extracted = extract(CORPUS / name)
        primary = None if extracted.primary is None else extracted.instruments[extracted.primary]
        result.documents += 1
        for field_name in FIELDS:
            want, got = _wanted(annotation, field_name), _got(primary, field_name)
            hit = got in want if field_name == "type" else got == want
            if hit:
                result.hits[field_name] += 1
            else:
                result.misses.append(f"{name} {field_name}: got {got!r}, want {want!r}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tuning", "heldout"))
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    splits = [args.split] if args.split else ["tuning", "heldout"]
    for split in splits:
        result = score(split)
        rates = "  ".join(f"{name} {result.rate(name):.0%}" for name in FIELDS)
        print(f"{split}: {result.documents} documents  {rates}")
        if args.verbose:
            for miss in result.misses:
                print(f"  {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
