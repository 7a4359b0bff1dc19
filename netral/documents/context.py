"""Everything found in one normalised text, computed once and shared by the steps."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from netral.documents.dates import DateMention, find_dates
from netral.documents.keywords import keywords
from netral.documents.mentions import Mention, find_mentions
from netral.documents.model import Region, Span
from netral.documents.offices import Office, find_offices
from netral.documents.places import Place, find_places
from netral.documents.references import CitedRule, find_cited_rules
from netral.documents.sentences import Layout

_HEADLINE_MIN_WORDS = 4


@dataclass
class Context:
    text: str
    layout: Layout
    dates: list[DateMention]
    offices: list[Office]
    places: list[Place]
    cited: list[CitedRule]
    mentions: list[Mention]

    @classmethod
    def of(cls, text: str) -> Context:
        layout = Layout.of(text)
        dates = find_dates(text)
        return cls(
            text,
            layout,
            dates,
            find_offices(text),
            find_places(text),
            find_cited_rules(text),
            find_mentions(text, layout, dates),
        )

    def sentence(self, offset: int) -> Span:
        return self.layout.sentence_at(offset)

    def headline(self) -> Span:
        """The first line long enough to be a title (not "ID | EN")."""
        for start, end in self.layout.lines:
            if len(self.text[start:end].split()) >= _HEADLINE_MIN_WORDS:
                return start, end
        return 0, 0

    def has_issuance_verb(self, start: int, end: int) -> bool:
        return next(keywords().issuance.finditer(self.text, start, end), None) is not None

    def cites_before(self, start: int, end: int) -> bool:
        """True when a citation cue ("menindaklanjuti", "sesuai") comes in [start, end)."""
        return next(keywords().citation.finditer(self.text, start, end), None) is not None

    def dominant_region(self, level: str | None) -> tuple[Region, Span] | None:
        """The region named most often (at `level` if given), with its first mention;
        on a tie, the one named first."""
        named = [Place(o.region, o.start, o.end) for o in self.offices if o.region]
        places = sorted(
            (p for p in [*self.places, *named] if _at_level(p.region, level)),
            key=lambda place: place.start,
        )
        if not places:
            return None
        counts = Counter(place.region for place in places)
        best = max(counts, key=counts.__getitem__)  # first of the most named, by insertion
        first = next(place for place in places if place.region == best)
        return best, (first.start, first.end)


def _at_level(region: Region, level: str | None) -> bool:
    return region.level != "NATIONAL" and (level is None or region.level == level)
