"""`netral load regions`: refresh provinces, regencies and cities from idn-area-data."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="netral load", description=__doc__)
    parser.add_argument("what", choices=["regions"])
    parser.add_argument("--data-dir", type=Path, help="directory with provinces.csv, regencies.csv")
    args = parser.parse_args(argv)

    from netral.commands.django_setup import setup_django

    setup_django()
    from netral.org.models import Region
    from netral.org.regions import RegionDataMissing, load_regions

    try:
        created, updated = load_regions(Region, args.data_dir)
    except RegionDataMissing as error:
        print(f"netral load: {error}", file=sys.stderr)
        return 1
    print(json.dumps({"created": created, "updated": updated, "total": Region.objects.count()}))
    return 0
