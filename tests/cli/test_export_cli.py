"""`supple handout`, `supple calendar`, `supple export --format fhir` and the import of a FHIR
bundle, end to end in-process; every file is read back by an independent reader."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from icalendar import Calendar

from supple.export.fhir.parse import parse_bundle
from supple.library import load_library
from supple.safety.profile import Profile
from supple.session.events import EndEvent, PainEvent
from tests.cli.kit import Supple, in_process, one_line_error
from tests.export.fhir_checks import dangling_references, schema_errors
from tests.export.pdf_reader import page_png, read_pages, reads
from tests.records import person_records

LIB = load_library()
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LETTER = (612.0, 792.0)


@pytest.fixture
def supple(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sqlite_url: str
) -> Supple:
    """Run ``supple ARGS`` against a fresh SQLite database."""
    return in_process(monkeypatch, capsys, SUPPLE_DATABASE_URL=sqlite_url, COLUMNS="120")


def fill(url: str) -> None:
    """Answers, three days a week, two sessions with pain before, a daily score, the PSFS."""
    with person_records(url) as store:
        store.save_profile(Profile(minutes=10), at=T0)
        store.set_days_per_week(3)
        from supple.app.plans import todays_plan

        plan = todays_plan(store=store, library=LIB, today=T0.date()).plan
        plan_id = store.save_plan(plan, at=T0)
        for day, status in ((0, "finished"), (2, "stopped")):
            at = T0 + timedelta(days=day)
            sid = store.begin_session(plan_id, key=uuid.uuid4().hex, at=at)
            store.record(sid, PainEvent(key=uuid.uuid4().hex, at=at, when="before", score=5 - day))
            store.record(sid, EndEvent(key=uuid.uuid4().hex, at=at, status=status))
        store.log_pain(3, at=T0 + timedelta(days=3))
        store.save_psfs({"climbing stairs": 3, "putting on socks": 5}, at=T0)
        store.save_psfs({"climbing stairs": 6}, at=T0 + timedelta(days=7))


def _profile_file(tmp_path: Path, **answers: Any) -> Path:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"minutes": 12, **answers}), encoding="utf-8")
    return path


# --- handout ------------------------------------------------------------------------------


def test_the_handout_of_the_saved_answers_holds_every_move(
    supple: Supple, sqlite_url: str, tmp_path: Path
) -> None:
    fill(sqlite_url)
    out = tmp_path / "routine.pdf"
    result = supple("handout", "--out", str(out), "--paper", "letter")
    assert result.code == 0, result.err
    assert f"written to {out}" in result.out
    pdf = out.read_bytes()
    pages = read_pages(pdf)
    assert all((p.width, p.height) == pytest.approx(LETTER, abs=1) for p in pages)
    text = " ".join(p.text for p in pages)
    with person_records(sqlite_url) as store:
        from supple.app.exports import current_programme

        plan = current_programme(store=store, library=LIB, today=datetime.now().date()).plan
    assert plan.items and all(reads(text, item.name) for item in plan.items)
    assert "3 days a week" in pages[0].text
    assert all(p.figure_shapes >= 10 for p in pages[1:])
    page_png(pdf, "cli-handout-letter")


def test_a_large_print_handout_from_a_profile_file(supple: Supple, tmp_path: Path) -> None:
    out = tmp_path / "big.pdf"
    result = supple(
        "handout", "--profile", str(_profile_file(tmp_path)), "--large-print", "-o", str(out)
    )
    assert result.code == 0, result.err
    pages = read_pages(out.read_bytes())
    assert pages[0].width == pytest.approx(595, abs=1)  # A4 by default
    assert max(p.body_size for p in pages[1:]) >= 17.5


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--paper", "a5"), "--paper must be a4 or letter"),
        (("--profile", "missing.yaml"), "cannot read missing.yaml"),
        (("--out", "/no/such/folder/h.pdf"), "cannot write"),
        ((), "no screening answers yet"),
    ],
)
def test_handout_refuses_bad_input_in_one_line(
    supple: Supple, sqlite_url: str, args: tuple[str, ...], message: str
) -> None:
    if "--out" in args:
        fill(sqlite_url)
    result = supple("handout", *args)
    one_line_error(result)
    assert message in result.err


def test_a_bad_profile_file_and_a_referral_are_one_line(supple: Supple, tmp_path: Path) -> None:
    bad = supple("handout", "--profile", str(_profile_file(tmp_path, minutes="lots")))
    one_line_error(bad)
    assert "minutes" in bad.err
    refer = supple(
        "handout", "--profile", str(_profile_file(tmp_path, red_flags=["saddle_numbness"]))
    )
    one_line_error(refer)
    assert "get checked" in refer.err


# --- calendar -----------------------------------------------------------------------------


def _event(path: Path) -> Any:
    cal = Calendar.from_ical(path.read_bytes())
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    assert len(events) == 1
    return events[0]


def test_the_calendar_repeats_on_the_chosen_days_and_time_with_an_alarm(
    supple: Supple, tmp_path: Path
) -> None:
    out = tmp_path / "routine.ics"
    args = ("--days", "fri,mon,wed", "--at", "07:30", "--out", str(out))
    result = supple("calendar", "--profile", str(_profile_file(tmp_path)), *args)
    assert result.code == 0, result.err
    event = _event(out)
    rule = event["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["MO", "WE", "FR"]
    start = event.decoded("DTSTART")
    assert start.time() == time(7, 30) and start.weekday() in (0, 2, 4)
    alarms = [c for c in event.walk() if c.name == "VALARM"]
    assert len(alarms) == 1 and alarms[0]["ACTION"] == "DISPLAY"
    assert str(event["SUMMARY"]).startswith("Back routine, ")
    assert "/today" in str(event["DESCRIPTION"])


def test_without_days_the_calendar_spreads_the_days_a_week(
    supple: Supple, sqlite_url: str, tmp_path: Path
) -> None:
    fill(sqlite_url)
    out = tmp_path / "routine.ics"
    assert supple("calendar", "--out", str(out)).code == 0
    event = _event(out)
    assert event["RRULE"]["BYDAY"] == ["MO", "WE", "FR"]
    assert event.decoded("DTSTART").time() == time(8, 0)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--days", "mon,funday"), "--days:"),
        (("--days", ""), "--days:"),
        (("--at", "25:00"), "--at:"),
        (("--at", "soon"), "--at:"),
    ],
)
def test_calendar_refuses_bad_input_in_one_line(
    supple: Supple, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    out = tmp_path / "x.ics"
    result = supple("calendar", "--profile", str(_profile_file(tmp_path)), "--out", str(out), *args)
    one_line_error(result)
    assert message in result.err and not out.exists()


# --- FHIR export and import ---------------------------------------------------------------


def _fhir(supple: Supple, out: Path, *more: str) -> dict[str, Any]:
    result = supple("export", "--format", "fhir", "--out", str(out), *more)
    assert result.code == 0, result.err
    bundle: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return bundle


def test_the_fhir_export_passes_the_r4b_models_and_the_r4_schema(
    supple: Supple, sqlite_url: str, tmp_path: Path
) -> None:
    fill(sqlite_url)
    bundle = _fhir(supple, tmp_path / "record.json")
    Bundle.model_validate(bundle)
    assert schema_errors(bundle) == []
    assert dangling_references(bundle) == []
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert kinds.count("CarePlan") == 1 and kinds.count("Procedure") == 2
    pain = [
        e["resource"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "Observation"
        and e["resource"]["code"]["coding"][0]["code"] == "72514-3"
    ]
    assert sorted(p["valueInteger"] for p in pain) == [3, 3, 5]
    printed = supple("export", "--format", "fhir")
    assert printed.code == 0 and json.loads(printed.out)["resourceType"] == "Bundle"


def test_a_fhir_bundle_imports_into_an_empty_store_and_round_trips(
    supple: Supple, database_url: str, tmp_path: Path
) -> None:
    source = f"sqlite:///{tmp_path / 'source.db'}"
    fill(source)
    first = _fhir(supple, tmp_path / "first.json", "--database-url", source)
    result = supple("import", str(tmp_path / "first.json"), "--database-url", database_url)
    assert result.code == 0, result.err
    assert "2 sessions, 3 pain scores and 3 PSFS scores" in result.out
    second = _fhir(supple, tmp_path / "second.json", "--database-url", database_url)
    a, b = parse_bundle(first, library=LIB), parse_bundle(second, library=LIB)
    assert a.items and b.items == a.items
    assert (b.pain, b.psfs, b.sessions, b.days_per_week) == (a.pain, a.psfs, a.sessions, 3)


def test_a_fhir_import_into_a_store_with_records_is_refused(
    supple: Supple, sqlite_url: str, tmp_path: Path
) -> None:
    fill(sqlite_url)
    bundle = tmp_path / "record.json"
    _fhir(supple, bundle)
    with person_records(sqlite_url) as store:
        before = store.counts()
    result = supple("import", str(bundle))
    one_line_error(result)
    assert "already holds records" in result.err
    with person_records(sqlite_url) as store:
        assert store.counts() == before


def test_a_broken_bundle_is_refused_in_one_line(supple: Supple, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text(json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [{}]}))
    result = supple("import", str(path))
    one_line_error(result)
    assert result.err.startswith("supple: error: broken.json: ")


def test_export_refuses_an_unknown_format(supple: Supple) -> None:
    result = supple("export", "--format", "xml")
    one_line_error(result)
    assert "json, csv or fhir" in result.err
