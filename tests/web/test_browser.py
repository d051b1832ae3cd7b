"""The web app in a real headless Chromium against a real server (Playwright)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.web.browser import LiveServer
from tests.web.journey import SPY, answer_questions, photograph

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SPEED = 60  # the test clock: a 3-minute routine plays in about 3 seconds


def play_to_the_end(page: Any, pain_before: int, pain_after: int) -> None:
    page.goto(page.url + f"?speed={SPEED}")
    page.wait_for_selector("#player[data-ready=true]")
    page.click(f'#pane-before [data-pain="{pain_before}"]')
    page.wait_for_selector("#pane-after:visible", timeout=30_000)
    page.click(f'#pane-after [data-pain="{pain_after}"]')
    page.wait_for_selector("#pane-done:visible")


def test_screening_plan_session_progress(page: Any, server: LiveServer) -> None:
    page.add_init_script(SPY)
    answer_questions(page)
    page.wait_for_url("**/today")
    assert page.locator(".item").count() >= 2
    page.click(".start-form button")
    page.wait_for_url(re.compile(r"/play/\d+$"))
    plan_id = int(page.url.rsplit("/", 1)[1])
    n_items = len(server.store.get_plan(plan_id).items)
    play_to_the_end(page, 5, 3)
    said = page.evaluate("window.__said")
    first = server.store.get_plan(plan_id).items[0].name
    assert any(first in text for text in said), said[:5]  # the cues were spoken
    assert {"3", "2", "1"} <= set(said)
    assert page.evaluate("window.__tones") > 3  # beeps for counts and bells
    assert page.evaluate("window.__locks") >= 1  # the screen was asked to stay on
    page.wait_for_selector("#sync-state:has-text('Everything is saved')")
    [session] = server.store.history().sessions
    assert session.status == "finished"
    assert session.done == n_items
    assert (session.pain_before, session.pain_after) == (5, 3)
    page.click("text=See your progress")
    page.wait_for_url("**/progress")
    row = page.locator("table.history tbody tr").first.inner_text()
    assert "\tdone\t" in row and "5 → 3" in row  # done: at least half the work (item 10)
    assert page.locator("svg.chart").count() >= 1


def test_red_flags_lead_to_referral(page: Any, server: LiveServer) -> None:
    answer_questions(page, red_flag="bladder_or_bowel_change")
    page.wait_for_url("**/referral")
    assert "Get medical help now" in page.inner_text("h1")
    assert page.locator(".start-form").count() == 0
    page.goto("/today")
    page.wait_for_url("**/referral")
    assert server.store.counts()["plan"] == 0  # no routine was kept
    photograph(page, "referral-emergency")


def test_offline_mid_session_loses_nothing_and_counts_once(page: Any, server: LiveServer) -> None:
    page.add_init_script(SPY)
    page.goto("/settings")  # voice off on this device: the session runs silent but for beeps
    page.uncheck("#s-voice")
    page.click("#device-settings button")
    page.wait_for_selector("#device-saved:has-text('Saved')")
    answer_questions(page)
    page.wait_for_url("**/today")
    # Once the service worker controls the page, what is visited is kept for offline use.
    page.evaluate("navigator.serviceWorker.ready")
    page.reload()
    assert page.evaluate("!!navigator.serviceWorker.controller")
    page.click(".start-form button")
    page.wait_for_url(re.compile(r"/play/\d+$"))
    plan_id = int(page.url.rsplit("/", 1)[1])
    n_items = len(server.store.get_plan(plan_id).items)
    page.goto(page.url + f"?speed={SPEED // 3}")
    page.wait_for_selector("#player[data-ready=true]")
    page.click('#pane-before [data-pain="6"]')
    page.wait_for_function("() => document.getElementById('count').textContent !== '0'")
    page.context.set_offline(True)
    expected = n_items + 3  # every item, pain before and after, the end
    page.wait_for_selector("#pane-after:visible", timeout=40_000)
    page.click('#pane-after [data-pain="4"]')
    page.wait_for_selector("#sync-state:has-text('waiting to be sent')")
    assert page.evaluate("window.__said") == []
    assert page.evaluate("window.__tones") > 0
    held = server.store.database.counts()["event_key"]
    # Still offline: the routine and a fresh copy of the player load from the cache.
    page.goto("/today")
    assert "Today's routine" in page.inner_text("h1")
    page.go_back()
    page.wait_for_selector("#player[data-ready=true]")
    assert page.inner_text("#net-state").startswith(f"{expected - held} event")
    page.context.set_offline(False)  # the page sends its outbox when the network returns
    page.wait_for_function("() => document.getElementById('net-state').textContent === ''")
    counts = server.store.database.counts()
    assert held < expected
    assert counts["event_key"] == expected
    assert counts["session"] == 1 and counts["session_item"] == n_items
    [session] = server.store.history().sessions
    assert (session.status, session.pain_before, session.pain_after) == ("finished", 6, 4)


def test_keyboard_only(page: Any, server: LiveServer) -> None:
    page.goto("/check")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # ticks the first pain area
    assert page.is_checked('input[name="pain_areas"][value="lower_back"]')
    _next(page)
    _tab_to(page, "#pain_now")
    page.keyboard.type("4")
    page.keyboard.press("Tab")
    page.keyboard.type("3")
    for _ in range(3):  # how it is, what helps, health: then the safety step
        _next(page)
    # Each safety question by keyboard: Tab to its first answer, the arrow key to "No".
    flags = page.locator(".step:visible fieldset.flag:visible:has(input[name^=flag_])")
    assert flags.count() >= 10
    for n in range(flags.count()):
        name = flags.nth(n).locator('input[value="yes"]').first.get_attribute("name")
        _tab_to(page, f'input[name="{name}"][value=yes]')
        page.keyboard.press("ArrowDown")
        assert page.is_checked(f'input[name="{name}"][value=no]'), name
    _next(page)
    _tab_to(page, "#minutes")
    page.keyboard.press("Control+A")
    page.keyboard.type("3")
    page.keyboard.press("Enter")  # submits the form
    page.wait_for_url("**/today")
    _tab_to(page, ".start-form button")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/play/\d+$"))
    page.goto(page.url + f"?speed={SPEED}")
    page.wait_for_selector("#player[data-ready=true]")
    _tab_to(page, '#pane-before [data-pain="2"]')
    page.keyboard.press("Enter")
    page.wait_for_selector("#pane-run:visible")
    page.locator("body").focus()
    page.keyboard.press(" ")
    assert page.inner_text("#pause") == "Resume"
    page.keyboard.press(" ")
    assert page.inner_text("#pause") == "Pause"
    # Stopping asks first; the question's buttons take the keyboard's focus.
    _tab_to(page, "#stop")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "stop-now"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # keep going
    assert page.is_hidden("#confirm-stop") and page.inner_text("#pause") == "Pause"
    page.locator("body").focus()
    page.keyboard.press("ArrowRight")  # skip the first exercise
    page.wait_for_selector("#pane-after:visible", timeout=30_000)
    assert page.evaluate("document.activeElement.id") == "after-h"
    _tab_to(page, '#pane-after [data-pain="1"]')
    page.keyboard.press("Enter")
    page.wait_for_selector("#sync-state:has-text('Everything is saved')")
    [session] = server.store.history().sessions
    assert session.skipped >= 1


def _next(page: Any) -> None:
    _tab_to(page, ".step:visible [data-go=next]")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.tagName") == "H2"  # focus follows the step


def _tab_to(page: Any, selector: str, limit: int = 60) -> None:
    """Press Tab until ``selector`` has the focus (a keyboard user's way there)."""
    target = page.locator(selector)
    for _ in range(limit):
        if target.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")
