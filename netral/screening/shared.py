"""What every worker needs before its first partition: the triage model, the roster
index and the region names. Built once in the client and broadcast once per worker.

The model is loaded (or trained, once) in the client; a worker never trains. It checks
that its own triage code and corpus give the client's model key, so every worker decides
exactly as ``netral triage`` does in the client, then scores with the client's weights
(``triage.use_model``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from netral.screening.regions import RegionLookup
from netral.screening.roster import RosterIndex
from netral.triage import LinearModel, model_key, use_model
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
    """Make this process's triage use the snapshot's model; once per process. The worker
    writes nothing to its own model cache."""
    if _installed:
        if _installed[0] != snapshot.key:
            raise WorkerMismatch(
                f"this worker already screened with model {_installed[0]}, not {snapshot.key}:"
                " restart the workers"
            )
        return
    if snapshot.key is None:
        use_model(None)
    else:
        mine = model_key()
        if mine != snapshot.key:
            raise WorkerMismatch(
                f"this worker's triage code or corpus gives model {mine}, the client's"
                f" {snapshot.key}: install the same Netral version on every worker"
            )
        use_model(LinearModel.from_json(snapshot.weights or {}))
    loaded = model_module.get_model()
    if (loaded.key if loaded else None) != snapshot.key:
        raise WorkerMismatch(f"this worker loaded model {loaded and loaded.key}")
    _installed.append(snapshot.key)
