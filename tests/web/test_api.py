"""The JSON API in-process, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from supple.web.deps import Web
from tests.web.client import CALM, Client


def _key() -> str:
    return str(uuid.uuid4())


def _at() -> str:
    return datetime.now(UTC).isoformat()


def _saved_plan(client: Client, **body: Any) -> dict[str, Any]:
    r = client.post("/api/v1/plans", json=body)
    assert r.status_code == 201, r.text
    out: dict[str, Any] = r.json()
    assert out["id"] >= 1
    return out


def test_no_profile_yet_is_a_clear_409(client: Client) -> None:
    r = client.get("/api/v1/plan/today")
    assert r.status_code == 409
    assert "answer the questions" in r.json()["detail"]


def test_red_flag_refers_and_gives_no_plan(client: Client) -> None:
    r = client.post("/api/v1/profile", json={**CALM, "red_flags": ["saddle_numbness"]})
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "refer"
    assert body["referral"]["urgency"] == "emergency"
    assert body["can_exercise"] is False
    r = client.post("/api/v1/plans", json={})
    assert r.status_code == 409
    assert client.get("/api/v1/plan/today").json()["plan"]["items"] == []


def test_a_see_soon_referral_still_gets_a_gentle_routine(client: Client) -> None:
    flags = {**CALM, "red_flags": ["severe_pain_not_easing_for_days"]}
    verdict = client.post("/api/v1/profile", json=flags).json()
    assert verdict["status"] == "refer" and verdict["referral"]["urgency"] == "soon"
    assert verdict["can_exercise"] is True
    plan = _saved_plan(client)
    assert plan["plan"]["referral"]["urgency"] == "soon" and plan["plan"]["items"]
    assert client.get(f"/api/v1/plans/{plan['id']}/timeline").status_code == 200


def test_profile_errors_name_the_field(client: Client) -> None:
    r = client.post("/api/v1/profile", json={**CALM, "pain_now": 11})
    assert r.status_code == 422
    assert r.json()["detail"].startswith("pain_now:")
    r = client.post("/api/v1/profile", json={**CALM, "pregnancy_weeks": 20})
    assert r.status_code == 422
    assert "pregnancy" in r.json()["detail"]


def test_time_budget_refits_the_plan(screened: Client) -> None:
    short = screened.get("/api/v1/plan/today", params={"minutes": 5}).json()
    long = screened.get("/api/v1/plan/today", params={"minutes": 25}).json()
    assert short["plan"]["status"] == "plan"
    assert abs(short["plan"]["total_seconds"] - 300) <= 30
    assert abs(long["plan"]["total_seconds"] - 1500) <= 150
    assert len(long["plan"]["items"]) > len(short["plan"]["items"])


def test_swap_replaces_an_item_with_its_variant(screened: Client) -> None:
    preview = screened.get("/api/v1/plan/today", params={"minutes": 15}).json()
    old, alts = next(iter(preview["alternatives"].items()))
    new = alts[0]["exercise"]
    plan = _saved_plan(screened, minutes=15, swaps={old: new})
    chosen = [i["exercise"] for i in plan["plan"]["items"]]
    assert new in chosen and old not in chosen
    assert plan["swaps"] == {old: new}


def test_swap_to_an_unknown_id_is_404_with_suggestions(screened: Client) -> None:
    r = screened.post("/api/v1/plans", json={"swaps": {"cat_cow": "cat_coww"}})
    assert r.status_code == 404
    assert "did you mean" in r.json()["detail"]


def test_a_session_records_each_event_once(screened: Client) -> None:
    plan = _saved_plan(screened, minutes=5)
    pid = plan["id"]
    items = plan["plan"]["items"]
    skey = _key()
    r = screened.post("/api/v1/sessions", json={"plan_id": pid, "key": skey, "at": _at()})
    assert r.status_code == 201
    sid = r.json()["session_id"]
    again = screened.post("/api/v1/sessions", json={"plan_id": pid, "key": skey, "at": _at()})
    assert again.json()["session_id"] == sid
    url = f"/api/v1/plans/{pid}/sessions/{skey}/events"
    pain = {"type": "pain", "key": _key(), "at": _at(), "when": "before", "score": 5}
    assert screened.post(url, json=pain).json() == {"stored": True, "key": pain["key"]}
    assert screened.post(url, json=pain).json()["stored"] is False  # a retry counts once
    for i, item in enumerate(items):
        event = {
            "type": "item",
            "key": _key(),
            "at": _at(),
            "index": i,
            "exercise": item["exercise"],
            "planned_seconds": 30,
            "held_seconds": 30,
            "status": "done",
        }
        assert screened.post(url, json=event).json()["stored"] is True
    fb = {"type": "feedback", "key": _key(), "at": _at(), "index": 0}
    fb |= {"exercise": items[0]["exercise"], "feedback": "too_easy"}
    assert screened.post(url, json=fb).status_code == 200
    for body in (
        {"type": "pain", "key": _key(), "at": _at(), "when": "after", "score": 3},
        {"type": "end", "key": _key(), "at": _at(), "status": "finished"},
    ):
        assert screened.post(url, json=body).json()["stored"] is True
    progress = screened.get("/api/v1/progress").json()
    [row] = progress["history"]
    assert row["status"] == "finished"
    assert row["done"] == len(items)
    assert (row["pain_before"], row["pain_after"]) == (5, 3)
    assert progress["session_days"]
    assert progress["sessions_this_week"] == 1 and progress["streak"] == 1


def test_first_event_begins_a_lost_session(screened: Client) -> None:
    plan = _saved_plan(screened, minutes=5)
    url = f"/api/v1/plans/{plan['id']}/sessions/{_key()}/events"
    end = {"type": "end", "key": _key(), "at": _at(), "status": "stopped"}
    assert screened.post(url, json=end).json()["stored"] is True
    assert screened.get("/api/v1/progress").json()["history"][0]["status"] == "stopped"


def test_events_that_do_not_fit_the_plan_are_422(screened: Client) -> None:
    plan = _saved_plan(screened, minutes=5)
    url = f"/api/v1/plans/{plan['id']}/sessions/{_key()}/events"
    base = {"type": "item", "key": _key(), "at": _at(), "planned_seconds": 1}
    base |= {"held_seconds": 1, "status": "done"}
    r = screened.post(url, json={**base, "index": 99, "exercise": "cat_cow"})
    assert r.status_code == 422 and "no item 99" in r.json()["detail"]
    wrong = (
        "seated_breathing" if plan["plan"]["items"][0]["exercise"] != "seated_breathing" else "x"
    )
    r = screened.post(url, json={**base, "index": 0, "exercise": wrong})
    assert r.status_code == 422 and "item 0 of the plan" in r.json()["detail"]
    r = screened.post(url, json={"type": "nap", "key": _key(), "at": _at()})
    assert r.status_code == 422


def test_unknown_plan_is_404(screened: Client) -> None:
    assert screened.get("/api/v1/plans/999999").status_code == 404
    assert screened.get("/api/v1/plans/999999/timeline").status_code == 404


def test_timeline_of_a_saved_plan(screened: Client) -> None:
    plan = _saved_plan(screened, minutes=5)
    tl = screened.get(f"/api/v1/plans/{plan['id']}/timeline", params={"countdown_s": 3}).json()
    assert tl["countdown_s"] == 3
    assert [i["exercise"] for i in tl["items"]] == [i["exercise"] for i in plan["plan"]["items"]]
    assert tl["segments"][0]["start"] == 0


def test_pain_psfs_and_progress(screened: Client) -> None:
    assert screened.post("/api/v1/pain", json={"score": 6, "note": "stiff"}).status_code == 201
    body = {"items": [{"activity": "Putting on socks", "score": 4}]}
    assert screened.post("/api/v1/psfs", json=body).status_code == 201
    out = screened.get("/api/v1/progress").json()
    assert [p["score"] for p in out["pain"]] == [6]
    assert out["activities"] == ["Putting on socks"]
    assert out["psfs"][0]["score"] == 4
    six = {"items": [{"activity": f"Thing {n}", "score": 1} for n in range(6)]}
    assert screened.post("/api/v1/psfs", json=six).status_code == 422


def test_settings_change_minutes(screened: Client) -> None:
    r = screened.put("/api/v1/settings", json={"minutes": 12})
    assert r.status_code == 200
    assert screened.get("/api/v1/profile").json()["minutes"] == 12
    assert screened.put("/api/v1/settings", json={"minutes": 2}).status_code == 422


def test_library_search_filters_and_entries(client: Client) -> None:
    found = client.get("/api/v1/exercises", params={"position": "prone"}).json()
    assert found and all(e["position"] == "prone" for e in found)
    assert client.get("/api/v1/exercises", params={"q": "cat"}).json()
    entry = client.get("/api/v1/exercises/cat_cow").json()
    assert entry["id"] == "cat_cow" and entry["steps"]
    r = client.get("/api/v1/exercises/cat_coww")
    assert r.status_code == 404 and "cat_cow" in r.json()["detail"]


def test_openapi_and_its_docs_page_are_served(client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/plans" in schema["paths"]
    page = client.get("/api/docs")
    assert page.status_code == 200 and "/api/v1/plans" in page.text
    assert "cdn." not in page.text


def _hamstring_plan(client: Client) -> int:
    """A kept plan whose first move has an easier variant (and whose second has none)."""
    from supple.library import load_library
    from supple.planner import timing
    from supple.planner.dose import base_dose
    from supple.planner.model import Plan
    from supple.planner.plan import plan_item

    lib = load_library()
    items = [
        plan_item(lib[e], base_dose(lib[e]), [])
        for e in ("standing_hamstring_stretch", "march_on_the_spot")
    ]
    plan = Plan(status="plan", items=items, total_seconds=timing.total_seconds(items))
    web: Web = client.app.state.web
    return web.records(web.local_person()).save_plan(plan)


def test_the_easier_variant_when_a_move_hurts(screened: Client) -> None:
    client = screened
    plan_id = _hamstring_plan(client)
    tl = client.get(f"/api/v1/plans/{plan_id}/timeline").json()
    assert tl["items"][0]["easier"] == {
        "exercise": "chair_hamstring_stretch",
        "name": "Chair hamstring stretch",
    }
    assert tl["items"][1]["easier"] is None
    assert tl["back_grace_s"] == 3 and tl["work_kinds"] == ["cool_down", "flow", "hold", "rep"]
    key = _key()
    url = f"/api/v1/plans/{plan_id}/sessions/{key}"
    hurt = {"type": "feedback", "key": _key(), "at": _at(), "index": 0}
    hurt |= {"exercise": "standing_hamstring_stretch", "feedback": "painful"}
    assert client.post(f"{url}/events", json=hurt).json()["stored"] is True
    assert client.post(f"{url}/easier", json={"index": 1}).status_code == 409  # none for it
    taken = client.post(f"{url}/easier", json={"index": 0})
    assert taken.status_code == 200, taken.text
    body = taken.json()
    new = body["plan_id"]
    assert new != plan_id and body["index"] == 1
    assert [i["exercise"] for i in body["timeline"]["items"]] == [
        "standing_hamstring_stretch",
        "chair_hamstring_stretch",
        "march_on_the_spot",
    ]
    assert (
        client.get(f"/api/v1/plans/{new}")
        .json()["plan"]["items"][1]["why"]
        .startswith("An easier variant of Standing hamstring stretch")
    )
    skipped = {"type": "item", "key": _key(), "at": _at(), "index": 0}
    skipped |= {"exercise": "standing_hamstring_stretch", "planned_seconds": 60}
    skipped |= {"held_seconds": 8, "status": "skipped"}
    late = client.post(f"{url}/events", json=skipped)
    assert late.status_code == 409  # the session follows the new plan now
    moved = f"/api/v1/plans/{new}/sessions/{key}/events"
    assert client.post(moved, json=skipped).json()["stored"] is True
    end = {"type": "end", "key": _key(), "at": _at(), "status": "finished"}
    assert client.post(moved, json=end).json()["stored"] is True
    [row] = client.get("/api/v1/progress").json()["history"]
    # The player said "finished", but 8 s of the work is not half of it: stopped early.
    assert (row["status"], row["skipped"]) == ("stopped", 1)
    assert (
        client.post(f"/api/v1/plans/999999/sessions/{key}/easier", json={"index": 0}).status_code
        == 404
    )
