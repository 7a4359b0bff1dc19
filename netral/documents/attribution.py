"""Who issued an instrument, for which region, and on which date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from netral.documents.context import Context
from netral.documents.dates import DateMention, news_date, year_matching_weekday, years_written
from netral.documents.mentions import Mention, is_vote_day
from netral.documents.model import NATIONAL, Region, Span
from netral.documents.offices import Office

_YEAR_IN_NUMBER = re.compile(r"(?:(?i:tahun)\s+|/)((?:19|20)\d{2})(?!\d)")
_THROUGH = re.compile(r"\s*,?\s*(?i:melalui|lewat)\s+")
_ISSUING_VERB_REACH = 40  # characters between an office and "menerbitkan"


@dataclass(frozen=True)
class Attribution:
    issuer: str | None
    issuer_span: Span | None
    region: Region | None
    region_span: Span | None
    office: str | None  # canonical office, for matching families of known rules


def attribute(context: Context, mention: Mention) -> Attribution:
    offices = _offices_in_gap(context, mention)
    if len(offices) > 1:
        return _joint(offices)
    office = offices[0] if offices else _office_before(context, mention) or _main_office(context)
    if office is None:
        found = context.dominant_region(None)
        return Attribution(
            None, None, found[0] if found else None, found[1] if found else None, None
        )
    return _single(context, _complete(context, office))


def _offices_in_gap(context: Context, mention: Mention) -> list[Office]:
    start, end = mention.gap
    return [o for o in context.offices if start <= o.start and o.end <= end and o.canonical]


def _office_before(context: Context, mention: Mention) -> Office | None:
    sentence_start = context.sentence(mention.start)[0]
    earlier = [m.end for m in context.mentions if m.end <= mention.start]
    floor = max([sentence_start, *earlier])
    before = [o for o in context.offices if floor <= o.start and o.end <= mention.start]
    # "Pemkot X melalui BKPSDM menerbitkan ...": the office acting through another issues.
    while len(before) > 1 and _THROUGH.fullmatch(context.text, before[-2].end, before[-1].start):
        before.pop()
    return before[-1] if before else None


def _main_office(context: Context) -> Office | None:
    """The office the article shows issuing something, else the first regional office."""
    for office in context.offices:
        reach = min(len(context.text), office.end + _ISSUING_VERB_REACH)
        if office.canonical and context.has_issuance_verb(office.end, reach):
            return office
    regional = [o for o in context.offices if o.canonical and o.level != "NATIONAL"]
    return regional[0] if regional else None


def _complete(context: Context, office: Office) -> Office:
    """Fill a bare "Pjs" from "Pjs Gubernur", and "Gubernur Banten" with its "Pj"."""
    if office.canonical is None:
        full = next((o for o in context.offices if o.canonical and o.prefix == office.prefix), None)
        return full if full else office
    if office.prefix is None:
        for other in context.offices:
            same_region = other.region == office.region or other.region is None
            if other.canonical == office.canonical and other.prefix and same_region:
                return Office(
                    office.canonical,
                    office.level,
                    other.prefix,
                    office.region,
                    office.start,
                    office.end,
                )
    return office


def _single(context: Context, office: Office) -> Attribution:
    span = (office.start, office.end)
    if office.region is not None:
        return Attribution(office.issuer(), span, office.region, span, office.canonical)
    found = context.dominant_region(office.level)
    if found is None:
        return Attribution(office.issuer(), span, None, None, office.canonical)
    region, region_span = found
    completed = Office(
        office.canonical, office.level, office.prefix, region, office.start, office.end
    )
    return Attribution(completed.issuer(), span, region, region_span, office.canonical)


def _joint(offices: list[Office]) -> Attribution:
    """A joint decree: every issuer, national when they all are."""
    names = list(dict.fromkeys(office.issuer() for office in offices))
    regions = {office.region for office in offices}
    region = NATIONAL if regions <= {NATIONAL, None} else offices[0].region
    span = (offices[0].start, offices[-1].end)
    return Attribution("; ".join(names), span, region, None, None)


def instrument_date(context: Context, mention: Mention) -> tuple[dt.date | None, Span | None]:
    """The instrument's own date; a date without a year takes it from the number or text."""
    written = mention.date or _date_before(context, mention)
    if written is None:
        return None, None
    year = written.year or _context_year(context, mention, written.start)
    return written.resolve(year), (written.start, written.end)


def _date_before(context: Context, mention: Mention) -> DateMention | None:
    """A date opening the sentence that issues the instrument: "Senin (4/3/2024), ..."."""
    sentence_start = context.sentence(mention.start)[0]
    earlier = [m.end for m in context.mentions if m.end <= mention.start]
    floor = max([sentence_start, *earlier])
    if not context.has_issuance_verb(floor, mention.start):
        return None
    before = [
        d
        for d in context.dates
        if floor <= d.start and d.end <= mention.start and not is_vote_day(context.text, d)
    ]
    return before[-1] if before else None


def _context_year(context: Context, mention: Mention, position: int) -> int | None:
    """The year of a date written without one: the year in the number, else the nearest
    full date before it (after it when there is none), else a year written alone nearby
    ("Pemilu 2024"); a day name written with the date picks, among these and their
    neighbours, a year it falls on ("Selasa (30/5)" in an article about Pemilu 2024: 2023)."""
    written = next((d for d in context.dates if d.start == position), None)
    in_number = _YEAR_IN_NUMBER.search(mention.number or "")
    if in_number:
        return int(in_number.group(1))
    dated = [d for d in context.dates if d.year is not None]
    earlier = [d.year for d in dated if d.start < position and d.year is not None]
    later = [d.year for d in dated if d.start > position and d.year is not None]
    years = earlier[::-1] + later
    anchor = news_date(context.text, context.dates)
    if not years and anchor is not None:
        years = [anchor.year]
    if not years:
        skip = [(c.start, c.end) for c in context.cited]
        skip += [m.number_span for m in context.mentions if m.number_span is not None]
        alone = years_written(context.text, skip)
        years = [y for at, y in alone if at < position][::-1] + [
            y for at, y in alone if at > position
        ]
    years = list(dict.fromkeys(years))
    if written is None:
        return years[0] if years else None
    return year_matching_weekday(written, years)
