"""The patient's journey on a phone, one test per defect of issue 16 (items 1 to 10), in a real
Chromium against a real server."""

from __future__ import annotations

import re
from typing import Any

import pytest

from supple.app import plans
from supple.library import load_library
from supple.planner import timing
from supple.presentation.words import POSITIONS
from supple.safety.profile import Profile
from tests.web.browser import LiveServer
from tests.web.journey import (
    SPY,
    answer_questions,
    answer_safety,
    fits,
    keep,
    next_step,
    plan_id_of,
    start_player,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]
LIB = load_library()
CALM = Profile(pain_areas=["lower_back"], pain_now=4, pain_weeks=3, minutes=15)


def test_1_today_fits_a_phone(page: Any, server: LiveServer) -> None:
    server.store.save_profile(CALM)
    for width in (360, 390):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto("/today")
        assert fits(page) == []
        for box in page.locator(".item, .swap select, .swap button").all():
            edge = box.bounding_box()
            assert edge is not None and edge["x"] >= 0 and edge["x"] + edge["width"] <= width


def test_2_each_safety_question_needs_an_answer(page: Any, server: LiveServer) -> None:
    page.goto("/check")
    assert page.locator("input[name^=flag_]:checked").count() == 0
    assert page.input_value("#pain_now") == "" and page.input_value("#pain_weeks") == ""
    next_step(page)  # nothing ticked: the question asks, it does not assume the lower back
    assert page.is_visible("#p-area-js") and page.is_visible("#step-where")
    page.check('input[name="pain_areas"][value="lower_back"]')
    next_step(page)
    next_step(page)  # no pain score: stays
    assert page.is_visible("#step-how")
    page.fill("#pain_now", "4")
    page.fill("#pain_weeks", "3")
    for _ in range(3):
        next_step(page)
    assert page.is_visible("#step-flags")
    next_step(page)  # no safety answer: stays on the safety step
    assert page.is_visible("#step-flags")
    answer_safety(page)
    next_step(page)
    assert page.is_visible("#step-body")


def test_3_pregnancy_weeks_show_only_when_pregnant(page: Any, server: LiveServer) -> None:
    page.goto("/check")
    page.check('input[name="pain_areas"][value="lower_back"]')
    next_step(page)
    page.fill("#pain_now", "4")
    page.fill("#pain_weeks", "3")
    next_step(page)
    next_step(page)
    weeks = page.locator("#pregnancy_weeks")
    assert page.is_visible("#step-health") and not weeks.is_visible()  # until it applies
    page.check('input[name="conditions"][value="pregnancy"]')
    assert weeks.is_visible() and weeks.is_enabled()
    weeks.fill("12")
    page.uncheck('input[name="conditions"][value="pregnancy"]')
    assert not weeks.is_visible() and weeks.is_disabled()  # not sent while hidden
    page.check('input[name="conditions"][value="pregnancy"]')
    assert weeks.input_value() == "12"  # and kept, should the question come back
    page.uncheck('input[name="conditions"][value="pregnancy"]')
    next_step(page)
    answer_safety(page)
    next_step(page)
    page.locator(".step:visible button[type=submit]").click()
    page.wait_for_url("**/today")
    saved = server.store.latest_profile()
    assert saved is not None and saved.conditions == [] and saved.pregnancy_weeks is None
    answer_questions(page, pregnant_weeks=20)
    page.wait_for_url("**/today")
    saved = server.store.latest_profile()
    assert saved is not None and saved.conditions == ["pregnancy"] and saved.pregnancy_weeks == 20


def test_4_a_referral_stops_every_player(page: Any, server: LiveServer) -> None:
    server.store.save_profile(CALM)
    plan_id = keep(server, "march_on_the_spot", "chair_twist")
    page.goto("/today")
    page.evaluate("navigator.serviceWorker.ready")
    page.reload()
    page.goto(f"/play/{plan_id}")  # kept for offline use
    page.wait_for_selector("#player[data-ready=true]")
    answer_questions(page, red_flag="bladder_or_bowel_change")
    page.wait_for_url("**/referral")
    page.wait_for_selector("html[data-routines-forgotten=true]")
    for url in (f"/play/{plan_id}", "/today"):
        page.goto(url)
        assert page.url.endswith("/referral"), url
        assert "Get medical help now" in page.inner_text("h1")
    assert page.request.get(f"/api/v1/plans/{plan_id}/timeline").status == 200  # the data stays
    page.context.set_offline(True)
    page.goto(f"/play/{plan_id}")  # offline: the device's copy is gone, the referral shows
    assert "Get medical help now" in page.inner_text("h1")
    page.context.set_offline(False)


