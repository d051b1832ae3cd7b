"""Patients linked to clinician A with records dated from today, for the clinician tests."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import update

from supple.session.events import EndEvent, FeedbackEvent, ItemEvent
from supple.store import PersonStore
from supple.store.schema import Person
from tests.accounts.kit import NOW, Install, _account

TODAY = NOW.astimezone().date()


def key() -> str:
    """A new event key."""
    return uuid.uuid4().hex


def at(days_ago: int) -> datetime:
    """Noon, local time, ``days_ago`` days before today."""
    return datetime.combine(TODAY - timedelta(days=days_ago), time(12)).astimezone(UTC)


def session(records: PersonStore, days_ago: int, *, painful: str | None = None) -> None:
    """A finished session of one move (rated painful when ``painful`` names it)."""
    when = at(days_ago)
    sid = records.begin_session(None, key=key(), at=when)
    item = ItemEvent(
        key=key(),
        at=when,
        index=0,
        exercise=painful or "cat_cow",
        planned_seconds=60,
        held_seconds=60,
        status="done",
    )
    records.record(sid, item)
    if painful:
        records.record(
            sid, FeedbackEvent(key=key(), at=when, index=0, exercise=painful, feedback="painful")
        )
    records.record(sid, EndEvent(key=key(), at=when + timedelta(minutes=5), status="finished"))


def patient(i: Install, email: str, name: str = "me") -> PersonStore:
    """A new patient linked to clinician A 40 days ago, called ``name``; their records."""
    account = _account(i.database, email, "patient", records="new")
    assert account.person_id is not None
    i.database.care_team(i.people["clinician_a"]).link(account.id, at=NOW - timedelta(days=40))
    records = i.database.for_person(account.person_id)
    if name != "me":
        with i.database._write() as db:
            db.execute(update(Person).where(Person.id == account.person_id).values(name=name))
    return records
