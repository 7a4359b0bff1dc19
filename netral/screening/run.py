"""A whole run on Dask: a local cluster (one process per core) or a scheduler by address.

The client plans the partitions, loads the model and builds the roster index (written
once into the output directory, which workers map), then broadcasts them once to every
worker and submits one task per partition that is not
done yet. Workers read their partition from the input and write it to the output
directory, so both must be on storage every worker sees at the same path (one machine,
or a shared disk). A partition that fails is reported and left for the next run, which
resumes over the same inputs, model and roster.
"""

from __future__ import annotations

import os
import resource
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TextIO

from netral.org.roster.progress import ProgressBar
from netral.screening.inputs import Partition, plan_partitions
from netral.screening.output import (
    encode,
    gather_findings,
    part_done,
    part_stats,
    parts_dir,
    write_text,
)
from netral.screening.regions import load_lookup
from netral.screening.roster import RosterIndex
from netral.screening.screen import screen_partition
from netral.screening.shared import Shared, model_snapshot

PARTITION_SIZE = 5_000
MANIFEST_VERSION = 1
COUNTERS = ("posts_by_platform", "posts_by_region", "findings_by_code", "findings_by_region",
            "findings_by_platform")  # fmt: skip


class RunProblem(RuntimeError):
    """The run cannot start: the output holds another run, or a worker cannot see it."""


@dataclass(frozen=True)
class Cluster:
    workers: int | None = None  # local processes (default: one per core)
    scheduler: str | None = None  # an existing scheduler's address instead


def _manifest(inputs: Sequence[Path], size: int, parts: int, shared: Shared) -> dict[str, Any]:
    return {
        "version": MANIFEST_VERSION,
        "inputs": [
            {"path": str(p.resolve()), "size": p.stat().st_size, "mtime_ns": p.stat().st_mtime_ns}
            for p in inputs
        ],
        "partition_size": size,
        "partitions": parts,
        "model": shared.model.key,
        "roster": shared.roster.fingerprint if shared.roster is not None else None,
    }


def _claim(out_dir: Path, manifest: dict[str, Any]) -> None:
    import json

    path = out_dir / "run.json"
    if path.exists():
        if json.loads(path.read_text("utf-8")) != manifest:
            raise RunProblem(
                f"{out_dir} holds the output of another run (other inputs, partition size,"
                " model or roster): choose another --out or remove it"
            )
        return
    parts_dir(out_dir).mkdir(parents=True, exist_ok=True)
    write_text(path, encode(manifest))


def _client(cluster: Cluster) -> Any:
    import dask
    from distributed import Client, LocalCluster

    if cluster.scheduler:
        return Client(cluster.scheduler, timeout="30s")  # type: ignore[no-untyped-call]
    # the workers' statistical profiler samples the screening thread's stack every 10 ms:
    # a few per cent of every core, for a dashboard a local run does not have
    with dask.config.set({"distributed.worker.profile.enabled": False}):
        local = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=cluster.workers or os.cpu_count() or 1,
            threads_per_worker=1,  # triage is pure Python: one process per core
            processes=True,
            dashboard_address=None,
            silence_logs=40,  # errors only: the progress bar is the output
        )
    return Client(local)  # type: ignore[no-untyped-call]


def _can_see(client: Any, out_dir: Path) -> None:
    seen = client.run(os.path.isdir, str(parts_dir(out_dir)))
    blind = [address for address, ok in seen.items() if not ok]
    if not seen or blind:
        raise RunProblem(
            f"workers cannot see {out_dir}: {', '.join(blind) or 'no workers'}"
            " (inputs and output must be on storage every worker sees at the same path)"
        )


def run(
    inputs: Sequence[Path],
    out_dir: Path,
    *,
    cluster: Cluster,
    roster: RosterIndex | None = None,
    partition_size: int = PARTITION_SIZE,
    progress: TextIO | None = None,
) -> dict[str, Any]:
    """Screen ``inputs`` into ``out_dir``; returns the summary (also summary.json)."""
    partitions = plan_partitions(inputs, partition_size)
    shared = Shared(model_snapshot(), roster, load_lookup())  # before any work is shipped
    out_dir.mkdir(parents=True, exist_ok=True)
    _claim(out_dir, _manifest(inputs, partition_size, len(partitions), shared))
    if roster is not None:  # workers map these files instead of each receiving a copy
        shared = replace(shared, roster=roster.saved(out_dir))
    todo = [p for p in partitions if not part_done(out_dir, p.name)]
    started = time.perf_counter()
    dispatch = _dispatch(todo, out_dir, shared, cluster, progress) if todo else Dispatch()
    elapsed = time.perf_counter() - started
    summary = _summary(out_dir, partitions, todo, dispatch.failed, elapsed, dispatch, shared)
    summary["findings"] = gather_findings(
        out_dir, [p.name for p in partitions if part_done(out_dir, p.name)]
    )
    write_text(out_dir / "summary.json", encode(summary) + "\n")
    return summary


