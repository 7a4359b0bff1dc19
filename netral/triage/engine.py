"""Triage of one text: matches, context, the learned second opinion, entities."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from netral.triage import context as context_module
from netral.triage import entities as entities_module
from netral.triage import model as model_module
from netral.triage import normalize, patterns, stemmer
from netral.triage.analysis import Analysis, analyse
from netral.triage.codes import CONDUCT_CODES
from netral.triage.context import Context, assess
from netral.triage.datafiles import DataFileError, check_fields, load_yaml
from netral.triage.features import NAME as FEATURES_NAME
from netral.triage.features import features
from netral.triage.lexicon import conduct_hits
from netral.triage.patterns import Hit

MAX_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class Evidence:
    code: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TriageResult:
    """What triage suggests for one text; ``to_dict`` is the CLI output without ``id``."""

    codes: list[str]
    scores: dict[str, float]
    evidence: list[Evidence]
    entities: dict[str, list[dict[str, Any]]]
    context: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "codes": list(self.codes),
            "scores": dict(self.scores),
            "evidence": [
                {"code": e.code, "start": e.start, "end": e.end, "text": e.text}
                for e in self.evidence
            ],
            "entities": self.entities,
            "context": self.context,
        }


@dataclass(frozen=True)
class Combination:
    rule_weight: float
    model_weight: float
    threshold: float
    subsumes: dict[str, tuple[str, ...]]
    thresholds: dict[str, float]  # per code, chosen by `netral triage compare`
    fallback: float  # when no code reaches its threshold, the strongest one reaching this


@lru_cache(maxsize=1)
def combination() -> Combination:
    raw = load_yaml("combine.yaml")
    check_fields(
        "combine.yaml",
        raw,
        ("rule_weight", "model_weight", "threshold", "subsumes"),
        ("thresholds", "thresholds_chosen", "fallback"),
    )
    subsumes = {str(k): tuple(str(c) for c in v) for k, v in raw["subsumes"].items()}
    known = set(CONDUCT_CODES)
    if not all(k in known and set(v) <= known for k, v in subsumes.items()):
        raise DataFileError("combine.yaml: subsumes names an unknown code")
    default = float(raw["threshold"])
    per_code = {str(k): float(v) for k, v in (raw.get("thresholds") or {}).items()}
    if not set(per_code) <= known or not all(0.0 < v <= 1.0 for v in per_code.values()):
        raise DataFileError("combine.yaml: thresholds need known codes and values in (0, 1]")
    thresholds = {code: per_code.get(code, default) for code in CONDUCT_CODES}
    fallback = float(raw.get("fallback", default))
    return Combination(
        float(raw["rule_weight"]), float(raw["model_weight"]), default, subsumes, thresholds,
        fallback,
    )  # fmt: skip


def decide(
    scores: dict[str, float],
    thresholds: dict[str, float] | None = None,
    vetoed: frozenset[str] = frozenset(),
) -> list[str]:
    """Codes at or above their threshold, minus general codes a specific one refines; when
    none reaches its threshold, the strongest code if it reaches the fallback, unless
    context dismissed every match of that code (``vetoed``: denied, a rule explained...).
    Per-code thresholds keep the codes precise; the fallback keeps a text that describes
    conduct from being reported as describing none (docs/triage.md)."""
    rules = combination()
    limits = thresholds or rules.thresholds
    codes = [code for code in CONDUCT_CODES if scores[code] >= limits[code]]
    if not codes:
        strongest = max(CONDUCT_CODES, key=lambda code: scores[code])
        fires = scores[strongest] >= rules.fallback and strongest not in vetoed
        return [strongest] if fires else []
    dropped = {general for code in codes for general in rules.subsumes.get(code, ())}
    return [code for code in codes if code not in dropped]


def pipeline() -> dict[str, str]:
    model = model_module.get_model()
    return {
        "normalizer": normalize.NAME,
        "stemmer": stemmer.NAME,
        "matcher": patterns.NAME,
        "context": context_module.NAME,
        "features": FEATURES_NAME,
        "model": f"{model_module.NAME}+{model.key}" if model else "none",
        "entities": entities_module.NAME,
    }


def rule_scores(kept: list[Hit]) -> dict[str, float]:
    """Noisy-or of the weights of distinct patterns that matched for each code."""
    seen: set[tuple[str, str]] = set()
    miss = dict.fromkeys(CONDUCT_CODES, 1.0)
    for hit in kept:
        key = (hit.pattern.label, hit.pattern.source)
        if key not in seen:
            seen.add(key)
            miss[hit.pattern.label] *= 1.0 - hit.pattern.weight
    return {code: 1.0 - value for code, value in miss.items()}


def _scores(
    doc: Analysis, ctx: Context, model: model_module.LinearModel | None
) -> dict[str, float]:
    rules = rule_scores(ctx.kept)
    if model is None:
        return {code: 0.0 if code in ctx.blocked_codes else rules[code] for code in CONDUCT_CODES}
    probabilities = model.probabilities(features(doc, ctx))
    weights = combination()
    total = weights.rule_weight + weights.model_weight
    out: dict[str, float] = {}
    for code in CONDUCT_CODES:
        if code in ctx.blocked_codes:
            out[code] = 0.0
            continue
        mixed = weights.rule_weight * rules[code] + weights.model_weight * probabilities[code]
        out[code] = mixed / total
    return out


def _evidence(doc: Analysis, kept: list[Hit], codes: list[str]) -> list[Evidence]:
    """Per code, the strongest non-overlapping spans, in text order."""
    chosen: list[Evidence] = []
    wanted = set(codes)
    ranked = sorted(kept, key=lambda h: (-h.pattern.weight, h.first, h.last))
    for hit in ranked:
        code = hit.pattern.label
        if code not in wanted:
            continue
        start, end = doc.tokens[hit.first].start, doc.tokens[hit.last].end
        if any(e.code == code and e.start < end and start < e.end for e in chosen):
            continue
        chosen.append(Evidence(code, start, end, doc.text[start:end]))
    return sorted(chosen, key=lambda e: (e.start, e.end, e.code))


def _context_dict(doc: Analysis, ctx: Context) -> dict[str, Any]:
    def span(hit: Hit) -> tuple[int, int]:
        return doc.tokens[hit.first].start, doc.tokens[hit.last].end

    suppressed = []
    for hit, reason in ctx.suppressed:
        start, end = span(hit)
        suppressed.append(
            {"code": hit.pattern.label, "start": start, "end": end,
             "text": doc.text[start:end], "reason": reason}
        )  # fmt: skip
    cues = []
    for hit in [*ctx.cues, *ctx.incident]:
        start, end = span(hit)
        cues.append(
            {"kind": hit.pattern.label, "start": start, "end": end, "text": doc.text[start:end]}
        )
    return {
        "kinds": ctx.kinds,
        "framing": ctx.framing,
        "subject": ctx.subject,
        "blocked": dict(sorted(ctx.blocked_codes.items())) if ctx.suppressed else {},
        "suppressed": suppressed,
        "cues": sorted(cues, key=lambda c: (c["start"], c["end"])),
        "pipeline": pipeline(),
    }


def triage(text: str) -> TriageResult:
    """Which conduct ``text`` describes, where, and who and what it mentions.

    It suggests; an officer decides. Raises ``ValueError`` for text over 100,000 characters.
    """
    return triage_with(text, model_module.get_model())


def triage_with(text: str, model: model_module.LinearModel | None) -> TriageResult:
    """``triage`` with an explicit model (evaluation trains one per fold)."""
    if len(text) > MAX_CHARS:
        raise ValueError(f"text is longer than {MAX_CHARS} characters")
    doc = analyse(text)
    ctx = assess(doc, conduct_hits(doc))
    scores = _scores(doc, ctx, model)
    codes = decide(scores, vetoed=ctx.vetoed)
    return TriageResult(
        codes=codes,
        scores={code: round(value, 4) for code, value in scores.items()},
        evidence=_evidence(doc, ctx.kept, codes),
        entities=entities_module.extract(text, doc, ctx.mentions),
        context=_context_dict(doc, ctx),
    )
