"""Two people in one database through every API route: the person is a dependency of each
request, and no route reads or changes anyone else's records."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from supple.settings import load_settings
from supple.store import Store
from supple.tracking.stratify import ITEMS
from supple.web import create_app
from supple.web.deps import current_person
from tests.people import Filled, two_people
from tests.web.client import Client

AT = datetime(2026, 3, 9, 8, 0, tzinfo=UTC).isoformat()
DIRECTION_TEST = {
    "position": "standing",
    "rounds": [
        {"direction": "extension", "before": "thigh", "after": {"where": "back", "change": "less"}},
        {"direction": "flexion", "before": "back", "after": {"where": "back", "change": "same"}},
    ],
}


#: A browser's push subscription (the keys need only be well formed here).
SUBSCRIPTION = {
    "endpoint": "https://push.example.com/people-api",
    "keys": {"p256dh": "B" + "A" * 86, "auth": "A" * 22},
}


def _key() -> str:
    return str(uuid.uuid4())


@pytest.fixture(params=["a-asks-for-bs", "b-asks-for-as"])
def pair(request: pytest.FixtureRequest, database_url: str) -> tuple[Filled, Filled]:
    a, b = two_people(database_url)
    return (a, b) if request.param == "a-asks-for-bs" else (b, a)


@pytest.fixture
def database(database_url: str) -> Iterator[Store]:
    with Store.open(database_url) as opened:
        yield opened


def _client(database: Store, person: int) -> Client:
    return Client(create_app(settings=load_settings(person=person), store=database))


def _requests(
    me: Filled, them: Filled, my_plan: int, entries: dict[str, int]
) -> dict[tuple[str, str], list[Any]]:
    """For every API route, requests that name the other person's things (or touch mine)."""
    event = {"type": "pain", "key": _key(), "at": AT, "when": "after", "score": 2}
    theirs = them.plan_id
    pain, note, activity = entries["pain"], entries["note"], entries["activity"]
    return {
        ("GET", "/api/v1/profile"): [{}],
        ("POST", "/api/v1/profile"): [{"json": {"minutes": 12}}],
        ("PUT", "/api/v1/settings"): [{"json": {"minutes": 14}}],
        ("GET", "/api/v1/plan/today"): [{}],
        ("POST", "/api/v1/plans"): [{"json": {"minutes": 5}}],
        ("GET", "/api/v1/plans/{plan_id}"): [{"plan_id": theirs}],
        ("GET", "/api/v1/plans/{plan_id}/timeline"): [{"plan_id": theirs}],
        ("POST", "/api/v1/sessions"): [
            {"json": {"plan_id": theirs, "key": _key(), "at": AT}},
            {"json": {"plan_id": my_plan, "key": them.open_key, "at": AT}},
        ],
        ("POST", "/api/v1/plans/{plan_id}/sessions/{session_key}/events"): [
            {"plan_id": theirs, "session_key": them.open_key, "json": event},
            {"plan_id": my_plan, "session_key": them.open_key, "json": event},
            {"plan_id": my_plan, "session_key": them.session_key, "json": event},
        ],
        ("POST", "/api/v1/plans/{plan_id}/sessions/{session_key}/easier"): [
            {"plan_id": theirs, "session_key": them.open_key, "json": {"index": 0}},
            {"plan_id": my_plan, "session_key": them.open_key, "json": {"index": 0}},
        ],
        ("POST", "/api/v1/pain"): [{"json": {"score": 3, "note": "mine"}}],
        ("POST", "/api/v1/psfs"): [{"json": {"items": [{"activity": "my stairs", "score": 7}]}}],
        ("GET", "/api/v1/progress"): [{"params": {"limit": 200}}],
        ("GET", "/api/v1/pain"): [{"params": {"limit": 200}}],
        ("PATCH", "/api/v1/pain/{pain_id}"): [{"pain_id": pain, "json": {"score": 1}}],
        ("DELETE", "/api/v1/pain/{pain_id}"): [{"pain_id": pain}],
        ("GET", "/api/v1/notes"): [{"params": {"limit": 200}}],
        ("POST", "/api/v1/notes"): [
            {"json": {"text": "mine"}},
            {"json": {"text": "on theirs", "session_id": them.session_id}},
        ],
        ("PATCH", "/api/v1/notes/{note_id}"): [{"note_id": note, "json": {"text": "x"}}],
        ("DELETE", "/api/v1/notes/{note_id}"): [{"note_id": note}],
        ("GET", "/api/v1/psfs/activities"): [{}],
        ("PATCH", "/api/v1/psfs/activities/{activity_id}"): [
            {"activity_id": activity, "json": {"name": "renamed"}}
        ],
        ("DELETE", "/api/v1/psfs/activities/{activity_id}"): [{"activity_id": activity}],
        ("GET", "/api/v1/exercises"): [{}],
        ("GET", "/api/v1/exercises/{exercise_id}"): [{"exercise_id": "cat_cow"}],
        ("GET", "/api/v1/exercises/{exercise_id}/figure.svg"): [{"exercise_id": "cat_cow"}],
        # Accounts: in single-person mode there is nothing to sign in to, nobody else to see.
        ("POST", "/api/v1/auth/login"): [{"json": {"email": "a@b.org", "password": "x" * 12}}],
        ("POST", "/api/v1/auth/logout"): [{}],
        ("GET", "/api/v1/auth/me"): [{}],
        ("GET", "/api/v1/clinician/patients"): [{}],
        ("GET", "/api/v1/clinician/patients/{patient_id}/progress"): [{"patient_id": them.person}],
        ("GET", "/api/v1/clinician/outcomes.csv"): [{}],
        ("GET", "/api/v1/clinician/patients/{patient_id}/outcomes.csv"): [
            {"patient_id": them.person}
        ],
        ("POST", "/api/v1/clinician/invitations"): [{}],
        ("POST", "/api/v1/clinician/patients/{patient_id}/flags/seen"): [
            {"patient_id": them.person, "json": {"key": "no_session:never"}}
        ],
        ("GET", "/api/v1/admin/accounts"): [{}],
        ("GET", "/api/v1/admin/audit"): [{}],
        ("POST", "/api/v1/admin/accounts/{account_id}/disable"): [{"account_id": 1}],
        ("POST", "/api/v1/admin/accounts/{account_id}/enable"): [{"account_id": 1}],
        ("POST", "/api/v1/admin/accounts/{account_id}/reset"): [{"account_id": 1}],
        # The programme's routes (issue 11): each reads and writes the asking person only.
        ("GET", "/api/v1/lessons"): [{}],
        ("GET", "/api/v1/lessons/today"): [{}],
        ("GET", "/api/v1/lessons/{lesson_id}"): [{"lesson_id": "sleep"}],
        ("POST", "/api/v1/lessons/{lesson_id}/read"): [{"lesson_id": "sleep"}],
        ("GET", "/api/v1/walking"): [{}],
        ("PUT", "/api/v1/walking"): [{"json": {"minutes": 10}}],
        ("POST", "/api/v1/walks"): [{"json": {"minutes": 12}}],
        ("GET", "/api/v1/direction-test"): [{}],
        ("POST", "/api/v1/direction-tests"): [{"json": DIRECTION_TEST}],
        ("GET", "/api/v1/direction-tests/latest"): [{}],
        ("POST", "/api/v1/sessions/latest/spread"): [{"json": {"items": [0]}}],
        ("GET", "/api/v1/screen-risk"): [{}],
        ("POST", "/api/v1/screen-risk"): [{"json": {"answers": {i.id: i.low for i in ITEMS}}}],
        ("GET", "/api/v1/export/handout.pdf"): [{}],
        ("GET", "/api/v1/export/calendar.ics"): [{"params": {"days": "mon"}}],
        ("GET", "/api/v1/export/fhir"): [{}],
        ("GET", "/api/v1/calendar-feed"): [{}],
        ("POST", "/api/v1/calendar-feed"): [{"json": {"details": True}}],
        ("DELETE", "/api/v1/calendar-feed"): [{}],
        # Reminders (issue 15): the asking person's settings and devices only.
        ("GET", "/api/v1/reminders"): [{}],
        ("PUT", "/api/v1/reminders"): [
            {"json": {"enabled": True, "at": "08:00", "days": [0, 2, 4], "follow_up": True}}
        ],
        ("GET", "/api/v1/reminders/key"): [{}],
        ("POST", "/api/v1/reminders/subscriptions"): [{"json": SUBSCRIPTION}],
        ("DELETE", "/api/v1/reminders/subscriptions"): [
            {"params": {"endpoint": SUBSCRIPTION["endpoint"]}}
        ],
        # Messages and the clinic (issue 14): with no clinician, nobody to write to or leave.
        ("GET", "/api/v1/messages"): [{}],
        ("POST", "/api/v1/messages"): [{"json": {"text": "Hello"}}],
        ("POST", "/api/v1/messages/read"): [{}],
        ("POST", "/api/v1/clinic/leave"): [{}],
        # The clinician's workspace (issue 14): nobody here is a clinician.
        ("GET", "/api/v1/clinician/patients/{patient_id}"): [{"patient_id": them.person}],
        ("GET", "/api/v1/clinician/patients/{patient_id}/messages"): [{"patient_id": them.person}],
        ("POST", "/api/v1/clinician/patients/{patient_id}/messages"): [
            {"patient_id": them.person, "json": {"text": "Hello"}}
        ],
        ("POST", "/api/v1/clinician/patients/{patient_id}/messages/read"): [
            {"patient_id": them.person}
        ],
        ("GET", "/api/v1/clinician/messages/unread"): [{}],
        ("GET", "/api/v1/clinician/patients/{patient_id}/programme"): [{"patient_id": them.person}],
        ("POST", "/api/v1/clinician/patients/{patient_id}/programme"): [
            {"patient_id": them.person, "json": {"moves": [], "days_per_week": 3}}
        ],
        ("GET", "/api/v1/clinician/patients/{patient_id}/programme/versions"): [
            {"patient_id": them.person}
        ],
        ("GET", "/api/v1/clinician/templates"): [{}],
        ("POST", "/api/v1/clinician/templates"): [
            {"json": {"name": "t", "prescription": {"moves": [], "days_per_week": 3}}}
        ],
        ("POST", "/api/v1/clinician/templates/{template_id}/apply"): [
            {"template_id": 1, "json": {"patient_ids": [them.person]}}
        ],
    }


