"""Correct and delete entries through the API and the progress page; progress follows."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from supple.store import Store
from tests.web.client import Client

AT = datetime(2026, 3, 9, 8, 0, tzinfo=UTC).isoformat()


def test_a_pain_entry_is_corrected_then_deleted_and_progress_follows(client: Client) -> None:
    first = client.post("/api/v1/pain", json={"score": 8, "note": "typo"}).json()["id"]
    client.post("/api/v1/pain", json={"score": 2})
    assert client.get("/api/v1/progress").json()["pain_7day"] == 5.0
    fixed = client.patch(f"/api/v1/pain/{first}", json={"score": 4})
    assert fixed.status_code == 200, fixed.text
    change = fixed.json()
    assert change["before"]["score"] == 8 and change["after"]["score"] == 4
    assert change["after"]["note"] == "typo"  # a field left out is kept
    assert client.get("/api/v1/progress").json()["pain_7day"] == 3.0
    cleared = client.patch(f"/api/v1/pain/{first}", json={"note": None}).json()
    assert cleared["after"]["note"] is None and cleared["after"]["score"] == 4
    assert client.delete(f"/api/v1/pain/{first}").status_code == 204
    assert client.get("/api/v1/progress").json()["pain_7day"] == 2.0
    assert [p["score"] for p in client.get("/api/v1/pain").json()] == [2]
    assert client.delete(f"/api/v1/pain/{first}").status_code == 404


def test_notes_are_kept_corrected_and_deleted(client: Client) -> None:
    made = client.post("/api/v1/notes", json={"text": "slept badly"})
    assert made.status_code == 201
    note = made.json()["id"]
    assert client.patch(f"/api/v1/notes/{note}", json={"text": "slept well"}).status_code == 200
    assert [n["text"] for n in client.get("/api/v1/notes").json()] == ["slept well"]
    assert client.patch(f"/api/v1/notes/{note}", json={"text": "   "}).status_code == 422
    assert client.delete(f"/api/v1/notes/{note}").status_code == 204
    assert client.get("/api/v1/notes").json() == []
    missing = client.post("/api/v1/notes", json={"text": "x", "session_id": 999})
    assert missing.status_code == 404


def test_activities_are_renamed_and_removed(client: Client) -> None:
    items = [{"activity": "socks", "score": 3}, {"activity": "stairs", "score": 5}]
    assert client.post("/api/v1/psfs", json={"items": items}).json()["scored"] == 2
    socks, stairs = client.get("/api/v1/psfs/activities").json()
    renamed = client.patch(f"/api/v1/psfs/activities/{socks['id']}", json={"name": "shoes"})
    assert renamed.json()["after"] == {"name": "shoes"}
    taken = client.patch(f"/api/v1/psfs/activities/{socks['id']}", json={"name": "stairs"})
    assert taken.status_code == 409 and "already" in taken.json()["detail"]
    assert client.delete(f"/api/v1/psfs/activities/{stairs['id']}").status_code == 204
    assert client.get("/api/v1/progress").json()["activities"] == ["shoes"]
    more = [{"activity": f"thing {n}", "score": 1} for n in range(4)]
    assert client.post("/api/v1/psfs", json={"items": more}).status_code == 201  # room again
    full = client.post("/api/v1/psfs", json={"items": [{"activity": "sixth", "score": 1}]})
    assert full.status_code == 409


def test_the_progress_page_corrects_and_deletes(client: Client) -> None:
    pain = client.post("/api/v1/pain", json={"score": 7, "note": "<b>bold</b>"}).json()["id"]
    client.post("/api/v1/psfs", json={"items": [{"activity": "socks", "score": 3}]})
    page = client.get("/progress").text
    assert f'action="/progress/pain/{pain}"' in page and "&lt;b&gt;bold" in page
    assert "/static/entries.js" in page
    done = client.post(f"/progress/pain/{pain}", data={"score": "3", "note": "right"})
    assert done.status_code == 303 and done.headers["location"] == "/progress#entries"
    assert client.get("/api/v1/pain").json()[0]["score"] == 3
    bad = client.post(f"/progress/pain/{pain}", data={"score": "11", "note": ""})
    assert bad.status_code == 400 and "0 to 10" in bad.text
    [activity] = client.get("/api/v1/psfs/activities").json()
    client.post(f"/progress/activities/{activity['id']}", data={"name": "shoes"})
    assert client.get("/api/v1/psfs/activities").json()[0]["name"] == "shoes"
    short = client.post(f"/progress/activities/{activity['id']}", data={"name": "x"})
    assert short.status_code == 400 and "2 to 80" in short.text
    client.post(f"/progress/activities/{activity['id']}/delete")
    client.post(f"/progress/pain/{pain}/delete")
    assert client.get("/api/v1/pain").json() == []
    assert client.get("/api/v1/psfs/activities").json() == []
    assert client.post("/progress/notes/99/delete").status_code == 404


def test_an_event_for_a_plan_the_session_left_is_refused_by_any_worker(
    database_url: str, screened: Client
) -> None:
    """Two app processes: this one keeps session K of plan 1 in memory; another moves K to a
    new plan (as the easier variant does); this one may not store plan 1's events in it."""
    plan = screened.post("/api/v1/plans", json={"minutes": 10}).json()
    key = str(uuid.uuid4())
    event = {"type": "pain", "key": str(uuid.uuid4()), "at": AT, "when": "before", "score": 4}
    url = f"/api/v1/plans/{plan['id']}/sessions/{key}/events"
    assert screened.post(url, json=event).json()["stored"] is True  # this worker remembers K
    with Store.open(database_url) as other:  # the other worker
        records = other.for_person(other.person())
        state = records.unfinished_session()
        assert state is not None and state.key == key and state.plan is not None
        records.follow_plan(state.id, state.plan)
    late = {**event, "key": str(uuid.uuid4())}
    refused = screened.post(url, json=late)
    assert refused.status_code == 409 and "not of plan" in refused.json()["detail"]
