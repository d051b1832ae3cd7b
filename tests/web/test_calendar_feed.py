"""The calendar feed: a secret link per person, parsed back with icalendar; private unless the
person opts in; a wrong, rotated or revoked link finds nothing (404, the same few bytes)."""

from __future__ import annotations

import re
from typing import Any

from icalendar import Calendar
from sqlalchemy import select

from supple.store.feed_tables import CalendarFeedRow
from tests.web.client import Client


def _event(body: bytes) -> Any:
    [event] = [c for c in Calendar.from_ical(body).walk() if c.name == "VEVENT"]
    return event


def _path(url: str) -> str:
    return url.removeprefix("http://127.0.0.1")


def _move_names(client: Client) -> list[str]:
    r = client.get("/api/v1/plan/today")
    assert r.status_code == 200, r.text
    return [item["name"] for item in r.json()["plan"]["items"]]


def _make(client: Client, **body: Any) -> str:
    r = client.post("/api/v1/calendar-feed", json=body)
    assert r.status_code == 201, r.text
    url: str = r.json()["url"]
    assert re.fullmatch(r"http://127.0.0.1/calendar/[A-Za-z0-9_-]{43}\.ics", url), url
    return _path(url)


def test_the_feed_is_a_private_calendar_parsed_back_with_icalendar(screened: Client) -> None:
    path = _make(screened, days="mon,thu", at="07:45")
    calendar_app = Client(screened.app, origin=None)  # no cookie, no origin
    try:
        r = calendar_app.get(path)
    finally:
        calendar_app.close()
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/calendar")
    event = _event(r.content)
    assert event["RRULE"]["BYDAY"] == ["MO", "TH"]
    assert event.decoded("DTSTART").strftime("%H:%M") == "07:45"
    assert re.fullmatch(r"Back routine, \d+ min", str(event["SUMMARY"]))
    text = r.content.decode()
    assert not any(name in text for name in _move_names(screened))


def test_the_moves_show_only_when_the_person_opts_in(screened: Client) -> None:
    path = _make(screened, details=True)
    event = _event(screened.get(path).content)
    described = str(event["DESCRIPTION"]).replace("\n", " ")
    assert all(name in described for name in _move_names(screened))
    assert screened.get("/api/v1/calendar-feed").json()["details"] is True


def test_a_wrong_rotated_or_revoked_link_finds_nothing(screened: Client) -> None:
    first = _make(screened)
    never = screened.get("/calendar/" + "x" * 43 + ".ics")
    second = _make(screened)  # rotating: a new link, and the first one stops
    gone = screened.get(first)
    assert screened.get(second).status_code == 200
    assert screened.delete("/api/v1/calendar-feed").status_code == 204
    revoked = screened.get(second)
    for answer in (never, gone, revoked):
        assert answer.status_code == 404
        assert answer.content == never.content == b"Not found"
    assert screened.get("/api/v1/calendar-feed").status_code == 404


def test_only_a_hash_of_the_token_is_kept(screened: Client) -> None:
    path = _make(screened)
    token = path.removeprefix("/calendar/").removesuffix(".ics")
    store = screened.app.state.web.database
    with store._read() as db:
        [row] = db.scalars(select(CalendarFeedRow)).all()
    assert token not in row.token_hash and len(row.token_hash) == 64
    assert "url" not in screened.get("/api/v1/calendar-feed").json() or (
        screened.get("/api/v1/calendar-feed").json()["url"] is None
    )


def test_bad_days_or_time_are_a_422_with_a_message(screened: Client) -> None:
    for body in ({"days": "mon,funday"}, {"at": "25:00"}, {"details": "maybe"}, {"details": 0}):
        r = screened.post("/api/v1/calendar-feed", json=body)
        assert r.status_code == 422 and r.json()["detail"], (body, r.text)
    assert screened.get("/api/v1/calendar-feed").status_code == 404


def test_the_settings_page_makes_shows_once_rotates_and_stops_the_link(screened: Client) -> None:
    token = re.search(r'name="csrf_token" value="([^"]+)"', screened.get("/settings").text)
    form = {"csrf_token": token.group(1) if token else ""}
    made = screened.post(
        "/settings/calendar", data={**form, "action": "make", "days": ["tue", "sat"], "at": "18:30"}
    )
    assert made.status_code == 201, made.text
    link = re.search(r'value="(http://127.0.0.1/calendar/[^"]+\.ics)"', made.text)
    assert link is not None
    event = _event(screened.get(_path(link.group(1))).content)
    assert event["RRULE"]["BYDAY"] == ["TU", "SA"]
    again = screened.get("/settings").text
    assert link.group(1) not in again and "Stop the link" in again
    wrong = screened.post("/settings/calendar", data={**form, "action": "make", "at": "31:00"})
    assert wrong.status_code == 400 and "a time like 08:00" in wrong.text
    stopped = screened.post("/settings/calendar", data={**form, "action": "stop"})
    assert stopped.status_code == 303
    assert screened.get(_path(link.group(1))).status_code == 404
