"""The web app in a real headless Chromium against a real server (Playwright)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.web.browser import (
    LiveServer,
    axe_violations,
    shoot,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SPEED = 60  # the test clock: a 3-minute routine plays in about 3 seconds


#: Records what the player asks of the browser: words spoken, tones played, the wake lock.
SPY = """
window.__said = []; window.__tones = 0; window.__locks = 0;
class FakeUtterance { constructor(text) { this.text = text; } }
window.SpeechSynthesisUtterance = FakeUtterance;
Object.defineProperty(window, "speechSynthesis", { value: {
  speaking: false, speak(u) { window.__said.push(u.text); }, cancel() {} } });
const make = AudioContext.prototype.createOscillator;
AudioContext.prototype.createOscillator = function () { window.__tones++; return make.call(this); };
if (navigator.wakeLock) {
  const request = navigator.wakeLock.request.bind(navigator.wakeLock);
  navigator.wakeLock.request = (t) => { window.__locks++; return request(t); };
}
"""


def answer_questions(page: Any, *, red_flag: str | None = None, minutes: int = 3) -> None:
    """Walk the screening one step at a time, with the mouse."""
    page.goto("/check")
    assert page.locator(".step:visible").count() == 1
    if red_flag:  # the safety check is the fifth step, after "Your health"
        for _ in range(4):
            page.locator(".step:visible [data-go=next]").click()
        page.locator(f'input[name="flag_{red_flag}"][value="yes"]').check()
        page.locator(".step:visible [data-go=next]").click()
    for _ in range(0 if red_flag else 5):
        if page.locator('.step:visible input[name="minutes"]').count():
            page.fill("#minutes", str(minutes))
        page.locator(".step:visible [data-go=next]").click()
    page.fill("#minutes", str(minutes))
    page.locator(".step:visible button[type=submit]").click()


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
    assert "finished" in row and "5 → 3" in row
    assert page.locator("svg.chart").count() >= 1


def test_red_flags_lead_to_referral(page: Any, server: LiveServer) -> None:
    answer_questions(page, red_flag="bladder_or_bowel_change")
    page.wait_for_url("**/referral")
    assert "Get medical help now" in page.inner_text("h1")
    assert page.locator(".start-form").count() == 0
    page.goto("/today")
    page.wait_for_url("**/referral")
    assert server.store.counts()["plan"] == 0  # no routine was kept
    shoot(page, "referral")


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
    for _ in range(5):
        _tab_to(page, ".step:visible [data-go=next]")
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.tagName") == "H2"  # focus follows the step
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
    page.keyboard.press("ArrowRight")  # skip the first exercise
    page.wait_for_selector("#pane-after:visible", timeout=30_000)
    assert page.evaluate("document.activeElement.id") == "after-h"
    _tab_to(page, '#pane-after [data-pain="1"]')
    page.keyboard.press("Enter")
    page.wait_for_selector("#sync-state:has-text('Everything is saved')")
    [session] = server.store.history().sessions
    assert session.status == "finished" and session.skipped >= 1


def _tab_to(page: Any, selector: str, limit: int = 60) -> None:
    """Press Tab until ``selector`` has the focus (a keyboard user's way there)."""
    target = page.locator(selector)
    for _ in range(limit):
        if target.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def test_every_page_passes_axe_and_is_photographed(page: Any, server: LiveServer) -> None:
    problems: list[str] = []

    def visit(path: str, name: str) -> None:
        page.goto(path)
        shoot(page, name)
        problems.extend(axe_violations(page))

    visit("/", "welcome")
    visit("/check", "check")
    answer_questions(page, minutes=10)
    page.wait_for_url("**/today")
    visit("/today", "today")
    page.click(".start-form button")
    page.wait_for_url(re.compile(r"/play/\d+$"))
    play_url = page.url
    visit(play_url, "play-before")
    page.click('#pane-before [data-pain="3"]')
    page.wait_for_function("() => document.getElementById('ex-name').textContent !== ''")
    page.click("[data-action=pause]")
    shoot(page, "play-running")
    problems.extend(axe_violations(page))
    page.click("[data-action=hurts]")  # the move in progress ends at once, marked painful
    page.click("[data-action=stop]")
    page.wait_for_selector("#pane-done:visible")
    page.wait_for_selector("#sync-state:has-text('Everything is saved')")
    [item] = [i for i in server.store.export_all().items if i.idx == 0]
    assert (item.status, item.feedback) == ("skipped", "painful")
    server.store.log_pain(4)
    visit("/progress", "progress")
    visit("/library", "library")
    visit("/library/cat_cow", "exercise")
    visit("/settings", "settings")
    visit("/referral", "referral-none")
    visit("/api/docs", "api-docs")
    visit("/library/no_such_move", "not-found")
    page.emulate_media(color_scheme="dark", reduced_motion="reduce")  # both follow the system
    for path, name in (
        ("/today", "today-dark"),
        (play_url, "play-dark"),
        ("/progress", "progress-dark"),
    ):
        visit(path, name)
    assert not problems, "\n".join(problems)
