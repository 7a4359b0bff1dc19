"""`netral stats refresh`: rebuild the statistics summary table now (the task queue also
does it every 15 minutes). Prints one JSON line `{"cases", "seconds"}`."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="netral stats", description=__doc__)
    parser.add_argument("what", choices=["refresh"])
    try:
        parser.parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2

    from netral.commands.django_setup import setup_django

    setup_django()
    from netral.stats.refresh import refresh_facts

    done = refresh_facts()
    print(json.dumps({"cases": done.cases, "seconds": round(done.seconds, 2)}))
    return 0
