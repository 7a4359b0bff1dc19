"""What every case view needs: the actor, the scoped case, and refusals as messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from netral.accounts.models import User
from netral.cases import selectors
from netral.cases.models import Case
from netral.errors import Conflict, DomainError, NotFound

T = TypeVar("T")


def actor_of(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # noqa: S101  (login_required guarantees it; narrows the type)
    return user


def case_or_404(request: HttpRequest, pk: int) -> Case:
    """The case if the actor's scope covers it; otherwise the page does not exist."""
    try:
        return selectors.case_for_actor(actor=actor_of(request), pk=pk)
    except NotFound as error:
        raise Http404 from error


def refusal_text(error: DomainError) -> str:
    """The service's message, plus each failing condition, in the user's language."""
    if isinstance(error, Conflict):
        return _(
            "Kasus ini baru saja diubah oleh orang lain. Halaman telah dimuat ulang; "
            "periksa lalu ulangi tindakan Anda."
        )
    text = str(error.message)
    detail = error.detail
    if isinstance(detail, list):
        reasons = [str(d.get("message", "")) for d in detail if isinstance(d, dict)]
        text = " ".join([text, *[r for r in reasons if r]])
    return text


def attempt(request: HttpRequest, call: Callable[[], T], done: str) -> T | None:
    """Run a service call; success and refusal both become a message for the next page."""
    try:
        result = call()
    except NotFound as error:
        raise Http404 from error
    except DomainError as error:
        messages.error(request, refusal_text(error))
        return None
    messages.success(request, done)
    return result


def to_case(pk: int, anchor: str = "") -> HttpResponse:
    response = redirect("cases:detail", pk=pk)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"
