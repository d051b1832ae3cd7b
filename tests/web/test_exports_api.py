"""The export routes: the handout, the calendar and the FHIR record, read back by independent
readers; every bad request is a 4xx with a message."""

from __future__ import annotations

from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from icalendar import Calendar

from tests.export.fhir_checks import dangling_references, schema_errors
from tests.export.pdf_reader import read_pages, reads
from tests.web.client import BASE, CALM, Client

A4 = (595.0, 842.0)
LETTER = (612.0, 792.0)


def _today_names(client: Client, **params: Any) -> list[str]:
    r = client.post("/api/v1/plans", json={"minutes": CALM["minutes"], **params})
    assert r.status_code == 201, r.text
    return [item["name"] for item in r.json()["plan"]["items"]]


@pytest.mark.parametrize(("paper", "size"), [("a4", A4), ("letter", LETTER)])
def test_the_handout_is_a_pdf_of_todays_routine(
    screened: Client, paper: str, size: tuple[float, float]
) -> None:
    r = screened.get("/api/v1/export/handout.pdf", params={"paper": paper})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/pdf"
    assert 'filename="supple-handout.pdf"' in r.headers["content-disposition"]
    pages = read_pages(r.content)
    assert all((p.width, p.height) == pytest.approx(size, abs=1) for p in pages)
    text = " ".join(p.text for p in pages)
    assert all(reads(text, name) for name in _today_names(screened))
    assert f"{BASE}/today" in text.replace(" ", "")


def test_the_handout_keeps_todays_minutes_and_large_print(screened: Client) -> None:
    r = screened.get("/api/v1/export/handout.pdf", params={"minutes": 12, "large_print": "true"})
    assert r.status_code == 200, r.text
    pages = read_pages(r.content)
    text = " ".join(p.text for p in pages)
    assert all(reads(text, name) for name in _today_names(screened, minutes=12))
    assert max(p.body_size for p in pages[1:]) >= 17.5


def test_the_calendar_is_an_ics_with_a_weekly_rule_and_an_alarm(screened: Client) -> None:
    r = screened.get("/api/v1/export/calendar.ics", params={"days": "tue,thu", "at": "18:15"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/calendar")
    events: list[Any] = [c for c in Calendar.from_ical(r.content).walk() if c.name == "VEVENT"]
    [event] = events
    assert event["RRULE"]["BYDAY"] == ["TU", "TH"]
    assert event.decoded("DTSTART").strftime("%H:%M") == "18:15"
    assert [c.name for c in event.walk() if c.name == "VALARM"] == ["VALARM"]
    assert "Back routine" in str(event["SUMMARY"]) and "Cat" not in str(event["DESCRIPTION"])


def test_the_fhir_record_is_a_valid_r4_bundle(screened: Client) -> None:
    assert screened.post("/api/v1/pain", json={"score": 4}).status_code == 201
    r = screened.get("/api/v1/export/fhir")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/fhir+json")
    bundle = r.json()
    Bundle.model_validate(bundle)
    assert schema_errors(bundle) == [] and dangling_references(bundle) == []
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert kinds.count("CarePlan") == 1 and kinds.count("Observation") == 1


@pytest.mark.parametrize(
    ("url", "params", "status", "message"),
    [
        ("/api/v1/export/handout.pdf", {"paper": "a5"}, 422, "paper"),
        ("/api/v1/export/handout.pdf", {"minutes": "2"}, 422, "minutes"),
        ("/api/v1/export/handout.pdf", {"swap": "nonsense"}, 422, "OLD_ID:NEW_ID"),
        ("/api/v1/export/handout.pdf", {"swap": "cat_cow:no_such_move"}, 404, "no_such_move"),
        ("/api/v1/export/calendar.ics", {"days": "someday"}, 422, "days are"),
        ("/api/v1/export/calendar.ics", {"at": "9pm"}, 422, "HH:MM"),
    ],
)
def test_bad_requests_are_4xx_with_a_message(
    screened: Client, url: str, params: dict[str, str], status: int, message: str
) -> None:
    r = screened.get(url, params=params)
    assert r.status_code == status, r.text
    assert message in r.json()["detail"]


@pytest.mark.parametrize("name", ["handout.pdf", "calendar.ics", "fhir"])
def test_before_the_screening_and_for_a_referral_there_is_nothing_to_export(
    client: Client, name: str
) -> None:
    r = client.get(f"/api/v1/export/{name}")
    assert r.status_code == 409 and "answer the questions" in r.json()["detail"]
    refer = {**CALM, "red_flags": ["saddle_numbness"]}
    assert client.post("/api/v1/profile", json=refer).status_code == 200
    r = client.get(f"/api/v1/export/{name}")
    assert r.status_code == 409 and "get checked" in r.json()["detail"]
