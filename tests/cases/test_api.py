"""The staff API: bearer tokens, scope as 404, version conflicts as 409, constant queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from netral.accounts.models import User
from netral.cases.auth import api_token_issue, api_token_revoke
from netral.cases.models import ApiToken, Stage
from tests.cases.conftest import World, at_recommendation, fresh, new_case, signed

BASE = "/api/v1/cases"


def _client(user: User) -> Client:
    _row, token = api_token_issue(user=user, name="uji")
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def test_without_a_token_the_api_answers_401_in_the_error_shape(world: World) -> None:
    response = Client().get(f"{BASE}/")
    assert response.status_code == 401
    assert set(response.json()) == {"code", "message", "detail"}


def test_only_the_tokens_digest_is_stored_and_a_revoked_token_stops_working(world: World) -> None:
    row, token = api_token_issue(user=world.verifier, name="skrip")
    assert token not in {row.digest, row.prefix}
    assert not ApiToken.objects.filter(digest=token).exists()
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert client.get(f"{BASE}/").status_code == 200
    api_token_revoke(token=row)
    assert client.get(f"{BASE}/").status_code == 401


def test_a_case_outside_the_scope_is_404_everywhere(world: World) -> None:
    case = new_case("32.01")
    client = _client(world.verifier_kebumen)
    assert client.get(f"{BASE}/{case.pk}").status_code == 404
    body = {"action": "start_verification", "expected_version": case.version}
    response = client.post(f"{BASE}/{case.pk}/transitions", body, content_type="application/json")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert client.get(f"{BASE}/").json()["count"] == 0


def test_a_transition_with_a_stale_version_is_409_with_an_indonesian_message(world: World) -> None:
    case = new_case()
    client = _client(world.verifier)
    body = {"action": "start_verification", "expected_version": case.version}
    first = client.post(f"{BASE}/{case.pk}/transitions", body, content_type="application/json")
    assert first.status_code == 200
    assert first.json()["stage"] == Stage.VERIFICATION
    again = client.post(f"{BASE}/{case.pk}/transitions", body, content_type="application/json")
    assert again.status_code == 409
    assert again.json()["code"] == "conflict"
    assert "diubah" in again.json()["message"]


def test_missing_conditions_are_422_with_each_reason(world: World) -> None:
    case = new_case()
    client = _client(world.verifier)
    body = {"action": "mark_not_actionable", "expected_version": case.version}
    response = client.post(f"{BASE}/{case.pk}/transitions", body, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["detail"][0]["condition"] == "reason"


def _queries_for_page(client: Client) -> tuple[int, dict[str, Any]]:
    client.get(f"{BASE}/?limit=50")  # the token's first use writes last_used_at; skip that
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"{BASE}/?limit=50")
    return len(captured), response.json()


def test_the_case_list_costs_a_constant_number_of_queries(world: World) -> None:
    client = _client(world.verifier)
    new_case()
    few, page = _queries_for_page(client)
    assert page["count"] == 1
    for _ in range(15):
        new_case()
    many, page = _queries_for_page(client)
    assert page["count"] == 16
    assert len(page["items"]) == 16
    assert many == few


def test_the_detail_lists_events_and_the_actions_the_actor_may_take(world: World) -> None:
    case = new_case()
    detail = _client(world.verifier).get(f"{BASE}/{case.pk}").json()
    assert [e["action"] for e in detail["events"]] == ["open"]
    names = {t["name"] for t in detail["transitions"]}
    assert {"start_verification", "mark_not_actionable", "merge"} <= names
    analyst_view = _client(world.supervisor).get(f"{BASE}/{case.pk}").json()
    assert analyst_view["transitions"] == []


def test_the_chain_from_recommendation_to_sanction_over_the_api(world: World) -> None:
    case = at_recommendation(world, new_case())
    supervisor = _client(world.supervisor)
    prefill = supervisor.get(f"{BASE}/{case.pk}/recommendation/prefill").json()
    option = prefill["options"][0]
    signed_response = supervisor.post(
        f"{BASE}/{case.pk}/recommendation",
        {
            "chosen_track": option["track"],
            "chosen_sanction": option["sanctions"][0],
            "expected_version": fresh(case).version,
        },
        content_type="application/json",
    )
    assert signed_response.status_code == 200, signed_response.content
    letter = supervisor.get(signed_response.json()["letter_url"])
    assert letter["Content-Type"] == "application/pdf"
    assert letter.content.startswith(b"%PDF")
    today = timezone.localdate().isoformat()
    ppk = _client(world.ppk)
    recorded = ppk.post(
        f"{BASE}/{case.pk}/sanction",
        {
            "sk_number": "800/77/2026",
            "sk_date": today,
            "sanction": option["sanctions"][0],
            "effective_date": today,
            "expected_version": fresh(case).version,
        },
        content_type="application/json",
    )
    assert recorded.status_code == 200, recorded.content
    assert recorded.json()["stage"] == Stage.CLOSED


def test_the_audit_summary_is_for_national_supervisors_only(world: World) -> None:
    signed(world, new_case())
    assert _client(world.verifier).get(f"{BASE}/audit").status_code == 403
    summary = _client(world.supervisor).get(f"{BASE}/audit").json()
    assert summary["intact"] is True
    assert summary["breaks"] == 0


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/cases/",
        "/api/v1/cases/{case_id}/transitions",
        "/api/v1/cases/{case_id}/recommendation",
        "/api/v1/cases/{case_id}/sanction",
        "/api/v1/cases/audit",
    ],
)
def test_the_openapi_document_describes_the_case_endpoints(db: object, path: str) -> None:
    document = Client().get("/api/v1/openapi.json").json()
    assert path in document["paths"]


def test_subject_search_over_the_api_finds_the_civil_servant_from_what_reports_said(
    world: World,
) -> None:
    case = new_case(subject_name="Drs. Budi Santosa")
    found = _client(world.verifier).get(
        f"/api/v1/cases/{case.pk}/subject-candidates", {"position": "camat"}
    )
    assert found.status_code == 200
    best = found.json()[0]
    assert (best["nip"], best["name"]) == (world.camat.nip, world.camat.name)
    assert "nama" in best["reasons"]
    elsewhere = _client(world.verifier_kebumen).get(f"/api/v1/cases/{case.pk}/subject-candidates")
    assert elsewhere.status_code == 404


def test_an_unknown_queue_filter_value_is_422_not_an_unfiltered_list(world: World) -> None:
    case = new_case()
    client = _client(world.verifier)
    refused = client.get("/api/v1/cases/", {"region": "99.99"})
    assert refused.status_code == 422  # `invalid` maps to 422 (netral/api/errors.py)
    assert refused.json()["code"] == "invalid"
    assert any("99.99" in e for e in refused.json()["detail"]["errors"])
    found = client.get("/api/v1/cases/", {"q": case.reference}).json()
    assert [item["id"] for item in found["items"]] == [case.pk]
