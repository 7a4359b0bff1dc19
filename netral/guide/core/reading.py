"""Reading a person's own question ("Bolehkah saya nge-like postingan bakal calon?").

Triage is built for reports of what someone did. A question about the rules is, rightly,
not a report to triage ("rule explained"), and a question in the first person names no
civil servant. So the question is first told as the act it asks about ("seorang PNS
nge-like postingan bakal calon."), then triaged. What triage finds is then read with a
question's shape in mind:

- triage's cues for passive attendance and unpaid leave become facts for the rules engine,
  instead of reasons to drop the conduct (the engine's exceptions decide what they excuse);
- conduct told of someone else ("suami saya maju jadi calon") is not the act asked about;
- going to a campaign is the conduct of taking part, whose answer turns on whether the
  person only listens (triage rightly weighs bare attendance low in a report);
- where two codes are read in one sentence and one stands for the other (a call to vote
  made in a post is the post), the narrower one is kept.
All word lists are in the guidance file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from netral.guide.core.guidance import Guidance, ReadingWords
from netral.triage import triage

_TOKEN = re.compile(r"[\w-]+|[^\w\s]")
_WORD = re.compile(r"[\w-]+")
_ENDINGS = re.compile(r"[?!]+")
_SPACES = re.compile(r"\s+")
_CLAUSE_BREAK = re.compile(r"[,.;:]")
_SENTENCE_BREAK = re.compile(r"[.;]")
# Triage context kinds that state a fact of the act rather than deny it.
_FACT_CUES = frozenset({"passive", "on_leave"})
CAMPAIGN_ATTENDANCE = "KAMPANYE_IKUT"


@dataclass(frozen=True, slots=True)
class Evidence:
    code: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ReadQuestion:
    """What a question asks about: the act, its conduct codes, and the facts it states."""

    act: str
    conduct: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    elections: tuple[str, ...]
    on_leave: bool | None
    passive_attendance: bool | None


@cache
def _phrases(words: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


def _contains(text: str, words: tuple[str, ...]) -> bool:
    return bool(words) and _phrases(words).search(text) is not None


def _spans(text: str, breaks: re.Pattern[str]) -> list[tuple[int, int]]:
    spans, start = [], 0
    for found in breaks.finditer(text):
        spans.append((start, found.end()))
        start = found.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip(" ,.;:")]


def _span_of(spans: list[tuple[int, int]], offset: int) -> int:
    return next((i for i, (a, b) in enumerate(spans) if a <= offset < b), len(spans) - 1)


def act_text(question: str, subject: str, words: ReadingWords) -> str:
    """The act a question asks about, told as a statement about a bound person."""
    text = _ENDINGS.sub(" . ", question.lower())
    text = _phrases(words.question_words).sub(" ", text)
    person = f"seorang {words.subject_words.get(subject, 'pegawai')}"
    tokens = _TOKEN.findall(text)
    out: list[str] = []
    named = False
    for token in tokens:
        if token in words.first_person:
            before = out[-1] if out else None
            asker = before is None or not _WORD.fullmatch(before) or before in words.actor_before
            if asker:
                out.append(person)
                named = True
            continue  # "istri saya" -> "istri": the possessive names no one new
        out.append(token)
    if not named:
        out.insert(0, person)
    joined = " ".join(out)
    joined = re.sub(r"\s+([,.;:)\"'])", r"\1", joined)
    joined = re.sub(r"([.,;:])(?:\s*[.,;:])+", r"\1", joined)
    return _SPACES.sub(" ", joined).strip(" ,.;:") + "."


def _elections(text: str, words: ReadingWords) -> tuple[str, ...]:
    return tuple(e for e, names in sorted(words.election_words.items()) if _contains(text, names))


def _passive(
    question: str, kinds: set[str], conduct: tuple[str, ...], words: ReadingWords
) -> bool | None:
    if "passive" in kinds:
        return True
    if CAMPAIGN_ATTENDANCE not in conduct:
        return None
    tokens = set(_WORD.findall(question))
    if tokens & words.active_words:
        return False
    if tokens & words.attendance_words:
        return None  # going to a campaign: whether only to listen is the open question
    return False


def _on_leave(question: str, kinds: set[str], words: ReadingWords) -> bool | None:
    if "on_leave" in kinds:
        return True
    if _contains(question, words.no_leave_words):
        return False
    return None


def _attendance(act: str, words: ReadingWords) -> list[Evidence]:
    found = []
    for start, end in _spans(act, _SENTENCE_BREAK):
        sentence = act[start:end]
        attends = set(_WORD.findall(sentence)) & words.attendance_words
        if attends and _contains(sentence, words.campaign_events):
            found.append(Evidence(CAMPAIGN_ATTENDANCE, start, end, sentence.strip(" .;")))
    return found


def _told_of_others(act: str, evidence: Evidence, person: str, words: ReadingWords) -> bool:
    if evidence.code in words.about_others:
        return False
    clauses = _spans(act, _CLAUSE_BREAK)
    start, end = clauses[_span_of(clauses, evidence.start)]
    clause = act[start:end]
    first = _WORD.search(clause)
    return person not in clause and first is not None and first.group(0) in words.others


def _narrowed(evidence: list[Evidence], act: str, words: ReadingWords) -> list[Evidence]:
    sentences = _spans(act, _SENTENCE_BREAK)
    where: dict[str, set[int]] = {}
    for item in evidence:
        first = _span_of(sentences, item.start)
        last = _span_of(sentences, max(item.end - 1, item.start))
        where.setdefault(item.code, set()).update(range(first, last + 1))
    dropped = {
        narrower
        for wider, narrowers in words.narrows.items()
        for narrower in narrowers
        if wider in where and narrower in where and where[narrower] & where[wider]
    }
    return [item for item in evidence if item.code not in dropped]


def read_question(question: str, subject: str, guidance: Guidance) -> ReadQuestion:
    words = guidance.reading
    act = act_text(question, subject, words)
    person = f"seorang {words.subject_words.get(subject, 'pegawai')}"
    result = triage(act)
    context = result.context
    kinds = set(context.get("kinds", []))
    evidence = [Evidence(e.code, e.start, e.end, e.text) for e in result.evidence]
    evidence += [
        Evidence(item["code"], item["start"], item["end"], item["text"])
        for item in context.get("suppressed", [])
        if item.get("reason") in _FACT_CUES
    ]
    evidence += _attendance(act, words)
    evidence = [e for e in evidence if not _told_of_others(act, e, person, words)]
    evidence = _narrowed(evidence, act, words)
    present = {e.code for e in evidence}
    # Codes triage decided on without a quotable span still count, unless told of others.
    unquoted = [c for c in result.codes if c not in {e.code for e in result.evidence}]
    present |= set(unquoted)
    conduct = tuple(code for code in guidance.conduct if code in present)
    lowered = question.lower()
    return ReadQuestion(
        act=act,
        conduct=conduct,
        evidence=tuple(dict.fromkeys(e for e in evidence if e.code in present)),
        elections=_elections(lowered, words),
        on_leave=_on_leave(lowered, kinds, words),
        passive_attendance=_passive(lowered, kinds, conduct, words),
    )
