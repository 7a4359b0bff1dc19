"""Document -> instruments: the steps of extraction in order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from netral.documents import facts
from netral.documents.attribution import Attribution, attribute, instrument_date
from netral.documents.context import Context
from netral.documents.limits import DEFAULT_LIMITS, Limits
from netral.documents.mentions import Mention, loose_mentions
from netral.documents.model import NATIONAL, ExtractionResult, Instrument, Span
from netral.documents.normalise import normalise
from netral.documents.numbers import number_key
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
    if not regular:
        loose = loose_mentions(context.text, context.layout, context.dates, context.mentions)
        regular = _merge([d for d in (_draft(context, m) for m in loose) if not d.general])
        context.mentions = sorted(context.mentions + loose, key=lambda m: m.start)
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
    """One draft per instrument: the same number twice, a dated mention of a numbered one
    of its type (before or after it), or "surat tersebut ... tanggal" for the one before."""
    kept = [d for d in drafts if d.mention.number is None or _first_of_number(d, drafts)]
    kept = [d for d in kept if d.mention.number is not None or not _absorbed(d, kept)]
    return kept


def _first_of_number(draft: Draft, drafts: list[Draft]) -> bool:
    key = number_key(draft.mention.number)
    first = next(d for d in drafts if number_key(d.mention.number) == key)
    if first is not draft:
        _complete(first, draft)
    return first is draft


def _absorbed(draft: Draft, kept: list[Draft]) -> bool:
    """Merge an unnumbered draft into the instrument it names, if any; True when merged."""
    mention = draft.mention
    earlier = [k for k in kept if k.mention.start < mention.start and k is not draft]
    if mention.anaphoric and earlier:
        _complete(earlier[-1], draft)
        return True
    same = [k for k in kept if k is not draft and k.mention.type == mention.type]
    numbered = [k for k in same if k.mention.number is not None]
    twin = next(iter(numbered), None) or next((k for k in same if k in earlier), None)
    if twin is None:
        return False
    _complete(twin, draft)
    return True


def _complete(kept: Draft, other: Draft) -> None:
    if kept.date is None and other.date is not None:
        kept.date, kept.date_span = other.date, other.date_span


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
        number_key=number_key(draft.mention.number),
        type_as_written=draft.mention.type_text or None,
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
