"""``triage.model.v1``: one logistic regression per code, trained on the team's corpus.

Training uses scikit-learn; scoring does not: the weights are copied into plain dicts
and a text is scored by summing the weights of its features, which is thousands of
times cheaper than calling ``predict_proba`` per text. The model is rebuilt from the
corpus (never downloaded, never committed) and cached in
``$NETRAL_CACHE_DIR/triage-model-<key>.json``, keyed by the corpus and the code version,
so changing the corpus retrains automatically.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from netral.triage import corpus
from netral.triage.analysis import analyse
from netral.triage.codes import CONDUCT_CODES
from netral.triage.context import assess
from netral.triage.datafiles import DATA_DIR
from netral.triage.features import NAME as FEATURES_NAME
from netral.triage.features import features
from netral.triage.lexicon import conduct_hits

NAME = "triage.model.v1"
MIN_EXAMPLES = 50  # below this there is nothing worth learning
_C = 0.5  # inverse regularisation: small corpus, keep weights modest
_MIN_FEATURE_COUNT = 2


@dataclass(frozen=True)
class LinearModel:
    key: str
    intercepts: dict[str, float]
    weights: dict[str, list[tuple[int, float]]]  # feature -> [(code index, weight)]
    # feature -> its weight for every code (0.0 where it has none), for scoring
    rows: dict[str, tuple[float, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        rows: dict[str, tuple[float, ...]] = {}
        for feature, pairs in self.weights.items():
            row = [0.0] * len(CONDUCT_CODES)
            for index, weight in pairs:
                row[index] = weight
            rows[feature] = tuple(row)
        object.__setattr__(self, "rows", rows)

    def probabilities(self, feats: Iterable[str]) -> dict[str, float]:
        # per code, the intercept plus the weights of the features in the order given:
        # the sums a loop over (feature, code) pairs gives (adding 0.0 changes nothing),
        # with the loop in C
        found = [row for row in map(self.rows.get, feats) if row is not None]
        columns = zip(*found, strict=True) if found else [()] * len(CONDUCT_CODES)
        return {
            code: 1.0 / (1.0 + math.exp(-max(min(sum(column, self.intercepts[code]), 30.0), -30.0)))
            for code, column in zip(CONDUCT_CODES, columns, strict=True)
        }

    def to_json(self) -> dict[str, object]:
        return {
            "name": NAME,
            "key": self.key,
            "intercepts": self.intercepts,
            "weights": self.weights,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LinearModel:
        raw_weights = data["weights"]
        raw_intercepts = data["intercepts"]
        if not isinstance(raw_weights, dict) or not isinstance(raw_intercepts, dict):
            raise ValueError("not a triage model file")
        weights = {f: [(int(i), float(w)) for i, w in pairs] for f, pairs in raw_weights.items()}
        return cls(str(data["key"]), {k: float(v) for k, v in raw_intercepts.items()}, weights)


def example_features(text: str) -> set[str]:
    analysis = analyse(text)
    return features(analysis, assess(analysis, conduct_hits(analysis)))


def train(examples: Sequence[corpus.Example], key: str = "") -> LinearModel:
    """Deterministic: same examples, same weights (liblinear with a fixed seed)."""
    from sklearn.linear_model import LogisticRegression

    rows = [example_features(e.text) for e in examples]
    counts: dict[str, int] = {}
    for row in rows:
        for feature in row:
            counts[feature] = counts.get(feature, 0) + 1
    vocabulary = sorted(f for f, n in counts.items() if n >= _MIN_FEATURE_COUNT)
    column = {f: i for i, f in enumerate(vocabulary)}
    matrix = feature_matrix(rows, column)
    intercepts: dict[str, float] = {}
    weights: dict[str, list[tuple[int, float]]] = {}
    for index, code in enumerate(CONDUCT_CODES):
        labels = [int(code in e.codes) for e in examples]
        if not any(labels) or all(labels):
            intercepts[code] = -6.0 if not any(labels) else 6.0
            continue
        classifier = LogisticRegression(
            C=_C, class_weight="balanced", solver="liblinear", random_state=0
        )
        classifier.fit(matrix, labels)
        intercepts[code] = round(float(classifier.intercept_[0]), 6)
        for feature, weight in zip(vocabulary, classifier.coef_[0], strict=True):
            if abs(weight) >= 1e-4:
                weights.setdefault(feature, []).append((index, round(float(weight), 6)))
    return LinearModel(key, intercepts, weights)


def feature_matrix(rows: Sequence[Set[str]], column: dict[str, int]) -> object:
    """A sparse 0/1 matrix: one row per text, one column per known feature."""
    from scipy.sparse import csr_matrix

    data: list[float] = []
    indices: list[int] = []
    indptr = [0]
    for row in rows:
        cols = sorted(column[f] for f in row if f in column)
        indices.extend(cols)
        data.extend([1.0] * len(cols))
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(rows), len(column)))


def cache_dir() -> Path:
    configured = os.environ.get("NETRAL_CACHE_DIR")
    return Path(configured) if configured else Path.home() / ".cache" / "netral"


@lru_cache(maxsize=1)
def model_key() -> str:
    """Corpus content + the code and data that shape features: any change retrains."""
    digest = hashlib.sha256(f"{NAME}|{FEATURES_NAME}|{_C}|{_MIN_FEATURE_COUNT}".encode())
    digest.update(corpus.fingerprint().encode())
    here = Path(__file__).resolve().parent
    for path in sorted([*here.glob("*.py"), *DATA_DIR.glob("*.yaml"), *DATA_DIR.glob("*/*.yaml")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def training_examples() -> list[corpus.Example]:
    return [e for e in corpus.load() if not corpus.is_test(e.origin)]


def build(path: Path | None = None) -> tuple[LinearModel, Path]:
    """Train on the training part of the corpus and write the model file."""
    model = train(training_examples(), model_key())
    target = path or cache_dir() / f"triage-model-{model.key}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=target.parent, delete=False, suffix=".tmp") as out:
        json.dump(model.to_json(), out, separators=(",", ":"), sort_keys=True)
    Path(out.name).replace(target)  # atomic: parallel workers never read half a file
    return model, target


def _disabled() -> bool:
    return os.environ.get("NETRAL_TRIAGE_MODEL", "").lower() == "off"


def cached_path() -> Path:
    return cache_dir() / f"triage-model-{model_key()}.json"


# The model a caller chose for this process (use_model); empty: the cached one.
_chosen: list[LinearModel | None] = []


def use_model(model: LinearModel | None) -> None:
    """Make ``triage()`` in this process score with ``model`` (None: rules alone) instead
    of the model cached for this corpus and code. For callers that ship one model to their
    workers (screening): they compare ``model.key`` with ``model_key()`` themselves."""
    _chosen[:] = [model]
    get_model.cache_clear()


def would_train() -> bool:
    """Whether ``get_model`` would have to train (no cached file for this key)."""
    return not _chosen and not _disabled() and not cached_path().exists()


@lru_cache(maxsize=1)
def get_model() -> LinearModel | None:
    """The cached model for this corpus and code, trained on first use; None if no corpus,
    or the model given to ``use_model``.

    Loaded once per process: a process started by fork inherits it (see bulk.py).
    """
    if _chosen:
        return _chosen[0]
    if _disabled():
        return None
    path = cached_path()
    if path.exists():
        return LinearModel.from_json(json.loads(path.read_text(encoding="utf-8")))
    if len(training_examples()) < MIN_EXAMPLES:
        return None
    model, _ = build(path)
    return model
