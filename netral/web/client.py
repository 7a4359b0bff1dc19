"""The client's address as this deployment can trust it.

Behind N reverse proxies of our own, the client is the N-th address from the right of
X-Forwarded-For; with no proxy (N = 0) it is REMOTE_ADDR. Trusting the header when no
proxy sets it would let anyone pick the address rate limits are keyed on. IPv6 clients
are grouped by /64, the block one subscriber usually controls.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    hops = settings.NETRAL_TRUSTED_PROXIES
    address = str(request.META.get("REMOTE_ADDR", ""))
    if hops > 0:
        forwarded = [
            part.strip()
            for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")
            if part.strip()
        ]
        if len(forwarded) >= hops:
            address = forwarded[-hops]
    return rate_limit_key(address)


def rate_limit_key(address: str) -> str:
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)
