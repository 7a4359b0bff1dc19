"""``triage.context.v1``: when words of conduct describe no conduct, and why.

A rule being explained, an appeal, a statistic, a pledge, a circular, a person cleared,
someone the rules do not bind, a denial, or a civil servant merely listening: each is
detected from cue patterns in ``data/context.yaml`` and suppresses the matches it covers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from netral.triage import attribution
from netral.triage.analysis import Analysis, Token
from netral.triage.codes import CODE_SET
from netral.triage.datafiles import DataFileError, check_fields, load_yaml
from netral.triage.entities import subject_mentions
from netral.triage.patterns import Hit, Pattern, PatternSet, parse, word_keys

NAME = "triage.context.v1"
_KIND_FIELDS = ("description", "scope", "suppresses", "cues")
_KIND_OPTIONAL = ("frames", "yields_to_conduct")


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    scope: str  # "clause" | "document"
    frames: bool
    suppresses: frozenset[str] | None  # None: every code
    # a text that names conduct is not this kind ("Sebanyak 12 ASN ditegur karena
    # menyukai unggahan paslon" counts conduct; it is not a statistic about nothing)
    yields_to_conduct: bool = False


@dataclass(frozen=True, slots=True)
class Rules:
    kinds: dict[str, Kind]
    cues: PatternSet
    incident: PatternSet
    negators: frozenset[str]
    negation_window: int
    not_negation: frozenset[str]
    reasons: frozenset[str]
    hypothetical: frozenset[str]
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
    return Kind(
        name,
        entry["scope"],
        bool(entry.get("frames", False)),
        codes,
        bool(entry.get("yields_to_conduct", False)),
    )


@lru_cache(maxsize=1)
def rules() -> Rules:
    raw = load_yaml("context.yaml")
    check_fields(
        "context.yaml", raw, ("gap", "kinds", "incident", "reasons", "negation", "subjects")
    )
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
    return Rules(
        kinds=kinds,
        cues=PatternSet(cue_patterns),
        incident=PatternSet(_patterns("incident", raw["incident"]["cues"], gap)),
        negators=word_keys(negation["words"]),
        negation_window=int(negation["window"]),
        not_negation=word_keys(negation["not_before"]),
        reasons=word_keys(raw["reasons"]["words"]),
        hypothetical=word_keys(raw["incident"]["not_after"]),
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
    def vetoed(self) -> frozenset[str]:
        """Codes whose every match context dismissed."""
        kept = {hit.pattern.label for hit in self.kept}
        return frozenset(hit.pattern.label for hit, _ in self.suppressed) - kept

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
        if any(tokens[i.first].clause == token.clause and i.first < hit.first for i in incident):
            continue  # "... diduga merupakan bentuk dukungan": a finding, not a rule
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
        # the written word only: "sebelumnya" (earlier) has the stem "belum"
        if token.norm in table.negators:
            following = tokens[index + 1]
            if following.norm not in table.not_negation:
                return True
    return False


def _incidents(analysis: Analysis, cues: list[Hit]) -> list[Hit]:
    """Incident cues that tell of something that happened: not after a modal word, not
    in a clause that states a rule."""
    table = rules()
    tokens = analysis.tokens
    rule_starts: dict[int, int] = {}  # clause -> where its first rule cue starts
    for cue in cues:
        if cue.pattern.label == "rule_explained":
            clause = tokens[cue.first].clause
            rule_starts[clause] = min(rule_starts.get(clause, cue.first), cue.first)
    kept = []
    for hit in table.incident.hits(analysis):
        first = tokens[hit.first]
        # A finding before the rule words frames them ("diduga merupakan bentuk dukungan");
        # one told as the reason happened ("terancam disanksi karena kedapatan ...").
        start = rule_starts.get(first.clause)
        if start is not None and hit.first > start and not _told_as_reason(analysis, hit):
            continue
        lo = max(hit.first - 2, 0)
        if any(
            t.clause == first.clause
            and (t.norm in table.hypothetical or t.stem in table.hypothetical)
            and not _existential(tokens, lo + at)
            for at, t in enumerate(tokens[lo : hit.first])
        ):
            continue
        kept.append(hit)
    return kept


def _existential(tokens: Sequence[Token], index: int) -> bool:
    """``yang`` after "ada" ("ada yang kedapatan", "ada juga yang"): some did, not a
    hypothetical "ASN yang kedapatan ... akan disanksi"."""
    if tokens[index].norm != "yang":
        return False
    previous = [t.norm for t in tokens[max(index - 2, 0) : index]]
    return "ada" in previous


def _told_as_reason(analysis: Analysis, hit: Hit) -> bool:
    """A reason word earlier in the hit's clause: the clause tells what was done."""
    tokens = analysis.tokens
    clause = tokens[hit.first].clause
    reasons = rules().reasons
    index = hit.first - 1
    while index >= 0 and tokens[index].clause == clause:
        if tokens[index].norm in reasons or tokens[index].stem in reasons:
            return True
        index -= 1
    return False


def _subject(actors: list[attribution.Actor]) -> str:
    """The text's subject as the output reports it: bound when any conduct clause has a
    bound actor, non-bound when every one has an actor the rules do not bind."""
    if "bound" in actors:
        return "bound"
    if actors and all(actor == "non_bound" for actor in actors):
        return "non_bound"
    return "unknown"


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


def _framing(cues: list[Hit], incident: list[Hit]) -> str | None:
    if incident:
        return None
    kinds = rules().kinds
    framing = Counter(h.pattern.label for h in cues if kinds[h.pattern.label].frames)
    return framing.most_common(1)[0][0] if framing else None


def assess(analysis: Analysis, hits: list[Hit]) -> Context:
    table = rules()
    cues = table.cues.hits(analysis)
    if hits:
        cues = [cue for cue in cues if not table.kinds[cue.pattern.label].yields_to_conduct]
    incident = _incidents(analysis, cues)
    context = Context(cues=cues, incident=incident, framing=_framing(cues, incident))
    actors: list[attribution.Actor] = []
    found: list[attribution.Mention] = []
    if hits:
        context.mentions = subject_mentions(analysis)
        found = attribution.mentions(analysis, context.mentions)
        actors = attribution.attribute(analysis, hits, found)
        context.subject = _subject(actors)
        if context.subject == "non_bound":  # nobody bound did any of it: not for the model
            for code in CODE_SET - table.implied_by_codes:  # to find either
                context.blocked_codes.setdefault(code, "non_bound_actor")
    _document_blocks(context)
    flagged = _flagged_clauses(analysis, cues, incident)
    for hit, actor in zip(hits, actors, strict=True):
        code = hit.pattern.label
        clause = analysis.tokens[hit.first].clause
        if code in context.blocked_codes:
            context.suppressed.append((hit, context.blocked_codes[code]))
        elif actor == "non_bound" and (
            code not in table.implied_by_codes or attribution.named_non_bound(analysis, hit, found)
        ):
            context.suppressed.append((hit, "non_bound_actor"))
        elif clause in flagged and not _told_as_reason(analysis, hit):
            context.suppressed.append((hit, flagged[clause]))
        elif _negated(analysis, hit):
            context.suppressed.append((hit, "negated"))
        else:
            context.kept.append(hit)
    return context