def _export(database: Store, person: int) -> str:
    data = database.for_person(person).export_all().model_dump(mode="json")
    data.pop("exported_at")
    return json.dumps(data, sort_keys=True)


def test_no_route_reads_or_changes_anothers_records(
    database: Store, pair: tuple[Filled, Filled]
) -> None:
    me, them = pair
    before = _export(database, them.person)
    records = database.for_person(them.person)
    history = records.history()
    entries = {
        "pain": history.pain[0].id,
        "note": history.notes[0].id,
        "activity": records.activities()[0].id,
    }
    client = _client(database, me.person)
    try:
        schema = client.get("/api/v1/openapi.json").json()
        routes = {(m.upper(), p) for p, ms in schema["paths"].items() for m in ms}
        my_plan = client.post("/api/v1/plans", json={"minutes": 5}).json()["id"]
        requests = _requests(me, them, my_plan, entries)
        assert set(requests) == routes, "a new route needs its isolation requests here"
        for (method, path), calls in requests.items():
            for call in calls:
                call = dict(call)
                url = path.format(**{k: call.pop(k) for k in list(call) if k in path})
                answer = client.request(method, url, **call)
                assert answer.status_code < 500, (method, url, answer.text)
                for secret in (them.note, them.activity, them.open_key, them.session_key):
                    assert secret not in answer.text, (method, url)
                if "plan_id" in path and url.startswith(f"/api/v1/plans/{them.plan_id}"):
                    assert answer.status_code == 404, (method, url, answer.text)
                if any(f"{{{name}_id}}" in path for name in ("pain", "note", "activity")):
                    assert answer.status_code == 404, (method, url, answer.text)
                if call.get("json", {}).get("session_id") == them.session_id:
                    assert answer.status_code == 404, (method, url, answer.text)
        assert _export(database, them.person) == before
        mine = client.get("/api/v1/progress", params={"limit": 200}).json()
        assert {h["id"] for h in mine["history"]} >= {me.session_id}
        assert them.session_id not in {h["id"] for h in mine["history"]}
    finally:
        client.close()


