"""Rate limits key on an address the deployment can trust."""

from __future__ import annotations

from django.test import RequestFactory, override_settings

from netral.web.client import client_address


def request_from(remote: str, forwarded: str | None = None) -> object:
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@override_settings(NETRAL_TRUSTED_PROXIES=0)
def test_without_a_proxy_a_forged_forwarded_header_is_ignored() -> None:
    assert client_address(request_from("203.0.113.5", "1.2.3.4")) == "203.0.113.5"


@override_settings(NETRAL_TRUSTED_PROXIES=1)
def test_behind_one_proxy_the_client_is_the_address_that_proxy_saw() -> None:
    # The client may prepend anything; only the entry our proxy appended is trusted.
    request = request_from("10.0.0.2", "1.2.3.4, 203.0.113.5")
    assert client_address(request) == "203.0.113.5"


@override_settings(NETRAL_TRUSTED_PROXIES=2)
def test_a_missing_forwarded_chain_falls_back_to_the_socket_address() -> None:
    assert client_address(request_from("10.0.0.2", "203.0.113.5")) == "10.0.0.2"


def test_ipv6_clients_are_grouped_by_their_64_block() -> None:
    one = client_address(request_from("2001:db8:1:2:aaaa::1"))
    other = client_address(request_from("2001:db8:1:2:bbbb::9"))
    assert one == other == "2001:db8:1:2::/64"
    assert client_address(request_from("::ffff:203.0.113.5")) == "203.0.113.5"
