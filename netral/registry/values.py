"""The fields a staff member confirms, checked against the catalogue's vocabularies."""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from netral.documents.numbers import number_key
from netral.org.models import Region
from netral.registry.errors import Invalid
from netral.registry.models import InstrumentType
from netral.rules import default_catalogue

SCOPES = ("ASN", "PNS", "PPPK", "NON_ASN", "BUMN", "BUMD", "KEPALA_DESA")
ELECTIONS = ("PEMILU", "PILPRES", "PILEG", "PILKADA")


@dataclass
class InstrumentValues:
    type: str
    number: str = ""
    type_as_written: str = ""
    title: str = ""
    date: datetime.date | None = None
    issuer: str = ""
    region: Region | None = None
    scope: list[str] = field(default_factory=list)
    elections: list[str] = field(default_factory=list)
    election_year: int | None = None
    references: list[dict[str, str]] = field(default_factory=list)
    prohibited_conduct: list[str] = field(default_factory=list)
    catalogue_id: str = ""

    def as_fields(self) -> dict[str, Any]:
        values = asdict(self) | {"region": self.region}
        values["number"] = " ".join(self.number.split())
        values["issuer"] = " ".join(self.issuer.split())
        values["number_key"] = number_key(values["number"]) or ""
        values["issuer_key"] = issuer_key(values["issuer"])
        return values


def issuer_key(issuer: str) -> str:
    return " ".join(issuer.casefold().split())


def check(values: InstrumentValues) -> list[dict[str, str]]:
    """Every problem with the values, as {"field", "message"}; empty when they are fine."""
    catalogue = default_catalogue()
    problems: list[dict[str, str]] = []

    def refuse(name: str, message: str) -> None:
        problems.append({"field": name, "message": message})

    if values.type not in InstrumentType.values:
        refuse("type", _("Jenis instrumen tidak dikenal."))
    if not values.number.strip() and values.date is None:
        refuse("number", _("Isi nomor atau tanggal instrumen."))
    if not values.issuer.strip():
        refuse("issuer", _("Isi penerbit instrumen."))
    if unknown := [s for s in values.scope if s not in SCOPES]:
        refuse("scope", _("Cakupan tidak dikenal: %(v)s") % {"v": ", ".join(unknown)})
    if unknown := [e for e in values.elections if e not in ELECTIONS]:
        refuse("elections", _("Pemilihan tidak dikenal: %(v)s") % {"v": ", ".join(unknown)})
    if values.election_year is not None and not 1999 <= values.election_year <= 2100:
        refuse("election_year", _("Tahun pemilihan tidak masuk akal."))
    codes = catalogue.vocabulary.conduct
    if unknown := [c for c in values.prohibited_conduct if c not in codes]:
        message = _("Kode larangan tidak dikenal: %(v)s") % {"v": ", ".join(unknown)}
        refuse("prohibited_conduct", message)
    if any(not isinstance(r, dict) or not r.get("instrument") for r in values.references):
        refuse("references", _("Setiap rujukan perlu kode aturannya."))
    if values.catalogue_id and values.catalogue_id not in catalogue.instruments:
        refuse("catalogue_id", _("Kode katalog aturan tidak dikenal."))
    return problems


def checked(values: InstrumentValues) -> InstrumentValues:
    problems = check(values)
    if problems:
        raise Invalid(detail=problems)
    return values


def values_from(instrument: Any) -> InstrumentValues:
    """The values an instrument holds now (a draft: what extraction read)."""
    return InstrumentValues(
        type=instrument.type,
        number=instrument.number,
        type_as_written=instrument.type_as_written,
        title=instrument.title,
        date=instrument.date,
        issuer=instrument.issuer,
        region=instrument.region,
        scope=list(instrument.scope),
        elections=list(instrument.elections),
        election_year=instrument.election_year,
        references=list(instrument.references),
        prohibited_conduct=list(instrument.prohibited_conduct),
        catalogue_id=instrument.catalogue_id,
    )
