"""The guidance file: plain-language texts and how the self-check reads a question.

Legal facts never live here (they are the rules catalogue's); the loader checks that every
conduct and subject code it names exists in the catalogue, so the two cannot drift.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from netral.datafiles import DataFileError, check_fields, read_strict_yaml
from netral.rules import Catalogue, default_catalogue

GUIDANCE_FILE = Path(__file__).resolve().parent.parent / "data" / "guidance.yaml"
FACT_QUESTIONS = ("election", "candidate_status", "on_leave", "passive_attendance")


@dataclass(frozen=True, slots=True)
class Text:
    """One text in Indonesian and English."""

    id: str
    en: str

    def pick(self, language: str) -> str:
        return self.en if language.startswith("en") else self.id


@dataclass(frozen=True, slots=True)
class Group:
    code: str
    title: Text
    intro: Text
    conduct: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ConductGuide:
    code: str
    slug: str
    plain: Text
    covered: tuple[Text, ...]
    not_covered: tuple[Text, ...]


@dataclass(frozen=True, slots=True)
class ReadingWords:
    question_words: tuple[str, ...]
    first_person: frozenset[str]
    subject_words: dict[str, str]
    election_words: dict[str, tuple[str, ...]]
    attendance_words: frozenset[str]
    active_words: frozenset[str]
    actor_before: frozenset[str]
    others: frozenset[str]
    about_others: frozenset[str]
    campaign_events: tuple[str, ...]
    narrows: dict[str, tuple[str, ...]]
    no_leave_words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Guidance:
    groups: tuple[Group, ...]
    conduct: dict[str, ConductGuide]
    includes: dict[str, tuple[str, ...]]
    asks: dict[str, Text]
    questions: dict[str, Text]
    reading: ReadingWords

    @property
    def subjects(self) -> tuple[str, ...]:
        """The people the self-check answers for, in the file's order."""
        return tuple(self.asks)

    def by_slug(self, slug: str) -> ConductGuide | None:
        return next((g for g in self.conduct.values() if g.slug == slug), None)


def _text(where: str, raw: Any) -> Text:
    if not isinstance(raw, Mapping):
        raise DataFileError(f"{where}: expected a mapping with 'id' and 'en'")
    check_fields(where, raw, ("id", "en"))
    if not all(isinstance(raw[k], str) and raw[k].strip() for k in ("id", "en")):
        raise DataFileError(f"{where}: 'id' and 'en' must be non-empty text")
    return Text(raw["id"].strip(), raw["en"].strip())


def _words(where: str, raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(w, str) and w.strip() for w in raw):
        raise DataFileError(f"{where}: expected a list of words")
    return tuple(w.strip().lower() for w in raw)


def _codes(where: str, raw: Any, known: Mapping[str, object]) -> tuple[str, ...]:
    codes = _words(where, raw)
    upper = tuple(code.upper() for code in codes)
    unknown = [code for code in upper if code not in known]
    if unknown:
        raise DataFileError(f"{where}: unknown code(s) {unknown}")
    return upper


def _groups(raw: Any, catalogue: Catalogue) -> tuple[Group, ...]:
    groups = []
    for index, item in enumerate(raw):
        where = f"guidance.yaml: groups[{index}]"
        check_fields(where, item, ("code", "id", "en", "intro", "conduct"))
        groups.append(
            Group(
                code=str(item["code"]),
                title=_text(where, {"id": item["id"], "en": item["en"]}),
                intro=_text(f"{where}.intro", item["intro"]),
                conduct=_codes(f"{where}.conduct", item["conduct"], catalogue.vocabulary.conduct),
            )
        )
    grouped = [code for group in groups for code in group.conduct]
    if sorted(grouped) != sorted(catalogue.vocabulary.conduct):
        raise DataFileError("guidance.yaml: groups must hold every conduct code exactly once")
    return tuple(groups)


