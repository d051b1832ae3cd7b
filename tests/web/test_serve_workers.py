"""`supple serve --workers 2` on an empty database: one schema, one person, two workers that
share the port; a worker killed with SIGKILL is replaced, every acknowledged event is stored
exactly once, and the outbox of a real browser catches up."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, text

from supple.store.revision import HEAD
from tests.pgserver import PgServer
from tests.web.browser import PHONE, free_port
from tests.web.test_outbox_browser import PENDING, SEND

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

SUPPLE = [sys.executable, "-m", "supple"]
AT = "2026-03-02T07:30:00Z"


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with nothing in it yet (no schema, no person)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    server: PgServer = request.getfixturevalue("pg_server")
    name = f"w_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    url = server.create_database(name)
    try:
        yield url
    finally:
        server.drop_database(name)


#: A worker's first start: import, wait for the signal, open the store, print its person.
FIRST_START = """
import os, sys, time
from supple.store import Store
while not os.path.exists(sys.argv[2]):
    time.sleep(0.005)
with Store.open(sys.argv[1]) as database:
    print(database.person())
"""


def test_workers_opening_an_empty_database_at_once_make_one_schema_and_one_person(
    empty_url: str, tmp_path: Path
) -> None:
    """Without ``supple serve`` preparing it first: the store's locks alone elect one."""
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", FIRST_START, empty_url, str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    time.sleep(1.0)  # let them all import, so they open at the same instant
    go.touch()
    people = set()
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        people.add(out.strip())
    assert len(people) == 1
    _stored(empty_url)  # one schema at HEAD, one person row


def _children(pid: int) -> set[int]:
    """The worker processes of uvicorn's supervisor ``pid`` (spawned: they run spawn_main)."""
    found = set()
    for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
        if b"spawn_main" in cmdline:
            found.add(int(child))
    return found


def _until(check: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, what
        time.sleep(0.2)


def _answers(base: str) -> bool:
    try:
        return httpx.get(f"{base}/api/v1/openapi.json", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def _post_until_stored(client: httpx.Client, url: str, body: dict[str, object]) -> None:
    """Post an event as the outbox does: again after a dropped connection or a 503."""
    deadline = time.monotonic() + 30
    while True:
        try:
            answer = client.post(url, json=body)
            if answer.status_code == 200:
                return
            assert answer.status_code == 503, answer.text
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, f"event {body['key']} was never stored"
        time.sleep(0.1)


class Served:
    """``supple serve --workers 2`` running on a database, and what it wrote to stderr."""

    def __init__(self, proc: subprocess.Popen[str], base: str) -> None:
        self.proc = proc
        self.base = base
        self.err = ""

    def workers(self) -> set[int]:
        return _children(self.proc.pid)

    def kill_one(self) -> None:
        os.kill(min(self.workers()), signal.SIGKILL)

    def plan(self, client: httpx.Client) -> str:
        """Answer the screening, make a plan; the events URL of a new session of it."""
        assert client.post("/api/v1/profile", json={"minutes": 5}).status_code == 200
        plan = client.post("/api/v1/plans", json={}).json()["id"]
        return f"/api/v1/plans/{plan}/sessions/{uuid.uuid4().hex}/events"


@contextmanager
def served(url: str) -> Iterator[Served]:
    port = free_port()
    proc = subprocess.Popen(
        [*SUPPLE, "serve", "--workers", "2", "--port", str(port), "--database-url", url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    server = Served(proc, f"http://127.0.0.1:{port}")
    try:
        _until(lambda: _answers(server.base) or proc.poll() is not None, 60, "no answer")
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        _until(lambda: len(server.workers()) == 2, 30, "not two workers")
        yield server
    finally:
        proc.terminate()
        _, server.err = proc.communicate(timeout=30)
    assert "Traceback" not in server.err, server.err


def _stored(url: str) -> tuple[list[str], int]:
    """The stored event keys and pain scores; asserts one schema at HEAD and one person."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
            assert conn.execute(text("SELECT count(*) FROM person")).scalar() == 1
            keys = [row[0] for row in conn.execute(text("SELECT key FROM event_key"))]
            return keys, int(conn.execute(text("SELECT count(*) FROM pain")).scalar_one())
    finally:
        engine.dispose()


def test_two_workers_on_an_empty_database_survive_a_killed_worker(empty_url: str) -> None:
    with (
        served(empty_url) as server,
        httpx.Client(base_url=server.base, headers={"Origin": server.base}, timeout=10) as client,
    ):
        events = server.plan(client)
        sent = []
        for n in range(30):
            if n == 10:  # mid-stream, as a crash would
                server.kill_one()
            body: dict[str, object] = {"type": "pain", "key": uuid.uuid4().hex, "at": AT}
            body.update(when="before", score=n % 11)
            _post_until_stored(client, events, body)
            sent.append(str(body["key"]))
        _until(lambda: len(server.workers()) == 2, 30, "the killed worker came back")
        again = client.post(events, json={**body, "score": 1})  # the last one, sent twice
        assert again.json() == {"stored": False, "key": sent[-1]}
    assert ("writes take turns" in server.err) == empty_url.startswith("sqlite"), server.err
    keys, pains = _stored(empty_url)
    assert sorted(keys) == sorted(sent) and pains == len(sent)  # each once, none lost


@pytest.mark.browser
def test_the_outbox_of_a_browser_catches_up_after_a_worker_is_killed(
    browser: Any, postgres_url: str
) -> None:
    count = 20
    with (
        served(postgres_url) as server,
        httpx.Client(base_url=server.base, headers={"Origin": server.base}, timeout=10) as client,
    ):
        events = server.plan(client)
        bodies = [
            {"type": "pain", "key": uuid.uuid4().hex, "at": AT, "when": "before", "score": n % 11}
            for n in range(count)
        ]
        context = browser.new_context(base_url=server.base, viewport=PHONE)
        page = context.new_page()
        try:
            page.goto("/library")
            assert page.evaluate(SEND, [events, bodies]) > 0  # all queued, the first sent
            server.kill_one()  # while the outbox sends the rest
            deadline = time.monotonic() + 60
            while page.evaluate(PENDING) > 0:
                assert time.monotonic() < deadline, "the outbox did not empty"
                page.wait_for_timeout(200)
        finally:
            context.close()
    keys, pains = _stored(postgres_url)
    assert sorted(keys) == sorted(str(b["key"]) for b in bodies) and pains == count
