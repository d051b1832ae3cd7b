"""The store's API, run on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import shutil
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from supple.planner.model import Plan, PlanItem
from supple.safety.profile import Profile
from supple.session.events import EndEvent, FeedbackEvent, ItemEvent, PainEvent
from supple.store import PersonStore, StoreError
from tests.records import person_records

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def key() -> str:
    return uuid.uuid4().hex


def make_plan() -> Plan:
    items = [
        PlanItem(
            exercise="cat_cow",
            name="Cat-cow",
            position="all_fours",
            sided=False,
            duration_s=60,
            seconds=60,
            why="moves the whole spine gently",
        ),
        PlanItem(
            exercise="knee_to_chest_single",
            name="Single knee to chest",
            position="supine",
            sided=True,
            hold_s=30,
            seconds=70,
            why="eases the lower back",
        ),
    ]
    return Plan(status="plan", items=items, total_seconds=130)


def item(index: int, exercise: str, status: str = "done", at: datetime = T0) -> ItemEvent:
    return ItemEvent(
        key=key(),
        at=at,
        index=index,
        exercise=exercise,
        planned_seconds=60,
        held_seconds=50,
        status=status,
    )


def test_profile_answers_are_kept_over_time(store: PersonStore) -> None:
    assert store.latest_profile() is None
    store.save_profile(Profile(pain_now=6), at=T0)
    store.save_profile(Profile(pain_now=4, minutes=20), at=T0 + timedelta(days=7))
    latest = store.latest_profile()
    assert latest is not None and latest.pain_now == 4 and latest.minutes == 20


def test_plan_round_trips(store: PersonStore) -> None:
    plan = make_plan()
    plan_id = store.save_plan(plan)
    assert store.get_plan(plan_id) == plan == store.find_plan(plan_id)
    with pytest.raises(StoreError, match="no plan 999"):
        store.get_plan(999)


def test_programmes_are_kept_apart_from_routines(tmp_path: Path) -> None:
    """Release 0.1.0 kept a multi-week programme as a plan row: it is never read as a routine."""
    copy = tmp_path / "supple.db"
    shutil.copyfile(Path(__file__).with_name("data") / "release-0.1.0.db", copy)
    with person_records(str(copy)) as store:
        kinds = {p.id: p.kind for p in store.export_all().plans}
        assert sorted(kinds.values()) == ["daily", "programme"]
        [programme_id] = [i for i, kind in kinds.items() if kind == "programme"]
        assert store.find_plan(programme_id) is None
        with pytest.raises(StoreError, match="multi-week programme"):
            store.get_plan(programme_id)
        with pytest.raises(StoreError, match="kept for multi-week programmes"):
            store.save_plan(make_plan(), kind="programme")


def test_session_events_and_resume(store: PersonStore) -> None:
    plan_id = store.save_plan(make_plan())
    session_key = key()
    sid = store.begin_session(plan_id, key=session_key, at=T0)
    assert store.begin_session(plan_id, key=session_key, at=T0) == sid  # idempotent
    assert store.record(sid, PainEvent(key=key(), at=T0, when="before", score=5))
    first = item(0, "cat_cow")
    assert store.record(sid, first) is True
    assert store.record(sid, first) is False  # sent twice, stored once
    assert store.record(
        sid, FeedbackEvent(key=key(), at=T0, index=0, exercise="cat_cow", feedback="too_easy")
    )
    state = store.unfinished_session()
    assert state is not None
    assert state.id == sid and state.plan_id == plan_id and state.plan == make_plan()
    assert state.done == {0} and state.skipped == set() and state.next_index == 1
    assert state.pain_before == 5 and state.feedback == {0: "too_easy"}
    assert state.held_seconds == {0: 50} and state.events == 3
    store.record(sid, item(1, "knee_to_chest_single", "skipped"))
    store.record(sid, PainEvent(key=key(), at=T0, when="after", score=3))
    store.record(sid, EndEvent(key=key(), at=T0 + timedelta(minutes=5), status="finished"))
    assert store.unfinished_session() is None
    hist = store.history()
    assert len(hist.sessions) == 1
    summary = hist.sessions[0]
    assert (summary.status, summary.done, summary.skipped) == ("finished", 1, 1)
    assert (summary.pain_before, summary.pain_after, summary.seconds_held) == (5, 3, 100)
    assert summary.ended_at == T0 + timedelta(minutes=5)


def test_the_latest_unfinished_session_is_resumed(store: PersonStore) -> None:
    plan_id = store.save_plan(make_plan())
    store.begin_session(plan_id, key=key(), at=T0)
    later = store.begin_session(plan_id, key=key(), at=T0 + timedelta(hours=2))
    state = store.unfinished_session()
    assert state is not None and state.id == later


def test_unknown_exercise_is_refused_and_nothing_written(store: PersonStore) -> None:
    sid = store.begin_session(None, key=key(), at=T0)
    before = store.database.counts()
    with pytest.raises(StoreError, match=r"no exercise 'cat_coww'.*cat_cow"):
        store.record(sid, item(0, "cat_coww"))
    assert store.database.counts() == before


def test_event_for_a_missing_session_is_refused(store: PersonStore) -> None:
    with pytest.raises(StoreError, match="no session 42"):
        store.record(42, item(0, "cat_cow"))


def test_an_item_index_keeps_its_exercise(store: PersonStore) -> None:
    sid = store.begin_session(None, key=key(), at=T0)
    store.record(sid, item(0, "cat_cow"))
    with pytest.raises(StoreError, match="is 'cat_cow'"):
        store.record(sid, item(0, "knee_to_chest_single"))


def test_pain_log_and_range(store: PersonStore) -> None:
    pid = store.log_pain(7, note="  stiff after driving  ", at=T0)
    assert pid > 0
    entry = store.history().pain[0]
    assert (entry.score, entry.moment, entry.note, entry.at) == (
        7,
        "daily",
        "stiff after driving",
        T0,
    )
    before = store.database.counts()
    bad_scores: list[Any] = [-1, 11, 3.5, True]  # the store is handed what a caller sends
    for bad in bad_scores:
        with pytest.raises(StoreError, match="0 to 10"):
            store.log_pain(bad)
    assert store.database.counts() == before


def test_psfs_names_up_to_five_activities(store: PersonStore) -> None:
    assert store.save_psfs({"climbing stairs": 3, "sitting  an hour": 5}, at=T0) == 2
    assert store.psfs_activities() == ["climbing stairs", "sitting an hour"]
    store.save_psfs({"climbing stairs": 5}, at=T0 + timedelta(days=7))
    store.save_psfs({"gardening": 2, "lifting a child": 4, "running": 1})
    before = store.database.counts()
    with pytest.raises(StoreError, match="at most 5"):
        store.save_psfs({"cycling": 3})
    with pytest.raises(StoreError, match="0 to 10"):
        store.save_psfs({"running": 11})
    assert store.database.counts() == before


def test_tracking_input_uses_local_days(store: PersonStore) -> None:
    plan_id = store.save_plan(make_plan())
    sid = store.begin_session(plan_id, key=key(), at=T0)
    store.record(
        sid, FeedbackEvent(key=key(), at=T0, index=0, exercise="cat_cow", feedback="painful")
    )
    store.record(sid, EndEvent(key=key(), at=T0, status="stopped"))
    store.log_pain(4, at=T0)
    store.save_psfs({"climbing stairs": 3}, at=T0)
    today = T0.astimezone().date() + timedelta(days=3)
    data = store.tracking_input(today=today)
    day = T0.astimezone().date()
    assert data.today == today and data.days_per_week == 7
    assert [(s.day, s.status) for s in data.sessions] == [(day, "stopped")]
    assert [(p.day, p.score, p.moment) for p in data.pain] == [(day, 4, "daily")]
    assert [(f.exercise, f.feedback) for f in data.feedback] == [("cat_cow", "painful")]
    assert [(p.activity, p.score) for p in data.psfs] == [("climbing stairs", 3)]
    # feedback older than the window is not handed over
    later = store.tracking_input(today=today + timedelta(days=60))
    assert later.feedback == () and len(later.sessions) == 1
    store.set_days_per_week(4)
    assert store.tracking_input().days_per_week == 4
    with pytest.raises(StoreError):
        store.set_days_per_week(8)


def test_naive_times_are_taken_as_local_time(store: PersonStore) -> None:
    local = datetime(2026, 5, 1, 9, 30)
    store.log_pain(2, at=local)
    assert store.history().pain[0].at == local.astimezone().astimezone(UTC)


def test_reopening_keeps_everything(database_url: str) -> None:
    with person_records(database_url) as first:
        first.log_pain(3, at=T0)
        person = first.person_id
    with person_records(database_url) as again:
        assert again.person_id == person
        assert again.database.migration_backup is None
        assert [p.score for p in again.history().pain] == [3]


def test_the_moves_done_and_the_feedback_come_from_one_read(store: PersonStore) -> None:
    plan = make_plan()
    first, second = (i.exercise for i in plan.items[:2])
    sid = store.begin_session(store.save_plan(plan), key=key(), at=T0)
    store.record(sid, item(0, first))
    store.record(sid, FeedbackEvent(key=key(), at=T0, index=0, exercise=first, feedback="too_easy"))
    store.record(sid, item(1, second, "skipped"))
    store.record(sid, FeedbackEvent(key=key(), at=T0, index=1, exercise=second, feedback="painful"))
    store.record(sid, EndEvent(key=key(), at=T0, status="stopped"))
    today = T0.astimezone().date() + timedelta(days=3)
    data = store.tracking_input(today=today)
    # done: only the move done; feedback: both, the skipped one too, in the plan's order
    assert [d.exercise for d in data.done] == [first]
    assert [(f.exercise, f.feedback) for f in data.feedback] == [
        (first, "too_easy"),
        (second, "painful"),
    ]
    window, digest = store.tracking_window(today, since=today - timedelta(days=36))
    assert window == data  # every record here is in the window
    assert digest == store.tracking_digest(today) and digest.feedback == data.feedback
