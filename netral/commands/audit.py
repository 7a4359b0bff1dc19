"""`netral audit verify`: walk every case's event chain; exit 1 on any break.

Prints JSON Lines: one line per broken chain `{"case", "seq", "event", "error"}`, then a
summary `{"cases", "events", "breaks"}`. Exit 0 when intact, 1 on a break, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="netral audit", description=__doc__)
    parser.add_argument("what", choices=["verify"])
    parser.add_argument("--case", type=int, action="append", help="only this case (repeatable)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2

    from netral.commands.django_setup import setup_django

    setup_django()
    from netral.cases.audit import verify_chains

    result = verify_chains(args.case)
    for found in result.breaks:
        print(json.dumps(found.to_dict(), ensure_ascii=False))
    print(json.dumps(result.summary()))
    if not result.intact:
        print(f"netral audit: {len(result.breaks)} broken chain(s)", file=sys.stderr)
    return 0 if result.intact else 1
