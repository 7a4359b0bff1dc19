"""`netral docs extract PATH...`: one JSON line per file, in the order given.

An unreadable file (damaged, encrypted, over a limit) gives `{"file": ..., "error": "..."}`
in its place and processing goes on; the exit status is then 1. Unusable arguments exit 2.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from netral.documents.errors import DocumentError
from netral.documents.extractor import extract
from netral.documents.limits import DEFAULT_LIMITS, MB, Limits

logger = logging.getLogger(__name__)

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netral docs", description="Extract neutrality instruments from documents."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    extract_cmd = commands.add_parser(
        "extract",
        help="read PDF (scanned too), DOCX, ODT, HTML, text and page images (JPEG, PNG,"
        " TIFF), recognised by content; write one JSON line per file",
    )
    extract_cmd.add_argument("paths", nargs="+", metavar="PATH", type=Path)
    extract_cmd.add_argument(
        "--timeout",
        type=_positive(float),
        default=DEFAULT_LIMITS.seconds,
        metavar="SECONDS",
        help="time allowed for one file, OCR included (default %(default)g)",
    )
    extract_cmd.add_argument(
        "--max-pages",
        type=_positive(int),
        default=DEFAULT_LIMITS.max_pages,
        metavar="N",
        help="refuse files with more pages (default %(default)d)",
    )
    extract_cmd.add_argument(
        "--max-mb",
        type=_positive(float),
        default=DEFAULT_LIMITS.max_bytes / MB,
        metavar="MB",
        help="refuse larger files (default %(default)g)",
    )
    return parser


def _positive(kind: Callable[[str], float]) -> Callable[[str], Any]:
    def parse(value: str) -> float:
        try:
            number = kind(value)
        except ValueError:
            number = 0
        if number <= 0:
            raise argparse.ArgumentTypeError(f"not a positive number: {value!r}")
        return number

    return parse


def _line(path: Path, limits: Limits) -> dict[str, Any]:
    try:
        return extract(path, limits).to_dict()
    except DocumentError as error:
        return {"file": str(path), "error": str(error)}
    except Exception as error:  # a library failing on a hostile file must not end the batch
        logger.exception("reading %s failed", path)
        return {"file": str(path), "error": f"could not read the file: {type(error).__name__}"}


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
    limits = Limits(max_bytes=int(args.max_mb * MB), max_pages=args.max_pages, seconds=args.timeout)
    status = EXIT_OK
    for path in args.paths:
        record = _line(path, limits)
        if "error" in record:
            status = EXIT_SOME_FAILED
        _write(record, out)
    return status
