"""Quality on the team's corpus: cross-validated folds of the training part, and the
held-out test set that training never sees. Per-code precision, recall and F1, false
alarms per kind of hard negative, and a confusion table."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from netral.triage import corpus
from netral.triage.codes import CONDUCT_CODES
from netral.triage.engine import triage_with
from netral.triage.model import LinearModel, train

NONE = "(none)"
Predictor = Callable[[str], list[str]]


@dataclass
class Tally:
    true_pos: Counter[str] = field(default_factory=Counter)
    false_pos: Counter[str] = field(default_factory=Counter)
    false_neg: Counter[str] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    negatives: Counter[str] = field(default_factory=Counter)  # kind -> texts
    false_alarms: Counter[str] = field(default_factory=Counter)  # kind -> texts flagged
    # any conduct at all: a text with some code against a text with none
    any_counts: Counter[str] = field(default_factory=Counter)  # "tp" | "fp" | "fn"
    by_style: dict[str, Tally] = field(default_factory=dict)
    texts: int = 0

    def add(self, example: corpus.Example, predicted: Sequence[str], nested: bool = True) -> None:
        gold, pred = set(example.codes), set(predicted)
        if nested:  # per register, and the real-register items apart from the team's own
            for part in (example.style, f"{example.group} group"):
                self.by_style.setdefault(part, Tally()).add(example, predicted, False)
        self.texts += 1
        if gold and pred:
            self.any_counts["tp"] += 1
        elif pred:
            self.any_counts["fp"] += 1
        elif gold:
            self.any_counts["fn"] += 1
        for code in gold & pred:
            self.true_pos[code] += 1
            self.confusion[(code, code)] += 1
        for code in pred - gold:
            self.false_pos[code] += 1
        for code in gold - pred:
            self.false_neg[code] += 1
            for other in sorted(pred - gold) or [NONE]:
                self.confusion[(code, other)] += 1
        if not gold:
            self.negatives[example.kind] += 1
            self.false_alarms[example.kind] += bool(pred)
            for code in pred:
                self.confusion[(NONE, code)] += 1

    def per_code(self) -> dict[str, dict[str, float]]:
        return {code: _prf(self.true_pos[code], self.false_pos[code], self.false_neg[code])
                for code in CONDUCT_CODES}  # fmt: skip

    def micro(self) -> dict[str, float]:
        tp, fp, fn = (sum(c.values()) for c in (self.true_pos, self.false_pos, self.false_neg))
        return _prf(tp, fp, fn)

    def macro_f1(self) -> float:
        scores = [s["f1"] for s in self.per_code().values() if s["support"]]
        return sum(scores) / len(scores) if scores else 0.0

    def any_conduct(self) -> dict[str, float]:
        counts = self.any_counts
        return _prf(counts["tp"], counts["fp"], counts["fn"])

    def to_dict(self) -> dict[str, Any]:
        return {
            "texts": self.texts,
            "any_conduct": self.any_conduct(),
            "micro": self.micro(),
            "macro_f1": round(self.macro_f1(), 4),
            "per_code": self.per_code(),
            "false_alarms": {
                k: [self.false_alarms[k], n] for k, n in sorted(self.negatives.items())
            },
            "confusion": {f"{g} -> {p}": n for (g, p), n in sorted(self.confusion.items())},
            "by_style": {
                style: {
                    "texts": t.texts,
                    "any_conduct": t.any_conduct(),
                    "micro": t.micro(),
                    "macro_f1": round(t.macro_f1(), 4),
                }
                for style, t in sorted(self.by_style.items())
            },
        }


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "support": tp + fn}  # fmt: skip


def _predictor(model: LinearModel | None) -> Predictor:
    return lambda text: triage_with(text, model).codes


def cross_validate(examples: Sequence[corpus.Example], folds: int) -> Tally:
    tally = Tally()
    for fold in range(folds):
        held = [e for e in examples if corpus.fold_of(e.origin, folds) == fold]
        rest = [e for e in examples if corpus.fold_of(e.origin, folds) != fold]
        predict = _predictor(train(rest, f"fold{fold}"))
        for example in held:
            tally.add(example, predict(example.text))
    return tally


def held_out(train_part: Sequence[corpus.Example], test_part: Sequence[corpus.Example],
             use_model: bool = True) -> Tally:  # fmt: skip
    predict = _predictor(train(train_part, "train") if use_model else None)
    tally = Tally()
    for example in test_part:
        tally.add(example, predict(example.text))
    return tally


def evaluate(folds: int = 5) -> dict[str, Any]:
    examples = corpus.load()
    train_part = [e for e in examples if not corpus.is_test(e.origin)]
    test_part = [e for e in examples if corpus.is_test(e.origin)]
    report = {
        "corpus": {"train": len(train_part), "test": len(test_part)},
        "cross_validation": {"folds": folds, **cross_validate(train_part, folds).to_dict()},
        "test": held_out(train_part, test_part).to_dict(),
        "test_rules_only": held_out(train_part, test_part, use_model=False).to_dict(),
    }
    blind = corpus.load_evaluation()
    if blind:
        report["blind"] = held_out(train_part, blind).to_dict()
    return report


def render(report: dict[str, Any]) -> str:
    lines = [f"corpus: {report['corpus']['train']} training texts, "
             f"{report['corpus']['test']} held-out test texts"]  # fmt: skip
    for name in ("cross_validation", "test", "test_rules_only", "blind"):
        if name not in report:
            continue
        part = report[name]
        micro, anyc = part["micro"], part["any_conduct"]
        lines += ["", f"== {name} ({part['texts']} texts)",
                  f"any conduct P {anyc['precision']:.3f}  R {anyc['recall']:.3f}  "
                  f"F1 {anyc['f1']:.3f}",
                  f"codes micro P {micro['precision']:.3f}  R {micro['recall']:.3f}  "
                  f"F1 {micro['f1']:.3f}   macro F1 {part['macro_f1']:.3f}"]  # fmt: skip
        for style, sub in part["by_style"].items():
            a, m = sub["any_conduct"], sub["micro"]
            lines.append(f"  {style:<16}{sub['texts']:>5} texts  any P {a['precision']:.3f} "
                         f"R {a['recall']:.3f} F1 {a['f1']:.3f}   codes micro F1 {m['f1']:.3f}"
                         f"  macro F1 {sub['macro_f1']:.3f}")  # fmt: skip
        lines.append(f"{'code':<26}{'P':>7}{'R':>7}{'F1':>7}{'n':>5}")
        for code, s in part["per_code"].items():
            lines.append(f"{code:<26}{s['precision']:>7.3f}{s['recall']:>7.3f}"
                         f"{s['f1']:>7.3f}{s['support']:>5}")  # fmt: skip
        alarms = ", ".join(f"{k} {a}/{n}" for k, (a, n) in part["false_alarms"].items())
        lines.append(f"hard negatives flagged: {alarms}")
        lines.append("confusion (gold -> predicted, off-diagonal):")
        for pair, count in sorted(part["confusion"].items(), key=lambda kv: -kv[1]):
            gold, pred = pair.split(" -> ")
            if gold != pred:
                lines.append(f"  {pair:<52}{count:>4}")
    return "\n".join(lines)
