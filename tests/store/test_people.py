"""A per-person store: one person can neither read nor change another's records."""

from __future__ import annotations

from datetime import timedelta

import pytest

from supple.session.events import EndEvent, PainEvent
from supple.store import KeyConflict, PersonStore, Store, StoreError
from supple.store.backup.schema import SECTIONS
from supple.store.people import choose
from tests.people import T0, Filled, key, routine, two_people


@pytest.fixture(params=["a-looks-at-b", "b-looks-at-a"])
def pair(request: pytest.FixtureRequest, database_url: str) -> tuple[Filled, Filled]:
    """(me, them): the two people, in both orders."""
    a, b = two_people(database_url)
    return (a, b) if request.param == "a-looks-at-b" else (b, a)


def _snapshot(database: Store, person: int) -> dict[str, object]:
    data = database.for_person(person).export_all().model_dump(mode="json")
    data.pop("exported_at")
    return data


def test_reads_see_only_ones_own_records(database_url: str, pair: tuple[Filled, Filled]) -> None:
    me, them = pair
    with Store.open(database_url) as database:
        mine = database.for_person(me.person)
        assert mine.find_plan(them.plan_id) is None
        with pytest.raises(StoreError, match=f"no plan {them.plan_id}"):
            mine.get_plan(them.plan_id)
        latest = mine.latest_profile()
        assert latest is not None and latest.minutes == (10 if me.note.startswith("a") else 20)
        unfinished = mine.unfinished_session()
        assert unfinished is not None and unfinished.key == me.open_key
        history = mine.history(limit=100)
        assert {s.id for s in history.sessions} == {me.session_id, unfinished.id}
        assert [p.note for p in history.pain if p.note] == [me.note]
        assert mine.psfs_activities() == [me.activity]
        records = mine.tracking_input(T0.date() + timedelta(days=3))
        assert len(records.sessions) == 2 and len(records.psfs) == 1
        assert len(records.feedback) == 1 and len(records.pain) == 2
        exported = mine.export_all()
        assert {p.id for p in exported.plans} == {me.plan_id}
        assert them.note not in exported.model_dump_json()
        assert them.activity not in exported.model_dump_json()
        assert all(n.session_id != them.session_id for n in exported.notes)
        assert sum(mine.counts().values()) == sum(len(getattr(exported, s)) for s in SECTIONS)


def test_writes_cannot_reach_anothers_records(
    database_url: str, pair: tuple[Filled, Filled]
) -> None:
    me, them = pair
    with Store.open(database_url) as database:
        before = _snapshot(database, them.person)
        mine = database.for_person(me.person)
        pain = PainEvent(key=key(), at=T0, when="after", score=1)
        with pytest.raises(StoreError, match=f"no session {them.session_id}"):
            mine.record(them.session_id, pain)
        with pytest.raises(StoreError, match=f"no plan {them.plan_id}"):
            mine.begin_session(them.plan_id, key=key(), at=T0)
        with pytest.raises(KeyConflict, match="already in use"):
            mine.begin_session(me.plan_id, key=them.open_key, at=T0)
        with pytest.raises(StoreError, match=f"no session {them.session_id}"):
            mine.follow_plan(them.session_id, routine())
        with pytest.raises(StoreError, match=f"no session {them.session_id}"):
            mine.add_note("not mine", session_id=them.session_id)
        # Their activity's name is a new activity of mine, not a score of theirs.
        mine.save_psfs({them.activity: 9})
        mine.set_days_per_week(3)
        mine.log_pain(9, note="mine")
        assert _snapshot(database, them.person) == before
        theirs = database.for_person(them.person)
        assert theirs.tracking_input().days_per_week == 7
        assert theirs.psfs_activities() == [them.activity]


def test_an_event_key_is_one_persons(database_url: str, pair: tuple[Filled, Filled]) -> None:
    me, them = pair
    with Store.open(database_url) as database:
        theirs = database.for_person(them.person)
        end = EndEvent(key=key(), at=T0, status="stopped")
        assert theirs.record(them.session_id, end) is True
        mine = database.for_person(me.person)
        with pytest.raises(KeyConflict, match="event key"):
            mine.record(me.session_id, end)  # the same key again, from someone else
        assert theirs.record(them.session_id, end) is False  # their retry still counts once


def test_a_session_key_stays_with_its_plan(store: PersonStore) -> None:
    first = store.save_plan(routine())
    second = store.save_plan(routine("bird_dog"))
    sid = store.begin_session(first, key="same-key-1", at=T0)
    assert store.begin_session(first, key="same-key-1", at=T0) == sid
    with pytest.raises(KeyConflict, match=f"session same-key-1 is a session of plan {first}"):
        store.begin_session(second, key="same-key-1", at=T0)


def test_choosing_the_person() -> None:
    assert choose([], None, "db") is None
    assert choose([4], None, "db") == 4
    assert choose([4, 9], 9, "db") == 9
    with pytest.raises(StoreError, match=r"2 people; choose one with SUPPLE_PERSON \(one of 4, 9"):
        choose([4, 9], None, "db")
    with pytest.raises(StoreError, match="no person 5"):
        choose([4, 9], 5, "db")


def test_a_new_database_serves_its_one_person(database_url: str) -> None:
    with Store.open(database_url) as database:
        [me] = database.person_ids()  # the schema makes the first person
        assert database.person() == me and database.person(me) == me
        other = database.add_person("bea")
        with pytest.raises(StoreError, match="choose one with SUPPLE_PERSON"):
            database.person()
        assert database.person(other) == other
        with pytest.raises(StoreError, match="no person"):
            database.for_person(other + 10)
