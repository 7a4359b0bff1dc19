"""Throughput of `netral rules assess` in one process, against the JSON I/O floor.

Generates fact lines (seeded), then times, over the same lines:
  floor   json.loads + json.dumps of each input line (what any JSON Lines tool pays);
  assess  json.loads + assess + serialising the full output line, as the CLI does, starting
          each repeat from an empty outcome cache;
  cold    the same with the engine's outcome cache disabled (every line evaluated afresh).
Prints lines per second and the ratio of each to the floor (target: assess <= 3x floor).

    .venv/bin/python benchmarks/bench_rules.py [--quick] [--lines N]
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import time
from collections.abc import Callable

from netral.rules import default_catalogue
from netral.rules.engine import assess_with
from netral.rules.errors import RulesError

START = datetime.date(2019, 4, 18)  # the first day the 2024 timetables cover
SPAN = (datetime.date(2024, 11, 27) - START).days


def make_lines(count: int, seed: int = 2024) -> list[str]:
    catalogue = default_catalogue()
    rng = random.Random(seed)
    subjects = sorted(catalogue.vocabulary.subjects)
    conduct = sorted(catalogue.vocabulary.conduct)
    lines = []
    for index in range(count):
        facts: dict[str, object] = {
            "id": index,
            "subject": rng.choice(subjects),
            "conduct": rng.sample(conduct, rng.choice((1, 1, 1, 2, 2, 3))),
            "date": (START + datetime.timedelta(days=rng.randrange(SPAN))).isoformat(),
            "election": rng.choice(("PEMILU", "PILKADA")),
        }
        if rng.random() < 0.1:
            facts["on_leave"] = True
        if rng.random() < 0.1:
            facts["passive_attendance"] = True
        lines.append(json.dumps(facts))
    return lines


def floor(lines: list[str]) -> int:
    size = 0
    for line in lines:
        size += len(json.dumps(json.loads(line)))
    return size


def full(lines: list[str], *, cached: bool = True) -> int:
    catalogue = default_catalogue()
    size = 0
    for line in lines:
        record = json.loads(line)
        if not cached:
            catalogue.cache.clear()
        try:
            size += len(assess_with(catalogue, record).to_json(record["id"]))
        except RulesError as exc:
            size += len(json.dumps({"id": record["id"], "error": str(exc)}))
    return size


def timed(run: Callable[[], int], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - began)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10,000 lines, one repeat")
    parser.add_argument("--lines", type=int, default=100_000)
    args = parser.parse_args()
    count = 10_000 if args.quick else args.lines
    repeat = 1 if args.quick else 3
    lines = make_lines(count)
    default_catalogue()
    full(lines[:1000])  # load lookups once, outside the timings
    t_floor = timed(lambda: floor(lines), repeat)
    # Each repeat starts with an empty outcome cache, so the figure includes filling it.
    t_full = timed(lambda: (default_catalogue().cache.clear(), full(lines))[1], repeat)
    cold_lines = lines[: max(1000, count // 20)]
    t_cold = timed(lambda: full(cold_lines, cached=False), 1) * count / len(cold_lines)
    print(f"lines: {count} (best of {repeat})")
    print(f"floor  (parse + serialise): {count / t_floor:12,.0f} lines/s  {t_floor:7.2f} s")
    print(f"assess (as the CLI does):   {count / t_full:12,.0f} lines/s  {t_full:7.2f} s")
    cold_rate = count / t_cold
    print(f"cold   (no outcome cache):  {cold_rate:12,.0f} lines/s  (from {len(cold_lines)} lines)")
    print(f"ratio assess/floor: {t_full / t_floor:.2f}x (target <= 3x)")
    print(f"ratio cold/floor:   {t_cold / t_floor:.2f}x")


if __name__ == "__main__":
    main()
