"""`netral import employees FILE`: load the employee roster from CSV or XLSX.

Prints a JSON summary on stdout; exit 0 when every row was imported, 1 when rows were
rejected or the file could not be read, 2 for unusable arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from netral.commands.django_setup import setup_django

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="netral import", description="Import data.")
    kinds = parser.add_subparsers(dest="kind", required=True)
    employees = kinds.add_parser(
        "employees", help="the employee roster (CSV or XLSX), upserted by NIP"
    )
    employees.add_argument("file", type=Path, help="a .csv (UTF-8) or .xlsx file")
    employees.add_argument(
        "--create-agencies", action="store_true", help="create agencies the roster names"
    )
    employees.add_argument(
        "--skip-invalid",
        action="store_true",
        help="write the valid rows even when others are rejected (default: all or nothing)",
    )
    bar = employees.add_mutually_exclusive_group()
    bar.add_argument("--progress", dest="progress", action="store_true", default=None)
    bar.add_argument("--no-progress", dest="progress", action="store_false")
    return parser


def main(argv: Sequence[str]) -> int:
    try:
        args = _parser().parse_args(list(argv))
    except SystemExit as exit_:  # argparse has printed the usage message
        return EXIT_OK if exit_.code == 0 else EXIT_USAGE
    if not args.file.is_file():
        print(f"netral import: {args.file} is not a readable file", file=sys.stderr)
        return EXIT_USAGE
    return _import_employees(args)


def _import_employees(args: argparse.Namespace) -> int:
    setup_django()
    from netral.org.roster.errors import RosterFileError
    from netral.org.roster.progress import ProgressBar
    from netral.org.roster.service import employees_import

    show_bar = sys.stderr.isatty() if args.progress is None else args.progress
    bar = ProgressBar(sys.stderr, args.file.name) if show_bar else None
    try:
        report = employees_import(
            source=args.file,
            create_agencies=args.create_agencies,
            skip_invalid=args.skip_invalid,
            progress=bar,
        )
    except RosterFileError as error:
        _emit({"source": str(args.file), "error": {"code": error.code, "message": error.message}})
        return EXIT_REJECTED
    finally:
        if bar is not None:
            bar.close()
    _emit(report.to_dict())
    return EXIT_REJECTED if report.rejected else EXIT_OK


def _emit(payload: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
