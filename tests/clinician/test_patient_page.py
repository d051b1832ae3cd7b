"""A clinician's page of one patient, its JSON and the printed programme, on SQLite and
PostgreSQL: answers and safety rules with their sources, the programme, sessions a page at a
time with every move's feedback and pain, the charts, notes and flags; the number of queries
does not grow with the sessions; and the page in the real Chromium at 360 px."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from tests.accounts.kit import PASSWORD, Install, install, on_socket
from tests.clinician.kit import at
from tests.clinician.patient_kit import REFERRED, Made, linked, session
from tests.export.pdf_reader import folded, read_pages, reads
from tests.web.browser import CHROMIUM, CHROMIUM_ARGS, axe_violations

NOTE = "the bridge pinched on the left side"


@pytest.fixture
def made(database_url: str) -> Iterator[Install]:
    with install(database_url) as found:
        yield found


def _busy(i: Install, sessions: int = 25) -> Made:
    """A patient with ``sessions`` daily sessions (cat-cow rated painful on days 2 and 3), PSFS
    scored twice, and a note on the latest session."""
    m = linked(i)
    latest = 0
    for n in range(sessions, 0, -1):
        painful = "painful" if n in (2, 3) else ("too_easy" if n == 4 else None)
        latest = session(m.records, n, before=6 if n > 12 else 3, after=4, feedback=painful)
    m.records.save_psfs({"stairs": 3, "gardening": 2}, at=at(24))
    m.records.save_psfs({"stairs": 7, "gardening": 6}, at=at(3))
    m.records.add_note(NOTE, session_id=latest, at=at(1))
    return m


def test_the_json_holds_the_whole_record(made: Install) -> None:
    m = _busy(made)
    client = made.client("clinician_a")
    got = client.get(f"/api/v1/clinician/patients/{m.account_id}")
    assert got.status_code == 200, got.text
    r = got.json()
    assert r["name"] == "Nora Page" and r["email"] == "nora@example.org"
    # Screening: every question in words, no red flag, the rules that leave moves out.
    s = r["screening"]
    answers = {a["question"]: a["answer"] for a in s["answers"]}
    assert answers["Do any of these apply to you?"] == "osteoporosis (thin bones)"
    assert answers["What do you have at home?"] == "an exercise mat or a carpet"
    assert answers["How old are you?"] == "45"
    assert s["tier"] is None and s["referral"] == [] and s["red_flags_yes"] == []
    assert s["red_flags_asked"] > 10
    rules = {x["rule"]: x for x in s["left_out"]}
    assert {"osteoporosis_no_flexion", "missing_equipment"} <= set(rules)
    assert "osteoporosis" in rules["osteoporosis_no_flexion"]["sentence"]
    assert all(len(x["source"]) > 3 and x["moves"] for x in s["left_out"])
    # The programme: moves with their doses, none of them left out by a rule.
    p = r["programme"]
    assert p["missing"] is None and p["days_per_week"] == 7 and p["moves"]
    assert all(move["dose"] for move in p["moves"])
    out = {m["id"] for x in s["left_out"] if x["rule"] for m in x["moves"]}
    assert not out & {move["exercise"] for move in p["moves"]}
    # Sessions: the newest first, 20 a page, each move's status, seconds held and feedback.
    page = r["sessions"]
    assert (page["total"], page["pages"], page["page"], len(page["sessions"])) == (25, 2, 1, 20)
    newest = page["sessions"][0]
    assert newest["started_at"].startswith(at(1).date().isoformat())
    assert (newest["pain_before"], newest["pain_after"]) == (3, 4)
    done, skipped = newest["moves"]
    assert (done["name"], done["status"], done["held_seconds"]) == ("Cat-cow", "done", 50)
    assert (skipped["exercise"], skipped["status"]) == ("bridge", "skipped")
    assert [x["moves"][0]["feedback"] for x in page["sessions"][1:4]] == [
        "painful",
        "painful",
        "too_easy",
    ]
    older = client.get(f"/api/v1/clinician/patients/{m.account_id}?page=2").json()["sessions"]
    assert len(older["sessions"]) == 5 and older["sessions"][-1]["pain_before"] == 6
    # Charts, notes, flags.
    assert len(r["pain"]) == 50 and {p["moment"] for p in r["pain"]} == {"before", "after"}
    assert [(x["activity"], x["score"]) for x in r["psfs"]][-2:] in (
        [("stairs", 7), ("gardening", 6)],
        [("gardening", 6), ("stairs", 7)],
    )
    assert r["notes"][0]["text"] == NOTE and r["notes"][0]["session_id"] == newest["id"]
    flags = {f["code"]: f for f in r["flags"]}
    assert "painful_twice" in flags and "improved" in flags
    assert "Cat-cow" in flags["painful_twice"]["reason"] and not flags["painful_twice"]["seen"]
    seen = client.post(
        f"/api/v1/clinician/patients/{m.account_id}/flags/seen",
        json={"key": flags["painful_twice"]["key"]},
    )
    assert seen.status_code == 200, seen.text
    again = client.get(f"/api/v1/clinician/patients/{m.account_id}").json()
    assert {f["code"]: f["seen"] for f in again["flags"]}["painful_twice"] is True
    assert again["summary"]["seen_flags"] == 1
    client.close()


def test_the_page_shows_each_section(made: Install) -> None:
    m = _busy(made)
    client = made.client("clinician_a")
    listed = client.get("/clinician").text
    assert f'href="/clinician/patients/{m.account_id}"' in listed
    got = client.get(f"/clinician/patients/{m.account_id}")
    assert got.status_code == 200
    html = got.text
    for heading in ("Flags", "Answers &amp; safety", "Programme", "Charts", "Sessions", "Notes"):
        assert f">{heading}</h2>" in html
    assert "Nora Page" in html and NOTE in html
    assert "osteoporosis (thin bones)" in html and "osteoporosis no flexion" in html
    assert "Source: " in html and "Print the programme" in html
    assert f"/clinician/patients/{m.account_id}/handout.pdf?paper=letter" in html
    assert html.count('<svg class="chart"') == 2
    assert html.count('class="card session"') == 20 and "Older sessions" in html
    assert "Cat-cow: done, held 50 s of 60" in html and "<strong>painful</strong>" in html
    assert "Bridge: skipped" in html
    assert "Mark as seen" in html and "A move hurts" in html
    second = client.get(f"/clinician/patients/{m.account_id}?page=2").text
    assert second.count('class="card session"') == 5 and "Newer sessions" in second
    client.close()


def test_a_referral_shows_its_tier_its_rules_and_no_programme(made: Install) -> None:
    m = linked(made, "rita@example.org", "Rita Refer", answers=REFERRED)
    client = made.client("clinician_a")
    r = client.get(f"/api/v1/clinician/patients/{m.account_id}").json()
    s = r["screening"]
    assert s["tier"] == "urgent" and s["referral"][0]["id"] == "past_cancer_with_signs"
    assert s["referral"][0]["source"] and not s["referral"][0]["routine_allowed"]
    assert len(s["red_flags_yes"]) == 1 and "cancer" in s["red_flags_yes"][0].lower()
    assert r["programme"]["moves"] == [] and "referral" in r["programme"]["missing"]
    assert r["sessions"]["total"] == 0 and r["pain"] == [] and r["notes"] == []
    html = client.get(f"/clinician/patients/{m.account_id}").text
    assert "Referral: urgent." in html and "No programme" in html and "No sessions yet." in html
    pdf = client.get(f"/clinician/patients/{m.account_id}/handout.pdf")
    assert pdf.status_code == 409 and "get checked" in pdf.text
    client.close()


def _statements(i: Install, path: str) -> tuple[int, int]:
    """The SQL statements the page runs through SQLAlchemy and the connections it takes
    (the store's light reads go straight to the driver on a connection of their own)."""
    engine = i.database._engine
    counted = {"sql": 0, "connections": 0}

    def sql(*_: object) -> None:
        counted["sql"] += 1

    def connection(*_: object) -> None:
        counted["connections"] += 1

    client = i.client("clinician_a")
    client.get(path)  # the sign-in's own lookups are kept after the first request
    event.listen(engine, "before_cursor_execute", sql)
    event.listen(engine.pool, "checkout", connection)
    try:
        assert client.get(path).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", sql)
        event.remove(engine.pool, "checkout", connection)
        client.close()
    return counted["sql"], counted["connections"]


def test_the_queries_do_not_grow_with_the_sessions(made: Install) -> None:
    m = _busy(made, sessions=3)
    path = f"/clinician/patients/{m.account_id}"
    few = _statements(made, path)
    for n in range(4, 60):
        session(m.records, n, feedback="fine" if n % 3 else None)
    m.records.add_note("another note", at=at(40))
    assert _statements(made, path) == few
    assert few[0] <= 40, few


def test_the_clinician_prints_the_programme(sqlite_url: str) -> None:
    with install(sqlite_url) as i:
        m = _busy(i, sessions=2)
        client = i.client("clinician_a")
        moves = client.get(f"/api/v1/clinician/patients/{m.account_id}").json()["programme"]
        names = [move["name"] for move in moves["moves"]]
        got = client.get(f"/clinician/patients/{m.account_id}/handout.pdf")
        assert got.status_code == 200 and got.headers["content-type"] == "application/pdf"
        pages = read_pages(got.content)
        text = " ".join(p.text for p in pages)
        assert names and all(reads(text, name) for name in names), names
        assert folded("doc@a.example") in folded(pages[0].text)
        assert round(pages[0].width) == 595  # A4
        big = client.get(
            f"/clinician/patients/{m.account_id}/handout.pdf?paper=letter&large_print=1"
        )
        assert big.status_code == 200
        letter = read_pages(big.content)
        assert (round(letter[0].width), round(letter[0].height)) == (612, 792)
        assert all(reads(" ".join(p.text for p in letter), name) for name in names), names
        assert len(letter) > len(pages)
        client.close()


SHOTS = Path("/work/notes/shots/patient-page")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Debian Chromium (Playwright), as the web tests launch it."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        found = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield found
        finally:
            found.close()


@pytest.mark.browser
def test_the_page_in_chromium_at_360_px(browser: Any, postgres_url: str) -> None:
    with install(postgres_url) as i:
        m = _busy(i)
        with on_socket(postgres_url, i) as live:
            for width in (360, 1366):
                context = browser.new_context(
                    base_url=live.url, viewport={"width": width, "height": 800}
                )
                page = context.new_page()
                try:
                    page.goto("/login")
                    page.fill("#email", "doc@a.example")
                    page.fill("#password", PASSWORD)
                    page.click("form.account-form button[type=submit]")
                    page.wait_for_url("**/clinician")
                    page.click(f'a[href="/clinician/patients/{m.account_id}"]')
                    page.wait_for_url(f"**/clinician/patients/{m.account_id}")
                    page.click(".left-out summary >> nth=0")  # an open detail fits too
                    assert "Nora Page" in page.inner_text("h1")
                    assert page.evaluate(
                        "document.documentElement.scrollWidth <= window.innerWidth"
                    )
                    assert axe_violations(page) == []
                    if SHOTS.parent.exists():
                        SHOTS.mkdir(exist_ok=True)
                        page.screenshot(path=str(SHOTS / f"patient-{width}.png"), full_page=True)
                    page.click(".triage-flag button >> nth=0")
                    page.wait_for_url("**/clinician*")
                finally:
                    context.close()
