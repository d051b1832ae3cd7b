"""The server-rendered pages and their plain HTML forms (they work without JavaScript)."""

from __future__ import annotations

import re

import pytest

from supple.safety.question_words import RED_FLAG_QUESTIONS
from tests.web.client import Client

#: Every safety question answered no (the form asks each; none starts answered).
ALL_NO = {f"flag_{flag}": "no" for flag, _ in RED_FLAG_QUESTIONS}
CALM_FORM = {
    "pain_areas": ["lower_back"],
    "pain_now": "4",
    "pain_weeks": "3",
    "minutes": "5",
    "equipment": ["mat", "chair", "wall", "towel_or_strap"],
    **ALL_NO,
}


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_screening_leads_to_today(client: Client) -> None:
    assert client.get("/today").headers["location"] == "/check?came=today"
    assert "Before a routine, a few questions" in client.get("/check?came=today").text
    r = client.post("/check", data=CALM_FORM)
    assert r.status_code == 303 and r.headers["location"] == "/today"
    today = client.get("/today")
    assert today.status_code == 200
    assert "Start" in today.text and "moves" in _text(today.text)


def test_red_flags_lead_to_a_referral_and_no_plan(client: Client) -> None:
    r = client.post(
        "/check", data={**CALM_FORM, "flag_chest_pain": "yes", "flag_cancer_history": "no"}
    )
    assert r.headers["location"] == "/referral"
    page = _text(client.get("/referral").text)
    assert "Get medical help now" in page
    assert "will not give you a routine" in page
    assert client.get("/today").headers["location"] == "/referral"
    start = client.post("/today/start", data={})
    assert start.headers["location"] == "/referral"


def test_the_form_asks_every_question_of_supple_check(client: Client) -> None:
    from supple.safety.questions import QUESTIONS
    from supple.web.screening import STEPS

    assert [q for s in STEPS for q in s.questions] == list(QUESTIONS)
    page = client.get("/check").text
    for q in QUESTIONS:
        assert q.text in page.replace("&#39;", "'")


def test_bad_answers_come_back_in_plain_words(client: Client) -> None:
    r = client.post("/check", data={**CALM_FORM, "pain_now": "12"})
    assert r.status_code == 400
    page = _text(r.text)
    assert "How bad it is now: give a number from 0 to 10." in page
    assert "pain_now:" not in page and "Value error" not in page


@pytest.mark.parametrize("junk", ["inf", "-inf", "nan", "1e400", "9" * 400])
def test_a_number_too_big_to_be_one_comes_back_in_plain_words(client: Client, junk: str) -> None:
    r = client.post("/check", data={**CALM_FORM, "pain_weeks": junk})
    assert r.status_code == 400
    assert f"“{junk[:20]}” is not a number." in _text(r.text)


def test_refit_swap_and_start(client: Client) -> None:
    client.post("/check", data={**CALM_FORM, "minutes": "15"})
    page = client.get("/today", params={"minutes": "10"}).text
    assert 'value="10"' in page
    swap = re.search(r'<option value="([a-z_]+):([a-z_]+)"', page)
    assert swap is not None
    old, new = swap.groups()
    swapped = client.get("/today", params={"minutes": "10", "swap": f"{old}:{new}"}).text
    assert f'href="/library/{new}"' in swapped and f'href="/library/{old}"' not in swapped
    r = client.post("/today/start", data={"minutes": "10", "swap": f"{old}:{new}"})
    assert r.status_code == 303
    play = client.get(r.headers["location"])
    assert play.status_code == 200 and 'id="player"' in play.text
    plan_id = r.headers["location"].rsplit("/", 1)[1]
    items = client.get(f"/api/v1/plans/{plan_id}").json()["plan"]["items"]
    assert new in [i["exercise"] for i in items]


def test_bad_minutes_are_reported_not_fatal(client: Client) -> None:
    client.post("/check", data=CALM_FORM)
    r = client.get("/today", params={"minutes": "500"})
    assert r.status_code == 400 and "3 to 60" in r.text


