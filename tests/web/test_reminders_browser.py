"""The settings page's reminders in a real headless Chromium: saved from the form, nothing
scrolls sideways at 360 and 1366 px, no serious axe finding; the device button asks for
permission and hands the browser's subscription to the server.

A real push subscription needs the browser vendor's push service, which cannot be reached
offline: the test replaces only ``PushManager.subscribe`` (what would ask that service) with a
subscription of known keys, so what the page does with it is real (docs/exports.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.web.browser import SHOTS, LiveServer, axe_violations
from tests.web.client import CALM

pytestmark = [pytest.mark.browser]
NOTES_SHOTS = Path("/work/notes/shots/reminders")

FAKE_PUSH_SERVICE = """
PushManager.prototype.getSubscription = async function () { return null; };
PushManager.prototype.subscribe = async function (options) {
  window.__serverKey = new Uint8Array(options.applicationServerKey).length;
  const endpoint = "https://push.example.com/send/browser-test";
  return {
    endpoint,
    unsubscribe: async () => true,
    toJSON: () => ({ endpoint, expirationTime: null,
      keys: { p256dh: "B" + "A".repeat(86), auth: "A".repeat(22) } }),
  };
};
"""


def _shots(page: Any, name: str) -> None:
    section = page.locator("section[aria-labelledby=reminders-h]")
    for folder in (SHOTS, NOTES_SHOTS):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        for width in (360, 1366):
            page.set_viewport_size({"width": width, "height": 900})
            section.screenshot(path=str(folder / f"{name}-{width}.png"))
    page.set_viewport_size({"width": 360, "height": 740})


def test_the_settings_page_turns_reminders_on(page: Any, server: LiveServer) -> None:
    from supple.safety.profile import Profile

    server.store.save_profile(Profile.model_validate(CALM))
    page.context.grant_permissions(["notifications"], origin=server.url)
    page.add_init_script(FAKE_PUSH_SERVICE)
    page.goto("/settings")
    section = page.locator("section[aria-labelledby=reminders-h]")
    section.get_by_label("Send me reminders").check()
    for day in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"):
        if day not in ("Mon", "Wed", "Fri"):
            section.get_by_label(day, exact=True).uncheck()
    page.fill("#reminder-at", "07:30")
    page.fill("#quiet-start", "22:00")
    page.fill("#quiet-end", "06:30")
    section.get_by_role("button", name="Save reminders").click()
    page.wait_for_url("**/settings?saved=reminders*")
    assert page.get_by_text("Saved your reminders.").is_visible()
    choice = server.store.reminder_choice()
    assert choice is not None and choice.enabled
    assert choice.settings.days == frozenset({0, 2, 4})
    assert choice.settings.at.strftime("%H:%M") == "07:30"
    assert page.locator("#push-device").is_visible()
    page.evaluate("navigator.serviceWorker.ready")
    page.get_by_role("button", name="Allow reminders on this device").click()
    page.wait_for_selector("#push-status:has-text('This device will get your reminders')")
    assert page.evaluate("window.__serverKey") == 65
    [target] = server.store.push_targets()
    assert target.endpoint == "https://push.example.com/send/browser-test"
    assert axe_violations(page) == []
    for width in (360, 1366):
        page.set_viewport_size({"width": width, "height": 900})
        sideways = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert sideways <= 0, f"the settings page scrolls {sideways} px sideways at {width} px"
    page.reload()
    _shots(page, "settings-reminders")


def test_a_time_in_quiet_hours_is_refused_on_the_page(page: Any, server: LiveServer) -> None:
    page.goto("/settings")
    section = page.locator("section[aria-labelledby=reminders-h]")
    section.get_by_label("Send me reminders").check()
    page.fill("#reminder-at", "23:15")
    page.fill("#quiet-start", "22:00")
    page.fill("#quiet-end", "07:00")
    section.get_by_role("button", name="Save reminders").click()
    alert = section.get_by_role("alert")
    assert "quiet hours" in alert.inner_text()
    assert page.input_value("#reminder-at") == "23:15"  # what was typed stays
    assert page.input_value("#quiet-start") == "22:00"
    assert axe_violations(page) == []
    sideways = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert sideways <= 0
    _shots(page, "settings-reminders-refused")
    assert server.store.reminder_choice() is None
