"""Web fixtures: an in-process API client on each database, and a real server for Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from supple.web import create_app
from tests.web.browser import CHROMIUM, CHROMIUM_ARGS, PHONE, LiveServer, live_server
from tests.web.client import CALM, Client


@pytest.fixture
def app(database_url: str) -> Iterator[Any]:
    from supple.store import Store

    store = Store.open(database_url)
    try:
        yield create_app(store=store)
    finally:
        store.close()


@pytest.fixture
def client(app: Any) -> Iterator[Client]:
    c = Client(app)
    try:
        yield c
    finally:
        c.close()


@pytest.fixture
def screened(client: Client) -> Client:
    r = client.post("/api/v1/profile", json=CALM)
    assert r.status_code == 200, r.text
    return client


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Debian Chromium (Playwright), one per test module."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def server(sqlite_url: str) -> Iterator[LiveServer]:
    """The app on a real socket, on a new SQLite file."""
    with live_server(sqlite_url) as s:
        yield s


@pytest.fixture
def page(browser: Any, server: LiveServer) -> Iterator[Any]:
    """A phone-sized page on ``server``; a JavaScript error anywhere fails the test."""
    context = browser.new_context(base_url=server.url, viewport=PHONE)
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.set_default_timeout(30_000)  # the shared CI machine can be slow
    try:
        yield p
    finally:
        context.close()
    assert not errors, f"JavaScript errors: {errors}"