def _conduct(raw: Any, catalogue: Catalogue) -> dict[str, ConductGuide]:
    guides: dict[str, ConductGuide] = {}
    for index, item in enumerate(raw):
        where = f"guidance.yaml: conduct[{index}]"
        check_fields(where, item, ("code", "slug", "plain", "covered", "not_covered"))
        code = _codes(f"{where}.code", [item["code"]], catalogue.vocabulary.conduct)[0]
        guides[code] = ConductGuide(
            code=code,
            slug=str(item["slug"]),
            plain=_text(f"{where}.plain", item["plain"]),
            covered=tuple(_text(f"{where}.covered", t) for t in item["covered"]),
            not_covered=tuple(_text(f"{where}.not_covered", t) for t in item["not_covered"]),
        )
    if set(guides) != set(catalogue.vocabulary.conduct):
        raise DataFileError("guidance.yaml: conduct must explain every conduct code once")
    if len({g.slug for g in guides.values()}) != len(guides):
        raise DataFileError("guidance.yaml: conduct slugs must be unique")
    return guides


def _reading(raw: Any, subjects: tuple[str, ...], catalogue: Catalogue) -> ReadingWords:
    where = "guidance.yaml: reading"
    fields = (
        "question_words",
        "first_person",
        "subject_words",
        "election_words",
        "attendance_words",
        "active_words",
        "actor_before",
        "others",
        "about_others",
        "campaign_events",
        "narrows",
        "no_leave_words",
    )
    check_fields(where, raw, fields)
    subject_words = {str(k): str(v) for k, v in raw["subject_words"].items()}
    if set(subject_words) != set(subjects):
        raise DataFileError(f"{where}.subject_words: give one word for each subject")
    elections = {
        str(k): _words(f"{where}.election_words.{k}", v) for k, v in raw["election_words"].items()
    }
    if set(elections) - set(catalogue.vocabulary.elections):
        raise DataFileError(f"{where}.election_words: unknown election")
    return ReadingWords(
        question_words=_words(f"{where}.question_words", raw["question_words"]),
        first_person=frozenset(_words(f"{where}.first_person", raw["first_person"])),
        subject_words=subject_words,
        election_words=elections,
        attendance_words=frozenset(_words(f"{where}.attendance_words", raw["attendance_words"])),
        active_words=frozenset(_words(f"{where}.active_words", raw["active_words"])),
        actor_before=frozenset(_words(f"{where}.actor_before", raw["actor_before"])),
        others=frozenset(_words(f"{where}.others", raw["others"])),
        about_others=frozenset(
            _codes(f"{where}.about_others", raw["about_others"], catalogue.vocabulary.conduct)
        ),
        campaign_events=_words(f"{where}.campaign_events", raw["campaign_events"]),
        narrows={
            _codes(f"{where}.narrows", [k], catalogue.vocabulary.conduct)[0]: _codes(
                f"{where}.narrows.{k}", v, catalogue.vocabulary.conduct
            )
            for k, v in raw["narrows"].items()
        },
        no_leave_words=_words(f"{where}.no_leave_words", raw["no_leave_words"]),
    )


def load_guidance(path: Path | None = None, *, catalogue: Catalogue | None = None) -> Guidance:
    """Read and check the guidance file against the catalogue's codes."""
    catalogue = catalogue or default_catalogue()
    raw = read_strict_yaml(path or GUIDANCE_FILE)
    fields = ("groups", "conduct", "includes", "subjects", "questions", "reading")
    check_fields("guidance.yaml", raw, fields)
    vocabulary = catalogue.vocabulary
    asks = {}
    for index, item in enumerate(raw["subjects"]):
        where = f"guidance.yaml: subjects[{index}]"
        check_fields(where, item, ("code", "ask"))
        code = _codes(f"{where}.code", [item["code"]], vocabulary.subjects)[0]
        asks[code] = _text(f"{where}.ask", item["ask"])
    questions = {
        str(k): _text(f"guidance.yaml: questions.{k}", v) for k, v in raw["questions"].items()
    }
    if set(questions) != set(FACT_QUESTIONS):
        raise DataFileError(f"guidance.yaml: questions must be exactly {list(FACT_QUESTIONS)}")
    includes = {
        _codes("guidance.yaml: includes", [k], vocabulary.conduct)[0]: _codes(
            f"guidance.yaml: includes.{k}", v, vocabulary.conduct
        )
        for k, v in raw["includes"].items()
    }
    return Guidance(
        groups=_groups(raw["groups"], catalogue),
        conduct=_conduct(raw["conduct"], catalogue),
        includes=includes,
        asks=asks,
        questions=questions,
        reading=_reading(raw["reading"], tuple(asks), catalogue),
    )


@cache
def default_guidance() -> Guidance:
    """The packaged guidance, read once per process."""
    return load_guidance()
