"""Assessing facts: the cached path every input line takes.

An outcome (one conduct's finding and trace, the status step, the handler step) depends on
the date only through the stretch of dates between two changes of law that matter to it
(``netral.rules.tables``). The engine keys each outcome by that stretch and by the facts
that can change it, computes it once with ``netral.rules.evaluate`` and reuses its
serialised JSON for every later line with the same key. Only the facts line, which carries
the date, is written per line, from a template.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping

from netral.rules import explain
from netral.rules.catalogue import Catalogue
from netral.rules.context import Context, derive_context
from netral.rules.encode import conduct_fragments, dumps, facts_template, render_facts
from netral.rules.evaluate import ConductRun
from netral.rules.facts import Facts, parse_facts
from netral.rules.result import Assessment, Part, make_part
from netral.rules.tables import PairTable, Tables, tables

CACHE_LIMIT = 100_000  # entries; past it the outcome cache starts again from empty
DATES_KEY = ("dates",)  # the date strings already read, for parse_facts
MEMO_KEY = ("json",)  # encoded findings and trace lines, for make_part


def _store(catalogue: Catalogue, key: tuple[object, ...], value: object) -> None:
    cache = catalogue.cache
    if len(cache) > CACHE_LIMIT:
        cache.clear()
    cache[key] = value


def _memo(catalogue: Catalogue) -> dict[object, str]:
    """Encoded findings and trace lines, shared by the parts made until the cache empties."""
    memo: dict[object, str] | None = catalogue.cache.get(MEMO_KEY)
    if memo is None:
        memo = {}
        _store(catalogue, MEMO_KEY, memo)
    return memo


def _head(catalogue: Catalogue, facts: Facts, key: tuple[object, ...]) -> tuple[Context, Part]:
    context = derive_context(catalogue, facts.election, facts.date, facts.candidate_status)
    head = (context, make_part(None, (explain.status_line(context),), memo=_memo(catalogue)))
    _store(catalogue, key, head)
    return head


def _evaluate(
    catalogue: Catalogue, facts: Facts, context: Context, conduct: str, pair: PairTable
) -> Part:
    run = ConductRun(catalogue, facts, context)
    return run.conduct(conduct, pair.candidates, _memo(catalogue))


def _body(catalogue: Catalogue, facts: Facts, compiled: Tables) -> Part:
    key = ("body", bisect_right(compiled.body_edges, facts.date))
    part: Part | None = catalogue.cache.get(key)
    if part is None:
        line = explain.body_line(catalogue.body_on(facts.date))
        part = make_part(None, (line,), memo=_memo(catalogue))
        _store(catalogue, key, part)
    return part


def _facts_json(catalogue: Catalogue, facts: Facts, compiled: Tables) -> str:
    """The facts line, the one line that carries the date, from a template per other facts."""
    cache = catalogue.cache
    key = (
        "facts",
        facts.subject,
        facts.election,
        facts.candidate_status,
        facts.on_leave,
        facts.passive_attendance,
    )
    template: tuple[str, ...] | None = cache.get(key)
    if template is None:
        template = facts_template(*key[1:])  # the key holds exactly the template's parameters
        _store(catalogue, key, template)
    if not template or not facts.conduct:  # no usable template: serialise the plain way
        return dumps(explain.facts_line(facts).to_dict())
    codes_key = ("codes", facts.conduct)
    fragments: tuple[str, str] | None = cache.get(codes_key)
    if fragments is None:
        escaped = compiled.conduct_json
        fragments = conduct_fragments([escaped[code] for code in facts.conduct])
        _store(catalogue, codes_key, fragments)
    return render_facts(template, fragments, facts.date.isoformat())


def assess_facts(catalogue: Catalogue, facts: Facts) -> Assessment:
    """One line's assessment. The hot path: lookups are inlined and each is a dict hit."""
    compiled = tables(catalogue)
    cache = catalogue.cache
    day, election, subject = facts.date, facts.election, facts.subject
    head_key = (
        "head",
        election,
        facts.candidate_status,
        bisect_right(compiled.head_edges[election], day),
    )
    head: tuple[Context, Part] | None = cache.get(head_key)
    context, head_part = head or _head(catalogue, facts, head_key)
    status, campaign = context.status, context.during_campaign
    parts = [head_part]
    needs_body = False
    pairs = compiled.pairs[subject]
    for conduct in facts.conduct:
        pair = pairs[conduct]
        # Everything this conduct's outcome depends on. The pair's table (hashed by identity)
        # stands for the conduct and subject; facts no relevant rule reads are None.
        key = (
            pair,
            election,
            status,
            campaign if pair.uses_campaign else None,
            facts.on_leave if pair.uses_leave else None,
            facts.passive_attendance if pair.uses_passive else None,
            bisect_right(pair.edges, day),
        )
        part: Part | None = cache.get(key)
        if part is None:
            part = _evaluate(catalogue, facts, context, conduct, pair)
            _store(catalogue, key, part)
        needs_body = needs_body or part.needs_body
        parts.append(part)
    if needs_body:
        parts.append(_body(catalogue, facts, compiled))
    facts_json = _facts_json(catalogue, facts, compiled)
    return Assessment(facts, tuple(parts), catalogue.version, facts_json)


def assess_with(catalogue: Catalogue, raw: Mapping[str, object]) -> Assessment:
    dates = catalogue.cache.get(DATES_KEY)
    if dates is None or len(dates) > CACHE_LIMIT:
        dates = {}
        _store(catalogue, DATES_KEY, dates)
    return assess_facts(catalogue, parse_facts(raw, catalogue.vocabulary, dates))
