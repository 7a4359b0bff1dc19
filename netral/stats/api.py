"""Public aggregates under /api/v1/statistics: the data package's resources as JSON.

The same rows as the CSV files at /data/ (small cells withheld as null); no login, as
the figures are public.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router

from netral.errors import NotFound
from netral.stats import datapackage

router = Router(tags=["statistics"])


@router.get("/", summary="The data package descriptor: resources, schemas, licence")
def package(request: HttpRequest) -> dict[str, Any]:
    return datapackage.descriptor()


@router.get("/{name}", summary="One resource's rows (withheld counts are null)")
def resource(request: HttpRequest, name: str) -> HttpResponse:
    if name not in datapackage.BY_NAME:
        raise NotFound()
    # The body is cached already encoded; the documented shape is unchanged.
    return HttpResponse(datapackage.resource_json(name), content_type="application/json")
