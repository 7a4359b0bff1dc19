"""`netral rules`: assess facts, compute due dates, print the catalogue (JSON Lines I/O)."""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TextIO

from netral.rules import default_catalogue
from netral.rules.calendar import due_on
from netral.rules.catalogue import Catalogue
from netral.rules.engine import assess_with
from netral.rules.errors import CatalogueError, RulesError
from netral.rules.table import catalogue_json, catalogue_text

EXIT_OK, EXIT_BAD_LINE, EXIT_USAGE = 0, 1, 2

Handler = Callable[[Catalogue, dict[str, object]], str]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="netral rules", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_ in (
        ("assess", "facts in, legal assessment out (JSON Lines)"),
        ("due", "due dates in working or calendar days (JSON Lines)"),
    ):
        sub = commands.add_parser(name, help=help_)
        sub.add_argument("path", nargs="?", default="-", help="input file, or - for stdin")
    table = commands.add_parser("catalogue", help="print the catalogue")
    table.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return parser


def _lines(stream: TextIO) -> Iterator[str]:
    for line in stream:
        if line.strip():
            yield line


def _assess_line(catalogue: Catalogue, record: dict[str, object]) -> str:
    return assess_with(catalogue, record).to_json(record.get("id"))


def _due_line(catalogue: Catalogue, record: dict[str, object]) -> str:
    unknown = sorted(set(record) - {"id", "start", "days", "unit"})
    if unknown:
        raise RulesError(f"unknown field {unknown[0]!r}")
    start = record.get("start")
    if not isinstance(start, str):
        raise RulesError("'start' must be a date written YYYY-MM-DD")
    try:
        start_day = datetime.date.fromisoformat(start)
    except ValueError:
        raise RulesError(f"'start' is not a real calendar date: {start!r}") from None
    days, unit = record.get("days"), record.get("unit")
    if not isinstance(days, int) or not isinstance(unit, str):
        raise RulesError("'days' must be a whole number and 'unit' WORKING or CALENDAR")
    due = due_on(catalogue, start_day, days, unit)
    return json.dumps({"id": record.get("id"), "due": due.isoformat()}, ensure_ascii=False)


def _one(catalogue: Catalogue, line: str, handler: Handler) -> tuple[str, bool]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return json.dumps({"id": None, "error": f"invalid JSON: {exc.msg}"}), False
    if not isinstance(record, dict):
        return json.dumps({"id": None, "error": "each line must be a JSON object"}), False
    try:
        return handler(catalogue, record), True
    except RulesError as exc:
        return json.dumps({"id": record.get("id"), "error": str(exc)}, ensure_ascii=False), False


def _stream(path: str, handler: Handler, out: TextIO) -> int:
    catalogue = default_catalogue()
    source = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115 - closed below
    status = EXIT_OK
    try:
        for line in _lines(source):
            text, ok = _one(catalogue, line, handler)
            out.write(text + "\n")
            status = status if ok else EXIT_BAD_LINE
    finally:
        if source is not sys.stdin:
            source.close()
    return status


def main(argv: Sequence[str]) -> int:
    try:
        args = _parser().parse_args(list(argv))
    except SystemExit as exc:  # argparse exits 2 on bad arguments, 0 on --help
        return int(exc.code or 0)
    try:
        if args.command == "catalogue":
            catalogue = default_catalogue()
            text = catalogue_text(catalogue)
            if args.json:
                text = json.dumps(catalogue_json(catalogue), ensure_ascii=False, indent=2) + "\n"
            sys.stdout.write(text)
            return EXIT_OK
        handler = _assess_line if args.command == "assess" else _due_line
        return _stream(args.path, handler, sys.stdout)
    except OSError as exc:
        print(f"netral rules: cannot read {args.path}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    except CatalogueError as exc:
        print(f"netral rules: broken catalogue: {exc}", file=sys.stderr)
        return EXIT_USAGE
