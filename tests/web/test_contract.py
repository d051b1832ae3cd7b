"""The API keeps its contract where it used to slip: a temporary store failure is a 503 with
``Retry-After`` (pages too), a body that is not UTF-8 is a 422, a 405 names every method."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from supple.store import Store
from supple.web import create_app
from tests.web.client import Client


@pytest.fixture
def impatient(sqlite_url: str) -> Any:
    store = Store.open(sqlite_url, timeout=0.1)
    client = Client(create_app(store=store))
    try:
        yield client, sqlite_url.removeprefix("sqlite:///")
    finally:
        client.close()
        store.close()


def test_a_locked_database_is_a_503_with_retry_after_everywhere(impatient: Any) -> None:
    client, path = impatient
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        api = client.post("/api/v1/pain", json={"score": 3})
        assert api.status_code == 503 and api.headers["Retry-After"] == "2"
        assert "locked" in api.json()["detail"]
        page = client.post("/progress/pain", data={"score": "3"})
        assert page.status_code == 503 and page.headers["Retry-After"] == "2"
        assert "try again" in page.text
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert client.post("/api/v1/pain", json={"score": 3}).status_code == 201  # and then it goes


def test_a_body_that_is_not_utf8_is_422(client: Client) -> None:
    for body in (b"\xff\xfe", b'{"score": 3, "note": "\xff"}'):
        r = client.post("/api/v1/pain", content=body, headers={"Content-Type": "application/json"})
        assert r.status_code == 422, (body, r.text)
        assert r.json()["detail"]


def test_a_405_names_every_method_of_the_path(client: Client) -> None:
    r = client.request("PUT", "/api/v1/notes")
    assert r.status_code == 405
    assert set(r.headers["Allow"].split(", ")) >= {"GET", "POST"}
    page = client.request("DELETE", "/progress")
    assert page.status_code == 405 and "GET" in page.headers["Allow"]


def test_the_event_type_is_required_in_the_schema(client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    for name in ("ItemEventIn", "FeedbackEventIn", "PainEventIn", "EndEventIn"):
        assert "type" in schema[name]["required"], name
    activity = schema["PsfsItem"]["properties"]["activity"]
    assert activity["minLength"] == 2 and activity["maxLength"] == 80 and activity["pattern"]
    swaps = schema["PlanRequest"]["properties"]["swaps"]
    assert swaps["propertyNames"]["pattern"] and swaps["additionalProperties"]["pattern"]


def test_flags_and_text_are_not_numbers(client: Client) -> None:
    for score in (False, "3", 3.5):
        assert client.post("/api/v1/pain", json={"score": score}).status_code == 422
    assert client.post("/api/v1/pain", json={"score": 3.0}).status_code == 201