def test_the_person_is_a_dependency_a_login_can_set(
    database: Store, pair: tuple[Filled, Filled]
) -> None:
    me, them = pair
    app = create_app(settings=load_settings(person=me.person), store=database)
    app.dependency_overrides[current_person] = lambda: them.person
    client = Client(app)
    try:
        history = client.get("/api/v1/progress").json()["history"]
        assert them.session_id in {h["id"] for h in history}
        assert me.session_id not in {h["id"] for h in history}
    finally:
        client.close()


def test_a_session_key_is_bound_to_its_plan(database: Store, pair: tuple[Filled, Filled]) -> None:
    me, _ = pair
    client = _client(database, me.person)
    try:
        first = client.post("/api/v1/plans", json={"minutes": 5}).json()["id"]
        second = client.post("/api/v1/plans", json={"minutes": 6}).json()["id"]
        key = _key()
        begun = client.post("/api/v1/sessions", json={"plan_id": first, "key": key, "at": AT})
        assert begun.status_code == 201
        again = client.post("/api/v1/sessions", json={"plan_id": second, "key": key, "at": AT})
        assert again.status_code == 409
        assert f"a session of plan {first}, not of plan {second}" in again.json()["detail"]
        event = {"type": "pain", "key": _key(), "at": AT, "when": "before", "score": 4}
        wrong = client.post(f"/api/v1/plans/{second}/sessions/{key}/events", json=event)
        assert wrong.status_code == 409 and "not of plan" in wrong.json()["detail"]
        right = client.post(f"/api/v1/plans/{first}/sessions/{key}/events", json=event)
        assert right.json() == {"stored": True, "key": event["key"]}
        [session] = [
            s
            for s in client.get("/api/v1/progress").json()["history"]
            if s["id"] == begun.json()["session_id"]
        ]
        assert session["pain_before"] == 4
    finally:
        client.close()


def test_no_page_shows_anothers_records(database: Store, pair: tuple[Filled, Filled]) -> None:
    me, them = pair
    client = _client(database, me.person)
    try:
        assert client.get(f"/play/{them.plan_id}").status_code == 404
        for page in ("/", "/today", "/progress", "/settings", "/referral"):
            answer = client.get(page)
            assert answer.status_code < 400, page
            assert them.note not in answer.text and them.activity not in answer.text, page
        assert me.activity in client.get("/progress").text
    finally:
        client.close()
