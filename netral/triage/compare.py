"""Which learned component generalises, and where each code's threshold belongs.

``netral triage compare`` cross-validates candidate models on the training part of the
corpus, folds grouped by the page that taught an item (``Example.origin``), each inside
the whole pipeline (the same lexicon matches, context and combination), and prints one
row per candidate. ``--thresholds`` then picks, on the out-of-fold scores of the model in
use, the threshold per code that gives the most recall at the stated precision, prints
each code's precision-recall curve, and with ``--write`` stores them in
``data/combine.yaml``. Candidates need no downloaded weights.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from netral.triage import corpus
from netral.triage.analysis import analyse
from netral.triage.codes import CONDUCT_CODES
from netral.triage.context import assess
from netral.triage.context import rules as context_rules
from netral.triage.datafiles import DATA_DIR
from netral.triage.engine import combination, decide, rule_scores
from netral.triage.evaluate import Tally
from netral.triage.features import features
from netral.triage.lexicon import conduct_hits
from netral.triage.model import feature_matrix

_GRAMS: dict[str, tuple[str, ...]] = {}


def _char_grams(word: str) -> tuple[str, ...]:
    """The word's character 4-grams, edges marked (the size docs/triage.md reports on)."""
    found = _GRAMS.get(word)
    if found is None:
        padded = f" {word} "
        found = tuple(f"c:{padded[i : i + 4]}" for i in range(len(padded) - 3))
        _GRAMS[word] = found
    return found


Scores = dict[str, float]


@dataclass(frozen=True)
class Prepared:
    """One example read once: what every candidate and threshold needs from it."""

    example: corpus.Example
    rules: Scores
    blocked: frozenset[str]
    vetoed: frozenset[str]
    feats: frozenset[str]  # the model's features (features.py)
    chars: frozenset[str]  # character 4-grams of the normalised words
    lexical: tuple[float, ...]  # rule scores and context flags, for the tree model


def prepare(examples: Sequence[corpus.Example]) -> list[Prepared]:
    kinds = list(context_rules().kinds)
    out = []
    for example in examples:
        doc = analyse(example.text)
        ctx = assess(doc, conduct_hits(doc))
        rules = rule_scores(ctx.kept)
        flags = [float(kind in ctx.kinds) for kind in kinds]
        flags += [float(bool(ctx.incident)), float(ctx.subject == "bound"),
                  float(ctx.subject == "non_bound"), float(ctx.framing is not None)]  # fmt: skip
        out.append(
            Prepared(
                example, rules, frozenset(ctx.blocked_codes), ctx.vetoed,
                frozenset(features(doc, ctx)),
                frozenset(g for t in doc.tokens for g in _char_grams(t.norm)),
                tuple(rules[c] for c in CONDUCT_CODES) + tuple(flags),
            )
        )  # fmt: skip
    return out


Learner = Callable[[list[Prepared], list[Prepared]], list[Scores]]  # train, test -> probs


def _vocabulary(rows: list[frozenset[str]], minimum: int = 2) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows:
        for f in row:
            counts[f] = counts.get(f, 0) + 1
    return {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= minimum))}


def _per_code(
    make: Callable[[], Any], x_train: Any, train: list[Prepared], x_test: Any, size: int
) -> list[Scores]:
    out: list[Scores] = [{} for _ in range(size)]
    for code in CONDUCT_CODES:
        labels = [int(code in p.example.codes) for p in train]
        if not any(labels) or all(labels):
            for row in out:
                row[code] = float(labels[0]) if labels else 0.0
            continue
        model = make().fit(x_train, labels)
        for row, value in zip(out, model.predict_proba(x_test)[:, 1], strict=True):
            row[code] = float(value)
    return out


def _linear(view: Callable[[Prepared], frozenset[str]], kind: str = "lr") -> Learner:
    def learn(train: list[Prepared], test: list[Prepared]) -> list[Scores]:
        from sklearn.calibration import CalibratedClassifierCV
        from sklearn.linear_model import LogisticRegression
        from sklearn.svm import LinearSVC

        column = _vocabulary([view(p) for p in train])
        x_train = feature_matrix([view(p) for p in train], column)
        x_test = feature_matrix([view(p) for p in test], column)

        def make() -> Any:
            if kind == "svm":
                svm = LinearSVC(C=0.1, class_weight="balanced", random_state=0)
                return CalibratedClassifierCV(svm, method="sigmoid", cv=3)
            return LogisticRegression(
                C=0.5, class_weight="balanced", solver="liblinear", random_state=0
            )

        return _per_code(make, x_train, train, x_test, len(test))

    return learn


def _boosted(train: list[Prepared], test: list[Prepared]) -> list[Scores]:
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier

    x_train = np.array([p.lexical for p in train])
    x_test = np.array([p.lexical for p in test])

    def make() -> Any:
        return HistGradientBoostingClassifier(
            max_iter=150, learning_rate=0.1, max_leaf_nodes=15, random_state=0
        )

    return _per_code(make, x_train, train, x_test, len(test))


IN_USE = "stems+pairs+context, logistic (in use)"
CANDIDATES: dict[str, Learner] = {
    IN_USE: _linear(lambda p: p.feats),
    "stems+pairs+context+char 4-grams, logistic": _linear(lambda p: p.feats | p.chars),
    "char 4-grams only, logistic": _linear(lambda p: p.chars),
    "stems+pairs+context, calibrated linear SVM": _linear(lambda p: p.feats, "svm"),
    "boosted trees over lexicon and context": _boosted,
}


