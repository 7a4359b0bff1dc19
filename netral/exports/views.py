"""Staff downloads: the queue with its filters, a case's file, the compliance table.

Each is logged (who, what, which filters) before the first byte, then streamed: the
response starts at once and the process holds one chunk of rows at a time.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.contrib.auth.decorators import login_required
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    StreamingHttpResponse,
)
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from netral.accounts.models import User
from netral.cases import queue as queue_reads
from netral.cases import selectors
from netral.errors import NotFound
from netral.exports import rows
from netral.exports.formats import Sheet, csv_chunks, xlsx_chunks
from netral.exports.services import export_record

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")


def _actor(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # noqa: S101 - login_required guarantees it; narrows
    return user


def _response(sheets: list[Sheet], fmt: str, stem: str) -> StreamingHttpResponse:
    if fmt not in FORMATS:
        raise Http404()
    chunks: Iterator[bytes]
    if fmt == "csv":
        chunks, content_type = csv_chunks(sheets[0]), "text/csv; charset=utf-8"
    else:
        chunks, content_type = xlsx_chunks(sheets), XLSX
    response = StreamingHttpResponse(chunks, content_type=content_type)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="{stem}-{stamp}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@login_required
def queue(request: HttpRequest, fmt: str) -> StreamingHttpResponse | HttpResponse:
    actor = _actor(request)
    # The queue page's own parser: the export holds exactly the cases the page lists.
    parsed = queue_reads.queue_filters(request.GET, actor=actor)
    if parsed.filters is None:
        message = " ".join([_("Filter antrean tidak valid."), *parsed.errors])
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    filters = parsed.filters
    if fmt in FORMATS:
        export_record(actor=actor, kind="queue", fmt=fmt, params=dict(request.GET.items()))
    return _response([rows.queue_sheet(actor, filters)], fmt, "antrean-kasus")


@require_GET
@login_required
def case_file(request: HttpRequest, pk: int, fmt: str) -> StreamingHttpResponse:
    actor = _actor(request)
    try:
        case = selectors.case_for_actor(actor=actor, pk=pk)
    except NotFound:
        raise Http404() from None
    sheets = rows.case_sheets(case)
    if fmt == "csv":
        sheets = [rows.combined(sheets)]  # one CSV: each part under its own header row
    if fmt in FORMATS:
        export_record(actor=actor, kind=f"case:{pk}", fmt=fmt, params={})
    return _response(sheets, fmt, f"kasus-{pk}")


@require_GET
@login_required
def compliance(request: HttpRequest, fmt: str) -> StreamingHttpResponse:
    actor = _actor(request)
    if fmt in FORMATS:
        export_record(actor=actor, kind="compliance", fmt=fmt, params={})
    day = timezone.localdate().isoformat()
    return _response([rows.compliance_sheet(actor)], fmt, f"kepatuhan-ppk-{day}")
