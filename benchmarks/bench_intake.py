"""Report submissions per second through the API, served by gunicorn on PostgreSQL.

Starts gunicorn (production settings, a throwaway SECRET_KEY and encryption key, evidence
in a temporary directory) on a free loopback port after running migrations, then from a
few client threads:

- baseline: GET /healthz (the trivial view) on the same server;
- submit:   POST /api/v1/reports, multipart, each with its own ~200 KB JPEG carrying GPS
            EXIF (so every submission sniffs, inspects, re-encodes, hashes and stores), and
            triage of the text.

Prints requests per second, p50/p95 latency for each, and the ratios. Needs DATABASE_URL
(PostgreSQL; `scripts/bench` provides a throwaway cluster). Loopback only; stops itself.

Usage: .venv/bin/python benchmarks/bench_intake.py [--quick] [--count N] [--threads T]
       [--workers W] [--settings MODULE]
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from io import BytesIO
from pathlib import Path

from cryptography.fernet import Fernet
from gunicorn_harness import start_server, stop_server
from PIL import Image

REPO = Path(__file__).resolve().parents[1]
VENV_BIN = REPO / ".venv" / "bin"
TEXT = (
    "Sekretaris camat terlihat berfoto bersama calon bupati sambil mengacungkan dua jari "
    "di acara warga, lalu fotonya diunggah ke Instagram pribadinya. Nomor {n}."
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def photo(seed: int, target: int = 200_000) -> bytes:
    """A noisy JPEG of about `target` bytes with GPS EXIF; `seed` makes each one distinct."""
    rng = random.Random(seed)
    side = 360
    while True:
        noise = bytes(rng.getrandbits(8) for _ in range(side * side * 3))
        image = Image.frombytes("RGB", (side, side), noise)
        exif = Image.Exif()
        gps = exif.get_ifd(0x8825)
        gps[1], gps[2] = "S", (6.0, 54.0, float(seed % 60))
        out = BytesIO()
        image.save(out, format="JPEG", quality=85, exif=exif)
        if out.tell() >= target * 0.9:
            return out.getvalue()
        side += 40


def multipart(fields: dict[str, str], file_bytes: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    chunks = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in fields.items()
    ]
    chunks.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="b.jpg"\r\n'
        "Content-Type: image/jpeg\r\n\r\n".encode()
        + file_bytes
        + b"\r\n"
    )
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"


def server_env(settings: str, evidence: Path, static: Path) -> dict[str, str]:
    return os.environ | {
        "DJANGO_SETTINGS_MODULE": settings,
        "SECRET_KEY": uuid.uuid4().hex * 2,
        "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "EVIDENCE_ROOT": str(evidence),
        "STATIC_ROOT": str(static),
        "NETRAL_INTAKE_SUBMISSIONS_PER_WINDOW": "1000000000",
        "LOG_LEVEL": "WARNING",
    }


def migrate_and_start(env: dict[str, str], port: int, workers: int) -> subprocess.Popen[bytes]:
    subprocess.run(
        [str(VENV_BIN / "python"), "-m", "netral.cli", "manage", "migrate", "--noinput", "-v0"],
        env=env,
        cwd=REPO,
        check=True,
    )
    return start_server(env, port, workers)


Request = Callable[[http.client.HTTPConnection, int], int]


def run(port: int, count: int, threads: int, request: Request) -> tuple[float, list[float]]:
    """Wall time and per-request latencies of `count` requests spread over `threads`."""

    def worker(indices: range) -> list[float]:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        latencies = []
        for i in indices:
            began = time.perf_counter()
            status = request(conn, i)
            latencies.append(time.perf_counter() - began)
            if status not in (200, 201):
                raise SystemExit(f"request {i} failed with HTTP {status}")
        conn.close()
        return latencies

    shares = [range(t, count, threads) for t in range(threads)]
    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        latencies = [x for part in pool.map(worker, shares) for x in part]
    return time.perf_counter() - began, latencies


def describe(name: str, wall: float, latencies: list[float]) -> float:
    rate = len(latencies) / wall
    cuts = statistics.quantiles(latencies, n=20)
    print(
        f"{name:<8} {len(latencies):>5} req  {rate:8.1f} req/s  "
        f"p50 {statistics.median(latencies) * 1000:7.1f} ms  p95 {cuts[18] * 1000:7.1f} ms"
    )
    return rate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a short run (40 submissions)")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--settings", default="netral.settings.production")
    args = parser.parse_args()
    count = 40 if args.quick else args.count
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("DATABASE_URL must point to PostgreSQL (scripts/bench starts one)", file=sys.stderr)
        return 2

    print(f"making {count} distinct ~200 KB photos ...", flush=True)
    bodies = []
    for n in range(count):
        fields = {"text": TEXT.format(n=n), "identity": "anonymous", "election": "PILKADA"}
        bodies.append(multipart(fields, photo(n)))
    print(f"photo size: {len(bodies[0][0]) // 1024} KB per request body")

    def submit(conn: http.client.HTTPConnection, i: int) -> int:
        body, content_type = bodies[i]
        conn.request("POST", "/api/v1/reports", body=body, headers={"Content-Type": content_type})
        response = conn.getresponse()
        response.read()
        return response.status

    def health(conn: http.client.HTTPConnection, i: int) -> int:
        conn.request("GET", "/healthz")
        response = conn.getresponse()
        response.read()
        return response.status

    with tempfile.TemporaryDirectory(prefix="netral-bench-") as tmp:
        (Path(tmp) / "static").mkdir()
        env = server_env(args.settings, Path(tmp) / "evidence", Path(tmp) / "static")
        port = free_port()
        server = migrate_and_start(env, port, args.workers)
        try:
            run(port, 10, 2, health)  # warm up workers and connections
            run(port, 2, 2, submit)
            base_wall, base_lat = run(port, count * 5, args.threads, health)
            sub_wall, sub_lat = run(port, count - 2, args.threads, lambda c, i: submit(c, i + 2))
        finally:
            stop_server(server)
    print(f"gunicorn workers: {args.workers}, client threads: {args.threads}")
    base_rate = describe("healthz", base_wall, base_lat)
    sub_rate = describe("submit", sub_wall, sub_lat)
    print(f"ratio   healthz/submit throughput: {base_rate / sub_rate:.1f}x")
    p50_ratio = statistics.median(sub_lat) / statistics.median(base_lat)
    print(f"ratio   submit/healthz p50 latency: {p50_ratio:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
