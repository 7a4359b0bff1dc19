"""Many lines over several processes: input order kept, memory flat, one model.

The parent loads the lexicons and the model (training it only when no cached model
matches this corpus and code) before the workers fork; the workers inherit them, so a
run trains at most once, before any line is read, and never in a worker. At most
``IN_FLIGHT * workers`` chunks of ``CHUNK`` lines are in flight, so memory stays flat
whatever the size of the input.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult, Pool

from netral.triage import model as model_module

CHUNK = 256  # lines per task sent to a worker
IN_FLIGHT = 3  # chunks per worker queued or being processed

Result = tuple[str, bool]
ChunkRunner = Callable[[list[str]], list[Result]]


def prepare() -> None:
    """Load (or, the first time for this corpus and code, train) the model and the
    lexicons in this process; say so on stderr when training."""
    from netral.triage.engine import triage

    if not model_module.get_model.cache_info().currsize and model_module.would_train():
        print("netral triage: no cached model for this corpus and code; training", file=sys.stderr)
    triage("warm up")


def worker_pool(workers: int) -> Pool:
    """Worker processes that inherit this process's model: call after ``prepare``."""
    return multiprocessing.get_context("fork").Pool(workers)


def chunks(lines: Iterable[str]) -> Iterator[list[str]]:
    iterator = iter(lines)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


def run_parallel(lines: Iterable[str], workers: int, run: ChunkRunner) -> Iterator[Result]:
    """``run`` over chunks of ``lines`` in ``workers`` processes; results in input order."""
    prepare()  # before the fork: the workers inherit the model
    with worker_pool(workers) as pool:
        pending: deque[AsyncResult[list[Result]]] = deque()
        for chunk in chunks(lines):
            pending.append(pool.apply_async(run, (chunk,)))
            if len(pending) >= workers * IN_FLIGHT:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
