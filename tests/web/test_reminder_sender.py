"""The reminder sender inside the app: two app instances (separate engines, as two workers) on
one PostgreSQL elect one sender with an advisory lock, the reminder goes out once, the other
takes over when the sender dies, and a new one after a restart doubles nothing. On SQLite a
lock file elects it. The lifespan starts the sender only when the setting turns it on."""

from __future__ import annotations

import asyncio
import threading
import time as clock
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import requests

from supple.settings import load_settings
from supple.store import Store
from supple.web import create_app
from supple.web.reminder_sender import Sender
from tests.app.test_reminders_fire import MONDAY, _message, _person, endpoint, local  # noqa: F401
from tests.export.push_kit import Browser, PushEndpoint, direct_session


class Clock:
    """The apps' clock, moved by the test."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def phone() -> Browser:
    return Browser.new()


@pytest.fixture
def session() -> Iterator[requests.Session]:
    with direct_session() as s:
        yield s


@pytest.fixture
def worker(tmp_path: Path, session: requests.Session) -> Iterator[Callable[[str, Clock], Sender]]:
    """Make one worker's app on its own engine, and its sender."""
    stores: list[Store] = []

    def make(url: str, now: Clock) -> Sender:
        store = Store.open(url)
        stores.append(store)
        settings = load_settings(data_dir=tmp_path / "data")
        app = create_app(store=store, settings=settings, clock=now)
        return Sender(app.state.web, session=session)

    yield make
    for s in stores:
        s.close()


def test_two_workers_on_postgres_elect_one_sender(
    postgres_url: str,
    endpoint: PushEndpoint,  # noqa: F811
    phone: Browser,
    worker: Callable[[str, Clock], Sender],
) -> None:
    _person(postgres_url, phone, endpoint)
    now = Clock(local(MONDAY, 7, 58))
    a, b = worker(postgres_url, now), worker(postgres_url, now)
    answers: list[tuple[str, Any]] = []

    def run(name: str, sender: Sender, go: threading.Barrier) -> None:
        go.wait()
        answers.append((name, sender.tick()))

    for minute in (58, 59, 0, 1, 2):  # both tick each minute from 07:58, at the same moment
        now.now = local(MONDAY, 7 if minute > 2 else 8, minute)
        go = threading.Barrier(2)
        threads = [threading.Thread(target=run, args=(n, s, go)) for n, s in (("a", a), ("b", b))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
    elected = {name for name, result in answers if result is not None}
    assert len(elected) == 1, answers  # one sender, the same one every tick
    assert sum(len(result or []) for _, result in answers) == 1
    assert len(endpoint.received) == 1
    assert _message(endpoint.received[0], phone)["body"].startswith("Time for your back routine")
    # The sender dies (its connection, and the lock with it): the other takes over at once
    # and sends nothing again.
    sender, other = (a, b) if elected == {"a"} else (b, a)
    sender.lock.release()
    sender.web.database.close()
    now.now = local(MONDAY, 8, 3)
    assert other.tick() == []
    # A restart: a new worker while the other still sends waits; once it stops, the new one
    # sends the follow-up, once.
    fresh = worker(postgres_url, now)
    assert fresh.tick() is None
    other.lock.release()
    now.now = local(MONDAY, 11, 3)
    [follow] = fresh.tick() or []
    assert follow.reminder.slot == "follow_up"
    assert fresh.tick() == []
    assert len(endpoint.received) == 2
    fresh.lock.release()


def test_on_sqlite_a_lock_file_elects_the_sender(
    sqlite_url: str, worker: Callable[[str, Clock], Sender]
) -> None:
    now = Clock(local(MONDAY, 8))
    a, b = worker(sqlite_url, now), worker(sqlite_url, now)
    assert a.tick() == [] and b.tick() is None and b.tick() is None
    lock_file = Path(sqlite_url.removeprefix("sqlite:///") + ".reminders.lock")
    assert lock_file.exists()
    a.lock.release()
    assert b.tick() == [] and a.tick() is None
    b.lock.release()


def test_the_lifespan_runs_the_sender_only_when_turned_on(
    sqlite_url: str,
    tmp_path: Path,
    endpoint: PushEndpoint,  # noqa: F811
    phone: Browser,
) -> None:
    _person(sqlite_url, phone, endpoint)
    now = Clock(local(MONDAY, 8, 10))
    for on in (False, True):
        settings = load_settings(data_dir=tmp_path, reminders=on, reminders_every=0.05)
        with Store.open(sqlite_url) as store:
            app = create_app(store=store, settings=settings, clock=now)

            async def serve(app: Any = app, on: bool = on) -> Any:
                async with app.router.lifespan_context(app):  # as uvicorn runs it
                    deadline = clock.monotonic() + (1 if not on else 20)
                    while clock.monotonic() < deadline and not endpoint.received:
                        await asyncio.sleep(0.05)
                    return app.state.reminder_sender

            sender = asyncio.run(serve())
            assert (sender is not None) == on
            if on:
                assert sender.ticks >= 1
        assert len(endpoint.received) == (1 if on else 0)
    # Stopped with the app: the lock is free for the next process.
    with Store.open(sqlite_url) as store:
        lock = store.sender_lock()
        assert lock.hold()
        lock.release()
