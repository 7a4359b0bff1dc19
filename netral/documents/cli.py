"""`netral docs extract PATH...`: one JSON line per file, in the order given.

An unreadable file gives `{"file": ..., "error": "..."}` in its place and processing goes
on; the exit status is then 1. Unusable arguments exit 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from netral.documents.errors import DocumentError
from netral.documents.extractor import extract

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netral docs", description="Extract neutrality instruments from documents."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    extract_cmd = commands.add_parser(
        "extract", help="read .txt, .html, .pdf or .docx files; write one JSON line per file"
    )
    extract_cmd.add_argument("paths", nargs="+", metavar="PATH", type=Path)
    return parser


def _line(path: Path) -> dict[str, Any]:
    try:
        return extract(path).to_dict()
    except DocumentError as error:
        return {"file": str(path), "error": str(error)}


def _write(record: dict[str, Any], out: TextIO) -> None:
    out.write(json.dumps(record, ensure_ascii=False) + "\n")


def main(argv: Sequence[str]) -> int:
    try:
        args = _parser().parse_args(list(argv))
    except SystemExit as exit_:  # argparse exits 2 on bad arguments, 0 on --help
        return int(exit_.code or 0)
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")
    status = EXIT_OK
    for path in args.paths:
        record = _line(path)
        if "error" in record:
            status = EXIT_SOME_FAILED
        _write(record, out)
    return status
