"""The public instrument registry under /api/v1/instruments/: read-only, no login."""

from __future__ import annotations

import datetime
from typing import Annotated, Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import Path, Query, Router, Schema
from pydantic import Field

from netral.api.inputs import MAX_BIGINT, Line, Offset, Word
from netral.errors import NotFound
from netral.registry import selectors
from netral.registry.models import Instrument, InstrumentType

router = Router(tags=["instruments"])
MAX_LIMIT = 100


class RegionOut(Schema):
    code: str
    name: str
    level: str


class FileOut(Schema):
    name: str
    sha256: str = Field(description="the original file as uploaded")
    download_sha256: str = Field(description="the file at `url`: the original, or a copy")
    metadata_removed: bool = Field(description="`url` serves a copy without metadata")
    media_type: str
    url: str


class InstrumentOut(Schema):
    id: int
    url: str
    status: str
    type: str
    type_as_written: str
    number: str
    number_key: str
    title: str
    date: datetime.date | None
    issuer: str
    region: RegionOut | None
    scope: list[str]
    election: list[str]
    election_year: int | None
    cycles: list[str]
    references: list[dict[str, str]]
    prohibited_conduct: list[str]
    catalogue_id: str
    replaces: int | None
    file: FileOut | None
    published_at: datetime.datetime | None

    @staticmethod
    def of(instrument: Instrument, request: HttpRequest) -> dict[str, Any]:
        region = instrument.region
        file = None
        if instrument.public_sha256:
            file = {
                "name": instrument.file_name,
                "sha256": instrument.file_sha256,
                "download_sha256": instrument.public_sha256,
                "metadata_removed": instrument.public_cleaned,
                "media_type": instrument.file_type,
                "url": request.build_absolute_uri(reverse("registry:file", args=[instrument.pk])),
            }
        return {
            "id": instrument.pk,
            "url": request.build_absolute_uri(instrument.get_absolute_url()),
            "status": instrument.status,
            "type": instrument.type,
            "type_as_written": instrument.type_as_written,
            "number": instrument.number,
            "number_key": instrument.number_key,
            "title": instrument.title,
            "date": instrument.date,
            "issuer": instrument.issuer,
            "region": (
                {"code": region.code, "name": region.name, "level": region.level}
                if region
                else None
            ),
            "scope": list(instrument.scope),
            "election": list(instrument.elections),
            "election_year": instrument.election_year,
            "cycles": sorted(c.cycle for c in instrument.coverage.all()),
            "references": list(instrument.references),
            "prohibited_conduct": list(instrument.prohibited_conduct),
            "catalogue_id": instrument.catalogue_id,
            "replaces": instrument.replaces_id,
            "file": file,
            "published_at": instrument.published_at,
        }


class InstrumentPage(Schema):
    count: int
    results: list[InstrumentOut]


class ListQuery(Schema):
    region: Word | None = None
    type: InstrumentType | None = None
    year: Annotated[int, Field(ge=1900, le=2200)] | None = None
    election: Word | None = None
    q: Line | None = None
    limit: Annotated[int, Field(ge=1, le=MAX_LIMIT)] = 25
    offset: Offset = 0


@router.get("/", response=InstrumentPage, auth=None, summary="Published instruments")
def instrument_list(request: HttpRequest, query: Query[ListQuery]) -> dict[str, Any]:
    """Published instruments, newest first; `region` also matches the regions below it
    (a province code returns its regencies' and cities' instruments too)."""
    rows = selectors.instruments_public(
        selectors.Filters(
            region=(query.region or "").strip(),
            type=query.type.value if query.type else "",
            year=query.year,
            election=(query.election or "").strip().upper(),
            q=(query.q or "").strip(),
        )
    ).prefetch_related("coverage")
    limit, offset = query.limit, query.offset
    page = list(rows[offset : offset + limit])
    return {"count": rows.count(), "results": [InstrumentOut.of(i, request) for i in page]}


@router.get(
    "/{instrument_id}",
    response={200: InstrumentOut, 404: dict[str, Any]},
    auth=None,
    summary="One instrument",
)
def instrument_detail(
    request: HttpRequest, instrument_id: Annotated[int, Path(ge=1, le=MAX_BIGINT)]
) -> dict[str, Any]:
    instrument = selectors.instrument_public(instrument_id)
    if instrument is None:
        raise NotFound
    return InstrumentOut.of(instrument, request)