def test_progress_forms(client: Client) -> None:
    client.post("/check", data=CALM_FORM)
    assert client.post("/progress/pain", data={"score": "5", "note": "ok"}).status_code == 303
    assert client.post("/progress/pain", data={"score": "eleven"}).status_code == 400
    r = client.post("/progress/psfs", data={"activity": ["Tying shoes", ""], "score": ["3", ""]})
    assert r.status_code == 303
    page = client.get("/progress").text
    assert "<svg" in page and "Tying shoes" in page


def test_settings_change_minutes(client: Client) -> None:
    client.post("/check", data=CALM_FORM)
    assert client.post("/settings", data={"minutes": "20"}).status_code == 303
    assert client.get("/api/v1/profile").json()["minutes"] == 20
    assert client.post("/settings", data={"minutes": "0"}).status_code == 400


@pytest.mark.parametrize(
    ("params", "expect"),
    [({"position": "prone"}, "Sphinx"), ({"q": "hamstring"}, "hamstring"), ({}, "Cat-cow")],
)
def test_library_filters(client: Client, params: dict[str, str], expect: str) -> None:
    r = client.get("/library", params=params)
    assert r.status_code == 200 and expect.lower() in r.text.lower()


def test_exercise_page_has_steps_stop_and_dose(client: Client) -> None:
    page = _text(client.get("/library/cat_cow").text)
    for heading in ("How to do it", "What you should feel", "Stop if", "Dose"):
        assert heading in page
    avoided = _text(client.get("/library/toe_touch").text)
    assert "never gives this move" in avoided


def test_offline_assets_are_served(client: Client) -> None:
    sw = client.get("/sw.js")
    assert sw.status_code == 200 and sw.headers["service-worker-allowed"] == "/"
    assert client.get("/manifest.webmanifest").json()["start_url"] == "/today"
    for asset in ("app.css", "player.js", "sync.js", "icons/icon-192.png"):
        assert client.get(f"/static/{asset}").status_code == 200


def _form_defaults(html: str) -> dict[str, list[str]]:
    """What the screening form sends when nothing is changed: its checked boxes and values."""
    data: dict[str, list[str]] = {}
    for tag in re.findall(r"<input [^>]*>", html):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', tag))
        name, kind = attrs.get("name"), attrs.get("type")
        if name is None:
            continue
        if kind in ("checkbox", "radio") and " checked" not in tag:
            continue
        if kind == "number" and "value" not in attrs:
            continue
        data.setdefault(name, []).append(attrs.get("value", ""))
    return data


def test_the_safety_questions_start_unanswered_and_must_be_answered(client: Client) -> None:
    """Item 2: no safety question starts on "no", and nor do the pain, its length or its place;
    the form cannot be passed without an answer to each."""
    html = client.get("/check").text
    form = _form_defaults(html)
    assert not [k for k in form if k.startswith("flag_")]  # nothing ticked
    assert form["pain_now"] == [""] and form["pain_weeks"] == [""] and "pain_areas" not in form
    flags = re.findall(r'<input type="radio" name="(flag_[a-z0-9_]+)" value="no" required>', html)
    assert len(set(flags)) == len(ALL_NO)
    r = client.post("/check", data=form)
    assert r.status_code == 400
    page = _text(r.text)
    assert "safety questions are not answered yet" in page
    assert "Please tick where it hurts" in page and page.count("Please answer this question.") == 2
    assert client.get("/api/v1/profile").status_code == 404  # nothing was saved


def test_the_form_starts_from_the_same_answers_as_the_terminal(client: Client) -> None:
    from supple.app.screening import suggested_answers
    from supple.safety.profile import Profile

    form = _form_defaults(client.get("/check").text)
    given = {"pain_areas": ["neck"], "pain_now": ["2"], "pain_weeks": ["1"], **ALL_NO}
    assert client.post("/check", data={**form, **given}).status_code == 303
    suggested = {k: v for k, v in suggested_answers().items() if v is not None}
    expected = Profile.model_validate(
        {**suggested, "pain_areas": ["neck"], "pain_now": 2, "pain_weeks": 1}
    )
    assert client.get("/api/v1/profile").json() == expected.model_dump(mode="json")
