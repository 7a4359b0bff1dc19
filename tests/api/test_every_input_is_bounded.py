"""Every input of every operation, read from the OpenAPI document so a new operation is
covered without touching this test, refuses NUL, overlong and out-of-range values with a
4xx in the error shape that names the input, never a 500."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.api.conftest import Caller, openapi

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Input:
    method: str
    path: str
    where: str  # path, query, header, json, form
    name: str
    schema: dict[str, Any]

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.path} {self.where}:{self.name}"


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = document["components"]["schemas"][name]
    return schema


def _scalar(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """The constrained scalar inside `X | None` and `list[X]`."""
    schema = _resolve(document, schema)
    for option in schema.get("anyOf", []):
        if option.get("type") != "null":
            return _scalar(document, option)
    if schema.get("type") == "array":
        return _scalar(document, schema.get("items", {}))
    return schema


def inputs() -> list[Input]:
    document = openapi()
    found: list[Input] = []
    for path, item in document["paths"].items():
        for method, operation in item.items():
            for parameter in operation.get("parameters", []):
                schema = _scalar(document, parameter["schema"])
                found.append(Input(method, path, parameter["in"], parameter["name"], schema))
            for media, content in operation.get("requestBody", {}).get("content", {}).items():
                where = "json" if media == "application/json" else "form"
                body = _resolve(document, content["schema"])
                for name, schema in body.get("properties", {}).items():
                    found.append(Input(method, path, where, name, _scalar(document, schema)))
    return found


def bad_values(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    kind = schema.get("type")
    if kind == "integer":
        top = schema.get("maximum", 2**63 - 1)
        bottom = schema.get("minimum", -(2**63))
        return st.one_of(
            st.integers(min_value=top + 1, max_value=(abs(top) + 1) * 10**12),
            st.integers(min_value=-(abs(bottom) + 1) * 10**12, max_value=bottom - 1),
        )
    if kind == "string" and schema.get("format") not in {"binary", "date", "date-time"}:
        limit = schema.get("maxLength", 100_000)
        nul = st.tuples(st.text(max_size=20), st.text(max_size=20)).map(
            lambda parts: parts[0] + "\x00" + parts[1]
        )
        long = st.integers(min_value=limit + 1, max_value=limit + 200).map(lambda n: "a" * n)
        return st.one_of(nul, long)
    return st.nothing()


TESTED = [i for i in inputs() if not bad_values(i.schema).is_empty]


def send(caller: Caller, target: Input, value: Any) -> Any:
    values = {"case_id": str(caller.case.pk), "receipt": "NTR-X"}
    if target.where == "path":
        values[target.name] = str(value).replace("\x00", "%00")
    path = target.path.format(**values)
    call = getattr(caller.client(), target.method)
    if target.where == "query":
        return call(path, {target.name: value})
    if target.where == "header":
        return call(path, headers={target.name: str(value)})
    if target.where == "json":
        return call(path, json.dumps({target.name: value}), content_type="application/json")
    if target.where == "form":
        return call(path, {target.name: value})
    return call(path)


def test_the_document_lists_inputs_of_every_kind() -> None:
    kinds = {i.where for i in TESTED}
    assert {"path", "query", "json", "form"} <= kinds, kinds


@pytest.mark.parametrize("target", TESTED, ids=str)
@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_a_bad_value_is_refused_in_the_error_shape(
    caller: Caller, target: Input, data: st.DataObject
) -> None:
    value = data.draw(bad_values(target.schema))
    response = send(caller, target, value)
    assert 400 <= response.status_code < 500, (str(target), response.status_code)
    body = response.json()
    assert set(body) == {"code", "message", "detail"}
    if response.status_code == 422:
        assert target.name in body["detail"], (str(target), body)
