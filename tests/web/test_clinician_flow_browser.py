"""Issue 14's whole loop in the real Chromium on PostgreSQL, two people in two browser contexts:
the clinician finds the patient by name, builds a programme from Supple's suggestion, locks a
move and saves; the patient sees it on Today, plays it twice and says a move hurts both times;
the clinician sees the flag and the feedback on the patient's page, saves a second version
without that move, and the patient's Today changes; a message goes each way."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from supple.safety.profile import Profile
from tests.accounts.kit import NOW, PASSWORD, Install, install, on_socket
from tests.web.browser import assert_fits, fill_sign_in
from tests.web.journey import plan_id_of, start_player

pytestmark = pytest.mark.browser

CLINICIAN = "doc@a.example"
PATIENT = "alice@example.org"


@pytest.fixture
def made(postgres_url: str) -> Iterator[Install]:
    with install(postgres_url) as found:
        person = found.people["patient_a"].person_id
        assert person is not None
        found.database.for_person(person).save_profile(Profile(minutes=10), at=NOW)
        yield found


def _sign_in(browser: Any, url: str, email: str) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(base_url=url, viewport={"width": 360, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    fill_sign_in(page, email, PASSWORD)
    page.wait_for_load_state()
    return context, page, errors


def _save(page: Any) -> None:
    """Save the builder's draft and land on the versions page."""
    with page.expect_navigation():
        page.click("button[value=save]")
    page.wait_for_load_state()
    assert "/programme/versions?saved=" in page.url, page.inner_text("main")[:800]


def _today(page: Any) -> list[str]:
    page.goto("/today")
    return [" ".join(n.split()) for n in page.locator("ol.items h2").all_inner_texts()]


def _play_and_say_the_first_move_hurts(page: Any) -> None:
    """Start from Today, say the first move hurts and skip it, finish, and wait until saved."""
    page.goto("/today")
    page.click("form.start-form button[type=submit]")
    page.wait_for_url("**/play/*")
    start_player(page, plan_id_of(page), speed=200)
    page.click("[data-action=hurts]")
    page.click("[data-offer=skip]")
    page.wait_for_selector("#pane-after:visible", timeout=90_000)
    page.click('#pane-after [data-pain="3"]')
    page.wait_for_selector("#sync-state:has-text('Everything is saved')", timeout=30_000)


def test_a_programme_goes_round_the_loop(browser: Any, postgres_url: str, made: Install) -> None:
    alice = made.people["patient_a"].id
    with on_socket(postgres_url, made) as live:
        doc, doc_page, doc_errors = _sign_in(browser, live.url, CLINICIAN)
        pat, pat_page, pat_errors = _sign_in(browser, live.url, PATIENT)
        try:
            # The clinician finds Alice by name and builds from the suggestion.
            doc_page.goto("/clinician")
            doc_page.fill("#q", "alice")
            doc_page.press("#q", "Enter")
            doc_page.wait_for_load_state()
            doc_page.click(f'a[href="/clinician/patients/{alice}/programme"]')
            doc_page.wait_for_url(f"**/clinician/patients/{alice}/programme*")
            assert_fits(doc_page)
            moves = doc_page.locator("[data-move]")
            first = moves.nth(0).get_attribute("data-move")
            locked = moves.nth(1).get_attribute("data-move")
            assert first and locked
            doc_page.check(f'[data-move="{locked}"] input[type=checkbox]')
            _save(doc_page)
            assert "Version 1" in doc_page.inner_text("main")

            # Alice sees it on Today, the locked move set by her clinician.
            names = _today(pat_page)
            assert f"Your programme from {CLINICIAN}" in pat_page.inner_text("#programme-from")
            assert len(names) >= 2
            locked_row = pat_page.locator("ol.items li").nth(1)
            assert "Set by your clinician" in locked_row.inner_text()
            assert_fits(pat_page)

            # She plays it twice and says the first move hurts both times.
            _play_and_say_the_first_move_hurts(pat_page)
            _play_and_say_the_first_move_hurts(pat_page)

            # The clinician sees the flag on the list and the feedback on her page.
            doc_page.goto("/clinician?flag=painful_twice")
            assert "rated painful 2 times" in doc_page.inner_text(".patients")
            doc_page.goto(f"/clinician/patients/{alice}")
            record = doc_page.inner_text("main")
            assert record.count("painful") >= 2, record[:2000]
            assert f"Set by {CLINICIAN} (version 1" in record
            assert "Version 1" in doc_page.inner_text(".programme-history")
            assert_fits(doc_page)

            # Version 2 leaves the move out; Alice's Today changes.
            doc_page.goto(f"/clinician/patients/{alice}/programme")
            first_name = doc_page.inner_text(f'[data-move="{first}"] h3, [data-move="{first}"] h2')
            doc_page.click(f'button[value="remove:{first}"]')
            doc_page.wait_for_load_state()
            assert doc_page.locator(f'[data-move="{first}"]').count() == 0
            _save(doc_page)
            assert "Version 2" in doc_page.inner_text("main")
            after = _today(pat_page)
            assert after != names and " ".join(first_name.split()) not in after

            # A message each way, each read on the other side.
            pat_page.goto("/messages")
            pat_page.fill("#msg-text", "The first stretch hurt twice.")
            pat_page.click("form.msg-form button[type=submit]")
            pat_page.wait_for_load_state()
            doc_page.goto(f"/clinician/patients/{alice}/messages")
            assert "The first stretch hurt twice." in doc_page.inner_text("main")
            doc_page.fill("#msg-text", "I have taken it out; try the new routine.")
            doc_page.click("form.msg-form button[type=submit]")
            doc_page.wait_for_load_state()
            pat_page.goto("/messages")
            assert "I have taken it out; try the new routine." in pat_page.inner_text("main")
            assert_fits(pat_page)
            assert doc_errors == [] and pat_errors == []
        finally:
            doc.close()
            pat.close()
