"""The self-check: may a person do this act on this date? Pure: triage, rules, guidance.

The rules engine needs every fact; a person often leaves some open (which election, whether
the candidate is determined when no timetable covers the date, unpaid leave, passive
attendance). Each open fact is tried both ways. A conduct is forbidden when every way
forbids it, allowed when every way allows it, and otherwise it depends: the open facts
whose value changes the answer become the questions that would settle it.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from netral.guide.core.guidance import Guidance, Text
from netral.guide.core.reading import Evidence, read_question
from netral.rules import Catalogue, Finding, RulesError, TraceLine, assess
from netral.rules.context import find_cycle

FORBIDDEN = "FORBIDDEN"
ALLOWED = "ALLOWED"
DEPENDS = "DEPENDS"
# How one conduct comes out in one set of facts.
BARRED = "BARRED"  # at least one track applies
EXCUSED = "EXCUSED"  # an exception removed every track
SILENT = "SILENT"  # the catalogue has no provision for these facts
STATUSES = ("BAKAL_CALON", "CALON")


class SelfCheckError(ValueError):
    """The question cannot be checked (English message; the web layer words its own)."""


@dataclass(frozen=True, slots=True)
class Question:
    date: datetime.date
    subject: str
    text: str = ""
    conduct: tuple[str, ...] = ()
    election: str | None = None
    candidate_status: str | None = None
    on_leave: bool | None = None
    passive_attendance: bool | None = None


@dataclass(frozen=True, slots=True)
class Scenario:
    """One complete set of facts the engine is asked about."""

    election: str
    candidate_status: str | None  # None: derived by the engine from the timetable
    on_leave: bool | None  # None: left open and of no weight for this conduct
    passive_attendance: bool | None

    def facts(self, subject: str, conduct: Iterable[str], day: datetime.date) -> dict[str, object]:
        facts: dict[str, object] = {
            "subject": subject,
            "conduct": list(conduct),
            "date": day.isoformat(),
            "election": self.election,
            "on_leave": bool(self.on_leave),
            "passive_attendance": bool(self.passive_attendance),
        }
        if self.candidate_status is not None:
            facts["candidate_status"] = self.candidate_status
        return facts


@dataclass(frozen=True, slots=True)
class Outcome:
    """One conduct in one scenario, as the engine assessed it."""

    scenario: Scenario
    status: str | None  # the candidate status the engine used
    during_campaign: bool | None
    kind: str
    finding: Finding
    via: str | None  # the included conduct answered from, when the code itself had no rule
    lines: tuple[TraceLine, ...]  # this conduct's trace: provisions, exceptions, notes


@dataclass(frozen=True, slots=True)
class ConductAnswer:
    code: str
    verdict: str
    outcomes: tuple[Outcome, ...]
    questions: tuple[str, ...]  # open facts that change this conduct's answer
    silent: bool  # some scenario has no rule in the catalogue


@dataclass(frozen=True, slots=True)
class Answer:
    question: Question
    verdict: str
    conduct: tuple[ConductAnswer, ...]
    questions: tuple[str, ...]
    read_as: str  # the act triage read, when the question was in words
    evidence: tuple[Evidence, ...]
    elections: tuple[str, ...]
    still_forbidden: tuple[str, ...] = field(default=())  # when no conduct was found
    ask: Text | None = None

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(answer.code for answer in self.conduct)


def _status_of(lines: tuple[TraceLine, ...]) -> tuple[str | None, bool | None]:
    for line in lines:
        if line.step == "STATUS":
            facts = dict(line.facts)
            status = facts.get("candidate_status")
            during = facts.get("during_campaign")
            return (
                status if isinstance(status, str) else None,
                during if isinstance(during, bool) else None,
            )
    return None, None


def _kind(finding: Finding, lines: Iterable[TraceLine]) -> str:
    if finding.tracks:
        return BARRED
    if any(line.step == "EXCEPTION" for line in lines):
        return EXCUSED
    return SILENT


def _outcome(
    question: Question, scenario: Scenario, code: str, guidance: Guidance, catalogue: Catalogue
) -> Outcome:
    chain = (code, *guidance.includes.get(code, ()))
    first: Outcome | None = None
    for current in chain:
        facts = scenario.facts(question.subject, [current], question.date)
        if current != code:
            # The specific act (campaigning in attributes, mobilising others) is never mere
            # presence, whatever the person said about listening.
            facts["passive_attendance"] = False
        result = assess(facts, catalogue=catalogue)
        lines = tuple(line for line in result.explanation if line.conduct == current)
        status, during = _status_of(result.explanation)
        finding = result.findings[0]
        outcome = Outcome(
            scenario=scenario,
            status=status,
            during_campaign=during,
            kind=_kind(finding, lines),
            finding=finding,
            via=None if current == code else current,
            lines=lines,
        )
        if outcome.kind != SILENT:
            return outcome
        first = first or outcome
    assert first is not None  # noqa: S101  (the chain always holds the code itself)
    return first


def _elections(
    question: Question, hinted: tuple[str, ...], catalogue: Catalogue
) -> tuple[str, ...]:
    if question.election is not None:
        return (question.election,)
    if hinted:
        return hinted
    covering = tuple(
        e for e in catalogue.vocabulary.elections if find_cycle(catalogue, e, question.date)
    )
    return covering or tuple(catalogue.vocabulary.elections)


def _scenarios(
    question: Question,
    elections: tuple[str, ...],
    on_leave: bool | None,
    passive: bool | None,
    catalogue: Catalogue,
) -> list[Scenario]:
    leaves = (on_leave,) if on_leave is not None else (False, True)
    passives = (passive,) if passive is not None else (False, True)
    scenarios = []
    for election in elections:
        if question.candidate_status is not None:
            statuses: tuple[str | None, ...] = (question.candidate_status,)
        elif find_cycle(catalogue, election, question.date) is not None:
            statuses = (None,)
        else:
            statuses = STATUSES  # no timetable covers the date: the status is an open fact
        for status, leave, still in itertools.product(statuses, leaves, passives):
            scenarios.append(Scenario(election, status, leave, still))
    return scenarios


def _deciding(outcomes: list[Outcome]) -> tuple[str, ...]:
    """Open facts whose value changes the kind of outcome, all else equal."""
    facts: dict[str, Callable[[Scenario], object]] = {
        "election": lambda s: s.election,
        "candidate_status": lambda s: s.candidate_status,
        "on_leave": lambda s: s.on_leave,
        "passive_attendance": lambda s: s.passive_attendance,
    }
    deciding = []
    for name, read in facts.items():
        others = [other for other in facts if other != name]
        groups: dict[tuple[object, ...], set[str]] = {}
        for outcome in outcomes:
            key = tuple(facts[other](outcome.scenario) for other in others)
            groups.setdefault(key, set()).add(outcome.kind)
        values = {read(o.scenario) for o in outcomes}
        if len(values) > 1 and any(len(kinds) > 1 for kinds in groups.values()):
            deciding.append(name)
    return tuple(deciding)


def _same(outcome: Outcome) -> tuple[object, ...]:
    return (outcome.kind, outcome.finding, outcome.via, outcome.status)


def _left_open(scenario: Scenario, name: str) -> Scenario:
    if name == "on_leave":
        return replace(scenario, on_leave=None)
    return replace(scenario, passive_attendance=None)


def _collapse(outcomes: list[Outcome], open_facts: tuple[str, ...]) -> list[Outcome]:
    """Drop an open fact from the outcomes of a conduct it does not change."""
    for name in open_facts:
        others = [
            o
            for o in ("election", "candidate_status", "on_leave", "passive_attendance")
            if o != name
        ]
        groups: dict[tuple[object, ...], set[tuple[object, ...]]] = {}
        for outcome in outcomes:
            key = tuple(getattr(outcome.scenario, o) for o in others)
            groups.setdefault(key, set()).add(_same(outcome))
        if all(len(found) == 1 for found in groups.values()):
            kept: dict[tuple[object, ...], Outcome] = {}
            for outcome in outcomes:
                key = tuple(getattr(outcome.scenario, o) for o in others)
                if key not in kept:
                    kept[key] = replace(outcome, scenario=_left_open(outcome.scenario, name))
            outcomes = list(kept.values())
    return outcomes


def _conduct_answer(code: str, outcomes: list[Outcome]) -> ConductAnswer:
    kinds = {outcome.kind for outcome in outcomes}
    if kinds == {BARRED}:
        verdict = FORBIDDEN
    elif kinds == {EXCUSED}:
        verdict = ALLOWED
    else:
        verdict = DEPENDS
    questions = _deciding(outcomes) if verdict == DEPENDS else ()
    return ConductAnswer(code, verdict, tuple(outcomes), questions, SILENT in kinds)


def _overall(answers: list[ConductAnswer]) -> str:
    verdicts = {answer.verdict for answer in answers}
    if FORBIDDEN in verdicts:
        return FORBIDDEN
    if DEPENDS in verdicts:
        return DEPENDS
    return ALLOWED


def still_forbidden(
    day: datetime.date, subject: str, elections: tuple[str, ...], catalogue: Catalogue
) -> tuple[str, ...]:
    """Conduct the catalogue forbids the subject on that day, in any election that applies."""
    codes = tuple(catalogue.vocabulary.conduct)
    barred: set[str] = set()
    for election in elections:
        statuses: tuple[str | None, ...] = (
            (None,) if find_cycle(catalogue, election, day) else STATUSES
        )
        for status in statuses:
            scenario = Scenario(election, status, False, False)
            result = assess(scenario.facts(subject, codes, day), catalogue=catalogue)
            barred |= {f.conduct for f in result.findings if f.tracks}
    return tuple(code for code in codes if code in barred)


def check(question: Question, *, guidance: Guidance, catalogue: Catalogue) -> Answer:
    """Answer one self-check question. Raises SelfCheckError on unusable input."""
    if question.subject not in guidance.subjects:
        raise SelfCheckError(f"unknown subject {question.subject!r}")
    unknown = [c for c in question.conduct if c not in catalogue.vocabulary.conduct]
    if unknown:
        raise SelfCheckError(f"unknown conduct code {unknown[0]!r}")
    if not question.text.strip() and not question.conduct:
        raise SelfCheckError("give the act in words or pick at least one conduct")
    if question.election not in (None, *catalogue.vocabulary.elections):
        raise SelfCheckError(f"unknown election {question.election!r}")
    if question.candidate_status not in (None, *STATUSES):
        raise SelfCheckError(f"unknown candidate status {question.candidate_status!r}")
    read = (
        read_question(question.text, question.subject, guidance) if question.text.strip() else None
    )
    codes = tuple(dict.fromkeys((*question.conduct, *(read.conduct if read else ()))))
    on_leave = question.on_leave
    if on_leave is None and read is not None:
        on_leave = read.on_leave
    passive = question.passive_attendance
    if passive is None and read is not None:
        passive = read.passive_attendance
    elections = _elections(question, read.elections if read else (), catalogue)
    scenarios = _scenarios(question, elections, on_leave, passive, catalogue)
    open_facts = tuple(
        name
        for name, value in (("on_leave", on_leave), ("passive_attendance", passive))
        if value is None
    )
    try:
        answers = [
            _conduct_answer(
                code,
                _collapse(
                    [_outcome(question, s, code, guidance, catalogue) for s in scenarios],
                    open_facts,
                ),
            )
            for code in codes
        ]
        remaining = (
            ()
            if answers
            else still_forbidden(question.date, question.subject, elections, catalogue)
        )
    except RulesError as exc:  # e.g. a year without a working-day calendar
        raise SelfCheckError(str(exc)) from exc
    questions = tuple(
        name
        for name in ("election", "candidate_status", "on_leave", "passive_attendance")
        if any(name in answer.questions for answer in answers)
    )
    return Answer(
        question=question,
        verdict=_overall(answers),
        conduct=tuple(answers),
        questions=questions,
        read_as=read.act if read else "",
        evidence=read.evidence if read else (),
        elections=elections,
        still_forbidden=remaining,
        ask=guidance.asks.get(question.subject),
    )
