from __future__ import annotations

import pytest

from tests.intake.conftest import API


@pytest.fixture
def filed(submit) -> dict[str, str]:
    return submit().json()


def test_status_shows_the_public_timeline_with_the_right_secret(client, filed):
    response = client.get(f"{API}/{filed['receipt']}", HTTP_X_RECEIPT_SECRET=filed["secret"])
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "RECEIVED"
    assert [e["kind"] for e in body["timeline"]] == ["RECEIVED"]
    assert body["messages"] == []


def test_a_wrong_secret_looks_exactly_like_an_unknown_receipt(client, filed):
    wrong = client.get(
        f"{API}/{filed['receipt']}", HTTP_X_RECEIPT_SECRET="AAAA-BBBB-CCCC-DDDD-EEEE"
    )
    unknown = client.get(f"{API}/4000000000000002", HTTP_X_RECEIPT_SECRET=filed["secret"])
    missing = client.get(f"{API}/{filed['receipt']}")
    assert wrong.status_code == unknown.status_code == missing.status_code == 404
    assert wrong.json() == unknown.json() == missing.json()


def test_the_secret_is_accepted_in_lower_case_without_dashes(client, filed):
    relaxed = filed["secret"].lower().replace("-", "")
    response = client.get(f"{API}/{filed['receipt']}", HTTP_X_RECEIPT_SECRET=relaxed)
    assert response.status_code == 200


def test_the_reporter_can_send_a_message_and_see_it_in_the_thread(client, filed):
    url = f"{API}/{filed['receipt']}"
    sent = client.post(
        f"{url}/messages",
        data={"body": "Saya punya video tambahan, bagaimana mengirimnya?"},
        content_type="application/json",
        HTTP_X_RECEIPT_SECRET=filed["secret"],
    )
    assert sent.status_code == 201
    thread = client.get(url, HTTP_X_RECEIPT_SECRET=filed["secret"]).json()["messages"]
    assert [(m["sender"], m["body"][:9]) for m in thread] == [("REPORTER", "Saya puny")]


def test_a_message_with_a_wrong_secret_is_not_stored(client, filed):
    from netral.intake.models import Message

    response = client.post(
        f"{API}/{filed['receipt']}/messages",
        data={"body": "pesan palsu"},
        content_type="application/json",
        HTTP_X_RECEIPT_SECRET="salah",
    )
    assert response.status_code == 404
    assert Message.objects.count() == 0


def test_repeated_failed_lookups_are_slowed_down(client, filed, settings):
    settings.INTAKE_LOOKUP_FAILURES_PER_WINDOW = 3
    for _ in range(3):
        client.get(f"{API}/{filed['receipt']}", HTTP_X_RECEIPT_SECRET="salah")
    response = client.get(f"{API}/{filed['receipt']}", HTTP_X_RECEIPT_SECRET=filed["secret"])
    assert response.status_code == 429


def test_behind_a_declared_proxy_each_citizen_has_a_limit_of_their_own(client, filed, settings):
    settings.INTAKE_LOOKUP_FAILURES_PER_WINDOW = 3
    settings.NETRAL_TRUSTED_PROXIES = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(3):
        client.get(
            f"{API}/{filed['receipt']}",
            HTTP_X_RECEIPT_SECRET="salah",
            HTTP_X_FORWARDED_FOR="203.0.113.7",
            **proxy,
        )
    other = client.get(
        f"{API}/{filed['receipt']}",
        HTTP_X_RECEIPT_SECRET=filed["secret"],
        HTTP_X_FORWARDED_FOR="198.51.100.4",
        **proxy,
    )
    assert other.status_code == 200  # the guesser's failures are not the reporter's
