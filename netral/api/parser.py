"""Request parsing that refuses NUL characters before any value reaches a service.

PostgreSQL cannot store NUL in text, and no legitimate field holds one; refusing it here
covers every JSON body, query string and form field of every operation, present and
future, with the same `invalid` error.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _
from ninja.parser import Parser

from netral.errors import Invalid

NUL = "\x00"
NUL_REFUSED = _("Teks tidak boleh berisi karakter NUL.")


def holds_nul(value: Any) -> bool:
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, dict):
        return any(holds_nul(k) or holds_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(holds_nul(item) for item in value)
    return False


def _refuse(data: dict[str, Any]) -> Invalid:
    """Names each top-level field holding NUL, as validation errors do."""
    names = [key for key, value in data.items() if holds_nul(key) or holds_nul(value)]
    return Invalid(NUL_REFUSED, detail={name: [str(NUL_REFUSED)] for name in names})


class RefusingParser(Parser):
    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        data = json.loads(request.body)
        if not isinstance(data, dict):
            # Every operation's body is an object; a bare value or list is invalid.
            raise Invalid(detail={"body": ["a JSON object is expected"]})
        if holds_nul(data):
            raise _refuse(data)
        return data

    def parse_querydict(
        self, data: MultiValueDict[str, Any], list_fields: list[str], request: HttpRequest
    ) -> dict[str, Any]:
        parsed = super().parse_querydict(data, list_fields, request)
        if holds_nul(parsed):
            raise _refuse(parsed)
        return parsed
