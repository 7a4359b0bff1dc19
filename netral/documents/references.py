"""Laws and rules a document cites, as domain/law.md ids with their article parts."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from netral.documents.loader import check_fields, load_data
from netral.documents.model import Reference
from netral.documents.phrases import PhraseMatcher
from netral.rules import default_catalogue

_NUMBER_YEAR = (
    r"\s*(?:\([A-Za-z]+\)\s*)?(?:(?i:nomor|no\.?|nmr\.?)\s*[:.]?\s*)?"
    r"0*(?P<number>\d{1,4})\s*(?:(?i:tahun|thn\.?|th\.?)|/|,)?\s*(?P<year>(?:19|20)\d{2})(?!\d)"
)
_ARTICLE = (
    r"(?i:pasal)\s+(?P<pasal>\d+[A-Z]?)(?:\s+(?i:ayat)\s*\(?(?P<ayat>\d+)\)?)?"
    r"(?:\s+(?i:huruf)\s+\(?(?P<huruf>[a-zA-Z])\)?(?!\w))?(?:\s+(?i:angka)\s+\(?(?P<angka>\d+)\)?)?"
)
_ARTICLE_AFTER = re.compile(rf"\s*,?\s*(?:(?i:dan|serta|jo\.?|juncto)\s+)?{_ARTICLE}")
_BEFORE_RULE = re.compile(r"\s*(?:(?i:dari|pada|dalam)\s+)?")
_ARTICLE_BEFORE = re.compile(rf"{_ARTICLE}\s+(?:(?i:dari|pada|dalam)\s+)?$")


Article = tuple[str | None, str | None, str | None, str | None]  # pasal, ayat, huruf, angka


@dataclass(frozen=True)
class Known:
    id: str
    start: dt.date | None
    until: dt.date | None

    def in_force(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (
            self.until is None or day <= self.until
        )


@dataclass(frozen=True)
class CitedRule:
    """One place a document names a rule; `candidates` holds more than one id only for a
    name whose meaning depends on the date ("UU ASN")."""

    candidates: tuple[str, ...]
    start: int
    end: int
    articles: tuple[Article, ...]

    def references(self, day: dt.date | None) -> list[Reference]:
        if not self.candidates:
            return []
        rule = resolve(self.candidates, day)
        if not self.articles:
            return [Reference(rule)]
        return [Reference(rule, *article) for article in self.articles]


@dataclass(frozen=True)
class _Catalogue:
    known: dict[str, Known]
    families: list[tuple[re.Pattern[str], str, bool]]  # regex, template, year only
    aliases: PhraseMatcher
    # (instrument type, issuing office or None) -> (template, year only)
    by_mention: dict[tuple[str, str | None], tuple[str, bool]]


def _date(value: object) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


@cache
def catalogue() -> _Catalogue:
    data = load_data("references.yaml")
    known, grouped = _known_rules(data["instruments"])
    families = []
    by_mention: dict[tuple[str, str | None], tuple[str, bool]] = {}
    for index, entry in enumerate(data["families"]):
        check_fields(f"references.yaml families[{index}]", entry, ("template", "words"),
                     ("year_only", "mention_type", "issuer"))  # fmt: skip
        year_only = bool(entry.get("year_only"))
        if "mention_type" in entry:
            by_mention[entry["mention_type"], entry.get("issuer")] = (entry["template"], year_only)
        words = "|".join(r"\s+".join(map(re.escape, w.split())) for w in entry["words"])
        regex = re.compile(rf"(?<!\w)(?i:{words})(?!\w){_NUMBER_YEAR}")
        families.append((regex, entry["template"], year_only))
    return _Catalogue(known, families, PhraseMatcher(grouped), by_mention)


def _known(rule: str, entry: dict[str, Any]) -> Known:
    """Dates in force from the rules catalogue when it lists the rule (one source of legal
    dates); `from`/`until` in references.yaml only for rules it does not."""
    listed = default_catalogue().instruments.get(rule)
    if listed is not None:
        return Known(rule, listed.in_force.start, listed.in_force.end)
    return Known(rule, _date(entry.get("from")), _date(entry.get("until")))


def _known_rules(entries: dict[str, Any]) -> tuple[dict[str, Known], dict[str, list[str]]]:
    """The listed rules, and their aliases grouped by the rules they may name: an alias of
    several rules ("UU ASN") gets the label "UU-5-2014|UU-20-2023" and `resolve` picks."""
    known: dict[str, Known] = {}
    aliases: dict[str, list[str]] = {}
    for rule, entry in entries.items():
        check_fields(f"references.yaml instruments.{rule}", entry,
                     ("title", "source", "confirmed"), ("from", "until", "aliases"))  # fmt: skip
        known[rule] = _known(rule, entry)
        for alias in entry.get("aliases", []):
            aliases.setdefault(alias, []).append(rule)
    grouped: dict[str, list[str]] = {}
    for alias, rules in aliases.items():
        grouped.setdefault("|".join(rules), []).append(alias)
    return known, grouped


def rule_id(template: str, number: str | None, year: str | int | None) -> str | None:
    """The id `template` gives, if the catalogue knows it."""
    if year is None or ("{number}" in template and not number):
        return None
    rule = template.format(number=str(int(number)) if number else "", year=year)
    return rule if rule in catalogue().known else None


_NUMBER_AND_YEAR = re.compile(r"^0*(\d{1,4})\s+(?i:tahun)\s+((?:19|20)\d{2})$")
_YEAR_IN_NUMBER = re.compile(r"(?:(?i:tahun)\s+|/)((?:19|20)\d{2})(?!\d)")


def rule_of_mention(
    kind: str, issuer: str | None, number: str | None, year: int | None
) -> str | None:
    """The known id of an instrument found by its type word, number and issuer, if any."""
    cat = catalogue()
    entry = cat.by_mention.get((kind, issuer)) or cat.by_mention.get((kind, None))
    if entry is None:
        return None
    template, year_only = entry
    if year_only:
        written = _YEAR_IN_NUMBER.search(number or "")
        return rule_id(template, None, written.group(1) if written else year)
    parts = _NUMBER_AND_YEAR.match(number or "")
    return rule_id(template, parts.group(1), parts.group(2)) if parts else None


def resolve(candidates: tuple[str, ...], day: dt.date | None) -> str:
    """The candidate in force on `day`, else the newest one."""
    known = catalogue().known
    if day is not None:
        for rule in candidates:
            if known[rule].in_force(day):
                return rule
    return next((r for r in candidates if known[r].until is None), candidates[-1])


def _articles(text: str, start: int, end: int, rule_starts: set[int]) -> tuple[Article, ...]:
    """Articles written just before the rule ("Pasal 9 ayat (2) UU ...") or after it;
    an article written just before the next rule belongs to that one."""
    found = []
    before = _ARTICLE_BEFORE.search(text, max(0, start - 80), start)
    if before:
        found.append(before)
    position = end
    while (after := _ARTICLE_AFTER.match(text, position)) is not None:
        lead_in = _BEFORE_RULE.match(text, after.end())
        if lead_in is not None and lead_in.end() in rule_starts:
            break
        found.append(after)
        position = after.end()
    return tuple(
        (m["pasal"], m["ayat"], m["huruf"].lower() if m["huruf"] else None, m["angka"])
        for m in found
    )


def find_cited_rules(text: str) -> list[CitedRule]:
    """Every named rule, with the articles written next to it. A national rule the
    catalogue does not list ("PP Nomor 11 Tahun 2017") has no candidates: it is still a
    general law, never an instrument, but gives no reference."""
    cat = catalogue()
    named: list[tuple[tuple[str, ...], int, int]] = []
    for regex, template, year_only in cat.families:
        for match in regex.finditer(text):
            rule = rule_id(template, None if year_only else match["number"], match["year"])
            named.append(((rule,) if rule else (), match.start(), match.end()))
    for alias in cat.aliases.finditer(text):
        if not any(start <= alias.start < end for _, start, end in named):
            named.append((tuple(alias.label.split("|")), alias.start, alias.end))
    starts = {start for _, start, _ in named}
    cited = [
        CitedRule(rules, start, end, _articles(text, start, end, starts))
        for rules, start, end in named
    ]
    return sorted(cited, key=lambda rule: rule.start)
