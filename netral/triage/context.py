"""``triage.context.v1``: when words of conduct describe no conduct, and why.

A rule being explained, an appeal, a statistic, a pledge, a circular, a person cleared,
someone the rules do not bind, a denial, or a civil servant merely listening: each is
detected from cue patterns in ``data/context.yaml`` and suppresses the matches it covers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from netral.triage.analysis import Analysis
from netral.triage.codes import CODE_SET
from netral.triage.datafiles import DataFileError, check_fields, load_yaml
from netral.triage.entities import subject_mentions
from netral.triage.patterns import Hit, Pattern, PatternSet, parse, word_keys

NAME = "triage.context.v1"
_KIND_FIELDS = ("description", "scope", "suppresses", "cues")
_KIND_OPTIONAL = ("frames",)


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    scope: str  # "clause" | "document"
    frames: bool
    suppresses: frozenset[str] | None  # None: every code


@dataclass(frozen=True, slots=True)
class Rules:
    kinds: dict[str, Kind]
    cues: PatternSet
    incident: PatternSet
    negators: frozenset[str]
    negation_window: int
    not_negation: frozenset[str]
    non_bound: PatternSet
    place_words: frozenset[str]
    implied_by_codes: frozenset[str]


def _patterns(label: str, sources: list[str], gap: int) -> list[Pattern]:
    out = []
    for source in sources:
        try:
            slots, gaps = parse(source, gap)
        except ValueError as error:
            raise DataFileError(f"context.yaml: {label}: {error}") from None
        out.append(Pattern(label=label, source=source, slots=slots, gaps=gaps, weight=1.0))
    return out


def _kind(name: str, entry: dict[str, Any]) -> Kind:
    check_fields(f"context.yaml: {name}", entry, _KIND_FIELDS, _KIND_OPTIONAL)
    if entry["scope"] not in {"clause", "document"}:
        raise DataFileError(f"context.yaml: {name}: scope must be clause or document")
    suppresses = entry["suppresses"]
    if suppresses != "all" and not set(suppresses) <= CODE_SET:
        raise DataFileError(f"context.yaml: {name}: unknown codes in suppresses")
    codes = None if suppresses == "all" else frozenset(suppresses)
    return Kind(name, entry["scope"], bool(entry.get("frames", False)), codes)


@lru_cache(maxsize=1)
def rules() -> Rules:
    raw = load_yaml("context.yaml")
    check_fields("context.yaml", raw, ("gap", "kinds", "incident", "negation", "subjects"))
    gap = int(raw["gap"])
    kinds = {name: _kind(name, entry) for name, entry in raw["kinds"].items()}
    cue_patterns = [
        p for name, entry in raw["kinds"].items() for p in _patterns(name, entry["cues"], gap)
    ]
    negation = raw["negation"]
    check_fields(
        "context.yaml: negation", negation, ("description", "words", "window", "not_before")
    )
    subjects = raw["subjects"]
    non_bound_words = [str(w) for w in subjects["non_bound"]["words"]]
    return Rules(
        kinds=kinds,
        cues=PatternSet(cue_patterns),
        incident=PatternSet(_patterns("incident", raw["incident"]["cues"], gap)),
        negators=word_keys(negation["words"]),
        negation_window=int(negation["window"]),
        not_negation=word_keys(negation["not_before"]),
        non_bound=PatternSet(_patterns("non_bound", non_bound_words, gap)),
        place_words=word_keys(subjects["place_words"]["words"]),
        implied_by_codes=frozenset(subjects["implied_by_codes"]["codes"]),
    )


@dataclass(slots=True)
class Context:
    """What context found in one text, and which conduct hits survive it."""

    cues: list[Hit] = field(default_factory=list)
    incident: list[Hit] = field(default_factory=list)
    framing: str | None = None
    subject: str = "unknown"  # "bound" | "non_bound" | "unknown"
    kept: list[Hit] = field(default_factory=list)
    suppressed: list[tuple[Hit, str]] = field(default_factory=list)
    # codes suppressed for the whole document, with the reason
    blocked_codes: dict[str, str] = field(default_factory=dict)
    # token spans of subject words, when the subject had to be found (entities reuse them)
    mentions: list[tuple[int, int]] | None = None

    @property
    def kinds(self) -> list[str]:
        return sorted({hit.pattern.label for hit in self.cues})


def _flagged_clauses(analysis: Analysis, cues: list[Hit], incident: list[Hit]) -> dict[int, str]:
    """Clause index -> kind, for clause-scoped cues."""
    kinds = rules().kinds
    tokens = analysis.tokens
    incident_sentences = {tokens[h.first].sentence for h in incident}
    flagged: dict[int, str] = {}
    for hit in cues:
        if kinds[hit.pattern.label].scope != "clause":
            continue
        token = tokens[hit.first]
        if token.sentence in incident_sentences:
            flagged.setdefault(token.clause, hit.pattern.label)
            continue
        for other in tokens:  # the whole sentence carries no incident: flag all of it
            if other.sentence == token.sentence:
                flagged.setdefault(other.clause, hit.pattern.label)
    return flagged


def _negated(analysis: Analysis, hit: Hit) -> bool:
    table = rules()
    tokens = analysis.tokens
    sentence = tokens[hit.first].sentence
    for index in range(max(hit.first - table.negation_window, 0), hit.first):
        token = tokens[index]
        if token.sentence != sentence:
            continue
        if token.norm in table.negators or token.stem in table.negators:
            following = tokens[index + 1]
            if following.norm not in table.not_negation:
                return True
    return False


def _subject(analysis: Analysis, mentions: list[tuple[int, int]]) -> str:
    table = rules()
    tokens = analysis.tokens
    bound = False
    for first, _last in mentions:
        before = tokens[first - 1] if first > 0 else None
        if before is None or before.norm not in table.place_words:
            bound = True
            break
    if bound:
        return "bound"
    return "non_bound" if table.non_bound.hits(analysis) else "unknown"


def _document_blocks(context: Context) -> None:
    kinds = rules().kinds
    for hit in context.cues:
        kind = kinds[hit.pattern.label]
        if kind.scope != "document":
            continue
        codes = kind.suppresses if kind.suppresses is not None else CODE_SET
        for code in codes:
            context.blocked_codes.setdefault(code, kind.name)
    if context.framing:
        for code in CODE_SET:
            context.blocked_codes.setdefault(code, context.framing)
    if context.subject == "non_bound":
        for code in CODE_SET - rules().implied_by_codes:
            context.blocked_codes.setdefault(code, "non_bound_actor")


def _framing(cues: list[Hit], incident: list[Hit]) -> str | None:
    if incident:
        return None
    kinds = rules().kinds
    framing = Counter(h.pattern.label for h in cues if kinds[h.pattern.label].frames)
    return framing.most_common(1)[0][0] if framing else None


def assess(analysis: Analysis, hits: list[Hit]) -> Context:
    table = rules()
    cues = table.cues.hits(analysis)
    incident = table.incident.hits(analysis)
    context = Context(cues=cues, incident=incident, framing=_framing(cues, incident))
    if hits:
        context.mentions = subject_mentions(analysis)
        context.subject = _subject(analysis, context.mentions)
    _document_blocks(context)
    flagged = _flagged_clauses(analysis, cues, incident)
    for hit in hits:
        code = hit.pattern.label
        clause = analysis.tokens[hit.first].clause
        if code in context.blocked_codes:
            context.suppressed.append((hit, context.blocked_codes[code]))
        elif clause in flagged:
            context.suppressed.append((hit, flagged[clause]))
        elif _negated(analysis, hit):
            context.suppressed.append((hit, "negated"))
        else:
            context.kept.append(hit)
    return context
