"""Helpers of the browser journey tests: answering the questions as a person would, keeping a
routine, starting the player, and looking at a page at a phone's and a desktop's width."""

from __future__ import annotations

import re
from typing import Any

from supple.library import load_library
from supple.planner import timing
from supple.planner.dose import base_dose
from supple.planner.model import Plan
from supple.planner.plan import plan_item
from tests.web.browser import SHOTS, LiveServer

#: The widths every page is looked at: two phones and a desktop.
WIDTHS = (360, 390, 1366)
PHONES = (360, 390)

#: Records what the player asks of the browser: words spoken (with the session clock's offset
#: when said), tones played, the wake lock.
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


def next_step(page: Any) -> None:
    page.locator(".step:visible [data-go=next]").click()


def answer_safety(page: Any, red_flag: str | None = None) -> None:
    """Answer every safety question shown: no, or yes to ``red_flag``."""
    for radio in page.locator('.step:visible fieldset.flag:visible input[value="no"]').all():
        name = radio.get_attribute("name") or ""
        if name.startswith("flag_"):
            radio.check()
    if red_flag:
        page.locator(f'input[name="flag_{red_flag}"][value="yes"]').check()


def answer_questions(
    page: Any,
    *,
    red_flag: str | None = None,
    minutes: int = 3,
    pregnant_weeks: int | None = None,
    pain_weeks: str = "3",
) -> None:
    """Walk the screening one step at a time with the mouse, answering what must be answered."""
    page.goto("/check")
    assert page.locator(".step:visible").count() == 1
    page.check('input[name="pain_areas"][value="lower_back"]')
    next_step(page)
    page.fill("#pain_now", "4")
    page.fill("#pain_weeks", pain_weeks)
    next_step(page)
    next_step(page)  # what helps, what hurts: nothing ticked
    if pregnant_weeks is not None:
        page.check('input[name="conditions"][value="pregnancy"]')
        page.fill("#pregnancy_weeks", str(pregnant_weeks))
    next_step(page)
    answer_safety(page, red_flag)
    next_step(page)
    page.fill("#minutes", str(minutes))
    page.locator(".step:visible button[type=submit]").click()


def keep(server: LiveServer, *ids: str) -> int:
    """Keep a routine of these library moves (at their usual doses) and return its id."""
    lib = load_library()
    items = [plan_item(lib[e], base_dose(lib[e]), []) for e in ids]
    plan = Plan(status="plan", items=items, total_seconds=timing.total_seconds(items))
    return server.store.save_plan(plan)


def start_player(page: Any, plan_id: int, *, speed: int = 20, pain: int = 4) -> None:
    """Open the player on ``plan_id`` with the test clock, score the pain, wait for a hold."""
    page.goto(f"/play/{plan_id}?speed={speed}")
    page.wait_for_selector("#player[data-ready=true]")
    page.click(f'#pane-before [data-pain="{pain}"]')
    page.wait_for_selector("#pane-run:visible")


def fits(page: Any) -> list[str]:
    """At each phone width, whether the page scrolls sideways (one line per width that does)."""
    found = []
    size = page.viewport_size
    for width in PHONES:
        page.set_viewport_size({"width": width, "height": 800})
        wide = page.evaluate("document.documentElement.scrollWidth")
        if wide > width:
            found.append(f"{page.url} is {wide} px wide at {width} px")
    if size:
        page.set_viewport_size(size)
    return found


def photograph(page: Any, name: str) -> None:
    """Save the page at 360, 390 and 1366 px (test-artifacts/screenshots/NAME-WIDTH.png)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800 if width < 1000 else 900})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    if size:
        page.set_viewport_size(size)


def plan_id_of(page: Any) -> int:
    found = re.search(r"/play/(\d+)", page.url)
    assert found, page.url
    return int(found.group(1))
