"""The programme on the web: lessons, walking, the movement test, the support check and the
question after a session, as pages and as the JSON API."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest

from supple.tracking.stratify import ITEMS
from tests.web.client import Client

LEG = {"pain_areas": ["lower_back", "buttock_or_leg"], "pain_weeks": 10, "minutes": 10}
TEST: dict[str, Any] = {
    "position": "lying",
    "rounds": [
        {
            "direction": "extension",
            "before": "thigh",
            "reps": 10,
            "after": {"where": "back", "change": "less"},
        },
        {
            "direction": "flexion",
            "before": "back",
            "reps": 4,
            "after": {"where": "thigh", "change": "more"},
            "stopped": True,
        },
    ],
}


@pytest.fixture
def legs(client: Client) -> Client:
    assert client.post("/api/v1/profile", json=LEG).status_code == 200
    return client


def every_answer(value: int | None = None) -> dict[str, int]:
    return {i.id: (i.low if value is None else max(i.low, min(i.high, value))) for i in ITEMS}


def test_lessons_api(legs: Client) -> None:
    listed = legs.get("/api/v1/lessons").json()
    assert len(listed) >= 12 and [x["todays"] for x in listed].count(True) == 1
    today = legs.get("/api/v1/lessons/today").json()
    assert today["id"] == "how_back_pain_works" and today["sources"] and today["body"]
    read = legs.post("/api/v1/lessons/sleep/read").json()
    assert read["read_on"] is not None
    missing = legs.get("/api/v1/lessons/slep")
    assert missing.status_code == 404 and "sleep" in missing.json()["detail"]
    plan = legs.get("/api/v1/plan/today").json()["plan"]
    assert plan["lesson"] == {"id": "how_back_pain_works", "title": "How back pain works"}


def test_walking_api(legs: Client) -> None:
    assert legs.get("/api/v1/walking").json() == {
        "started": False,
        "target_s": None,
        "walked_today_s": 0,
        "this_week": None,
        "weeks": [],
        "summary": None,
    }
    started = legs.put("/api/v1/walking", json={"minutes": 8}).json()
    assert started["started"] and started["target_s"] == 480
    logged = legs.post("/api/v1/walks", json={"minutes": 10})
    assert logged.status_code == 201 and logged.json()["walked_today_s"] == 600
    for bad in ({"minutes": 0}, {"minutes": 301}, {"minutes": "a"}, {"min": 3}):
        assert legs.post("/api/v1/walks", json=bad).status_code == 422
    assert legs.put("/api/v1/walking", json={"minutes": 0.5}).status_code == 422
    plan = legs.get("/api/v1/plan/today").json()["plan"]
    assert plan["walk"] == {"seconds": 480, "week": 1, "walked_s": 600}
    progress = legs.get("/api/v1/progress").json()
    assert progress["walking"]["this_week"]["walked_s"] == 600


def test_direction_test_api(client: Client) -> None:
    assert client.get("/api/v1/direction-test").status_code == 409  # no answers yet
    client.post("/api/v1/profile", json={"pain_areas": ["neck"]})
    assert client.get("/api/v1/direction-test").status_code == 409
    client.post("/api/v1/profile", json={**LEG, "conditions": ["spinal_stenosis"]})
    lying = client.get("/api/v1/direction-test", params={"position": "lying"}).json()
    assert lying["moves"]["extension"] is None  # the press-up is left out with stenosis
    assert lying["moves"]["flexion"]["exercise"] == "knee_to_chest_double"
    refused = client.post("/api/v1/direction-tests", json=TEST)
    assert refused.status_code == 422 and "extension" in refused.json()["detail"]
    client.post("/api/v1/profile", json=LEG)
    assert client.get("/api/v1/direction-tests/latest").status_code == 404
    saved = client.post("/api/v1/direction-tests", json=TEST)
    assert saved.status_code == 201
    result = saved.json()
    assert result["prefer"] == "extension" and result["avoid"] == ["flexion"]
    assert result["outcomes"] == {"extension": "centralised", "flexion": "spread"}
    assert client.get("/api/v1/direction-tests/latest").json()["prefer"] == "extension"
    plan = client.get("/api/v1/plan/today").json()["plan"]
    assert plan["bias"] == "extension"
    bad = {**TEST, "rounds": [{**TEST["rounds"][0], "after": {"where": "elbow"}}]}
    assert client.post("/api/v1/direction-tests", json=bad).status_code == 422


def test_support_check_api(client: Client) -> None:
    form = client.get("/api/v1/screen-risk").json()
    assert [q["id"] for q in form["questions"]] == [i.id for i in ITEMS]
    assert form["status"]["due"] and form["status"]["latest"] is None
    assert len(form["questions"][0]["choices"]) == 10
    high = {**every_answer(8), "light_tasks": 2, "sleep": 2, "normal_duties": 2}
    saved = client.post("/api/v1/screen-risk", json={"answers": high})
    assert saved.status_code == 201
    latest = saved.json()["latest"]
    assert latest["tier"] == "high" and "psychologically informed" in latest["words"]
    assert not saved.json()["due"]
    assert client.get("/api/v1/lessons/today").json()["id"] == "hurt_is_not_harm"
    partial = client.post("/api/v1/screen-risk", json={"answers": {"pain": 3}})
    assert partial.status_code == 422 and "missing" in partial.json()["detail"]
    assert client.get("/api/v1/progress").json()["support"]["latest"]["tier"] == "high"


def test_leg_symptoms_after_a_session(legs: Client) -> None:
    assert legs.post("/api/v1/sessions/latest/spread", json={"items": [0]}).status_code == 404
    saved = legs.post("/api/v1/plans", json={}).json()
    plan_id, items = saved["id"], saved["plan"]["items"]
    key = str(uuid.uuid4())
    assert (
        legs.post(
            "/api/v1/sessions", json={"plan_id": plan_id, "key": key, "at": "2026-12-01T10:00:00Z"}
        ).status_code
        == 201
    )
    spread = next(i for i, it in enumerate(items) if it["exercise"] != "walking")
    assert legs.post("/api/v1/sessions/latest/spread", json={"items": [99]}).status_code == 422
    assert legs.post("/api/v1/sessions/latest/spread", json={"items": [spread]}).status_code == 201
    after = legs.get("/api/v1/plan/today").json()["plan"]
    assert items[spread]["exercise"] not in [i["exercise"] for i in after["items"]]
    # The same report through the session's own events: a spread event is one of them.
    event = {
        "type": "spread",
        "key": str(uuid.uuid4()),
        "at": "2026-12-01T10:05:00Z",
        "index": spread,
        "exercise": items[spread]["exercise"],
    }
    answer = legs.post(f"/api/v1/plans/{plan_id}/sessions/{key}/events", json=event)
    assert answer.status_code == 200 and answer.json()["stored"]


# -- pages -----------------------------------------------------------------------------------


def test_lesson_pages(legs: Client) -> None:
    listed = legs.get("/learn")
    assert listed.status_code == 200 and "Today's lesson" in listed.text
    one = legs.get("/learn/hurt_is_not_harm")
    assert one.status_code == 200 and "Sources" in one.text and "Mark as read" in one.text
    marked = legs.post("/learn/hurt_is_not_harm/read", follow_redirects=True)
    assert marked.status_code == 200 and "Read on" in marked.text
    assert legs.get("/learn/nope").status_code == 404
    today = legs.get("/today").text
    assert 'href="/learn/how_back_pain_works"' in today and 'href="/learn"' in today


def test_walk_pages(legs: Client) -> None:
    assert "Start the plan" in legs.get("/walk").text
    bad = legs.post("/walk/plan", data={"minutes": "lots"})
    assert bad.status_code == 400 and "1 to 60" in bad.text
    legs.post("/walk/plan", data={"minutes": "10"})
    page = legs.get("/walk").text
    assert "about 10 minutes a day" in page and "Log walk" in page
    done = legs.post("/walk/log", data={"minutes": "12", "back": "/today"})
    assert done.status_code == 303 and done.headers["location"] == "/today"
    assert legs.post("/walk/log", data={"minutes": "-3"}).status_code == 400
    assert "Today's walk" in legs.get("/today").text
    assert "Walking" in legs.get("/progress").text


def test_the_movement_test_one_form_at_a_time(legs: Client) -> None:
    start = legs.get("/test-direction")
    assert start.status_code == 200 and "Begin" in start.text
    first = legs.post(
        "/test-direction", data={"position": "lying", "rounds": "[]", "before": "thigh"}
    )
    assert first.status_code == 200 and "Prone press-up" in first.text
    rounds = _hidden(first.text, "rounds")
    second = legs.post(
        "/test-direction",
        data={
            "position": "lying",
            "rounds": rounds,
            "direction": "extension",
            "before": "thigh",
            "outcome": "done",
            "where": "back",
            "change": "less",
        },
    )
    assert second.status_code == 200 and "Double knee-to-chest" in second.text
    rounds = _hidden(second.text, "rounds")
    last = legs.post(
        "/test-direction",
        data={
            "position": "lying",
            "rounds": rounds,
            "direction": "flexion",
            "before": "back",
            "outcome": "stopped",
            "reps_done": "3",
            "where": "thigh",
            "change": "more",
        },
        follow_redirects=True,
    )
    assert last.status_code == 200 and "leans towards extension" in last.text
    tampered = legs.post("/test-direction", data={"position": "lying", "rounds": "{not json"})
    assert tampered.status_code == 400 and "Start the test again" in tampered.text


def _hidden(html: str, name: str) -> str:
    import html as html_mod
    import re

    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert found is not None
    value = html_mod.unescape(found.group(1))
    json.loads(value)
    return value


def test_the_support_check_page(client: Client) -> None:
    form = client.get("/screen-risk")
    assert form.status_code == 200 and form.text.count("<fieldset") == 10
    missing = client.post("/screen-risk", data={"pain": "5"})
    assert missing.status_code == 400 and "answer every question" in missing.text.lower()
    answers: dict[str, Any] = {k: str(v) for k, v in every_answer().items()}
    done = client.post("/screen-risk", data=answers, follow_redirects=True)
    assert done.status_code == 200 and "Low" in done.text and "keep going" in done.text


def test_after_session_page(legs: Client) -> None:
    assert legs.get("/after-session").status_code == 200
    plan_id = legs.post("/api/v1/plans", json={}).json()["id"]
    key = str(uuid.uuid4())
    legs.post(
        "/api/v1/sessions", json={"plan_id": plan_id, "key": key, "at": "2026-12-01T10:00:00Z"}
    )
    page = legs.get("/after-session").text
    assert "Did your leg symptoms spread" in page
    saved = legs.post("/after-session", data={"item": "1"}, follow_redirects=True)
    assert saved.status_code == 200 and "Noted" in saved.text
    assert legs.post("/after-session", data={"item": "42"}).status_code == 422
