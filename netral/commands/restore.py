"""`netral restore IN`: a backup into an empty database and data directory, checked.

    netral restore IN [--key PRIVATE_KEY] [--keep-expired]
    netral restore IN --check [--key PRIVATE_KEY]     open and hash everything, write nothing

The target (DATABASE_URL, or the SQLite file in NETRAL_DATA_DIR; EVIDENCE_ROOT and
MEDIA_ROOT) must be empty. Every member is checked against the manifest, the row counts
and the ends of the audit chains are compared, an older schema is migrated forward, reports
past their retention period are deleted again (unless --keep-expired) and the audit log is
verified. Prints JSON Lines: what was restored, then `netral audit verify`'s summary.
Exit 0 when restored and intact; 1 when the restore stopped (every problem named on
stderr, nothing left behind) or the restored log has breaks; 2 on bad usage or a missing key.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

SHOWN = 20  # problems listed on stderr; the rest are counted


def _fail(message: str, problems: list[str], code: int = 1) -> int:
    print(f"netral restore: {message}", file=sys.stderr)
    for problem in problems[:SHOWN]:
        print(f"  {problem}", file=sys.stderr)
    if len(problems) > SHOWN:
        print(f"  ... and {len(problems) - SHOWN} more", file=sys.stderr)
    return code


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="netral restore",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("archive", help="the backup archive")
    parser.add_argument(
        "--key", metavar="PRIVATE_KEY", help="PEM private key that opens it (- : standard input)"
    )
    parser.add_argument(
        "--keep-expired",
        action="store_true",
        help="keep reports the retention period would delete (e.g. for a legal hold)",
    )
    parser.add_argument("--check", action="store_true", help="verify the archive only")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2

    from netral.commands.django_setup import setup_django

    setup_django()
    from django.db import DatabaseError

    from netral.backup.keys import KeyProblem, private_key
    from netral.backup.restoring import RestoreFailed, restore_archive, restore_check

    try:
        key = private_key(args.key)
        source = Path(args.archive).open("rb")  # noqa: SIM115  (closed below)
    except KeyProblem as exc:
        return _fail(str(exc), [], 2)
    except OSError as exc:
        return _fail(f"cannot read {args.archive}: {exc.strerror}", [], 2)
    with source:
        try:
            if args.check:
                manifest = restore_check(source, key)
                print(json.dumps({"checked": args.archive, "files": len(manifest.files)}))
                return 0
            restored = restore_archive(source, key, keep_expired=args.keep_expired)
        except RestoreFailed as exc:
            return _fail(str(exc), exc.problems)
        except DatabaseError as exc:
            return _fail(f"database error: {str(exc).strip()}", [])
    manifest = restored.manifest
    print(
        json.dumps(
            {
                "restored": args.archive,
                "made_at": manifest.created_at,
                "netral_version": manifest.netral_version,
                "files": len(manifest.files),
                "rows": sum(manifest.tables.values()),
                "migrated": restored.migrated,
                "purged_reports": restored.purged,
            }
        )
    )
    audit = restored.audit
    for found in audit.breaks:
        print(json.dumps(found.to_dict(), ensure_ascii=False))
    print(json.dumps(audit.summary()))
    if not audit.intact:
        return _fail(f"restored, but the audit log has {len(audit.breaks)} broken chain(s)", [])
    return 0
