"""Reminders that fire, end to end on real databases: the app's tick decides, claims the reminder
in the store and sends it to a push endpoint of our own on 127.0.0.1, where the test decrypts
the message (http_ece, with the browser key it made) and checks the VAPID signature.

Two senders on one PostgreSQL (separate engines, as two workers) send a reminder once: the
database's lock elects one, and the conditional claim holds even without the lock; a restart
neither skips nor doubles one.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests

from supple.app import reminders
from supple.export.push import Subscription, application_server_key, pusher, vapid_key
from supple.library import load_library
from supple.session.events import EndEvent
from supple.store import PersonStore, Store
from supple.tracking.reminders import Reminder
from tests.export.push_kit import (
    Browser,
    PushEndpoint,
    Received,
    direct_session,
    serving,
    verify_vapid,
)
from tests.web.client import CALM

CONTACT = "mailto:reminders@supple.invalid"
#: A Monday, 08:00 local time (the schedule runs on the server's local time).
MONDAY = date(2026, 3, 2)


def local(day: date, hh: int, mm: int = 0) -> datetime:
    """An aware time at ``hh:mm`` on ``day`` in the server's zone."""
    return datetime.combine(day, time(hh, mm)).astimezone()


@pytest.fixture
def endpoint() -> Iterator[PushEndpoint]:
    with serving(uuid.uuid4().hex) as found:
        yield found


@pytest.fixture
def phone() -> Browser:
    return Browser.new()


@pytest.fixture
def session() -> Iterator[requests.Session]:
    with direct_session() as s:
        yield s


def _person(url: str, phone: Browser, endpoint: PushEndpoint, **chosen: Any) -> int:
    """A screened person with reminders on and ``phone`` subscribed; return their id."""
    from supple.safety.profile import Profile

    with Store.open(url) as db:
        person = db.person()
        records = db.for_person(person)
        records.save_profile(Profile.model_validate(CALM))
        settings = reminders.make_settings(
            days=chosen.get("days", range(7)),
            at=chosen.get("at", time(8, 0)),
            follow_up=chosen.get("follow_up", True),
            quiet_start=chosen.get("quiet_start"),
            quiet_end=chosen.get("quiet_end"),
        )
        reminders.save_settings(store=records, enabled=True, settings=settings)
        target = Subscription.from_json(
            phone.subscription(endpoint.url).info(), allow_loopback=True
        ).target()
        reminders.save_subscription(store=records, target=target)
        return person


class Sender:
    """What the app's scheduler does on a tick, on its own engine (one worker's)."""

    def __init__(self, url: str, key_folder: Path, session: requests.Session) -> None:
        self.db = Store.open(url)
        self.library = load_library()
        self.vapid = vapid_key(key_folder)
        self.push = pusher(vapid=self.vapid, contact=CONTACT, session=session)

    def tick(self, now: datetime) -> list[reminders.Sent]:
        return reminders.tick(
            now=now, db=self.db, records_of=self.db.for_person, library=self.library, push=self.push
        )

    def close(self) -> None:
        self.db.close()


def _message(got: Received, phone: Browser) -> dict[str, Any]:
    return phone.read(got)


def _minutes(records: PersonStore, day: date) -> int:
    minutes = reminders.routine_minutes(store=records, library=load_library(), today=day)
    assert minutes is not None
    return minutes


def _log_session(records: PersonStore, at: datetime, status: str = "finished") -> None:
    sid = records.begin_session(None, key=uuid.uuid4().hex, at=at)
    records.record(sid, EndEvent(key=uuid.uuid4().hex, at=at, status=status))


def test_a_reminder_fires_encrypted_signed_once_then_the_follow_up(
    database_url: str,
    tmp_path: Path,
    endpoint: PushEndpoint,
    phone: Browser,
    session: requests.Session,
) -> None:
    person = _person(database_url, phone, endpoint)
    sender = Sender(database_url, tmp_path, session)
    try:
        assert sender.tick(local(MONDAY, 7, 59)) == []
        [sent] = sender.tick(
            local(
                MONDAY,
                8,
                0,
            )
        )
        assert (sent.person_id, sent.reminder.slot, sent.delivered) == (person, "first", 1)
        (got,) = endpoint.received
        message = _message(got, phone)
        records = sender.db.for_person(person)
        minutes = _minutes(records, MONDAY)
        assert message == {
            "title": "Supple",
            "body": f"Time for your back routine — {minutes} min",
            "url": "/today",
            "tag": "supple-reminder",
        }
        claims = verify_vapid(got.headers["authorization"], application_server_key(sender.vapid))
        assert claims["sub"] == CONTACT
        # The same minute again, and the next: never a second one of the slot.
        assert sender.tick(local(MONDAY, 8, 0)) == []
        assert sender.tick(local(MONDAY, 8, 1)) == []
        assert sender.tick(local(MONDAY, 10, 59)) == []
        [follow] = sender.tick(local(MONDAY, 11, 0))
        assert follow.reminder.slot == "follow_up"
        assert _message(endpoint.received[-1], phone)["body"] == f"Still time today — {minutes} min"
        assert sender.tick(local(MONDAY, 15, 0)) == []
        assert len(endpoint.received) == 2
        kept = reminders.read_settings(records).last
        assert kept == Reminder("follow_up", local(MONDAY, 11).replace(tzinfo=None))
        # Tuesday: a session logged before the time means no reminder at all that day.
        tuesday = MONDAY + timedelta(days=1)
        _log_session(records, local(tuesday, 7, 30))
        assert sender.tick(local(tuesday, 8, 0)) == []
        assert sender.tick(local(tuesday, 11, 30)) == []
        assert len(endpoint.received) == 2
    finally:
        sender.close()


