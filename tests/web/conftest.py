"""Web fixtures: an in-process API client on each database, and a real server for Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from supple.web import create_app
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
