"""Every page and every pane of the player, as a person meets them: none scrolls sideways on a
360 or 390 px phone, none has a serious or critical axe-core finding, and each is photographed
at 360, 390 and 1366 px (test-artifacts/screenshots) to be looked at."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from supple.presentation import emergency_number
from supple.safety.profile import Profile
from supple.session.events import EndEvent, ItemEvent, PainEvent
from tests.web.browser import LiveServer, axe_violations
from tests.web.journey import answer_safety, fits, next_step, photograph

pytestmark = [pytest.mark.browser, pytest.mark.slow]


class Tour:
    """Looks at each page: its width on phones, axe-core, its photographs."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.problems: list[str] = []

    def look(self, name: str, path: str | None = None) -> None:
        if path is not None:
            self.page.goto(path)
            self.page.wait_for_load_state("networkidle")
        self.problems += fits(self.page)
        self.problems += axe_violations(self.page)
        photograph(self.page, name)


def _weeks_of_use(server: LiveServer, plan_id: int) -> None:
    """Five weeks of sessions and pain scores, so progress has dots, days and a verdict."""
    store = server.store
    plan = store.get_plan(plan_id)
    now = datetime.now(UTC).replace(hour=8, minute=0, second=0, microsecond=0)
    for back in range(34, 0, -3):
        at = now - timedelta(days=back)
        sid = store.begin_session(plan_id, key=f"tour-{back:02d}-session", at=at)
        store.record(sid, PainEvent(key=f"tour-{back}-b", at=at, when="before", score=6 - back % 3))
        for n, item in enumerate(plan.items):
            seconds = item.seconds
            store.record(
                sid,
                ItemEvent(
                    key=f"tour-{back}-{n}",
                    at=at,
                    index=n,
                    exercise=item.exercise,
                    planned_seconds=seconds,
                    held_seconds=seconds,
                    status="done",
                ),
            )
        store.record(sid, PainEvent(key=f"tour-{back}-a", at=at, when="after", score=3))
        store.record(sid, EndEvent(key=f"tour-{back}-e", at=at, status="finished"))
        store.log_pain(5, at=at + timedelta(days=1))


def test_every_page_and_pane(page: Any, server: LiveServer) -> None:
    tour = Tour(page)
    tour.look("welcome", "/")
    page.goto("/today")
    page.wait_for_url("**/check?came=today#where")
    assert "Before a routine, a few questions" in page.inner_text("#intro")
    for step in ("where", "how", "moves", "health", "flags", "body"):
        if step == "how":
            page.fill("#pain_now", "4")
            page.fill("#pain_weeks", "6")
        if step == "flags":
            answer_safety(page)
        tour.look(f"check-{step}")
        if step == "where":
            page.check('input[name="pain_areas"][value="lower_back"]')
        if step != "body":
            next_step(page)
    page.fill("#minutes", "5")
    page.locator(".step:visible button[type=submit]").click()
    page.wait_for_url("**/today")
    tour.look("today")

    # The player: before, running, "it hurts", stopping, after, the summary, continuing.
    page.click(".start-form button")
    page.wait_for_url(re.compile(r"/play/\d+$"))
    play = page.url
    page.wait_for_selector("#player[data-ready=true]")
    tour.look("play-before")
    page.click('#pane-before [data-pain="4"]')
    page.wait_for_function("() => document.getElementById('ex-name').textContent !== ''")
    page.click("[data-action=pause]")
    tour.look("play-running")
    page.click("[data-action=hurts]")
    tour.look("play-it-hurts")
    page.click("[data-offer=carry-on]")
    page.click("[data-action=stop]")
    tour.look("play-stop-asked")
    page.click("#keep-going")
    page.reload()  # the tab closed mid-session and came back
    page.wait_for_selector("#pane-resume:visible")
    tour.look("play-continue")
    page.click("#resume-go")
    page.click("[data-action=stop]")
    page.click("#stop-now")
    tour.look("play-after")
    page.click('#pane-after [data-pain="3"]')
    page.wait_for_selector("#sync-state:has-text('Everything is saved')")
    tour.look("play-done")

    _weeks_of_use(server, plan_id_of_url(play))
    tour.look("progress", "/progress")
    tour.look("library", "/library")
    tour.look("exercise", "/library/cat_cow")
    tour.look("settings", "/settings")
    # Pregnant: the stop signs on Today and before the player.
    page.check('input[name="conditions"][value="pregnancy"]')
    page.fill("#pregnancy_weeks", "20")
    page.click("#answers-form button[type=submit]")
    page.wait_for_url("**/check/safety**")
    tour.look("check-safety-again")
    answer_safety(page)
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/today")
    tour.look("today-pregnant")
    page.click(".start-form button")
    page.wait_for_url(re.compile(r"/play/\d+$"))
    page.wait_for_selector("#player[data-ready=true]")
    assert "bleeding" in page.inner_text("#pane-before .stop-signs")
    tour.look("play-before-pregnant")

    # Referrals: soon (amber, for pain that lasts), urgent, emergency (a number to call).
    for name, profile in (
        ("referral-soon", Profile(pain_now=6, pain_weeks=8)),
        ("referral-urgent", Profile(red_flags=["fever_or_chills"])),
        ("referral-emergency", Profile(red_flags=["bladder_or_bowel_change"])),
    ):
        server.store.save_profile(profile)
        tour.look(name, "/referral")
    number = emergency_number(page.evaluate("navigator.language"))  # the browser's country
    assert page.get_attribute("#call", "href") == f"tel:{number}"
    tour.look("play-after-referral", play)
    assert page.url.endswith("/referral")
    tour.look("api-docs", "/api/docs")
    tour.look("not-found", "/library/no_such_move")
    page.goto("/settings")
    page.check('input[name="sure"]')
    with page.expect_navigation():
        page.click(".delete-form button")
    tour.look("deleted")
    page.emulate_media(color_scheme="dark", reduced_motion="reduce")  # both follow the system
    server.store.save_profile(Profile(pain_areas=["lower_back"], pain_now=4, pain_weeks=3))
    tour.look("today-dark", "/today")
    tour.look("library-dark", "/library")
    assert not tour.problems, "\n".join(tour.problems)


def test_the_questions_without_javascript(browser: Any, server: LiveServer) -> None:
    """With scripts off every step shows at once; what comes back from the server is whole."""
    context = browser.new_context(base_url=server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        tour = Tour(page)
        page.goto("/check")
        page.fill("#pregnancy_weeks", "12")  # a week, but "I am pregnant" not ticked
        page.locator("button[type=submit]").click()
        page.wait_for_load_state()
        tour.problems += fits(page)
        photograph(page, "check-no-script-problems")
        assert "not among your answers" in page.inner_text("#q-pregnancy_weeks")
        assert page.input_value("#pregnancy_weeks") == "12"  # what was typed is kept
        assert not tour.problems, tour.problems
    finally:
        context.close()


def plan_id_of_url(url: str) -> int:
    found = re.search(r"/play/(\d+)", url)
    assert found, url
    return int(found.group(1))
