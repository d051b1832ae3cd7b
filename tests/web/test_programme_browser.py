"""The programme's pages in a real Chromium: readable on a phone (nothing scrolls sideways),
accessible (axe), photographed, and the lessons read offline."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.browser import PHONE, LiveServer, axe_violations, shoot

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LEG = {"pain_areas": ["lower_back", "buttock_or_leg"], "pain_weeks": 20, "minutes": 10}
NARROW = (
    {"width": 360, "height": 740},
    {"width": 390, "height": 844},
    {"width": 1366, "height": 900},
)


def no_sideways_scroll(page: Any) -> None:
    for viewport in NARROW:
        page.set_viewport_size(viewport)
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= viewport["width"], f"{page.url} scrolls sideways at {viewport['width']} px"
    page.set_viewport_size(PHONE)


def test_the_programme_pages_on_a_phone(page: Any, server: LiveServer) -> None:
    server.store.save_profile(_profile())
    server.store.start_walking(600)
    server.store.log_walk(420)
    problems: list[str] = []

    def visit(path: str, name: str) -> None:
        page.goto(path)
        no_sideways_scroll(page)
        shoot(page, name)
        problems.extend(axe_violations(page))

    visit("/learn", "learn")
    visit("/learn/hurt_is_not_harm", "lesson")
    page.click("#read button")
    page.wait_for_selector("#read .ok")
    visit("/walk", "walk")
    visit("/today", "today-programme")
    visit("/screen-risk", "screen-risk")
    for question in (
        "duration",
        "pain",
        "light_tasks",
        "sleep",
        "tense",
        "low_mood",
        "persist_risk",
        "normal_duties",
        "pain_means_stop",
        "should_not_do_duties",
    ):
        page.locator(f'input[name="{question}"]').nth(3).check()
    page.click("form.questions button[type=submit]")
    page.wait_for_selector("#result")
    visit("/screen-risk", "screen-risk-result")
    visit("/test-direction", "direction-start")
    page.check('input[name="position"][value="lying"]')
    page.check('input[name="before"][value="thigh"]')
    page.click("form.step button[type=submit]")
    page.wait_for_selector("text=Prone press-up")
    no_sideways_scroll(page)
    shoot(page, "direction-step")
    problems.extend(axe_violations(page))
    page.check('input[name="where"][value="back"]')
    page.check('input[name="change"][value="less"]')
    page.click("form.step button[type=submit]")
    page.wait_for_selector("text=Double knee-to-chest")
    page.check('input[name="before"][value="back"]')
    page.check('input[name="where"][value="back"]')
    page.check('input[name="change"][value="same"]')
    page.click("form.step button[type=submit]")
    page.wait_for_url("**/test-direction/result")
    visit("/test-direction/result", "direction-result")
    assert "leans towards extension" in page.inner_text("main")
    visit("/progress", "progress-programme")
    visit("/after-session", "after-session")
    assert not problems, "\n".join(problems)


def test_the_lessons_read_offline(page: Any, server: LiveServer) -> None:
    server.store.save_profile(_profile())
    page.goto("/")
    page.evaluate("navigator.serviceWorker.ready")
    page.reload()
    assert page.evaluate("!!navigator.serviceWorker.controller")
    page.context.set_offline(True)
    page.goto("/learn/flare_up_plan")  # never visited: cached when the worker installed
    assert "flare-up plan" in page.inner_text("h1").lower()
    assert "Sources" in page.inner_text("main")
    page.context.set_offline(False)


def _profile() -> Any:
    from supple.safety.profile import Profile

    return Profile.model_validate(LEG)
