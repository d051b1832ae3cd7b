"""Two people in one database, each with a bit of everything, for the isolation tests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from supple.planner.model import Plan, PlanItem
from supple.safety.profile import Profile
from supple.session.events import EndEvent, FeedbackEvent, ItemEvent, PainEvent, SpreadEvent
from supple.store import PersonStore, Store

T0 = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)


def key() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class Filled:
    """What one person's records hold: ids and the words only they wrote."""

    person: int
    plan_id: int
    session_id: int
    session_key: str
    open_key: str
    note: str
    activity: str


def routine(exercise: str = "cat_cow") -> Plan:
    item = PlanItem(
        exercise=exercise,
        name="A move",
        position="all_fours",
        sided=False,
        duration_s=60,
        seconds=65,
        why="for the test",
    )
    return Plan(status="plan", items=[item], total_seconds=65)


def fill(records: PersonStore, tag: str, *, minutes: int) -> Filled:
    """Answers, a plan, a finished and an unfinished session, pain, PSFS and notes."""
    records.save_profile(Profile(minutes=minutes), at=T0)
    plan_id = records.save_plan(routine(), at=T0)
    done_key = f"{tag}-session-done"
    sid = records.begin_session(plan_id, key=done_key, at=T0)
    records.record(sid, PainEvent(key=key(), at=T0, when="before", score=6))
    item = ItemEvent(
        key=key(),
        at=T0,
        index=0,
        exercise="cat_cow",
        planned_seconds=60,
        held_seconds=60,
        status="done",
    )
    records.record(sid, item)
    fb = FeedbackEvent(key=key(), at=T0, index=0, exercise="cat_cow", feedback="painful")
    records.record(sid, fb)
    records.record(sid, SpreadEvent(key=key(), at=T0, index=0, exercise="cat_cow"))
    records.record(sid, EndEvent(key=key(), at=T0 + timedelta(minutes=5), status="finished"))
    open_key = f"{tag}-session-open"
    records.begin_session(plan_id, key=open_key, at=T0 + timedelta(days=1))
    note = f"{tag} private note"
    records.log_pain(4, note=note, at=T0 + timedelta(hours=3))
    activity = f"{tag} private activity"
    records.save_psfs({activity: 3}, at=T0)
    records.add_note(f"{tag} note on a session", session_id=sid, at=T0)
    # The programme's records (issue 11): a walking plan and a walk, a lesson read, a movement
    # test and the support questionnaire.
    records.start_walking(600, at=T0)
    records.log_walk(minutes * 60, at=T0)
    records.mark_read("sleep", at=T0)
    records.save_direction_test({"position": "lying", "tag": tag}, at=T0)
    records.save_questionnaire(
        {"tag_answer": minutes}, instrument="supple-10", score=minutes, tier="low", at=T0
    )
    return Filled(records.person_id, plan_id, sid, done_key, open_key, note, activity)


def two_people(url: str) -> tuple[Filled, Filled]:
    """Fill the database at ``url`` with two people, A then B."""
    with Store.open(url) as database:
        first = database.for_person(database.person())
        a = fill(first, "alice", minutes=10)
        second = database.for_person(database.add_person("bea"))
        b = fill(second, "bea", minutes=20)
    return a, b
