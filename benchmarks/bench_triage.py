"""Triage throughput and bulk memory.

    .venv/bin/python benchmarks/bench_triage.py [--quick]

1. Single process: texts of about 40 words per second, against bare tokenisation
   (``re.findall(r"\\w+")``) of the same texts in the same run.
2. Bulk: ``netral triage --workers N`` over generated JSON Lines at two sizes, reporting
   lines per second and peak RSS (parent and largest worker) to show memory stays flat.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ACTORS = [
    "Pak camat",
    "Kades Sukamaju",
    "guru honorer SDN 3",
    "lurah",
    "kepala dinas PUPR",
    "bidan puskesmas",
    "staf kecamatan",
    "relawan paslon",
    "caleg Partai Bintang",
    "sekdes",
]
ACTS = [
    "pasang baliho paslon 02 di pagar rumahnya",
    "ikut kampanye akbar dan berorasi",
    "ngeshare postingan capres di grup WA",
    "berfoto dgn salam dua jari",
    "memakai mobil dinas ke posko pemenangan",
    "membagikan sembako bergambar calon",
    "menghadiri rapat dinas di aula kantor",
    "mengumpulkan fotokopi KTP warga",
    "mengimbau seluruh pegawai menjaga netralitas",
    "dilarang memasang spanduk calon",
]
FILLER = [
    "kemarin",
    "sore",
    "di",
    "Kecamatan",
    "Lembah",
    "Hijau",
    "menurut",
    "warga",
    "yang",
    "melapor",
    "ke",
    "Bawaslu",
    "fotonya",
    "sudah",
    "beredar",
    "di",
    "Facebook",
    "dan",
    "TikTok",
    "sejak",
    "Senin",
    "12",
    "Februari",
    "2024",
    "mohon",
    "ditindaklanjuti",
    "karena",
    "ini",
    "bukan",
    "pertama",
    "kalinya",
    "terjadi",
    "di",
    "desa",
    "kami",
]


def make_text(rng: random.Random) -> str:
    words = f"{rng.choice(ACTORS)} {rng.choice(ACTS)}".split()
    while len(words) < 40:
        words.append(rng.choice(FILLER))
    return " ".join(words[:42]) + "."


def single_process(count: int) -> None:
    from netral.triage import triage

    rng = random.Random(7)
    texts = [make_text(rng) for _ in range(count)]
    triage(texts[0])  # load lexicons and the model outside the timing
    start = time.perf_counter()
    for text in texts:
        triage(text)
    elapsed = time.perf_counter() - start
    start = time.perf_counter()
    for text in texts:
        re.findall(r"\w+", text)
    baseline = time.perf_counter() - start
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(
        f"single process: {count} texts of {words:.0f} words in {elapsed:.2f}s = "
        f"{count / elapsed:,.0f} texts/s"
    )
    print(
        f"baseline re.findall(r'\\w+'): {count / baseline:,.0f} texts/s; "
        f"triage costs {elapsed / baseline:,.0f}x bare tokenisation"
    )


def bulk(lines: int, workers: int, folder: Path) -> tuple[float, int, int]:
    path = folder / f"in-{lines}.jsonl"
    rng = random.Random(lines)
    with path.open("w", encoding="utf-8") as out:
        for i in range(lines):
            out.write(json.dumps({"id": i, "text": make_text(rng)}) + "\n")
    code = (
        "import resource, sys; from netral.triage.cli import main\n"
        f"status = main([{str(path)!r}, '--workers', '{workers}'])\n"
        "me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(me, kids, file=sys.stderr); sys.exit(status)\n"
    )
    start = time.perf_counter()
    with open(os.devnull, "w") as devnull:
        done = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            stdout=devnull,
            stderr=subprocess.PIPE,
            text=True,
            check=True,
        )
    elapsed = time.perf_counter() - start
    parent_kb, child_kb = (int(x) for x in done.stderr.split()[-2:])
    return elapsed, parent_kb, child_kb


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="a small run")
    args = parser.parse_args()
    single_process(2_000 if args.quick else 20_000)
    workers = os.cpu_count() or 1
    sizes = (1_000, 4_000) if args.quick else (50_000, 200_000)
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            elapsed, parent_kb, child_kb = bulk(size, workers, Path(folder))
            print(
                f"bulk: {size:,} lines, --workers {workers}: {elapsed:.1f}s "
                f"({size / elapsed:,.0f} lines/s incl. start-up), peak RSS parent "
                f"{parent_kb / 1024:.0f} MB, largest worker {child_kb / 1024:.0f} MB"
            )
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"(benchmark process itself: {usage / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
