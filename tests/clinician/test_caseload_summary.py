"""The patient list's summary rows always equal a full recomputation, whatever happened
(Hypothesis, on SQLite and PostgreSQL): each stored row equals the row made again from the
records, and the list read from the rows (every sort, filter, search and page, today and on
later days with no write in between) equals the list worked out from every patient's records."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from supple.app import caseload
from supple.app.identity import Principal
from supple.safety.profile import Profile
from supple.session.events import EndEvent, SpreadEvent
from supple.store import PersonStore, caseload_summary
from supple.store.caseload import read_person
from supple.store.schema import Person, SessionRow
from tests.accounts.kit import NOW, Install, _account, install
from tests.clinician.kit import TODAY, at, key, session

ago = st.integers(0, 45)
operation = st.one_of(
    st.tuples(st.just("session"), ago, st.sampled_from([None, "bridge", "cat_cow"])),
    st.tuples(st.just("pain"), ago, st.integers(0, 10)),
    st.tuples(st.just("psfs"), ago, st.integers(0, 10)),
    st.tuples(st.just("answers"), ago, st.booleans()),
    st.tuples(st.just("spread"), ago),
    st.tuples(st.just("stop"), st.integers(0, 20)),
    st.tuples(st.just("unpain"), st.integers(0, 20)),
    st.tuples(st.just("days"), st.integers(1, 7)),
    st.tuples(st.just("seen"), st.integers(0, 5)),
)
#: Each example's patients, by who does what (an index into the example's patients).
plans = st.lists(st.tuples(st.integers(0, 2), operation), max_size=18)


def _apply(i: Install, people: list[tuple[int, PersonStore]], plan: list[Any]) -> None:
    pain: dict[int, list[int]] = {}
    sessions: dict[int, list[int]] = {}
    doc = Principal("session", i.people["clinician_a"])
    for who, op in plan:
        account, store = people[who]
        if op[0] == "session":
            session(store, op[1], painful=op[2])
            sessions.setdefault(who, []).append(_last_session_id(i, store.person_id))
        elif op[0] == "pain":
            pain.setdefault(who, []).append(store.log_pain(op[2], at=at(op[1])))
        elif op[0] == "psfs":
            store.save_psfs({"stairs": op[2]}, at=at(op[1]))
        elif op[0] == "answers":
            flags = ["fever_or_chills"] if op[2] else []
            store.save_profile(Profile(red_flags=flags), at=at(op[1]))
        elif op[0] == "spread" and sessions.get(who):
            sid = sessions[who][-1]
            store.record(sid, SpreadEvent(key=key(), at=at(1), index=0, exercise="bridge"))
        elif op[0] == "stop" and sessions.get(who):
            sid = sessions[who][op[1] % len(sessions[who])]
            store.record(sid, EndEvent(key=key(), at=at(1), status="stopped"))
        elif op[0] == "unpain" and pain.get(who):
            store.delete_pain(pain[who].pop(op[1] % len(pain[who])))
        elif op[0] == "days":
            store.set_days_per_week(op[1])
        elif op[0] == "seen":
            rows = caseload.patient_list(db=i.database, principal=doc, today=TODAY)
            mine = [r for r in rows if r.account_id == account and r.flags]
            if mine:
                flag = mine[0].flags[op[1] % len(mine[0].flags)]
                caseload.mark_seen(
                    db=i.database, principal=doc, patient_id=account, key=flag.key, now=NOW
                )


def _last_session_id(i: Install, person_id: int) -> int:
    with Session(i.database._engine) as db:
        query = select(func.max(SessionRow.id)).where(SessionRow.person_id == person_id)
        return int(db.scalar(query) or 0)


def _full(i: Install, today: date, **options: Any) -> list[caseload.PatientSummary]:
    """The list worked out from every patient's records (the reads before the summary rows)."""
    team = i.database.care_team(i.people["clinician_a"])
    rows = [caseload.summarize(r, today) for r in team.caseload(today)]
    return caseload.narrowed(rows, **{"sort": "flags", **options})


def _paged(i: Install, today: date, per_page: int, **options: Any) -> list[Any]:
    doc = Principal("session", i.people["clinician_a"])
    found: list[Any] = []
    number = 1
    while True:
        page = caseload.patient_page(
            db=i.database, principal=doc, today=today, page=number, per_page=per_page, **options
        )
        found.extend(page.rows)
        full = _full(i, today, **options)
        if page.total != len(full):
            listed = caseload.patient_list(db=i.database, principal=doc, today=today, **options)
            mine = {r.account_id for r in listed}
            print("DIFF", today, options, [r for r in full if r.account_id not in mine])
        assert page.total == len(full)
        if number >= page.pages:
            return found
        number += 1


def _check_rows(i: Install, people: list[tuple[int, PersonStore]]) -> None:
    """Each stored row equals the row made again from the records (as of its day)."""
    with Session(i.database._engine) as db:
        for _, store in people:
            kept = caseload_summary.stored(db, store.person_id)
            assert kept is not None
            records = read_person(db, store.person_id, date.today())
            assert records is not None
            assert kept[0] == caseload_summary.encode(records)


@pytest.fixture
def made(database_url: str) -> Iterator[Install]:
    with install(database_url) as found:
        yield found


def test_the_rows_equal_a_recomputation_after_any_events(made: Install) -> None:
    examples = 12 if made.database.dialect == "sqlite" else 6
    count = iter(range(10**6))

    # No shrinking: each example writes a few dozen transactions, and a failure prints its plan.
    @settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.reuse, Phase.generate],
    )
    @given(plans, st.sampled_from(caseload.SORTS), st.sampled_from([None, "any", "no_session"]))
    def run(plan: list[Any], sort: caseload.SortKey, flagged: str | None) -> None:
        n = next(count)
        people = []
        for who in range(3):
            account = _account(made.database, f"h{n}-{who}@example.org", "patient", records="new")
            assert account.person_id is not None
            made.database.care_team(made.people["clinician_a"]).link(
                account.id, at=NOW - timedelta(days=40 - 10 * who)
            )
            with made.database._write() as db:
                named = update(Person).where(Person.id == account.person_id)
                db.execute(named.values(name=f"Example {n} {'cab'[who]}"))
            people.append((account.id, made.database.for_person(account.person_id)))
        _apply(made, people, plan)
        _check_rows(made, people)
        for today in (TODAY, TODAY + timedelta(days=3), TODAY + timedelta(days=30)):
            options = {"sort": sort, "flagged": flagged}
            assert _paged(made, today, 2, **options) == _full(made, today, **options)
        assert _paged(made, TODAY, 50, search="example") == _full(made, TODAY, search="example")

    run()
