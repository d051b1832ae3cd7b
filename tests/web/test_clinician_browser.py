"""In the real Chromium, on PostgreSQL: the clinician's patient list at 360, 390 and 1366 px
(axe-core, no sideways scroll), a search by name, and a flag marked seen leaving the list."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.accounts.kit import PASSWORD, Install, install, on_socket
from tests.clinician.kit import patient, session
from tests.web.browser import LiveServer, axe_violations, fill_sign_in, shoot

pytestmark = pytest.mark.browser
#: Where the paging test leaves its screenshots (for a person to look at).
SHOTS_HERE = Path(os.environ.get("SUPPLE_SHOTS", "test-artifacts/screenshots/caseload"))


@pytest.fixture
def made(postgres_url: str) -> Iterator[Install]:
    with install(postgres_url) as found:
        yield found


def test_the_patient_list(browser: Any, postgres_url: str, made: Install) -> None:
    busy = patient(made, "busy@example.org", "Zoë Busy-Longname-Without-Spaces-Anywhere")
    for n in range(1, 13):
        session(busy, n, painful="bridge" if n in (2, 4) else None)
    patient(made, "quiet@example.org", "Adam Quiet")
    with on_socket(postgres_url, made) as live:
        _check(browser, live)


def _check(browser: Any, live: LiveServer) -> None:
    for width in (360, 390, 1366):
        context = browser.new_context(base_url=live.url, viewport={"width": width, "height": 800})
        page = context.new_page()
        try:
            fill_sign_in(page, "doc@a.example", PASSWORD)
            page.wait_for_url("**/clinician")
            assert "unseen" in page.inner_text("#unseen-count")
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
            assert axe_violations(page) == []
            if width == 390:
                shoot(page, "clinician-patients")
                count = page.inner_text("#unseen-count strong")
                page.fill("#q", "adam")
                page.click("form.patient-filter button")
                page.wait_for_url("**/clinician?q=adam*")
                assert page.locator(".patient").count() == 1
                assert "Adam Quiet" in page.inner_text(".patients")
                page.click(".patient .triage-flag button >> nth=0")
                page.wait_for_url("**/clinician?q=adam*")
                assert int(page.inner_text("#unseen-count strong")) == int(count) - 1
                page.goto("/clinician?flag=painful_twice")
                assert "Zoë" in page.inner_text(".patients")
                assert "Adam" not in page.inner_text(".patients")
                assert "rated painful 2 times" in page.inner_text(".patients")
        finally:
            context.close()


def test_the_list_pages_and_links_the_outcomes(
    browser: Any, postgres_url: str, made: Install
) -> None:
    for n in range(52):
        patient(made, f"p{n:02d}@example.org", f"Paged {n:02d}")
    with on_socket(postgres_url, made) as live:
        for width in (360, 1366):
            context = browser.new_context(
                base_url=live.url, viewport={"width": width, "height": 800}
            )
            page = context.new_page()
            try:
                fill_sign_in(page, "doc@a.example", PASSWORD)
                page.wait_for_url("**/clinician")
                assert page.locator(".patient").count() == 50
                assert "Download outcomes (CSV)" in page.inner_text("main")
                page.click(".pager a[rel=next]")
                page.wait_for_url("**/clinician?*page=2*")
                assert page.locator(".patient").count() >= 2
                assert page.locator(".pager a[rel=prev]").count() == 1
                assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
                assert axe_violations(page) == []
                SHOTS_HERE.mkdir(parents=True, exist_ok=True)
                page.screenshot(
                    path=str(SHOTS_HERE / f"clinician-page-2-{width}.png"), full_page=False
                )
                page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
                page.screenshot(path=str(SHOTS_HERE / f"clinician-pager-{width}.png"))
            finally:
                context.close()