def test_5_sitting_both_ways_is_explained_and_nothing_is_lost(
    browser: Any, page: Any, server: LiveServer
) -> None:
    page.goto("/check")
    page.check('input[name="pain_areas"][value="neck"]')
    next_step(page)
    page.fill("#pain_now", "5")
    page.fill("#pain_weeks", "2")
    next_step(page)
    page.check('input[name="eases_with"][value="sitting"]')
    page.check('input[name="worse_with"][value="sitting"]')
    next_step(page)
    message = page.inner_text("#p-both-js")
    assert page.is_visible("#step-moves") and message.startswith("Sitting is given as making")
    page.reload()  # what was typed survives a reload, on the same step
    assert page.is_visible("#step-moves") and page.is_checked(
        'input[name="worse_with"][value="sitting"]'
    )
    assert page.input_value("#pain_now") == "5"
    # Without scripts the server says the same on that step, and gives every answer back.
    context = browser.new_context(base_url=server.url, java_script_enabled=False)
    bare = context.new_page()
    try:
        bare.goto("/check")
        bare.check('input[name="pain_areas"][value="neck"]')
        bare.fill("#pain_now", "5")
        bare.fill("#pain_weeks", "2")
        bare.check('input[name="eases_with"][value="sitting"]')
        bare.check('input[name="worse_with"][value="sitting"]')
        bare.locator("button[type=submit]").click()
        bare.wait_for_load_state()
        text = bare.inner_text("#q-worse_with")
        assert "Sitting is given as making the pain both better and worse" in text
        assert "Value error" not in bare.content() and "request:" not in bare.content()
        assert bare.is_checked('input[name="pain_areas"][value="neck"]')
        assert bare.input_value("#pain_now") == "5"
        assert bare.get_attribute("#screening", "data-open") == "moves"
    finally:
        context.close()


def test_6_the_browser_says_the_schedule_on_time(page: Any, server: LiveServer) -> None:
    """The words said, when, against the timeline's speech schedule: all of them, in order,
    none late by more than 0.5 s of session time, none cancelled while playing."""
    page.add_init_script(
        SPY.replace(
            "speak(u) { window.__said.push(u.text); }, cancel() {}",
            "speak(u) { window.__said.push([u.text, performance.now()]); }, "
            "cancel() { window.__cancels = (window.__cancels || 0) + 1; }",
        )
    )
    server.store.save_profile(CALM)
    plan_id = keep(server, "shoulder_rolls")
    speed = 4  # 0.5 s of session time is 125 ms: room for a busy machine's timers
    start_player(page, plan_id, speed=speed)
    page.wait_for_selector("#pane-after:visible", timeout=30_000)
    said = page.evaluate("window.__said")
    schedule = page.request.get(f"/api/v1/plans/{plan_id}/timeline").json()["speech"]
    assert [text for text, _ in said] == [u["text"] for u in schedule]
    t0 = said[0][1] - 1000 * schedule[0]["at"] / speed
    for (_, when), u in zip(said, schedule, strict=True):
        assert (when - t0) * speed / 1000 - u["at"] <= 0.5, u
    assert not page.evaluate("window.__cancels || 0")


def test_7_a_swap_keeps_one_descent(page: Any, server: LiveServer) -> None:
    server.store.save_profile(CALM)
    req = plans.request(store=server.store, library=LIB, today=_today(server))
    plan = plans.make(req, LIB)
    found = [
        (old, v.exercise)
        for old, variants in plans.alternatives(plan, req, LIB).items()
        for v in variants
        if LIB[v.exercise].on_floor != LIB[old].on_floor
    ]
    assert found, "no swap between a chair or standing move and a floor move today"
    old, new = found[0]
    page.goto("/today")
    select = page.locator(f'select:has(option[value="{old}:{new}"])')
    select.select_option(f"{old}:{new}")
    select.locator("xpath=..").locator("button").click()
    page.wait_for_url(re.compile(r"swap="))
    places = [
        p.split("·")[0].replace("Where:", "").strip()
        for p in page.locator(".where").all_inner_texts()
    ]
    words = {w: k for k, w in POSITIONS.items()}
    descents, _ = timing.floor_moves([words[p] for p in places])
    assert descents == 1
    assert "you get down to the floor once and up once" in page.inner_text("main")


def test_8_it_hurts_pauses_and_offers_on_a_phone(page: Any, server: LiveServer) -> None:
    page.set_viewport_size({"width": 390, "height": 800})
    server.store.save_profile(CALM)
    plan_id = keep(server, "standing_hamstring_stretch", "march_on_the_spot")
    start_player(page, plan_id)
    page.wait_for_function("() => document.getElementById('phase').textContent.startsWith('Hold')")
    page.click("#hurts")
    count = page.inner_text("#count")
    page.wait_for_timeout(600)
    assert page.inner_text("#count") == count and page.inner_text("#pause") == "Resume"
    box = page.locator("#offer-easier").bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 800  # in view
    page.click("#offer-easier")
    page.wait_for_function(
        "() => document.getElementById('ex-name').textContent === 'Chair hamstring stretch'"
    )


