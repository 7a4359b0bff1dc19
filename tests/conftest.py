"""Suite-wide fixtures: no outgoing network, a real Chromium for browser tests."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"

# Playwright's sync API runs an event loop in the test thread; the live server and the
# test still talk to the database synchronously, which is what we want here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("NETRAL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(autouse=True)
def _block_outgoing_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests may talk to loopback (PostgreSQL, the live server) and nothing else."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> Any:
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and not (
            host.startswith(("127.", "/")) or host in {"localhost", "::1"}
        ):
            raise OSError(f"tests must not reach the network (tried {address!r})")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(autouse=True)
def _own_checkpoint_file(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    """Each test publishes audit checkpoints to a file of its own: a transactional test's
    flush removes its checkpoint rows but not the lines it appended, and `audit verify`
    rightly reports a file with lines and a database without checkpoints."""
    from django.conf import settings

    folder = tmp_path_factory.getbasetemp() / "checkpoint-logs"
    folder.mkdir(exist_ok=True)
    before = settings.NETRAL_AUDIT_CHECKPOINT_LOG
    settings.NETRAL_AUDIT_CHECKPOINT_LOG = str(folder / f"{abs(hash(request.node.nodeid))}.jsonl")
    try:
        yield
    finally:
        settings.NETRAL_AUDIT_CHECKPOINT_LOG = before


@pytest.fixture(autouse=True)
def _migrated_reference_data(request: pytest.FixtureRequest) -> None:
    """Transactional tests flush the database afterwards, taking with them the regions a
    data migration loaded; give every such test the state a freshly migrated database has.
    (pytest-django runs them after the others, so only they can meet a flushed database.)"""
    marker = request.node.get_closest_marker("django_db")
    marked = marker is not None and marker.kwargs.get("transaction")
    if not (marked or {"transactional_db", "live_server"} & set(request.fixturenames)):
        return
    request.getfixturevalue("transactional_db")
    from netral.org.models import Region
    from netral.org.regions import load_regions

    if not Region.objects.exists():
        load_regions(Region)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def page_at(browser: Any) -> Iterator[Any]:
    """`page_at(PHONE)` opens a fresh page at a viewport; all are closed after the test."""
    contexts: list[Any] = []

    def open_page(viewport: dict[str, int], locale: str = "id-ID") -> Any:
        context = browser.new_context(viewport=viewport, locale=locale)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield open_page
    for context in contexts:
        context.close()
