"""Today asks first: the safety questions again, when due, before any routine is given or
played; and a pregnant person sees the stop signs on Today and before the player starts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from supple.app import plans, screening
from supple.library import load_library
from supple.safety.profile import Profile
from supple.safety.question_words import RED_FLAG_QUESTIONS
from supple.store import PersonStore, Store
from supple.web import create_app
from tests.web.client import Client

LIB = load_library()
CALM = Profile(pain_areas=["lower_back"], pain_now=4, pain_weeks=3, minutes=5)
PREGNANT = CALM.model_copy(update={"conditions": ["pregnancy"], "pregnancy_weeks": 20})
#: The words that start the stop signs (presentation.phrases "pregnancy_stop_signs").
STOP_SIGNS = "In pregnancy, stop and contact your maternity unit or midwife"


@pytest.fixture
def web(database_url: str) -> Iterator[tuple[Client, PersonStore]]:
    database = Store.open(database_url)
    client = Client(create_app(store=database))
    try:
        yield client, database.for_person(database.person())
    finally:
        client.close()
        database.close()


def _kept_plan(client: Client) -> int:
    r = client.post("/today/start", data={"minutes": "5"})
    assert r.status_code == 303, r.text
    found = re.fullmatch(r"/play/(\d+)", r.headers["location"])
    assert found, r.headers["location"]
    return int(found.group(1))


def _all_no(profile: Profile) -> dict[str, str]:
    asked = screening.red_flags_asked(profile)
    return {f"flag_{flag}": "no" for flag, _ in RED_FLAG_QUESTIONS if flag in asked}


def _where(client: Client, url: str) -> str:
    r = client.get(url)
    return str(r.headers.get("location", r.status_code))


def test_four_weeks_on_today_and_a_kept_routine_ask_the_safety_questions_first(
    web: tuple[Client, PersonStore],
) -> None:
    client, store = web
    store.save_profile(CALM, at=datetime.now(UTC) - timedelta(days=29))
    plan_id = _keep(store)  # kept before the four weeks were up
    for url in ("/today", f"/play/{plan_id}"):
        assert _where(client, url) == "/check/safety?why=four_weeks", url
    r = client.post("/today/start", data={"minutes": "5"})
    assert r.headers["location"] == "/check/safety?why=four_weeks"
    page = client.get("/check/safety?why=four_weeks").text
    assert "It is four weeks since you answered the safety questions" in page
    r = client.post("/check/safety", data=_all_no(CALM))
    assert (r.status_code, r.headers["location"]) == (303, "/today")
    assert client.get("/today").status_code == 200
    assert client.get(f"/play/{plan_id}").status_code == 200
    assert store.latest_profile() == CALM  # everything else stays as it was


def _keep(store: PersonStore) -> int:
    """Today's routine, kept as the player would play it (without asking anything first)."""
    today = datetime.now().astimezone().date()
    req = plans.request(store=store, library=LIB, today=today)
    return plans.keep(store=store, plan=plans.make(req, LIB))


@pytest.mark.parametrize(("profile", "shown"), [(PREGNANT, True), (CALM, False)])
def test_the_stop_signs_of_pregnancy_on_today_and_before_the_player(
    web: tuple[Client, PersonStore], profile: Profile, shown: bool
) -> None:
    client, store = web
    store.save_profile(profile)
    today = client.get("/today").text
    play = client.get(f"/play/{_kept_plan(client)}").text
    for html in (today, play):
        assert ('class="stop-signs"' in html) is shown
        assert (STOP_SIGNS in html) is shown
    if shown:  # before the player starts: on the first pane, above its Start button
        before = play[play.index('id="pane-before"') :]
        assert before.index("stop-signs") < before.index("data-pain")
