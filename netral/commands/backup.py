"""`netral backup OUT`: one encrypted archive of the database, evidence and media files.

    netral backup OUT [--recipient PUBLIC_KEY]   write the archive (OUT may be a directory)
    netral backup --new-key PRIVATE_KEY          make a key pair (PRIVATE_KEY and PRIVATE_KEY.pub)

The archive is sealed to a public key (--recipient, else NETRAL_BACKUP_RECIPIENT; in demo
and development settings a demo pair in the data directory). Prints one JSON line with
what was written. Exit 0 when written, 1 when the backup failed (nothing is left at OUT),
2 on bad usage or a missing key. See docs/backup.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netral backup",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("out", nargs="?", help="archive to write, or a directory for a dated one")
    parser.add_argument("--recipient", metavar="PUBLIC_KEY", help="PEM public key to encrypt to")
    parser.add_argument(
        "--new-key",
        metavar="PRIVATE_KEY",
        help="write a new key pair (private key encrypted with $NETRAL_BACKUP_KEY_PASSPHRASE "
        "when set) and exit",
    )
    return parser


def _fail(message: str, code: int) -> int:
    print(f"netral backup: {message}", file=sys.stderr)
    return code


def main(argv: Sequence[str]) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2
    if bool(args.out) == bool(args.new_key):
        parser.print_usage(sys.stderr)
        return _fail("give either OUT or --new-key", 2)

    if args.new_key:  # on the operator's own machine: no settings, no database
        from netral.backup.keys import PASSPHRASE_VARIABLE, KeyProblem, write_key_pair

        passphrase = os.environ.get(PASSPHRASE_VARIABLE, "").encode("utf-8") or None
        try:
            public = write_key_pair(Path(args.new_key), passphrase)
        except KeyProblem as exc:
            return _fail(str(exc), 2)
        print(json.dumps({"private_key": args.new_key, "public_key": str(public)}))
        return 0

    from netral.commands.django_setup import setup_django

    setup_django()
    from django.db import DatabaseError

    from netral.backup.keys import KeyProblem, recipient_key
    from netral.backup.snapshot import SnapshotFailed
    from netral.backup.writing import BackupFailed, backup_write

    try:
        recipient = recipient_key(args.recipient)
    except KeyProblem as exc:
        return _fail(str(exc), 2)
    try:
        done = backup_write(Path(args.out), recipient)
    except (BackupFailed, SnapshotFailed) as exc:
        return _fail(str(exc), 1)
    except DatabaseError as exc:
        return _fail(f"database error: {str(exc).strip()}", 1)
    summary = done.summary()
    print(json.dumps(summary))
    if summary["audit_breaks"]:
        print(
            f"netral backup: written, but the audit log has {summary['audit_breaks']} broken "
            "chain(s); run `netral audit verify`",
            file=sys.stderr,
        )
        return 1
    return 0