def test_no_follow_up_once_the_session_is_logged(
    sqlite_url: str,
    tmp_path: Path,
    endpoint: PushEndpoint,
    phone: Browser,
    session: requests.Session,
) -> None:
    person = _person(sqlite_url, phone, endpoint)
    sender = Sender(sqlite_url, tmp_path, session)
    try:
        assert len(sender.tick(local(MONDAY, 8, 30))) == 1
        _log_session(sender.db.for_person(person), local(MONDAY, 9), status="stopped")
        assert sender.tick(local(MONDAY, 11, 45)) == []
        assert len(endpoint.received) == 1
    finally:
        sender.close()


def test_days_off_quiet_hours_and_reminders_off_send_nothing(
    sqlite_url: str,
    tmp_path: Path,
    endpoint: PushEndpoint,
    phone: Browser,
    session: requests.Session,
) -> None:
    person = _person(
        sqlite_url, phone, endpoint, days=[0], quiet_start=time(10), quiet_end=time(12)
    )
    sender = Sender(sqlite_url, tmp_path, session)
    try:
        assert sender.tick(local(MONDAY + timedelta(days=1), 9)) == []  # Tuesday: a day off
        assert len(sender.tick(local(MONDAY, 8))) == 1
        assert sender.tick(local(MONDAY, 11, 30)) == []  # the follow-up falls in quiet hours
        records = sender.db.for_person(person)
        choice = reminders.read_settings(records)
        reminders.save_settings(store=records, enabled=False, settings=choice.settings)
        assert sender.tick(local(MONDAY + timedelta(days=7), 9)) == []  # turned off
        assert len(endpoint.received) == 1
    finally:
        sender.close()


def test_a_gone_subscription_is_deleted_and_others_still_get_it(
    database_url: str,
    tmp_path: Path,
    endpoint: PushEndpoint,
    phone: Browser,
    session: requests.Session,
) -> None:
    person = _person(database_url, phone, endpoint)
    sender = Sender(database_url, tmp_path, session)
    try:
        records = sender.db.for_person(person)
        laptop = Browser.new()
        second = laptop.subscription(endpoint.url + "/laptop")
        reminders.save_subscription(store=records, target=second.target())
        assert len(records.push_targets()) == 2
        endpoint.status = 410  # the push service says both are gone
        [sent] = sender.tick(local(MONDAY, 8, 5))
        assert (sent.delivered, sent.gone) == (0, 2)
        assert records.push_targets() == []
        assert sender.db.reminder_people() == []  # nobody to look at any more
        assert sender.tick(local(MONDAY, 11, 30)) == []
    finally:
        sender.close()


def test_a_failing_push_service_does_not_double_the_reminder(
    sqlite_url: str,
    tmp_path: Path,
    endpoint: PushEndpoint,
    phone: Browser,
    session: requests.Session,
) -> None:
    person = _person(sqlite_url, phone, endpoint)
    sender = Sender(sqlite_url, tmp_path, session)
    try:
        endpoint.status = 500
        [sent] = sender.tick(local(MONDAY, 8))
        assert (sent.delivered, sent.gone) == (0, 0)
        assert len(sender.db.for_person(person).push_targets()) == 1  # kept: not gone
        endpoint.status = 201
        assert sender.tick(local(MONDAY, 8, 1)) == []  # claimed: not sent again
        assert len(endpoint.received) == 1
    finally:
        sender.close()


def test_a_restart_neither_skips_nor_doubles(
    sqlite_url: str,
    tmp_path: Path,
    endpoint: PushEndpoint,
    phone: Browser,
    session: requests.Session,
) -> None:
    _person(sqlite_url, phone, endpoint)
    first = Sender(sqlite_url, tmp_path, session)
    assert first.tick(local(MONDAY, 7, 50)) == []
    first.close()  # down from 07:50 to 09:20: the 08:00 reminder is not skipped
    second = Sender(sqlite_url, tmp_path, session)
    [sent] = second.tick(local(MONDAY, 9, 20))
    assert sent.reminder.slot == "first"
    second.close()
    third = Sender(sqlite_url, tmp_path, session)  # up again at once: nothing doubled
    try:
        assert third.tick(local(MONDAY, 9, 21)) == []
        assert third.tick(local(MONDAY, 12, 19)) == []  # the follow-up: 3 h after it was sent
        assert [s.reminder.slot for s in third.tick(local(MONDAY, 12, 20))] == ["follow_up"]
        assert len(endpoint.received) == 2
    finally:
        third.close()


def test_two_senders_claiming_at_once_send_one_reminder(
    postgres_url: str,
    tmp_path: Path,
    endpoint: PushEndpoint,
    phone: Browser,
    session: requests.Session,
) -> None:
    """Without the election (as if two workers ticked at once), the conditional claim alone
    lets exactly one of them send."""
    _person(postgres_url, phone, endpoint)
    senders = [Sender(postgres_url, tmp_path, session) for _ in range(4)]
    start = threading.Barrier(len(senders))
    results: list[list[reminders.Sent]] = []

    def run(sender: Sender) -> None:
        start.wait()
        results.append(sender.tick(local(MONDAY, 8, 2)))

    threads = [threading.Thread(target=run, args=(s,)) for s in senders]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        assert sorted(len(r) for r in results) == [0, 0, 0, 1]
        assert len(endpoint.received) == 1
    finally:
        for s in senders:
            s.close()
