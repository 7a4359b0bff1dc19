"""A staff member with a token over a case, and an anonymous client, for the API tests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from netral.cases.auth import api_token_issue
from netral.cases.models import Case
from tests.cases.conftest import World, new_case
from tests.cases.conftest import world as world  # the fixture, for this folder


@dataclass
class Caller:
    token: str
    case: Case

    def client(self) -> Client:
        return Client(HTTP_AUTHORIZATION=f"Bearer {self.token}")


@pytest.fixture
def caller(world: World) -> Caller:
    _row, token = api_token_issue(user=world.supervisor, name="uji-api")
    return Caller(token=token, case=new_case())


def openapi() -> dict[str, Any]:
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    return dict(response.json())
