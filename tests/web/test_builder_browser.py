"""In the real Chromium, on PostgreSQL: a clinician builds patient A's programme from Supple's
suggestion (moves a row down by keyboard, locks a move) and saves it; the patient, in another
browser context, sees it on Today from that clinician. The builder, its versions and the
templates pages at 360 px: no sideways scroll, axe-core clean."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from supple.safety.profile import Profile
from tests.accounts.kit import NOW, PASSWORD, Install, install, on_socket
from tests.web.browser import assert_fits, fill_sign_in

pytestmark = pytest.mark.browser
#: Where the screenshots of these pages go when asked for (SUPPLE_SHOTS=folder).
SHOTS = os.environ.get("SUPPLE_SHOTS")


@pytest.fixture
def made(postgres_url: str) -> Iterator[Install]:
    with install(postgres_url) as found:
        person = found.people["patient_a"].person_id
        assert person is not None
        found.database.for_person(person).save_profile(Profile(minutes=10), at=NOW)
        yield found


def _sign_in(browser: Any, url: str, email: str, width: int) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(base_url=url, viewport={"width": width, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    fill_sign_in(page, email, PASSWORD)
    page.wait_for_load_state()
    return context, page, errors


def _shoot(page: Any, name: str) -> None:
    if not SHOTS:
        return
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    for width in (360, 1366):
        page.set_viewport_size({"width": width, "height": 800})
        page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)
    page.set_viewport_size(size)


def test_built_locked_saved_and_seen_on_today(
    browser: Any, postgres_url: str, made: Install
) -> None:
    alice = made.people["patient_a"].id
    with on_socket(postgres_url, made) as live:
        context, page, errors = _sign_in(browser, live.url, "doc@a.example", 360)
        try:
            page.goto(f"/clinician/patients/{alice}/programme")
            _shoot(page, "builder")
            assert_fits(page)
            rows = page.locator("[data-move]")
            first = rows.nth(0).get_attribute("data-move")
            second = rows.nth(1).get_attribute("data-move")
            page.focus(f'[data-move="{first}"] [data-down]')
            page.keyboard.press("Enter")  # builder.js moves the row in place
            assert page.locator("[data-move]").nth(0).get_attribute("data-move") == second
            page.check(f'[data-move="{second}"] input[type=checkbox]')
            page.fill(f'[data-move="{second}"] textarea', "Keep the knees soft.")
            page.click("button[value=save]")
            page.wait_for_url("**/programme/versions?saved=1")
            assert "Version 1" in page.inner_text("main")
            assert_fits(page)
            _shoot(page, "builder-versions")
            page.goto("/clinician")
            page.click(f'a[href="/clinician/patients/{alice}/programme"]')
            page.fill("#template_name", "Low back, first weeks")
            page.click("button[formaction='/clinician/templates']")
            page.wait_for_url("**/clinician/templates?saved=*")
            assert "Low back, first weeks" in page.inner_text("main")
            assert_fits(page)
            _shoot(page, "templates")
            assert errors == []
        finally:
            context.close()
        context, page, errors = _sign_in(browser, live.url, "alice@example.org", 360)
        try:
            page.goto("/today")
            said = page.inner_text("#programme-from")
            assert "Your programme from doc@a.example" in said
            names = page.locator("ol.items h2").all_inner_texts()
            assert len(names) >= 2
            assert "Set by your clinician" in page.inner_text("ol.items li >> nth=0")
            assert "Keep the knees soft." in page.inner_text("ol.items li >> nth=0")
            assert_fits(page)
            _shoot(page, "today-from-clinician")
            assert errors == []
        finally:
            context.close()
