"""``triage.attribution.v1``: who did the conduct a match describes, not who tells of it.

News quotes a Bawaslu member, a regional secretary or a BKN official about what someone
else did; a post exposes "oknum camat"; a release says "yang bersangkutan". The actor of
a conduct clause is the nearest person named before it in its sentence (a bound subject
wins over anyone else), the agent after "oleh" in a passive clause, or, when the
sentence names nobody or only points back ("ia", "keduanya", "yang bersangkutan"), the
actor of the sentences before. Institutions that report, supervise or sanction are never
actors; a candidate or party cadre counts only where it stands as the clause's subject,
not as the object of the act ("berfoto bersama calon bupati").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from netral.triage.analysis import Analysis, Token
from netral.triage.datafiles import check_fields, load_yaml
from netral.triage.patterns import Hit, Pattern, PatternSet, parse, word_keys

NAME = "triage.attribution.v1"

Actor = Literal["bound", "non_bound", "unknown"]


@dataclass(frozen=True, slots=True)
class Words:
    people: PatternSet  # labels "non_bound", "reporter", "anaphor": one scan finds them all
    object_markers: frozenset[str]
    agent_markers: frozenset[str]
    agent_reach: int  # words after the act within which a marker names its agent
    agent_stops: frozenset[str]  # written words that end the search for the agent
    place_words: frozenset[str]
    former_words: frozenset[str]
    fillers: frozenset[str]
    topic: PatternSet


def _patterns(label: str, words: list[str]) -> list[Pattern]:
    out = []
    for source in words:
        slots, gaps = parse(str(source), 0)
        out.append(Pattern(label, str(source), slots, gaps, 1.0))
    return out


@lru_cache(maxsize=1)
def words() -> Words:
    raw = load_yaml("context.yaml")["subjects"]
    check_fields(
        "context.yaml: subjects",
        raw,
        ("non_bound", "reporters", "anaphors", "object_markers", "agent_markers",
         "place_words", "former_words", "fillers", "topic_words", "implied_by_codes"),
    )  # fmt: skip
    return Words(
        people=PatternSet(
            _patterns("non_bound", raw["non_bound"]["words"])
            + _patterns("reporter", raw["reporters"]["words"])
            + _patterns("anaphor", raw["anaphors"]["words"])
        ),
        object_markers=word_keys(raw["object_markers"]["words"]),
        agent_markers=word_keys(raw["agent_markers"]["words"]),
        agent_reach=int(raw["agent_markers"]["reach"]),
        agent_stops=frozenset(str(w) for w in raw["agent_markers"]["stops"]),
        place_words=word_keys(raw["place_words"]["words"]),
        former_words=word_keys(raw["former_words"]["words"]),
        fillers=word_keys(raw["fillers"]["words"]),
        topic=PatternSet(_patterns("topic", raw["topic_words"]["words"])),
    )


def _is(token: Token, keys: frozenset[str]) -> bool:
    """Whether the token is one of the words (``word_keys`` holds stems and exact words)."""
    return token.norm in keys or token.stem in keys


@dataclass(frozen=True, slots=True)
class Mention:
    first: int  # token indices, inclusive
    last: int
    kind: Literal["bound", "non_bound", "anaphor"]
    sentence: int


def mentions(analysis: Analysis, bound: Sequence[tuple[int, int]]) -> list[Mention]:
    """Every actor mention in text order; reporters and place uses dropped."""
    table = words()
    tokens = analysis.tokens
    taken: set[int] = set()
    found: list[Mention] = []

    def add(first: int, last: int, kind: Literal["bound", "non_bound", "anaphor"]) -> None:
        if any(i in taken for i in range(first, last + 1)):
            return
        taken.update(range(first, last + 1))
        found.append(Mention(first, last, kind, tokens[first].sentence))

    people = table.people.hits(analysis)
    for hit in people:  # "Ketua Bawaslu": never an actor
        if hit.pattern.label == "reporter":
            taken.update(range(hit.first, hit.last + 1))
    for first, last in bound:
        before = tokens[first - 1] if first > 0 else None
        if before is not None and _is(before, table.place_words):
            continue  # "kantor camat" is a place
        former = before is not None and _is(before, table.former_words)
        add(first, last, "non_bound" if former else "bound")
    for hit in people:
        if hit.pattern.label == "anaphor":
            add(hit.first, hit.last, "anaphor")
    for hit in people:
        if hit.pattern.label != "non_bound":
            continue
        sentence = tokens[hit.first].sentence
        start = hit.first
        while start > 0 and _is(tokens[start - 1], table.fillers) and hit.first - start < 3:
            start -= 1  # "terhadap salah satu paslon": the marker stands before the filler
        preceding = tokens[max(start - 2, 0) : start]
        if any(_is(t, table.object_markers) and t.sentence == sentence for t in preceding):
            continue  # the act's object or beneficiary, not its actor
        add(hit.first, hit.last, "non_bound")
    return sorted(found, key=lambda m: m.first)


def _agent_after(analysis: Analysis, hit: Hit, found: Sequence[Mention]) -> Mention | None:
    """The actor after "oleh" in the hit's clause ("dipasang oleh relawan")."""
    table = words()
    tokens = analysis.tokens
    clause = tokens[hit.first].clause
    end = min(len(tokens), hit.last + 1 + table.agent_reach)
    for index in range(hit.last + 1, end):
        if tokens[index].clause != clause or tokens[index].norm in table.agent_stops:
            return None
        if _is(tokens[index], table.agent_markers):
            return next((m for m in found if m.first in (index + 1, index + 2)), None)
    return None


