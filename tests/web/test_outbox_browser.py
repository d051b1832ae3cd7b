"""The browser's outbox keeps every event while the database is locked, and each lands once.

A second connection holds a write lock (SQLite ``BEGIN IMMEDIATE``; on PostgreSQL an
``ACCESS EXCLUSIVE`` lock on the event table in an open transaction) while the real Chromium
posts events through ``static/sync.js``; the server answers 503 with ``Retry-After`` meanwhile.
Once the lock is released the outbox catches up: every event is stored, exactly once.
"""

from __future__ import annotations

import sqlite3
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from tests.people import routine
from tests.web.browser import PHONE, LiveServer, live_server

pytestmark = [pytest.mark.browser, pytest.mark.postgres]

EVENTS = 12
#: Seconds a write waits for the lock before the server says 503.
LOCK_WAIT_S = 0.3

SEND = """async ([url, events]) => {
  const outbox = await import("/static/sync.js");
  let queued = null;
  for (const body of events) queued = outbox.enqueue(url, body);
  await queued;
  return outbox.pending();
}"""
PENDING = "async () => (await import('/static/sync.js')).pending()"


class Lock:
    """A write lock on the server's database, held by a connection of its own."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._release: Any = None

    def hold(self) -> None:
        if self.url.startswith("sqlite"):
            lite = sqlite3.connect(self.url.removeprefix("sqlite:///"), isolation_level=None)
            lite.execute("BEGIN IMMEDIATE")

            def release_file() -> None:
                lite.execute("ROLLBACK")
                lite.close()

            self._release = release_file
            return
        engine = create_engine(self.url)
        conn = engine.connect()
        tx = conn.begin()
        conn.execute(text("LOCK TABLE event_key IN ACCESS EXCLUSIVE MODE"))

        def release_table() -> None:
            tx.rollback()
            conn.close()
            engine.dispose()

        self._release = release_table

    def release(self) -> None:
        if self._release is not None:
            self._release()
            self._release = None


@pytest.fixture
def locked_server(database_url: str) -> Iterator[tuple[LiveServer, Lock]]:
    with live_server(database_url, timeout=LOCK_WAIT_S) as server:
        lock = Lock(database_url)
        try:
            yield server, lock
        finally:
            lock.release()


def _until_sent(page: Any, seconds: float) -> None:
    """Wait until the page's outbox is empty (a failure after ``seconds``)."""
    deadline = time.monotonic() + seconds
    while page.evaluate(PENDING) > 0:
        assert time.monotonic() < deadline, "the outbox did not empty"
        page.wait_for_timeout(200)


def _events() -> list[dict[str, Any]]:
    at = "2026-03-02T07:30:00Z"
    events: list[dict[str, Any]] = [
        {"key": uuid.uuid4().hex, "at": at, "type": "pain", "when": "before", "score": n % 11}
        for n in range(EVENTS - 2)
    ]
    item = {"index": 0, "exercise": "cat_cow", "planned_seconds": 60, "held_seconds": 60}
    events.append({"key": uuid.uuid4().hex, "at": at, "type": "item", "status": "done", **item})
    events.append({"key": uuid.uuid4().hex, "at": at, "type": "end", "status": "finished"})
    return events


def test_a_locked_database_loses_no_event_and_doubles_none(
    browser: Any, locked_server: tuple[LiveServer, Lock]
) -> None:
    server, lock = locked_server
    plan_id = server.store.save_plan(routine())
    url = f"/api/v1/plans/{plan_id}/sessions/{uuid.uuid4().hex}/events"
    events = _events()
    context = browser.new_context(base_url=server.url, viewport=PHONE)
    page = context.new_page()
    statuses: list[int] = []
    page.on("response", lambda r: statuses.append(r.status) if "/events" in r.url else None)
    try:
        page.goto("/library")
        lock.hold()
        assert page.evaluate(SEND, [url, events]) == EVENTS, statuses
        deadline = time.monotonic() + 20
        while statuses.count(503) < 2 and time.monotonic() < deadline:
            page.wait_for_timeout(100)
        assert statuses and set(statuses) == {503}, statuses  # refused for now, kept
        assert page.evaluate(PENDING) == EVENTS
        lock.release()
        _until_sent(page, 60)
    finally:
        context.close()
    counts = server.database.counts()
    assert counts["event_key"] == EVENTS, statuses
    assert counts["pain"] == EVENTS - 2 and counts["session"] == 1
    assert counts["session_item"] == 1
    assert statuses.count(200) >= EVENTS  # each answered once it landed


def test_a_refused_event_leaves_the_outbox_and_the_rest_go_on(
    browser: Any, locked_server: tuple[LiveServer, Lock]
) -> None:
    server, _ = locked_server
    plan_id = server.store.save_plan(routine())
    url = f"/api/v1/plans/{plan_id}/sessions/{uuid.uuid4().hex}/events"
    bad = {"key": uuid.uuid4().hex, "at": "2026-03-02T07:30:00Z", "type": "pain", "score": 99}
    good = _events()[:3]
    context = browser.new_context(base_url=server.url, viewport=PHONE)
    page = context.new_page()
    try:
        page.goto("/library")
        page.evaluate(SEND, [url, [bad, *good]])
        _until_sent(page, 30)
    finally:
        context.close()
    assert server.database.counts()["event_key"] == 3
