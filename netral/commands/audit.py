"""`netral audit`: verify the audit chains, write and export signed checkpoints.

    netral audit verify [--public-key FILE]   every chain, every stage, the latest checkpoint
    netral audit checkpoint                   sign every chain's head now (also scheduled)
    netral audit export [--out FILE]          the published checkpoint lines (JSON Lines)
    netral audit public-key                   the public key that checks checkpoints (PEM)
    netral audit keygen                       create the signing key if there is none

`verify` prints JSON Lines: one line per problem `{"chain", "record", "error"}`, then a
summary. Exit 0 when everything holds, 1 on a problem, 2 on bad usage or a missing key.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path


def _verify(public_key: Path | None) -> int:
    from netral.audit.keys import SigningKeyMissing, load_public, signing_key
    from netral.audit.verify import verify_all

    try:
        public = load_public(public_key) if public_key else signing_key().public_key()
    except SigningKeyMissing as missing:
        print(f"netral audit: {missing}; checkpoint signatures not checked", file=sys.stderr)
        public = None
    verdict = verify_all(public)
    for problem in verdict.problems:
        print(json.dumps(problem.to_dict(), ensure_ascii=False))
    print(json.dumps(verdict.summary()))
    if verdict.checkpoint is None:
        print(
            "netral audit: no checkpoint yet; truncation cannot be detected "
            "(run `netral audit checkpoint`)",
            file=sys.stderr,
        )
    if not verdict.intact:
        print(f"netral audit: {len(verdict.problems)} problem(s) found", file=sys.stderr)
    return 0 if verdict.intact else 1


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="netral audit", description=__doc__)
    parser.add_argument("what", choices=["verify", "checkpoint", "export", "public-key", "keygen"])
    parser.add_argument("--public-key", type=Path, help="verify with this public key (PEM)")
    parser.add_argument("--out", type=Path, help="export: write here instead of stdout")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2

    from netral.commands.django_setup import setup_django

    setup_django()
    from netral.audit.keys import SigningKeyMissing, public_pem, signing_key, signing_key_create

    try:
        if args.what == "verify":
            return _verify(args.public_key)
        if args.what == "keygen":
            print(signing_key_create())
            return 0
        if args.what == "public-key":
            print(public_pem(signing_key().public_key()), end="")
            return 0
        from netral.audit.checkpoint import checkpoint_write, published_lines

        if args.what == "checkpoint":
            written = checkpoint_write()
            print(json.dumps({"seq": written.seq, "digest": written.digest}))
            return 0
        lines = "".join(json.dumps(line, sort_keys=True) + "\n" for line in published_lines())
        if args.out:
            args.out.write_text(lines, encoding="utf-8")
        else:
            sys.stdout.write(lines)
        return 0
    except SigningKeyMissing as missing:
        print(f"netral audit: {missing}", file=sys.stderr)
        return 2
