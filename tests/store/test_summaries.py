"""The summaries always equal a full recomputation, whatever happened (Hypothesis), on both
databases, and under two processes writing for the same person at once; the one-batch read of
the recent records and the digest equals the two reads it replaces."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from supple.session.events import EndEvent, PainEvent
from supple.store import PersonStore, Store, summary
from supple.store.digest_read import read_digest
from supple.tracking.digest import days_of, digest_of, weeks_of
from tests.records import person_records
from tests.store.test_store_faults import writer

T0 = datetime(2026, 1, 5, 6, 0, tzinfo=UTC)
TODAY = date(2026, 3, 20)

when = st.tuples(st.integers(0, 80), st.integers(0, 23))
status = st.sampled_from(["finished", "stopped"])
operation = st.one_of(
    st.tuples(st.just("pain"), when, st.integers(0, 10)),
    st.tuples(st.just("session"), when, status, st.integers(0, 10)),
    st.tuples(st.just("restatus"), st.integers(0, 30), status),
    st.tuples(st.just("correct"), st.integers(0, 30), st.integers(0, 10)),
    st.tuples(st.just("delete"), st.integers(0, 30)),
)


def key() -> str:
    return uuid.uuid4().hex


def _at(offset: tuple[int, int]) -> datetime:
    return T0 + timedelta(days=offset[0], hours=offset[1])


def apply(store: PersonStore, ops: list[Any]) -> None:
    """Run the operations; corrections and deletions pick among what exists."""
    pain: list[int] = []
    sessions: list[tuple[int, datetime]] = []
    for op in ops:
        if op[0] == "pain":
            pain.append(store.log_pain(op[2], at=_at(op[1])))
        elif op[0] == "session":
            at = _at(op[1])
            sid = store.begin_session(None, key=key(), at=at)
            store.record(sid, PainEvent(key=key(), at=at, when="before", score=op[3]))
            store.record(sid, EndEvent(key=key(), at=at, status=op[2]))
            sessions.append((sid, at))
        elif op[0] == "restatus" and sessions:
            sid, at = sessions[op[1] % len(sessions)]
            store.record(sid, EndEvent(key=key(), at=at, status=op[2]))
        elif op[0] == "correct" and pain:
            store.correct_pain(pain[op[1] % len(pain)], score=op[2])
        elif op[0] == "delete" and pain:
            assert store.delete_pain(pain.pop(op[1] % len(pain))) is not None


def check(store: PersonStore) -> None:
    """The stored summaries and the digest equal those recomputed from every record."""
    with Session(store.database._engine) as db:
        days, weeks = summary.stored(db, store.person_id)
        records = summary.records(db, store.person_id)
    expected = days_of(records)
    assert days == expected
    assert weeks == weeks_of(expected)
    for today in (TODAY, TODAY - timedelta(days=60), TODAY + timedelta(days=40)):
        from_summaries = store._raw_read(read_digest, today)
        assert from_summaries is not None  # read from the summaries, not recomputed
        assert from_summaries == digest_of(store.tracking_input(today))
        # the one-batch read of today's routine and progress equals the two reads it replaces
        since = today - timedelta(days=36)
        records, digest = store.tracking_window(today, since=since)
        assert records == store.tracking_input(today, since=since)
        assert digest == from_summaries


@pytest.fixture(params=["UTC", "America/New_York"])
def zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Days counted in UTC, and in a zone where evenings are the next day in UTC."""
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def test_summaries_equal_a_recomputation_after_any_events(database_url: str, zone: str) -> None:
    examples = 20 if database_url.startswith("sqlite") else 8
    with Store.open(database_url) as database:

        @settings(
            max_examples=examples,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        )
        @given(st.lists(operation, max_size=25))
        def run(ops: list[Any]) -> None:
            store = database.for_person(database.add_person("h"))  # a new person each time
            apply(store, ops)
            check(store)

        run()


def test_an_import_and_an_older_database_get_their_summaries(
    database_url: str, tmp_path: Path
) -> None:
    with person_records(database_url) as store:
        apply(store, [("session", (1, 8), "finished", 6), ("pain", (2, 9), 4)] * 3)
        text = store.export_text("json")
    engine = create_engine(database_url)
    with engine.begin() as conn:  # as a database written before the summaries existed
        for table in ("tracking_day", "tracking_week", "tracking_state"):
            conn.execute(sql(f"DELETE FROM {table}"))
    engine.dispose()
    with person_records(database_url) as store:  # opening fills what is missing
        check(store)
        assert store.tracking_digest(TODAY).sessions_done == 3
    with person_records(str(tmp_path / "imported.db")) as copy:
        copy.import_text(text)
        check(copy)
        assert copy.tracking_digest(TODAY).sessions_done == 3


def test_two_processes_writing_for_one_person_keep_the_summaries_right(
    database_url: str,
) -> None:
    logs = writer(database_url, "pain", 30, "a")
    sessions = writer(database_url, "sessions", 4, "b")
    for proc in (logs, sessions):
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    with person_records(database_url) as store:
        check(store)
        assert store.tracking_digest().sessions_done == 4
