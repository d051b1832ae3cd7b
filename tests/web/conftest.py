"""Web fixtures: an in-process API client on each database, and a real server for Chromium."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from supple.web import create_app


class Client:
    """A synchronous face on ``httpx.AsyncClient`` over the app's ASGI interface (in-process)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self._runner = asyncio.Runner()
        self._client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        )

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        return self._runner.run(self._client.request(method, url, **kwargs))

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def put(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("PUT", url, **kwargs)

    def close(self) -> None:
        self._runner.run(self._client.aclose())
        self._runner.close()


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


#: Plain answers with no red flag, a short routine.
CALM = {
    "pain_areas": ["lower_back"],
    "pain_now": 4,
    "pain_weeks": 6,
    "minutes": 5,
}


@pytest.fixture
def screened(client: Client) -> Client:
    r = client.post("/api/v1/profile", json=CALM)
    assert r.status_code == 200, r.text
    return client
