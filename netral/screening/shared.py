"""What every worker needs before its first partition: the triage model, the roster
index and the region names. Built once in the client and broadcast once per worker.

The model is loaded (or trained, once) in the client; a worker never trains. It checks
that its own triage code and corpus give the client's model key, so every worker decides
exactly as ``netral triage`` does in the client, then seeds its model cache with the
client's weights before triage reads it.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from netral.screening.regions import RegionLookup
from netral.screening.roster import RosterIndex
from netral.triage import model as model_module

_installed: list[str | None] = []  # the model key this process was set up for


class WorkerMismatch(RuntimeError):
    """This worker runs other triage code or another corpus than the client."""


@dataclass(frozen=True)
class ModelSnapshot:
    key: str | None  # None: triage runs on rules alone
    weights: dict[str, Any] | None


@dataclass(frozen=True)
class Shared:
    model: ModelSnapshot
    roster: RosterIndex | None
    regions: RegionLookup


def model_snapshot() -> ModelSnapshot:
    """The client's model, loaded or trained here (saying so on stderr) before any work
    is shipped."""
    from netral.triage.bulk import prepare

    prepare()
    model = model_module.get_model()
    if model is None:
        return ModelSnapshot(None, None)
    return ModelSnapshot(model.key, model.to_json())


def install_model(snapshot: ModelSnapshot) -> None:
    """Make this process's triage use the snapshot's model; once per process."""
    if _installed:
        if _installed[0] != snapshot.key:
            raise WorkerMismatch(
                f"this worker already screened with model {_installed[0]}, not {snapshot.key}:"
                " restart the workers"
            )
        return
    if snapshot.key is None:
        os.environ["NETRAL_TRIAGE_MODEL"] = "off"
    else:
        mine = model_module.model_key()
        if mine != snapshot.key:
            raise WorkerMismatch(
                f"this worker's triage code or corpus gives model {mine}, the client's"
                f" {snapshot.key}: install the same Netral version on every worker"
            )
        _seed_cache(model_module.cached_path(), snapshot.weights or {})
    loaded = model_module.get_model()
    if (loaded.key if loaded else None) != snapshot.key:
        raise WorkerMismatch(f"this worker loaded model {loaded and loaded.key}")
    _installed.append(snapshot.key)


def _seed_cache(path: Path, weights: dict[str, Any]) -> None:
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, suffix=".tmp") as out:
        json.dump(weights, out, separators=(",", ":"), sort_keys=True)
    Path(out.name).replace(path)
