"""The error half of the OpenAPI document, added to every operation from what it takes.

An operation declares its successes and the refusals particular to it (409, 429); the
statuses that follow from its inputs are added here, so a new operation is described
truthfully without repeating them: a body can be unreadable (400) or too large (413), any
input can be invalid (422), a path names something that may not exist (404), a token can
be missing or expired (401) or lack the role (403).
"""

from __future__ import annotations

from typing import Any

from netral.api.errors import ErrorOut

ERROR_REF = {"$ref": "#/components/schemas/Error"}
DESCRIPTIONS = {
    400: "malformed: the body is not JSON or not the declared form",
    401: "unauthenticated: no token, or an expired or revoked one",
    403: "forbidden: the token's owner lacks the role or scope",
    404: "not_found: nothing by that identifier within the caller's scope",
    409: "conflict or transition_refused",
    413: "too_large: the body is over the size limit",
    422: "invalid (or conditions_failed, invalid_file): `detail` says which input",
    429: "rate_limited",
}
METHODS = {"get", "post", "put", "patch", "delete"}


def _implied(operation: dict[str, Any], path: str) -> set[int]:
    statuses: set[int] = set()
    if "requestBody" in operation:
        statuses |= {400, 413, 422}
    if operation.get("parameters"):
        statuses.add(422)
    if "{" in path:
        statuses.add(404)
    if operation.get("security"):
        statuses |= {401, 403}
    return statuses


def document_errors(schema: dict[str, Any]) -> None:
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["Error"] = ErrorOut.model_json_schema()
    for path, item in schema.get("paths", {}).items():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            responses = operation.setdefault("responses", {})
            declared = {int(status) for status in responses if str(status).isdigit()}
            for status in sorted(_implied(operation, path) | (declared & set(DESCRIPTIONS))):
                responses.pop(status, None)  # ninja keys statuses by int; JSON by string
                responses[str(status)] = {
                    "description": DESCRIPTIONS[status],
                    "content": {"application/json": {"schema": ERROR_REF}},
                }
