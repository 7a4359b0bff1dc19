"""POST /api/v1/self-check: public, validated, rate-limited, described, counted anonymously."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from netral.guide.models import SelfCheckCount

API = "/api/v1/self-check"
pytestmark = pytest.mark.django_db


def post(client: Client, body: dict[str, Any]) -> Any:
    return client.post(API, data=json.dumps(body), content_type="application/json")


def test_a_question_in_words_gets_verdict_conduct_findings_and_explanation(client: Client) -> None:
    response = post(
        client,
        {
            "text": "boleh gak saya foto bareng caleg pake pose 2 jari?",
            "date": "2024-01-10",
            "subject": "PNS",
        },
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["verdict"], body["conduct"]) == ("FORBIDDEN", ["FOTO_SIMBOL"])
    [finding] = body["findings"]
    assert finding["conduct"] == "FOTO_SIMBOL"
    assert finding["facts"]["election"] == "PEMILU"
    assert finding["facts"]["candidate_status"] == "CALON"
    assert {t["track"] for t in finding["tracks"]} == {"DISIPLIN"}
    assert body["questions"] == []
    assert body["explanation"].startswith("Tidak boleh.")
    assert "bukan pendapat hukum" in body["explanation"]


def test_picked_conduct_and_an_open_fact_give_depends_with_the_question(client: Client) -> None:
    body = post(
        client, {"conduct": ["PENDEKATAN_PARPOL"], "date": "2024-06-15", "subject": "PPPK"}
    ).json()
    assert body["verdict"] == "DEPENDS"
    assert [q["fact"] for q in body["questions"]] == ["on_leave"]
    assert "cuti di luar tanggungan negara" in body["questions"][0]["text"]
    settled = post(
        client,
        {
            "conduct": ["PENDEKATAN_PARPOL"],
            "date": "2024-06-15",
            "subject": "PPPK",
            "on_leave": True,
        },
    ).json()
    assert settled["verdict"] == "ALLOWED"


def test_text_with_no_prohibited_conduct_is_allowed_with_what_stays_forbidden(
    client: Client,
) -> None:
    body = post(
        client, {"text": "Boleh saya nyoblos di TPS?", "date": "2024-02-14", "subject": "PNS"}
    ).json()
    assert (body["verdict"], body["conduct"]) == ("ALLOWED", [])
    assert "MEDSOS_UNGGAH" in body["still_forbidden"]


@pytest.mark.parametrize(
    "body",
    [
        {"date": "2024-01-10", "subject": "PNS"},
        {"text": "pasang spanduk", "date": "2024-13-40", "subject": "PNS"},
        {"text": "pasang spanduk", "date": "2024-01-10", "subject": "CAMAT"},
        {"conduct": ["APK_BARU"], "date": "2024-01-10", "subject": "PNS"},
        {"text": "x" * 1001, "date": "2024-01-10", "subject": "PNS"},
        {"text": "pasang spanduk", "date": "1999-12-31", "subject": "PNS"},
    ],
)
def test_bad_input_is_refused_with_422(client: Client, body: dict[str, Any]) -> None:
    response = post(client, body)
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"


def test_answers_are_rate_limited_per_client(client: Client, settings: Any) -> None:
    settings.SELFCHECK_ANSWERS_PER_WINDOW = 2
    body = {"conduct": ["APK_PASANG"], "date": "2024-01-10", "subject": "PNS"}
    assert [post(client, body).status_code for _ in range(3)] == [200, 200, 429]
    assert post(client, body).json()["code"] == "rate_limited"


def test_nothing_is_stored_but_anonymous_counts(client: Client) -> None:
    text = "Bolehkah saya menyukai unggahan bakal calon bupati di Facebook?"
    post(client, {"text": text, "date": "2024-06-15", "subject": "PNS"})
    post(client, {"text": text, "date": "2024-06-15", "subject": "PNS"})
    [count] = SelfCheckCount.objects.all()
    assert (count.channel, count.verdict, count.conduct, count.count) == (
        "api",
        "FORBIDDEN",
        "MEDSOS_INTERAKSI",
        2,
    )
    stored = json.dumps(list(SelfCheckCount.objects.values()), default=str)
    assert "Facebook" not in stored


def test_the_openapi_document_describes_the_self_check(client: Client) -> None:
    document = client.get("/api/v1/openapi.json").json()
    operation = document["paths"]["/api/v1/self-check"]["post"]
    assert {"200", "422", "429"} <= set(operation["responses"])
    schema_ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    schema = document["components"]["schemas"][schema_ref.rsplit("/", 1)[1]]
    assert {
        "text",
        "conduct",
        "date",
        "subject",
        "candidate_status",
        "on_leave",
        "passive_attendance",
    } <= set(schema["properties"])
    assert schema["required"] == ["date", "subject"]
