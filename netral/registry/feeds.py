"""The newest published instruments as an Atom feed."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from netral.registry.models import Instrument
from netral.registry.selectors import Filters, instruments_public

FEED_SIZE = 50


class InstrumentFeed(Feed):  # type: ignore[type-arg]
    feed_type = Atom1Feed
    title = _("Netral: instrumen netralitas ASN yang baru terbit")
    subtitle = _("Surat edaran, instruksi, keputusan dan ikrar netralitas ASN.")

    def link(self) -> str:
        return reverse("registry:list")

    def items(self) -> QuerySet[Instrument]:
        return instruments_public(Filters())[:FEED_SIZE]

    def item_title(self, item: Instrument) -> str:
        issuer = f" · {item.issuer}" if item.issuer else ""
        return f"{item}{issuer}"

    def item_description(self, item: Instrument) -> str:
        return item.title or item.issuer

    def item_pubdate(self, item: Instrument) -> datetime.datetime | None:
        return item.published_at

    def item_updateddate(self, item: Instrument) -> datetime.datetime:
        return item.updated_at
