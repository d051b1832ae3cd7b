"""In the real Chromium, on PostgreSQL: a patient and their clinician message each other (two
browser contexts) at 360 px; both message pages, the menu with its unread count, the
clinician's home and the account page's "leave" section fit with no sideways scroll and have no
serious axe-core finding; a ``<script>`` message shows as text. Screenshots at 360 and 1366 px
go to test-artifacts/screenshots (``messages-*``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.accounts.kit import PASSWORD, Install, install, on_socket
from tests.web.browser import SHOTS, LiveServer, axe_violations, fill_sign_in

pytestmark = pytest.mark.browser

LONG = "A-very-long-word-without-any-space-that-must-wrap-" * 4
SCRIPT = "<script>window.leaked = 1</script> is that fine?"


@pytest.fixture
def made(postgres_url: str) -> Iterator[Install]:
    with install(postgres_url) as found:
        yield found


def _sign_in(browser: Any, live: LiveServer, email: str) -> Any:
    context = browser.new_context(base_url=live.url, viewport={"width": 360, "height": 740})
    page = context.new_page()
    fill_sign_in(page, email, PASSWORD)
    page.wait_for_load_state()
    return page


def _fits(page: Any) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.url
    assert axe_violations(page) == [], page.url


def _shoot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (360, 1366):
        page.set_viewport_size({"width": width, "height": 800})
        page.screenshot(path=str(Path(SHOTS) / f"messages-{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 360, "height": 740})


def test_messages_both_ways_in_the_browser(browser: Any, postgres_url: str, made: Install) -> None:
    with on_socket(postgres_url, made) as live:
        patient = _sign_in(browser, live, "alice@example.org")
        doc = _sign_in(browser, live, "doc@a.example")
        try:
            patient.goto("/messages")
            assert "doc@a.example" in patient.inner_text("main")
            _fits(patient)
            patient.fill("#msg-text", f"{SCRIPT} {LONG}")
            patient.click(".msg-form button[type=submit]")
            patient.wait_for_url("**/messages?clinician=*")
            assert SCRIPT in patient.inner_text(".thread")
            assert patient.evaluate("window.leaked === undefined")
            _fits(patient)

            doc.goto("/clinician")
            assert "1 unread message from 1 patient" in doc.inner_text("#unread-count")
            _fits(doc)
            _shoot(doc, "clinician-home")
            doc.click(".unread-list a")
            doc.wait_for_url("**/clinician/patients/*/messages")
            assert SCRIPT in doc.inner_text(".thread")
            doc.fill("#msg-text", "Yes, that is fine. Stop if it hurts.")
            doc.click(".msg-form button[type=submit]")
            doc.wait_for_url("**/messages#message-*")
            _fits(doc)
            _shoot(doc, "clinician-thread")
            doc.goto("/clinician")
            assert "No unread messages." in doc.inner_text("#unread-count")

            patient.goto("/learn")
            assert patient.inner_text("#nav-unread").startswith("1")
            _fits(patient)
            patient.goto("/messages")
            assert "Stop if it hurts." in patient.inner_text(".thread")
            assert patient.locator("#nav-unread").count() == 0
            _fits(patient)
            _shoot(patient, "patient-thread")
            patient.goto("/account")
            _fits(patient)
            _shoot(patient, "account")
            patient.click("form[action='/account/clinic/leave'] button")
            patient.wait_for_url("**/account?done=left")
            patient.goto("/messages")
            assert "This thread is closed" in patient.inner_text("main")
            _fits(patient)
            _shoot(patient, "patient-closed")
        finally:
            patient.context.close()
            doc.context.close()