def combined(prepared: Prepared, probabilities: Scores | None) -> Scores:
    """The engine's combination of rule scores and model probabilities."""
    weights = combination()
    out: Scores = {}
    for code in CONDUCT_CODES:
        if code in prepared.blocked:
            out[code] = 0.0
        elif probabilities is None:
            out[code] = prepared.rules[code]
        else:
            mixed = weights.rule_weight * prepared.rules[code]
            mixed += weights.model_weight * probabilities[code]
            out[code] = mixed / (weights.rule_weight + weights.model_weight)
    return out


def out_of_fold(prepared: list[Prepared], learner: Learner, folds: int) -> list[Scores]:
    scores: list[Scores] = [{} for _ in prepared]
    for fold in range(folds):
        held = [
            i for i, p in enumerate(prepared) if corpus.fold_of(p.example.origin, folds) == fold
        ]
        rest = [p for p in prepared if corpus.fold_of(p.example.origin, folds) != fold]
        probabilities = learner(rest, [prepared[i] for i in held])
        for i, probs in zip(held, probabilities, strict=True):
            scores[i] = combined(prepared[i], probs)
    return scores


def summary(
    prepared: list[Prepared], scores: list[Scores], thresholds: dict[str, float]
) -> dict[str, float]:
    tally = Tally()
    for p, s in zip(prepared, scores, strict=True):
        tally.add(p.example, decide(s, thresholds, p.vetoed), nested=False)
    anyc = tally.any_conduct()
    return {"micro_f1": tally.micro()["f1"], "any_precision": anyc["precision"],
            "any_recall": anyc["recall"], "any_f1": anyc["f1"]}  # fmt: skip


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


Point = tuple[float, float, float]  # threshold, precision, recall


def curve(prepared: list[Prepared], scores: list[Scores], code: str) -> list[Point]:
    """(threshold, precision, recall) for one code at thresholds 0.05 .. 0.95."""
    gold = [code in p.example.codes for p in prepared]
    total = sum(gold)
    points = []
    for step in range(1, 20):
        threshold = step / 20
        flagged = [s[code] >= threshold for s in scores]
        tp = sum(f and g for f, g in zip(flagged, gold, strict=True))
        points.append((threshold, _ratio(tp, sum(flagged)) if any(flagged) else 1.0,
                       _ratio(tp, total)))  # fmt: skip
    return points


def _f1_of(point: Point) -> float:
    _, precision, recall = point
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def pick_thresholds(
    prepared: list[Prepared], scores: list[Scores], precision: float
) -> dict[str, float]:
    """Per code, within 0.2 .. 0.6, the threshold with the best F1 among those whose
    precision reaches ``precision``; where none does, the best F1 in that range. (The
    lowest threshold at the stated precision chases recall into thresholds so low that
    any new text fires: the range keeps them where the corpus has evidence.)"""
    chosen = {}
    for code in CONDUCT_CODES:
        points = [p for p in curve(prepared, scores, code) if 0.2 <= p[0] <= 0.6]
        good = [p for p in points if p[1] >= precision and p[2] > 0] or points
        chosen[code] = max(good, key=_f1_of)[0]
    return chosen


def compare(folds: int = 5, precision: float = 0.85) -> list[tuple[str, str, dict[str, float]]]:
    """Each candidate's out-of-fold figures at the one threshold of ``combine.yaml`` and at
    per-code thresholds picked on the same out-of-fold scores (optimistic alike for all)."""
    training = [e for e in corpus.load() if not corpus.is_test(e.origin)]
    prepared = prepare(training)
    fixed = dict.fromkeys(CONDUCT_CODES, combination().threshold)
    rows = []
    candidates: dict[str, Learner | None] = {"lexicon and context only (no model)": None}
    candidates.update(CANDIDATES)
    for name, learner in candidates.items():
        if learner is None:
            scores = [combined(p, None) for p in prepared]
        else:
            scores = out_of_fold(prepared, learner, folds)
        rows.append((name, "one threshold", summary(prepared, scores, fixed)))
        tuned = pick_thresholds(prepared, scores, precision)
        rows.append((name, f"per code at P>={precision}", summary(prepared, scores, tuned)))
    return rows


_MARKER = "# Per-code thresholds: written by `netral triage compare --thresholds --write`.\n"


def thresholds_report(folds: int, precision: float) -> tuple[dict[str, float], str]:
    """Thresholds for the model in use, and each code's curve as text."""
    training = [e for e in corpus.load() if not corpus.is_test(e.origin)]
    prepared = prepare(training)
    scores = out_of_fold(prepared, CANDIDATES[IN_USE], folds)
    chosen = pick_thresholds(prepared, scores, precision)
    lines = [f"per-code thresholds at precision >= {precision} (out-of-fold, {folds} folds, "
             f"grouped by source page; threshold: precision/recall)"]  # fmt: skip
    for code in CONDUCT_CODES:
        points = " ".join(f"{t:.2f}:{p:.2f}/{r:.2f}" for t, p, r in curve(prepared, scores, code))
        lines.append(f"{code:<24} -> {chosen[code]:.2f}   {points}")
    lines.append(f"overall at these thresholds: {summary(prepared, scores, chosen)}")
    return chosen, "\n".join(lines)


def write_thresholds(chosen: dict[str, float], precision: float) -> Path:
    path = DATA_DIR / "combine.yaml"
    text = path.read_text(encoding="utf-8")
    if _MARKER in text:
        text = text[: text.index(_MARKER)]
    block = [_MARKER, f"thresholds_chosen: {{precision: {precision}}}\n", "thresholds:\n"]
    block += [f"  {code}: {chosen[code]}\n" for code in CONDUCT_CODES]
    path.write_text(text.rstrip("\n") + "\n" + "".join(block), encoding="utf-8")
    return path
