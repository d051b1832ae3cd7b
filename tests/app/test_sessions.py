"""Sessions through the use cases, on a real store (SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest

from supple.app import plans, sessions
from supple.app.errors import Conflict, NotFound, Refused
from supple.library import load_library
from supple.planner import timing
from supple.planner.dose import base_dose
from supple.planner.model import Plan
from supple.planner.plan import plan_item
from supple.safety.profile import Profile
from supple.session.events import EndEvent, FeedbackEvent, ItemEvent, PainEvent, SessionEvent
from supple.session.outcome import work_seconds
from supple.store import PersonStore

LIB = load_library()
AT = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
DAY = date(2026, 3, 2)


def key() -> str:
    return uuid.uuid4().hex


def _plan(*ids: str, age: int | None = None) -> Plan:
    items = [plan_item(LIB[i], base_dose(LIB[i], age=age), []) for i in ids]
    return Plan(status="plan", items=items, total_seconds=timing.total_seconds(items))


def _item(plan: Plan, index: int, status: str = "done") -> ItemEvent:
    planned = work_seconds([plan.items[index]])
    return ItemEvent.model_validate(
        {
            "key": key(),
            "at": AT,
            "index": index,
            "exercise": plan.items[index].exercise,
            "planned_seconds": planned,
            "held_seconds": planned if status == "done" else 0,
            "status": status,
        }
    )


def test_the_easier_variant_mid_session_is_recorded_truly(store: PersonStore) -> None:
    """Taking the easier variant in `supple start` stopped with 'item 1 of session 1 is
    standing_hamstring_stretch, not chair_hamstring_stretch' at the variant's first event: the
    session now follows a plan with the variant after the move that hurt."""
    store.save_profile(Profile(age=70))
    plan = _plan("march_on_the_spot", "standing_hamstring_stretch", "cat_cow", age=70)
    session = sessions.start(store=store, plan=plan, key=key(), at=AT)
    rule = sessions.substitution(store=store, library=LIB, today=DAY)
    hurt = FeedbackEvent(
        key=key(), at=AT, index=1, exercise="standing_hamstring_stretch", feedback="painful"
    )
    before: list[SessionEvent] = [PainEvent(key=key(), at=AT, when="before", score=4)]
    for event in [*before, _item(plan, 0), hurt]:
        assert sessions.record(store=store, session=session, event=event)
    easier = sessions.take_easier(store=store, session=session, index=1, substitute=rule)
    assert easier is not None and easier.id == session.id and easier.plan_id != session.plan_id
    assert [i.exercise for i in easier.plan.items] == [
        "march_on_the_spot",
        "standing_hamstring_stretch",
        "chair_hamstring_stretch",
        "cat_cow",
    ]
    with pytest.raises(Refused, match="item 2 of the plan is 'cat_cow'"):
        sessions.record(store=store, session=session, event=_item(easier.plan, 2))  # old plan
    after: list[SessionEvent] = [_item(easier.plan, 1, "skipped"), _item(easier.plan, 2)]
    after += [_item(easier.plan, 3), EndEvent(key=key(), at=AT, status="finished")]
    for event in after:
        assert sessions.record(store=store, session=easier, event=event)
    [summary] = store.history().sessions
    assert (summary.status, summary.done, summary.skipped) == ("finished", 3, 1)
    data = store.export_all()
    assert [s.plan_id for s in data.sessions] == [easier.plan_id]
    rows = sorted((i.idx, i.exercise, i.status, i.feedback) for i in data.items)
    assert rows == [
        (0, "march_on_the_spot", "done", None),
        (1, "standing_hamstring_stretch", "skipped", "painful"),
        (2, "chair_hamstring_stretch", "done", None),
        (3, "cat_cow", "done", None),
    ]
    assert store.find_plan(easier.plan_id) == easier.plan


def test_resume_follows_the_plan_the_session_follows(store: PersonStore) -> None:
    plan = _plan("standing_hamstring_stretch", "cat_cow")
    session = sessions.start(store=store, plan=plan, key=key(), at=AT)
    rule = sessions.substitution(store=store, library=LIB, today=DAY)
    easier = sessions.take_easier(store=store, session=session, index=0, substitute=rule)
    assert easier is not None
    sessions.record(store=store, session=easier, event=_item(easier.plan, 0, "skipped"))
    found = sessions.resume(store=store)
    assert found is not None and found.session == easier and found.next_index == 1


def test_no_easier_variant_and_bad_indexes(store: PersonStore) -> None:
    plan = _plan("cat_cow", "march_on_the_spot")
    session = sessions.start(store=store, plan=plan, key=key(), at=AT)
    rule = sessions.substitution(store=store, library=LIB, today=DAY)
    assert sessions.take_easier(store=store, session=session, index=1, substitute=rule) is None
    with pytest.raises(Refused, match="no item 9"):
        sessions.take_easier(store=store, session=session, index=9, substitute=rule)
    with pytest.raises(Refused, match="no item 5"):
        sessions.record(store=store, session=session, event=_item(_plan(*["cat_cow"] * 6), 5))


def test_begin_needs_a_kept_routine(store: PersonStore) -> None:
    with pytest.raises(NotFound, match="no plan 99"):
        sessions.begin(store=store, plan_id=99, key=key(), at=AT)
    why = {"urgency": "emergency", "reasons": ["a sign to get checked"], "advice": "get checked"}
    referral = Plan.model_validate({"status": "refer", "referral": why})
    with pytest.raises(Conflict, match="referral"):
        plans.keep(store=store, plan=referral)
    plan_id = store.save_plan(referral)
    with pytest.raises(Conflict, match="no exercises"):
        sessions.begin(store=store, plan_id=plan_id, key=key(), at=AT)
