"""Document -> instruments: the steps of extraction in order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from netral.documents import facts
from netral.documents.attribution import Attribution, attribute, instrument_date
from netral.documents.context import Context
from netral.documents.limits import DEFAULT_LIMITS, Limits
from netral.documents.mentions import Mention
from netral.documents.model import NATIONAL, ExtractionResult, Instrument, Span
from netral.documents.normalise import normalise
from netral.documents.pages import locate
from netral.documents.passages import prohibition_passages
from netral.documents.primary import choose_primary
from netral.documents.readers import read_document
from netral.documents.references import CitedRule, resolve, rule_of_mention


@dataclass
class Draft:
    mention: Mention
    attribution: Attribution
    date: dt.date | None
    date_span: Span | None
    known: str | None  # a domain/law.md id: the mention cites a known rule
    general: bool = False  # a national law or rule, listed in law.md or not


def extract(path: Path, limits: Limits = DEFAULT_LIMITS) -> ExtractionResult:
    """Read the document at `path` and extract its instruments (DocumentError if unreadable);
    each instrument also gets the pages its evidence is on, and OCR confidence."""
    document = read_document(path, limits)
    return locate(extract_text(document.text, source=str(path)), document)


def extract_text(text: str, *, source: str = "") -> ExtractionResult:
    """Extract the instruments of `text`; evidence offsets point into `result.text`."""
    context = Context.of(normalise(text))
    drafts = [_draft(context, mention) for mention in context.mentions]
    regular = _merge([d for d in drafts if not d.general])
    known = [d for d in drafts if d.known is not None]  # general, and in the catalogue
    if not regular:
        regular = _promoted(context, known)
    context.cited = sorted(
        context.cited
        + [_as_cited(d) for d in known if d not in regular and not _overlaps(context, d)],
        key=lambda rule: rule.start,
    )
    primary = choose_primary(context, [d.mention for d in regular])
    instruments = [_instrument(context, d, i == primary) for i, d in enumerate(regular)]
    return ExtractionResult(source, context.text, instruments, primary)


def _draft(context: Context, mention: Mention) -> Draft:
    attribution = attribute(context, mention)
    day, day_span = instrument_date(context, mention)
    cited = next(
        (c for c in context.cited if c.start < mention.end and mention.start < c.end), None
    )
    if cited is not None:
        known = resolve(cited.candidates, day) if cited.candidates else None
        return Draft(mention, attribution, day, day_span, known, general=True)
    year = day.year if day else None
    known = rule_of_mention(mention.type, attribution.office, mention.number, year)
    return Draft(mention, attribution, day, day_span, known, general=known is not None)


def _overlaps(context: Context, draft: Draft) -> bool:
    mention = draft.mention
    return any(c.start < mention.end and mention.start < c.end for c in context.cited)


def _as_cited(draft: Draft) -> CitedRule:
    return CitedRule((draft.known or "",), draft.mention.start, draft.mention.end, ())


def _merge(drafts: list[Draft]) -> list[Draft]:
    """One draft per instrument: the same number twice, or a dated mention of a numbered one."""
    kept: list[Draft] = []
    for draft in drafts:
        twin = next((k for k in kept if _same(k, draft)), None)
        if twin is None:
            kept.append(draft)
        elif twin.date is None and draft.date is not None:
            twin.date, twin.date_span = draft.date, draft.date_span
    return kept


def _same(kept: Draft, draft: Draft) -> bool:
    number = draft.mention.number
    if number is not None:
        return (
            kept.mention.number is not None and kept.mention.number.casefold() == number.casefold()
        )
    return kept.mention.type == draft.mention.type


def _promoted(context: Context, known: list[Draft]) -> list[Draft]:
    """A document about a national rule itself ("MenPANRB menerbitkan SE Nomor 1 ...")."""
    for draft in known:
        start, end = context.sentence(draft.mention.start)
        if context.has_issuance_verb(start, end) and not context.cites_before(
            start, draft.mention.start
        ):
            if draft.attribution.region is None:
                draft.attribution = replace(draft.attribution, region=NATIONAL)
            return [draft]
    return []


def _windows(context: Context, draft: Draft, is_primary: bool, passages: list[Span]) -> list[Span]:
    own = [context.sentence(draft.mention.start), context.sentence(draft.mention.end - 1)]
    if is_primary:
        own += [context.headline(), *passages]
    return list(dict.fromkeys(own))


def _bound(
    context: Context, draft: Draft, windows: list[Span], is_primary: bool
) -> tuple[list[str], list[str], int | None]:
    """Scope, elections and election year; the primary falls back to the whole text."""
    everything = [(0, len(context.text))]
    scope = facts.scope_in(context, windows)
    kinds, year = facts.elections(context, windows, draft.date)
    if is_primary and not scope:
        scope = facts.scope_in(context, everything)
    if is_primary and not kinds:
        kinds, year = facts.elections(context, everything, draft.date)
    return scope, kinds, year


def _instrument(context: Context, draft: Draft, is_primary: bool) -> Instrument:
    passages = prohibition_passages(context) if is_primary else []
    windows = _windows(context, draft, is_primary, passages)
    scope, kinds, year = _bound(context, draft, windows, is_primary)
    codes, conduct_spans = facts.conduct_codes(context, passages)
    reference_windows = [(0, len(context.text))] if is_primary else windows
    return Instrument(
        type=draft.mention.type,
        number=draft.mention.number,
        number_parts=draft.mention.parts,
        date=draft.date,
        issuer=draft.attribution.issuer,
        region=draft.attribution.region,
        scope=scope,
        election=kinds,
        election_year=year,
        references=facts.references(context, reference_windows, draft.date),
        prohibited_conduct=codes,
        evidence=_evidence(draft)
        | {f"conduct:{code}": span for code, span in conduct_spans.items()},
        known_id=draft.known,
    )


def _evidence(draft: Draft) -> dict[str, Span]:
    spans = {
        "type": draft.mention.type_span,
        "number": draft.mention.number_span,
        "date": draft.date_span,
        "issuer": draft.attribution.issuer_span,
        "region": draft.attribution.region_span,
    }
    return {name: span for name, span in spans.items() if span is not None}
