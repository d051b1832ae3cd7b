"""Reminder settings through the JSON API and the settings page's form, the browsers'
subscriptions, and the server's public key: round trips, and refusals that say why (422)."""

from __future__ import annotations

import base64
import re
import uuid
from typing import Any

from tests.web.client import Client

KEYS = {"p256dh": "B" + "A" * 86, "auth": "A" * 22}


def _subscription(host: str = "https://push.example.com") -> dict[str, Any]:
    return {"endpoint": f"{host}/send/{uuid.uuid4().hex}", "keys": KEYS, "expirationTime": None}


def _csrf(client: Client) -> dict[str, str]:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/settings").text)
    return {"csrf_token": found.group(1) if found else ""}


def test_the_settings_round_trip_through_the_api(screened: Client) -> None:
    first = screened.get("/api/v1/reminders")
    assert first.status_code == 200, first.text
    assert first.json() == {
        "enabled": False,
        "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
        "at": "08:00",
        "follow_up": True,
        "quiet_start": None,
        "quiet_end": None,
        "browsers": 0,
        "last_sent": None,
    }
    body = {
        "enabled": True,
        "days": ["sat", "mon"],
        "at": "07:15",
        "follow_up": False,
        "quiet_start": "22:00",
        "quiet_end": "06:30",
    }
    put = screened.put("/api/v1/reminders", json=body)
    assert put.status_code == 200, put.text
    again = screened.get("/api/v1/reminders").json()
    assert again == {**body, "days": ["mon", "sat"], "browsers": 0, "last_sent": None}


def test_bad_settings_are_a_422_that_says_why(screened: Client) -> None:
    cases = [
        ({"enabled": True, "at": "23:00", "quiet_start": "22:00", "quiet_end": "07:00"}, "quiet"),
        ({"enabled": True, "quiet_start": "22:00"}, "both a start and an end"),
        ({"enabled": True, "days": []}, ""),
        ({"enabled": True, "days": ["funday"]}, ""),
        ({"enabled": True, "at": "25:00"}, ""),
        ({"enabled": "yes"}, ""),
        ({"enabled": True, "colour": "red"}, ""),
    ]
    for body, words in cases:
        r = screened.put("/api/v1/reminders", json=body)
        assert r.status_code == 422, (body, r.text)
        assert words in r.json()["detail"] and r.json()["detail"], (body, r.text)
    assert screened.get("/api/v1/reminders").json()["enabled"] is False  # nothing was kept


def test_subscriptions_are_kept_once_per_endpoint_and_deleted_by_endpoint(
    screened: Client, app: Any
) -> None:
    one, two = _subscription(), _subscription()
    for n, sub in ((1, one), (2, two), (2, one)):
        r = screened.post("/api/v1/reminders/subscriptions", json=sub)
        assert r.status_code == 201, r.text
        assert r.json()["browsers"] == n
    assert screened.get("/api/v1/reminders").json()["browsers"] == 2
    gone = screened.delete("/api/v1/reminders/subscriptions", params={"endpoint": one["endpoint"]})
    assert gone.status_code == 204
    again = screened.delete("/api/v1/reminders/subscriptions", params={"endpoint": "https://x.y/"})
    assert again.status_code == 204  # nothing to stop is fine too
    web = app.state.web
    [kept] = web.records(web.local_person()).push_targets()
    assert kept.endpoint == two["endpoint"] and kept.auth == KEYS["auth"]


def test_a_subscription_elsewhere_than_an_https_push_service_is_refused(screened: Client) -> None:
    for sub in (
        _subscription("http://127.0.0.1:9"),  # the server would post to itself
        _subscription("http://push.example.com"),
        {"endpoint": "https://push.example.com/x"},
        {**_subscription(), "keys": {"p256dh": "short", "auth": "A" * 22}},
    ):
        r = screened.post("/api/v1/reminders/subscriptions", json=sub)
        assert r.status_code == 422 and r.json()["detail"], (sub, r.text)
    assert screened.get("/api/v1/reminders").json()["browsers"] == 0


def test_another_persons_endpoint_is_refused(app: Any, screened: Client) -> None:
    from supple.app import reminders
    from supple.app.reminders import PushTarget

    web = app.state.web
    other = web.database.add_person("someone else")
    sub = _subscription()
    target = PushTarget(sub["endpoint"], KEYS["p256dh"], KEYS["auth"])
    reminders.save_subscription(store=web.records(other), target=target)
    r = screened.post("/api/v1/reminders/subscriptions", json=sub)
    assert r.status_code == 409 and "someone else" in r.json()["detail"]
    assert [t.endpoint for t in web.records(other).push_targets()] == [sub["endpoint"]]
    mine = screened.delete("/api/v1/reminders/subscriptions", params={"endpoint": sub["endpoint"]})
    assert mine.status_code == 204
    assert len(web.records(other).push_targets()) == 1  # not theirs to delete


def test_the_public_key_is_the_one_kept_in_the_data_folder(screened: Client, app: Any) -> None:
    from supple.export.push import VAPID_KEY_FILE, application_server_key, vapid_key
    from supple.web.reminder_sender import data_folder

    r = screened.get("/api/v1/reminders/key")
    assert r.status_code == 200, r.text
    key = r.json()["application_server_key"]
    raw = base64.urlsafe_b64decode(key + "=" * (-len(key) % 4))
    assert len(raw) == 65 and raw[0] == 4  # an uncompressed P-256 point
    settings = app.state.web.settings
    folder = data_folder(settings, None)
    assert (folder / VAPID_KEY_FILE).exists()
    assert application_server_key(vapid_key(folder)) == key
    assert screened.get("/api/v1/reminders/key").json()["application_server_key"] == key


def test_the_settings_form_saves_and_shows_the_reminders(screened: Client) -> None:
    form = {
        **_csrf(screened),
        "enabled": "on",
        "days": ["tue", "fri"],
        "at": "18:45",
        "follow_up": "on",
        "quiet_start": "",
        "quiet_end": "",
    }
    r = screened.post("/settings/reminders", data=form)
    assert r.status_code == 303 and r.headers["location"].startswith("/settings?saved=reminders")
    page = screened.get("/settings?saved=reminders").text
    assert "Saved your reminders." in page and "Reminders are on at 18:45" in page
    assert re.search(r'value="tue" checked', page) and not re.search(r'value="mon" checked', page)
    api = screened.get("/api/v1/reminders").json()
    assert (api["enabled"], api["days"], api["at"]) == (True, ["tue", "fri"], "18:45")


def test_the_settings_form_refuses_a_time_in_quiet_hours_with_a_message(
    screened: Client,
) -> None:
    form = {
        **_csrf(screened),
        "enabled": "on",
        "days": ["mon"],
        "at": "23:30",
        "quiet_start": "22:00",
        "quiet_end": "07:00",
    }
    r = screened.post("/settings/reminders", data=form)
    assert r.status_code == 422
    assert "The reminder time falls in your quiet hours" in r.text
    none = screened.post("/settings/reminders", data={**_csrf(screened), "at": "08:00"})
    assert none.status_code == 422 and "Tick at least one day" in none.text
    assert screened.get("/api/v1/reminders").json()["enabled"] is False