def attribute(analysis: Analysis, hits: Sequence[Hit], found: Sequence[Mention]) -> list[Actor]:
    """The actor of each hit: a bound subject, someone the rules do not bind, or unknown."""
    tokens = analysis.tokens
    discourse: dict[int, Actor] = {}  # sentence -> the actor it leaves for the next ones

    def sentence_actor(sentence: int) -> Actor:
        """The actor a later sentence inherits from ``sentence`` and those before it."""
        if sentence in discourse:
            return discourse[sentence]
        here = [m for m in found if m.sentence == sentence]
        actor: Actor
        if any(m.kind == "bound" for m in here):
            actor = "bound"
        elif here and here[0].kind == "non_bound":
            actor = "non_bound"
        else:
            actor = sentence_actor(sentence - 1) if sentence > 0 else unnamed()
        discourse[sentence] = actor
        return actor

    # Where each sentence's first conduct words start: a person named after them is the
    # act's object or beneficiary ("memberi like di akun salah satu paslon"), not its actor.
    first_act: dict[int, int] = {}
    for hit in hits:
        sentence = tokens[hit.first].sentence
        first_act[sentence] = min(first_act.get(sentence, hit.first), hit.first)

    @cache  # the same answer for every clause of the text: scan for topic words once
    def unnamed() -> Actor:
        """A clause with no actor of its own: someone else's conduct when the text names
        no bound person, is not about neutrality, and names someone the rules don't bind
        where an actor stands (before the conduct words of its sentence)."""
        if any(m.kind == "bound" for m in found) or words().topic.hits(analysis):
            return "unknown"
        subjects = [
            m for m in found
            if m.kind == "non_bound" and m.first < first_act.get(m.sentence, len(tokens))
        ]  # fmt: skip
        return "non_bound" if subjects else "unknown"

    out: list[Actor] = []
    for hit in hits:
        sentence = tokens[hit.first].sentence
        before = [m for m in found if m.sentence == sentence and m.first <= hit.last]
        agent = _agent_after(analysis, hit, found)
        if agent is not None and agent.kind != "anaphor":
            out.append(agent.kind)
        elif any(m.kind == "bound" for m in before):
            out.append("bound")
        # Only people named before the act can be its actor: "meminta warga memilih" names
        # the public as the act's object. A pronoun nearer than them points back further
        # ("Dengan menghadirkan seorang caleg, ia meminta ...").
        elif (prior := [m for m in before if m.last < hit.first]) and prior[-1].kind == "anaphor":
            out.append(sentence_actor(sentence - 1) if sentence > 0 else "unknown")
        elif prior and prior[-1].kind == "non_bound" and prior[0].kind == "non_bound":
            out.append("non_bound")
        elif sentence > 0:
            out.append(sentence_actor(sentence - 1))
        else:
            out.append(unnamed())
    return out


def named_non_bound(analysis: Analysis, hit: Hit, found: Sequence[Mention]) -> bool:
    """Whether the hit's own sentence names, before the act, only people the rules do not
    bind ("bacaleg yang menggunakan mobil dinas"): then even a state facility is their
    conduct, not a civil servant's."""
    sentence = analysis.tokens[hit.first].sentence
    prior = [m for m in found if m.sentence == sentence and m.last < hit.first]
    return bool(prior) and all(m.kind == "non_bound" for m in prior)
