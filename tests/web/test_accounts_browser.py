"""In the real Chromium: signing in on a phone, the invitation flow from clinician to patient,
and signing out leaving nothing of the person for the next one on the same browser."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.accounts.kit import PASSWORD, Install, install, on_socket
from tests.web.browser import LiveServer, shoot

pytestmark = pytest.mark.browser
PHONE_390 = {"width": 390, "height": 844}


@pytest.fixture
def made(sqlite_url: str) -> Iterator[Install]:
    with install(sqlite_url) as found:
        yield found


@pytest.fixture
def live(sqlite_url: str, made: Install) -> Iterator[LiveServer]:
    """Accounts mode (``tests.accounts.kit``) on a real socket."""
    with on_socket(sqlite_url, made) as served:
        yield served


@pytest.fixture
def phone(browser: Any, live: LiveServer) -> Iterator[Any]:
    """A new browser profile on a 390 px phone; a script error or a CSP refusal fails the test."""
    context = browser.new_context(base_url=live.url, viewport=PHONE_390)
    yield from _watched(context)


def _watched(context: Any) -> Iterator[Any]:
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on(
        "console",
        lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.set_default_timeout(30_000)
    try:
        yield page
    finally:
        context.close()
    assert not problems, problems


def _sign_in(page: Any, email: str, password: str = PASSWORD) -> None:
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("form.account-form button[type=submit]")


def _fits(page: Any) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.url


def test_signing_in_on_a_phone(phone: Any, live: LiveServer) -> None:
    phone.goto("/today")
    phone.wait_for_url("**/login?next=%2Ftoday")
    _fits(phone)
    shoot(phone, "login")
    _sign_in(phone, "alice@example.org", "not the password")
    assert "wrong" in phone.inner_text("[role=alert]")
    _sign_in(phone, "alice@example.org")
    # Alice's answers date from March: four weeks on, the safety questions come before Today.
    phone.wait_for_url("**/check/safety?why=four_weeks")
    assert "Sign out" in phone.inner_text("header")
    # The menu with its sign-out fits (the routine's own width is issue 16's to fix).
    assert phone.evaluate("document.querySelector('header').scrollWidth <= window.innerWidth")
    phone.goto("/account")
    _fits(phone)
    shoot(phone, "account")
    phone.goto("/library/cat_cow")  # the illustration loads under the page's strict CSP
    phone.wait_for_function("document.querySelector('.ex-figure img').naturalWidth > 0")


def test_the_invitation_flow(browser: Any, live: LiveServer) -> None:
    clinic = browser.new_context(base_url=live.url, viewport=PHONE_390)
    for doctor in _watched(clinic):
        doctor.goto("/login")
        _sign_in(doctor, "doc@a.example")
        doctor.wait_for_url("**/clinician")
        doctor.click("text=Make an invitation")
        link = doctor.inner_text("#invite-link")
        _fits(doctor)
        shoot(doctor, "clinician")
        home = browser.new_context(base_url=live.url, viewport=PHONE_390)
        for patient in _watched(home):
            patient.goto(link)
            assert "doc@a.example" in patient.inner_text("main")
            _fits(patient)
            shoot(patient, "invitation")
            patient.fill("#name", "Carol  Ng")
            patient.fill("#email", "carol@example.org")
            patient.fill("#password", "a quiet path through the woods")
            patient.fill("#password_again", "a quiet path through the woods")
            patient.click("form.account-form button[type=submit]")
            patient.wait_for_url("**/check")
            patient.goto(link)  # the link worked once
            assert "not valid" in patient.inner_text("main")
        doctor.reload()
        assert "carol@example.org" in doctor.inner_text(".patients")
        assert "Carol Ng" in doctor.inner_text(".patients")  # the name they gave, tidied


def test_signing_out_leaves_nothing_for_the_next_person(
    browser: Any, live: LiveServer, made: Install
) -> None:
    context = browser.new_context(base_url=live.url, viewport=PHONE_390)
    for page in _watched(context):
        page.goto("/login")
        _sign_in(page, "alice@example.org")
        page.wait_for_url("**/")
        page.evaluate("navigator.serviceWorker.ready")
        page.goto("/progress")
        page.goto("/today")
        assert page.evaluate("!!navigator.serviceWorker.controller")
        cached = page.evaluate(
            "async () => (await Promise.all((await caches.keys()).map(async k =>"
            " (await (await caches.open(k)).keys()).map(r => r.url)))).flat()"
        )
        assert any(url.endswith("/progress") for url in cached)  # A's page, kept offline
        context.set_offline(True)
        page.evaluate(
            "async () => (await import('/static/sync.js'))"
            ".enqueue('/api/v1/pain', {score: 4, note: 'alice offline note'})"
        )
        assert page.evaluate("async () => (await import('/static/sync.js')).pending()") == 1
        context.set_offline(False)
        page.on("dialog", lambda d: d.accept())
        page.click("header a[data-sign-out]")
        page.wait_for_url("**/login?signed_out=1")
        # The caches were cleared; the sign-in page itself may be cached again at once by the
        # service worker (it holds nothing of anyone's), but none of A's pages may remain.
        left = page.evaluate(
            "async () => (await Promise.all((await caches.keys()).map(async k =>"
            " (await (await caches.open(k)).keys()).map(r => r.url)))).flat()"
        )
        assert not [u for u in left if "/login" not in u and "/static/" not in u], left
        names = page.evaluate("async () => (await indexedDB.databases()).map(d => d.name)")
        stored = page.evaluate("async () => (await import('/static/sync.js')).pending()")
        assert stored == 0, names
        _sign_in(page, "bea@example.org")
        page.wait_for_url("**/")
        context.set_offline(True)
        for path in ("/progress", "/today"):
            try:
                page.goto(path)
            except Exception:  # offline with nothing cached: the browser's own error page
                continue
            text = page.content()
            assert "alice" not in text and made.a.note not in text, path
        context.set_offline(False)
    health = made.database.for_person(made.people["patient_b"].person_id or 0)
    assert "alice offline note" not in health.export_text("json")
