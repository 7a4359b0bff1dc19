"""The load balancer checks /healthz over plain HTTP while every page redirects to HTTPS."""

from __future__ import annotations

from django.test import Client, override_settings


@override_settings(SECURE_SSL_REDIRECT=True, SECURE_HSTS_SECONDS=31_536_000)
def test_healthz_answers_over_plain_http_while_pages_redirect() -> None:
    client = Client()
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.content == b"ok"
    assert "Strict-Transport-Security" not in health
    page = client.get("/aturan/")
    assert page.status_code == 301
    assert page["Location"].startswith("https://")