@dataclass
class Dispatch:
    workers: int = 0
    failed: list[dict[str, Any]] = field(default_factory=list)
    startup_seconds: float = 0.0  # cluster, workers and the broadcast
    screening_seconds: float = 0.0  # from the first task submitted to the last result
    # per worker: CPU seconds and peak RSS since it started, and CPU while screening
    processes: dict[str, dict[str, float]] = field(default_factory=dict)


def _dispatch(
    todo: list[Partition], out_dir: Path, shared: Shared, cluster: Cluster,
    progress: TextIO | None,
) -> Dispatch:  # fmt: skip
    from distributed import as_completed

    bar = ProgressBar(progress, "netral screen") if progress is not None else None
    result = Dispatch()
    token = uuid.uuid4().hex[:8]
    started = time.perf_counter()
    with _client(cluster) as client:
        _can_see(client, out_dir)
        result.workers = len(client.scheduler_info(n_workers=-1)["workers"])
        everywhere = client.scatter(shared, broadcast=True, hash=False)
        before = client.run(process_usage)
        submitted = time.perf_counter()
        result.startup_seconds = submitted - started
        futures = {
            client.submit(
                screen_partition, p, str(out_dir), everywhere,
                key=f"screen-{token}-{p.index}", retries=1,
            ): p
            for p in todo
        }  # fmt: skip
        posts = 0
        for done, future in enumerate(as_completed(futures), start=1):  # type: ignore[no-untyped-call]
            partition = futures[future]
            try:
                stats = future.result()
            except Exception as error:
                result.failed.append(_failure(partition, error))
            else:
                posts += stats["posts"] + stats["failures"]
            if bar is not None:
                bar(posts, done / len(todo))
            future.release()
        result.screening_seconds = time.perf_counter() - submitted
        after = client.run(process_usage)
    if bar is not None:
        bar.close()
    for address, usage in sorted(after.items()):
        spent = usage["cpu_seconds"] - before.get(address, {}).get("cpu_seconds", 0.0)
        result.processes[address] = {**usage, "screening_cpu_seconds": spent}
    return result


def process_usage() -> dict[str, float]:
    """This process's CPU seconds and peak memory since it started (run on each worker)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return {"cpu_seconds": own.ru_utime + own.ru_stime, "peak_rss_mb": _peak_rss_mb(own)}


def _peak_rss_mb(own: resource.struct_rusage) -> float:
    """This process's own high-water mark. Not ``ru_maxrss`` on Linux: a worker spawned
    (fork, then exec) by a client holding a large roster inherits the client's peak there."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return own.ru_maxrss / 1024


def _failure(partition: Partition, error: Exception) -> dict[str, Any]:
    return {
        "partition": partition.index,
        "path": partition.path,
        "first": partition.first,
        "error": f"{type(error).__name__}: {error}",
    }


def _summary(
    out_dir: Path, partitions: list[Partition], todo: list[Partition],
    failed: list[dict[str, Any]], elapsed: float, dispatch: Dispatch, shared: Shared,
) -> dict[str, Any]:  # fmt: skip
    totals: dict[str, dict[str, int]] = {key: {} for key in COUNTERS}
    posts = failures = this_run = cpu = 0
    errors: list[dict[str, Any]] = []
    ran = {p.index for p in todo}
    done = [p for p in partitions if part_done(out_dir, p.name)]
    for partition in done:
        stats = part_stats(out_dir, partition.name)
        posts += stats["posts"]
        failures += stats["failures"]
        errors.extend(stats["errors"][: max(0, 100 - len(errors))])
        for key in COUNTERS:
            for name, count in stats[key].items():
                totals[key][name] = totals[key].get(name, 0) + count
        if partition.index in ran:
            this_run += stats["posts"] + stats["failures"]
            cpu += stats["cpu_seconds"]
    return {
        "partitions": {
            "total": len(partitions),
            "done": len(done),
            "this_run": len(todo) - len(failed),
            "failed": failed,
        },
        "posts": posts,
        "failures": failures,
        "errors": errors,
        **{key: dict(sorted(value.items())) for key, value in totals.items()},
        "throughput": {
            "posts_this_run": this_run,
            "seconds": round(elapsed, 3),
            "startup_seconds": round(dispatch.startup_seconds, 3),
            "screening_seconds": round(dispatch.screening_seconds, 3),
            "posts_per_second": round(this_run / dispatch.screening_seconds, 1)
            if dispatch.screening_seconds
            else 0.0,
            "workers": dispatch.workers,
            "task_cpu_seconds": round(cpu, 3),
            "worker_processes": {
                address: {k: round(v, 1) for k, v in values.items()}
                for address, values in dispatch.processes.items()
            },
        },
        "model": shared.model.key,
        "roster": {"employees": len(shared.roster), "fingerprint": shared.roster.fingerprint}
        if shared.roster is not None
        else None,
    }
