"""The cost of sealing a backup: a tar stream of evidence files, sealed and opened again.

Writes a set of evidence-sized files (random bytes: photos do not compress), then measures:

1. baseline: the same files as a plain tar stream to disk, and read back;
2. sealed: the tar stream through `netral.security.sealed` (as `netral backup` writes it),
   and opened again with each member hashed (as `netral restore --check` reads it).

Prints MB/s for each and the ratio sealed/baseline, and the peak memory of each step in a
child process of its own: streaming keeps it flat whatever the total size.

Usage: .venv/bin/python benchmarks/bench_backup.py [--quick] [--files N] [--size MB]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

STEP = r"""
import hashlib, json, resource, sys, tarfile, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from netral.security import sealed
mode, root, archive, keys = sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]), Path(sys.argv[5])
files = sorted(p for p in root.iterdir() if p.is_file())
start = time.perf_counter()
if mode.startswith("write"):
    with archive.open("wb") as raw:
        sink = raw
        if mode == "write-sealed":
            sink = sealed.SealingWriter(raw, sealed.load_public_key((keys / "k.pub").read_bytes()))
        with tarfile.open(fileobj=sink, mode="w|", format=tarfile.PAX_FORMAT) as tar:
            for path in files:
                tar.add(path, arcname=path.name)
        sink.close()
else:
    with archive.open("rb") as raw:
        source = raw
        if mode == "read-sealed":
            key = sealed.load_private_key((keys / "k.key").read_bytes())
            source = sealed.OpeningReader(raw, key)
        with tarfile.open(fileobj=source, mode="r|") as tar:
            for info in tar:
                stream = tar.extractfile(info)
                digest = hashlib.sha256()
                while chunk := stream.read(1 << 20):
                    digest.update(chunk)
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "peak_mb": peak}))
"""


def run_step(mode: str, root: Path, archive: Path, keys: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", STEP, str(REPO), mode, str(root), str(archive), str(keys)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="40 files of 1 MB")
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--size", type=float, default=2.0, help="MB per file")
    args = parser.parse_args()
    files, size = (40, 1.0) if args.quick else (args.files, args.size)

    from netral.security import sealed

    with tempfile.TemporaryDirectory(prefix="netral-bench-backup-") as tmp:
        work = Path(tmp)
        root, keys = work / "evidence", work / "keys"
        root.mkdir()
        keys.mkdir()
        private_pem, public_pem = sealed.new_key_pair()
        (keys / "k.key").write_bytes(private_pem)
        (keys / "k.pub").write_bytes(public_pem)
        for _ in range(files):
            data = os.urandom(int(size * 1024 * 1024))
            (root / hashlib.sha256(data).hexdigest()).write_bytes(data)
        total_mb = files * size
        print(f"{files} files, {total_mb:.0f} MB of evidence")
        results = {}
        for mode, archive in (
            ("write-plain", work / "plain.tar"),
            ("write-sealed", work / "sealed.backup"),
            ("read-plain", work / "plain.tar"),
            ("read-sealed", work / "sealed.backup"),
        ):
            start = time.perf_counter()
            results[mode] = run_step(mode, root, archive, keys)
            results[mode]["wall"] = time.perf_counter() - start
        for action in ("write", "read"):
            plain, sealed_ = results[f"{action}-plain"], results[f"{action}-sealed"]
            print(
                f"{action:5}  plain {total_mb / plain['seconds']:7.1f} MB/s "
                f"(peak {plain['peak_mb']:.0f} MB)   "
                f"sealed {total_mb / sealed_['seconds']:7.1f} MB/s "
                f"(peak {sealed_['peak_mb']:.0f} MB)   "
                f"ratio sealed/plain time {sealed_['seconds'] / plain['seconds']:.2f}"
            )
        size_ratio = (work / "sealed.backup").stat().st_size / (work / "plain.tar").stat().st_size
        print(f"archive size sealed/plain {size_ratio:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
