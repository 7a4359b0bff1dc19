"""Throughput of `netral rules assess` in one process, against the JSON I/O floor.

Generates fact lines (seeded), then times, over the same lines and interleaved, in CPU time
of this process (so other work on a shared machine disturbs the figures less; the work is
single-threaded, so on an idle machine CPU time and elapsed time agree):
  floor   json.loads + json.dumps of each input line, then the output line brought to the
          size of that line's assessment with already-encoded text (a copy, as the engine
          writes its cached fragments): parse, serialise and write the same number of bytes;
  input   json.loads + json.dumps of each input line only (the floor used before; its
          output is about 25 times smaller than an assessment; shown for comparison);
  assess  json.loads + assess + serialising the full output line, as the CLI does, starting
          each repeat from an empty outcome cache;
  cold    the same with the engine's outcome cache cleared before every line.
Prints lines per second and the ratio of each to the floor (target: assess <= 3x floor).

    .venv/bin/python benchmarks/bench_rules.py [--quick] [--lines N] [--repeat N]
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
from netral.rules.tables import build_tables

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


def assess_line(line: str) -> str:
    """One output line exactly as the CLI writes it (an error line for refused facts)."""
    record = json.loads(line)
    try:
        return assess_with(default_catalogue(), record).to_json(record["id"])
    except RulesError as exc:
        return json.dumps({"id": record["id"], "error": str(exc)}, ensure_ascii=False)


def fillers(lines: list[str]) -> list[str]:
    """Per line, encoded text that brings the re-serialised input to its assessment's size."""
    out = []
    for line in lines:
        want = len(assess_line(line))
        have = len(json.dumps(json.loads(line)))
        out.append(" " * max(0, want - have))
    return out


def floor(lines: list[str], filler: list[str]) -> int:
    """Not json.dumps of an output-sized object: that would charge the floor for encoding
    ~3 KB of fresh text per line, which the engine never does (docs/rules.md)."""
    size = 0
    for line, rest in zip(lines, filler, strict=True):
        size += len(json.dumps(json.loads(line)) + rest)
    return size


def input_only(lines: list[str]) -> int:
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


def fresh(lines: list[str]) -> int:
    """A measured repeat of `assess`: the outcome cache starts empty every time."""
    default_catalogue().cache.clear()
    return full(lines)


def race(runs: dict[str, Callable[[], int]], repeat: int) -> dict[str, float]:
    """Best CPU time of each run over `repeat` rounds, the runs taking turns within a round."""
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for name, run in runs.items():
            began = time.process_time()
            run()
            best[name] = min(best[name], time.process_time() - began)
    return best


def _load_times() -> tuple[float, float]:
    began = time.perf_counter()
    catalogue = default_catalogue()
    loaded = time.perf_counter() - began
    began = time.perf_counter()
    build_tables(catalogue)
    return loaded, time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10,000 lines, one round")
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5, help="rounds (best of)")
    args = parser.parse_args()
    count = 10_000 if args.quick else args.lines
    repeat = 1 if args.quick else args.repeat
    loaded, compiled = _load_times()
    lines = make_lines(count)
    filler = fillers(lines)  # also compiles the engine's tables, outside the timings
    cold_lines = lines[: max(1000, count // 20)]
    best = race(
        {
            "floor": lambda: floor(lines, filler),
            "input": lambda: input_only(lines),
            "assess": lambda: fresh(lines),
            "cold": lambda: full(cold_lines, cached=False),
        },
        repeat,
    )
    t_floor, t_input, t_full = best["floor"], best["input"], best["assess"]
    t_cold = best["cold"] * count / len(cold_lines)
    out_bytes = floor(lines, filler) / count
    print(f"lines: {count} (best of {repeat}, interleaved)")
    print(f"catalogue load: {loaded:.2f} s; engine tables compiled in {compiled * 1000:.0f} ms")
    print(f"output bytes per line: {out_bytes:,.0f} (floor and assess alike)")
    print(f"floor  (parse + serialise):  {count / t_floor:12,.0f} lines/s  {t_floor:7.2f} s")
    print(f"input  (input-sized output): {count / t_input:12,.0f} lines/s  {t_input:7.2f} s")
    print(f"assess (as the CLI does):    {count / t_full:12,.0f} lines/s  {t_full:7.2f} s")
    cold_rate = count / t_cold
    print(
        f"cold   (no outcome cache):   {cold_rate:12,.0f} lines/s  (from {len(cold_lines)} lines)"
    )
    print(f"ratio assess/floor: {t_full / t_floor:.2f}x (target <= 3x)")
    print(f"ratio assess/input: {t_full / t_input:.2f}x (against the floor used before)")
    print(f"ratio cold/floor:   {t_cold / t_floor:.2f}x")


if __name__ == "__main__":
    main()