def test_9_stopping_asks_first_and_keeps_the_pain_after(page: Any, server: LiveServer) -> None:
    server.store.save_profile(CALM)
    plan_id = keep(server, "march_on_the_spot", "chair_twist", "shoulder_rolls")
    start_player(page, plan_id, speed=5)
    page.click("#stop")
    assert page.is_visible("#confirm-stop") and page.inner_text("#pause") == "Resume"
    page.click("#keep-going")
    assert page.is_hidden("#confirm-stop") and page.inner_text("#pause") == "Pause"
    # Leaving the page mid-session asks first.
    asked: list[str] = []

    def answer(dialog: Any) -> None:
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", answer)
    page.click("header nav a[href='/progress']")
    page.wait_for_timeout(300)
    assert asked == ["beforeunload"] and "/play/" in page.url
    page.remove_listener("dialog", answer)
    # A reload (or a tab closed and opened again) offers to continue the same session.
    page.wait_for_function("() => document.getElementById('ex-name').textContent !== ''")
    page.evaluate("() => window.onbeforeunload = null")
    page.on("dialog", lambda d: d.accept())
    page.reload()
    page.wait_for_selector("#pane-resume:visible")
    assert "moves done" in page.inner_text("#resume-text")
    page.click("#resume-go")
    page.wait_for_selector("#pane-run:visible")
    page.click("#stop")
    page.click("#stop-now")
    assert page.inner_text("#after-h").startswith("Stopped.")
    page.click('#pane-after [data-pain="2"]')
    page.wait_for_selector("#sync-state:has-text('Everything is saved')")
    assert page.inner_text("#done-h").startswith("Stopped early")
    [session] = server.store.history().sessions  # one session, continued after the reload
    assert (session.status, session.pain_before, session.pain_after) == ("stopped", 4, 2)
    assert plan_id_of(page) == plan_id


def test_10_a_session_of_skips_is_not_done(page: Any, server: LiveServer) -> None:
    server.store.save_profile(CALM)
    plan_id = keep(server, "march_on_the_spot", "chair_twist")
    start_player(page, plan_id)
    page.click("[data-action=skip]")
    page.click("[data-action=skip]")
    page.wait_for_selector("#pane-after:visible")
    assert not page.inner_text("#after-h").startswith("Well done")
    page.click('#pane-after [data-pain="3"]')
    page.wait_for_selector("#sync-state:has-text('Everything is saved')")
    assert page.inner_text("#done-h").startswith("Stopped early")
    summary = page.inner_text("#summary")
    assert "0 of 2" in summary and "4 before → 3 after" in summary
    [session] = server.store.history().sessions
    assert session.status == "stopped"
    page.goto("/progress")
    stats = page.inner_text(".stats")
    assert "0/7\nsessions done this week" in stats and "0\ndays in a row" in stats
    assert "stopped early" in page.inner_text("table.history")
    # After a session: a square (in the key and for the one score), before it: a round dot.
    assert page.locator("svg.chart rect.dot.after").count() == 2
    assert page.locator("svg.chart circle.dot").count() >= 1
    days = page.locator(".calendar .wd").all_inner_texts()
    assert days == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert page.locator(".calendar [role=rowheader]").first.inner_text() in (
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    )


def _today(server: LiveServer) -> Any:
    from datetime import datetime

    return datetime.now().astimezone().date()


def test_13_back_goes_to_the_previous_question_and_keeps_the_answers(
    page: Any, server: LiveServer
) -> None:
    """Item 13 (a should-fix): each step is a history entry; Back stays in the questions."""
    page.goto("/")
    page.goto("/check")
    page.check('input[name="pain_areas"][value="lower_back"]')
    next_step(page)
    page.fill("#pain_now", "4")
    page.fill("#pain_weeks", "3")
    next_step(page)
    assert page.is_visible("#step-moves")
    page.go_back()
    page.wait_for_selector("#step-how:visible")
    assert "/check" in page.url
    assert page.input_value("#pain_now") == "4"
    page.go_back()
    page.wait_for_selector("#step-where:visible")
    assert "/check" in page.url
    assert page.is_checked('input[name="pain_areas"][value="lower_back"]')
    page.go_forward()
    page.wait_for_selector("#step-how:visible")


def test_18_the_voice_test_speaks_and_beeps(page: Any, server: LiveServer) -> None:
    """Item 18 (a should-fix): the settings' voice test says a sentence and rings the bell."""
    page.add_init_script(SPY)
    server.store.save_profile(CALM)
    page.goto("/settings")
    page.click("#test-voice")
    page.wait_for_function("() => window.__said.length > 0")
    assert "Ease off if it hurts" in page.evaluate("window.__said")[0]
    assert page.evaluate("window.__tones") >= 1
    assert page.inner_text("#device-saved").startswith("Speaking now")
