"""`netral screen INPUT... --out DIR`: bulk screening of social-media exports on Dask.

The work is the pure `netral.screening` core; this command adds what needs the
database: the roster (`--roster` without a file) and importing findings as cases
(`--import`). Prints the run's summary as one JSON line; exit 0 when every post was
screened, 1 when posts or partitions failed (see summary.json), 2 for unusable arguments
or an output directory that holds another run.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
FROM_DATABASE = "-"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netral screen",
        description="Screen posts (JSONL, CSV or Parquet) for prohibited conduct on Dask.",
    )
    parser.add_argument("inputs", nargs="+", type=Path, metavar="INPUT")
    parser.add_argument("--out", required=True, type=Path, help="output directory")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, help="local worker processes (default: cores)")
    where.add_argument("--scheduler", help="address of a Dask scheduler, e.g. tcp://host:8786")
    parser.add_argument(
        "--roster", nargs="?", const=FROM_DATABASE, metavar="FILE",
        help="suggest roster candidates: from the database, or from a Parquet/CSV roster FILE",
    )  # fmt: skip
    parser.add_argument("--import", dest="import_", action="store_true",
                        help="open cases of source 'screening' for the findings")  # fmt: skip
    parser.add_argument(
        "--election",
        choices=("PEMILU", "PILKADA", "NONE"),
        help="the election the findings are about (needed with --import)",
    )
    parser.add_argument("--partition-size", type=int, default=None, help="posts per partition")
    bar = parser.add_mutually_exclusive_group()
    bar.add_argument("--progress", dest="progress", action="store_true", default=None)
    bar.add_argument("--no-progress", dest="progress", action="store_false")
    return parser


def _usage(message: str) -> int:
    print(f"netral screen: {message}", file=sys.stderr)
    return EXIT_USAGE


def main(argv: Sequence[str]) -> int:
    try:
        args = _parser().parse_args(list(argv))
    except SystemExit as exit_:
        return EXIT_OK if exit_.code == 0 else EXIT_USAGE
    if args.workers is not None and args.workers < 1:
        return _usage("--workers must be at least 1")
    if args.partition_size is not None and args.partition_size < 1:
        return _usage("--partition-size must be at least 1")
    if args.import_ and not args.election:
        return _usage("--import needs --election PEMILU, PILKADA or NONE")
    missing = [str(p) for p in args.inputs if not p.is_file()]
    if missing:
        return _usage(f"not a readable file: {', '.join(missing)}")
    if args.roster not in (None, FROM_DATABASE) and not Path(args.roster).is_file():
        return _usage(f"not a readable roster file: {args.roster}")
    return _screen(args)


def _roster(choice: str | None) -> Any:
    from netral.screening.roster import RosterIndex

    if choice is None:
        return None
    if choice == FROM_DATABASE:
        return RosterIndex(_database_roster())
    from netral.screening.roster_files import read_roster_file

    return RosterIndex(read_roster_file(Path(choice)))


def _database_roster() -> Iterator[Any]:
    from netral.commands.django_setup import setup_django

    setup_django()
    from netral.org.roster.export import roster_rows

    yield from roster_rows()


def _screen(args: argparse.Namespace) -> int:
    from netral.screening.inputs import InputError
    from netral.screening.roster import RosterProblem
    from netral.screening.roster_files import RosterFileProblem
    from netral.screening.run import PARTITION_SIZE, Cluster, RunProblem, run

    show_bar = sys.stderr.isatty() if args.progress is None else args.progress
    try:
        roster = _roster(args.roster)
        summary = run(
            args.inputs,
            args.out,
            cluster=Cluster(args.workers, args.scheduler),
            roster=roster,
            partition_size=args.partition_size or PARTITION_SIZE,
            progress=sys.stderr if show_bar else None,
        )
    except (InputError, RosterFileProblem, RosterProblem, RunProblem) as problem:
        return _usage(str(problem))
    ok = not summary["failures"] and not summary["partitions"]["failed"]
    report: dict[str, Any] = {
        "out": str(args.out), "posts": summary["posts"], "findings": summary["findings"],
        "failures": summary["failures"],
        "failed_partitions": len(summary["partitions"]["failed"]),
        "posts_per_second": summary["throughput"]["posts_per_second"],
    }  # fmt: skip
    if args.import_:
        report["import"] = _import(args.out / "findings.jsonl", args.election)
        ok = ok and not report["import"]["rejected"]
    print(json.dumps(report, ensure_ascii=False))
    return EXIT_OK if ok else EXIT_ERRORS


def _import(findings: Path, election: str) -> dict[str, Any]:
    from netral.commands.django_setup import setup_django

    setup_django()
    from netral.cases.screening import read_findings
    from netral.cases.services import findings_import

    with findings.open("rb") as handle:
        batch = read_findings(handle)
    result = findings_import(
        findings=batch.findings, actor=None, election="" if election == "NONE" else election
    )
    return {**result.to_dict(), "rejected": len(batch.errors) + result.to_dict()["rejected"]}
