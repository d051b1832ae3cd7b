"""The settings page's calendar link in a real headless Chromium: made from the form, shown
once, nothing scrolls sideways at 360, 390 and 1366 px, and no serious axe finding."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from icalendar import Calendar

from tests.web.browser import SHOTS, LiveServer, axe_violations
from tests.web.client import CALM

pytestmark = [pytest.mark.browser]
WIDTHS = (360, 390, 1366)


def test_the_settings_page_makes_a_calendar_link(page: Any, server: LiveServer) -> None:
    from supple.safety.profile import Profile

    server.store.save_profile(Profile.model_validate(CALM))
    page.goto("/settings")
    calendar = page.locator("section[aria-labelledby=feed-h]")  # reminders have days too
    calendar.get_by_label("Wed").check()
    calendar.get_by_label("Sat").check()
    page.fill("#feed-at", "19:30")
    page.get_by_role("button", name="Make a calendar link").click()
    link = page.locator("#feed-link").input_value()
    assert link.startswith(server.url + "/calendar/") and link.endswith(".ics")
    answer = httpx.get(link)
    events: list[Any] = [c for c in Calendar.from_ical(answer.content).walk() if c.name == "VEVENT"]
    [event] = events
    assert event["RRULE"]["BYDAY"] == ["WE", "SA"]
    assert event.decoded("DTSTART").strftime("%H:%M") == "19:30"
    assert axe_violations(page) == []
    SHOTS.mkdir(parents=True, exist_ok=True)
    section = page.locator("section[aria-labelledby=feed-h]")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        sideways = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert sideways <= 0, f"the settings page scrolls {sideways} px sideways at {width} px"
        section.screenshot(path=str(SHOTS / f"settings-calendar-{width}.png"))
    page.goto("/settings")
    assert page.locator("#feed-link").count() == 0
    page.get_by_role("button", name="Stop the link").click()
    assert httpx.get(link).status_code == 404
