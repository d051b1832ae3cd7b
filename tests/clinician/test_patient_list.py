"""The clinician's patient list on SQLite and PostgreSQL: each patient's figures and flags read
from the summaries agree with the flags of their full records; search, filter and sort; "mark
as seen" is kept; another clinic's clinician sees nobody; and the number of queries does not
grow with the number of patients."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import event

from supple.app import caseload
from supple.app.errors import NotFound
from supple.app.identity import Principal
from supple.tracking.digest import digest_of
from supple.tracking.triage import TriageInput, flags
from tests.accounts.kit import NOW, Install, install
from tests.clinician.kit import TODAY, at, patient, session


def _clinician(i: Install, actor: str = "clinician_a") -> Principal:
    return Principal("session", i.people[actor])


@pytest.fixture
def made(database_url: str) -> Iterator[Install]:
    with install(database_url) as found:
        yield found


def _rows(i: Install, **options: object) -> list[caseload.PatientSummary]:
    return caseload.patient_list(
        db=i.database,
        principal=_clinician(i),
        today=TODAY,
        **options,  # type: ignore[arg-type]
    )


def test_each_row_holds_the_figures_and_the_flags_of_the_full_records(made: Install) -> None:
    busy = patient(made, "busy@example.org", "Zoë Busy")
    for n in range(1, 15):
        session(busy, n, painful="bridge" if n in (2, 5) else None)
        busy.log_pain(3 if n > 7 else 6, at=at(n))
    quiet = patient(made, "quiet@example.org", "Adam Quiet")
    session(quiet, 10)
    rows = {r.email: r for r in _rows(made)}
    row = rows["busy@example.org"]
    assert row.name == "Zoë Busy" and row.last_session == TODAY - timedelta(days=1)
    assert row.month_done == sum(
        1
        for n in range(1, 15)
        if (TODAY - timedelta(days=n)).isocalendar()[:2]
        >= (TODAY - timedelta(weeks=3)).isocalendar()[:2]
    )
    full = busy.tracking_input(TODAY)
    expected = flags(
        TriageInput(
            digest_of(full),
            (NOW - timedelta(days=40)).astimezone().date(),
            TODAY - timedelta(days=1),
            full.spreads,
        )
    )
    assert [f.key for f in row.flags] == [f.key for f in expected]
    assert {"pain_rising", "painful_twice"} <= {f.code for f in row.flags}
    assert [f.code for f in rows["quiet@example.org"].flags] == ["no_session", "low_adherence"]
    assert rows["quiet@example.org"].flags[0].params["days"] == 10


def test_search_filter_and_sort(made: Install) -> None:
    session(patient(made, "zed@example.org", "Zed Doe"), 1)
    patient(made, "amy@example.org", "Amy Roe")
    assert [r.name for r in _rows(made, search="roe")] == ["Amy Roe"]
    assert [r.name for r in _rows(made, search="ZED@")] == ["Zed Doe"]
    names = [r.name for r in _rows(made, sort="name")]
    assert names == sorted(names, key=str.casefold)
    quiet = [r.name for r in _rows(made, flagged="no_session")]
    assert "Amy Roe" in quiet and "Zed Doe" not in quiet
    assert next(r.name for r in _rows(made, sort="last_session")) != "Zed Doe"


def test_a_flag_marked_seen_stays_seen_until_it_happens_again(made: Install) -> None:
    patient(made, "amy@example.org", "Amy Roe")
    row = next(r for r in _rows(made) if r.name == "Amy Roe")
    flag = row.flags[0]
    before = caseload.unseen_count(_rows(made))
    caseload.mark_seen(
        db=made.database,
        principal=_clinician(made),
        patient_id=row.account_id,
        key=flag.key,
        now=NOW,
    )
    caseload.mark_seen(  # twice is once
        db=made.database,
        principal=_clinician(made),
        patient_id=row.account_id,
        key=flag.key,
        now=NOW,
    )
    again = next(r for r in _rows(made) if r.name == "Amy Roe")
    assert flag.key not in [f.key for f in again.flags] and again.seen == 1
    assert caseload.unseen_count(_rows(made)) == before - 1
    with pytest.raises(NotFound):
        caseload.mark_seen(
            db=made.database,
            principal=_clinician(made, "clinician_b"),
            patient_id=row.account_id,
            key=flag.key,
            now=NOW,
        )


def test_another_clinics_clinician_sees_nobody(made: Install) -> None:
    patient(made, "amy@example.org", "Amy Roe")
    other = caseload.patient_list(
        db=made.database, principal=_clinician(made, "clinician_b"), today=TODAY
    )
    assert other == []


def _count(i: Install) -> int:
    statements: list[str] = []

    def seen(*args: object) -> None:
        statements.append(str(args[2]))

    engine = i.database._engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        _rows(i)
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    return len(statements)


def test_the_queries_do_not_grow_with_the_patients(made: Install) -> None:
    one = patient(made, "p0@example.org")
    session(one, 1, painful="bridge")
    one.save_psfs({"stairs": 3}, at=at(20))
    one.save_psfs({"stairs": 6}, at=at(2))
    few = _count(made)
    for n in range(1, 8):
        more = patient(made, f"p{n}@example.org")
        session(more, n, painful="bridge")
        more.save_psfs({"stairs": 3, "walking": 4}, at=at(20))
        more.save_psfs({"stairs": 6}, at=at(n))
    assert _count(made) == few <= 10


def test_a_clinicians_pages_do_not_offer_the_patients_questions(made: Install) -> None:
    """The footer's "Answer the questions" is for patients: a clinician has no screening."""
    for actor, offered in (("clinician_a", False), ("patient_a", True)):
        client = made.client(actor)
        try:
            page = client.get("/clinician" if actor == "clinician_a" else "/library")
            assert page.status_code == 200
            footer = page.text[page.text.rindex("<footer") :]
            assert ('href="/check"' in footer) is offered, actor
        finally:
            client.close()
